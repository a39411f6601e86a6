/// Comparing one field of a record with another of the same record (`resolved > due`).
extension QueryParser {
    /// Whether `raw` reads as a value of `field`'s type, so that a word naming a field too
    /// (`status = resolved`: a status, and a field) keeps meaning the value. Text is always a
    /// value; a reference given by a word that names a field means the field (quote a name
    /// to compare with a record so named).
    func isLiteral(_ raw: String, for field: FieldSpec) -> Bool {
        switch field.type {
        case .text, .phone, .tags, .computed, .decimal, .percent: return true
        case .integer: return Int(raw) != nil || RecordKind.forID(raw) != nil
        case .reference: return RecordKind.forID(raw) != nil
        case .choice(let set): return set.resolve(raw) != nil || (set == .caseStatus && ChoiceSet.openStatusWords.contains(raw.lowercased()))
        case .date, .dateTime: return timeRange(raw) != nil
        }
    }

    /// Grammar: condition := FIELD op FIELD   (both of one type)
    func fieldComparison(_ field: FieldSpec, _ op: Comparison, _ other: FieldSpec, opToken: Token, at token: Token) throws(ScriptError) -> Predicate {
        guard field.type == other.type else {
            throw .validation(
                "cannot compare \(field.name) (\(Self.typeName(field.type).en)) with \(other.name) (\(Self.typeName(other.type).en))",
                "不能比较\(field.label.zh)（\(Self.typeName(field.type).zh)）和\(other.label.zh)（\(Self.typeName(other.type).zh)）", at: token.location,
                hint: Localized(en: "compare two fields of one type, e.g. resolved > due", zh: "只能比较同一类型的两个字段，例如 办结时间 > 办结期限"))
        }
        switch field.type {
        case .choice, .reference:
            guard op == .equal || op == .notEqual else { throw opError(field, op, opToken, allowed: "= != (between two fields)") }
        case .phone:
            throw hiddenPhone(field, opToken)
        case .integer, .date, .dateTime:
            guard op != .contains else { throw opError(field, op, opToken, allowed: "= != < <= > >= (between two fields)") }
        default:
            throw .validation(
                "\(field.name) cannot be compared with another field", "\(field.label.zh)不能与其他字段比较", at: token.location,
                hint: Localized(en: "fields of times, dates, numbers, choices and records can be", zh: "时间、日期、数字、选项和关联记录字段可以相互比较"))
        }
        return .compareFields(field, op, other)
    }

    /// A field's type as a message names it.
    static func typeName(_ type: FieldType) -> Localized {
        switch type {
        case .text: return Localized(en: "text", zh: "文本")
        case .integer: return Localized(en: "a number", zh: "数字")
        case .dateTime: return Localized(en: "a time", zh: "时间")
        case .date: return Localized(en: "a date", zh: "日期")
        case .choice: return Localized(en: "a choice", zh: "选项")
        case .reference(let kind): return Localized(en: "a \(kind.schema.label.en)", zh: kind.schema.label.zh)
        case .tags: return Localized(en: "tags", zh: "标签")
        case .phone: return Localized(en: "a phone number", zh: "电话号码")
        case .computed: return Localized(en: "computed", zh: "计算值")
        case .decimal, .percent: return Localized(en: "a number", zh: "数字")
        }
    }
}
