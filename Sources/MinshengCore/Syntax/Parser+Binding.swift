/// What binding needs from the session: variables and the clock in force.
public struct BindingContext: Sendable {
    public var variables: [String: String]
    public var lastID: String?
    public var now: Timestamp
    /// `set reveal on`: phone numbers may be searched in part and sorted.
    public var reveal: Bool
    /// The working calendar, for `working-age` (loaded only by a query that names it).
    public var calendar = WorkCalendar.shipped

    public init(variables: [String: String] = [:], lastID: String? = nil, now: Timestamp, reveal: Bool = false) {
        self.variables = variables
        self.lastID = lastID
        self.now = now
        self.reveal = reveal
    }

    /// The text of a word, string or variable token, as typed (full-width letters kept).
    public func text(of token: Token) throws(ScriptError) -> String {
        switch token.kind {
        case .word(let s): return token.typed ?? s
        case .string(let s): return s
        case .variable(let name):
            if name == "_" {
                guard let id = lastID else {
                    throw .runtime("'$_' is empty: no command has created a record yet", "'$_' 为空：还没有命令新建过记录", at: token.location)
                }
                return id
            }
            guard let v = variables[name] else {
                throw .validation(
                    "unknown variable '$\(name)'", "未定义的变量 '$\(name)'", at: token.location,
                    hint: Suggestion.hint(for: name, in: Array(variables.keys))
                        ?? Localized(en: "set it first: set \(name)=…", zh: "请先设置：设置 \(name)=…"))
            }
            return v
        default:
            throw .syntax("expected a value, found \(token.spelling)", "这里应是一个值，却是 \(token.spelling)", at: token.location)
        }
    }

    /// The text of a token as read: full-width letters, digits and signs as ASCII, for an
    /// id, a number, a date or a choice, whether it was quoted or not.
    public func folded(_ token: Token) throws(ScriptError) -> String {
        try text(of: token).foldingFullWidth
    }

    /// Reads one typed value. Free text and paths keep what was typed; every other type is
    /// read with full-width letters and digits folded, and a reference only when it then
    /// reads as an id (`Ｃ－１０１１`), since a name is text (`Ａ座`).
    public func value(of token: Token, as type: ValueType, named name: String, zhName: String? = nil) throws(ScriptError) -> Value {
        let typed = try text(of: token)
        let s = type == .text || type == .path ? typed : typed.foldingFullWidth
        let loc = token.location
        // The key as a Chinese user types it: `日期=`, else the English one.
        let zhKey = zhName ?? name
        switch type {
        case .text, .path, .name:
            if let problem = StoredText.problem(s, named: name) { throw ScriptError(.validation, problem, at: loc) }
            return .text(s)
        case .integer:
            guard let n = Int(s) else {
                throw .validation("\(name)= expects a whole number, not '\(s)'", "\(zhKey)= 需要整数，而不是 '\(s)'", at: loc)
            }
            return .integer(n)
        case .date:
            guard let d = day(s) else {
                throw .validation(
                    "\(name)= expects a date, not '\(s)'", "\(zhKey)= 需要日期，而不是 '\(s)'", at: loc,
                    hint: Localized(en: "write YYYY-MM-DD, today or today-7d", zh: "请写成 年-月-日（如 2019-12-03）、今天 或 今天-7天"))
            }
            return .day(d)
        case .dateTime:
            guard let t = time(s) else {
                throw .validation(
                    "\(name)= expects a date and time, not '\(s)'", "\(zhKey)= 需要日期时间，而不是 '\(s)'", at: loc,
                    hint: Localized(en: "write YYYY-MM-DDTHH:MM", zh: "请写成 年-月-日T时:分，如 2019-12-03T09:00"))
            }
            return .time(t)
        case .duration:
            guard let d = DeadlineLength.parse(s) else {
                throw .validation(
                    "\(name)= expects a duration, not '\(s)'", "\(zhKey)= 需要时长，而不是 '\(s)'", at: loc,
                    hint: Localized(en: "write e.g. 30m, 2h, 7d (calendar days) or 15wd (working days)", zh: "例如 30分钟、2小时、7天（自然日）或 15个工作日"))
            }
            return .duration(d)
        case .choice(let set):
            guard let c = set.resolve(s) else {
                let list = set.listed()
                throw .validation(
                    "'\(s)' is not a valid \(name); expected one of: \(list.en)", "'\(s)' 不是有效的\(zhName ?? " \(name)")，可选：\(list.zh)", at: loc,
                    hint: Suggestion.hint(for: s, in: set.spellings))
            }
            return .choice(c.value)
        case .reference(let kind): return .reference(kind, RecordKind.forID(s) != nil ? s : typed)
        case .kind:
            guard let k = RecordKind.named(s) else {
                throw .validation(
                    "unknown record kind '\(s)'", "未知的记录种类 '\(s)'", at: loc,
                    hint: Suggestion.hint(for: s, in: RecordKind.allWords)
                        ?? Localized(en: "kinds: " + RecordKind.allCases.map { $0.schema.words[1] }.joined(separator: ", "), zh: "种类：" + RecordKind.allCases.map { "\($0.schema.zhWords[0])（\($0.schema.words[1])）" }.joined(separator: "、")))
            }
            return .kind(k)
        }
    }

    /// `YYYY-MM-DD`, `today`/`今天`, `today-7d`, `yesterday`/`昨天`.
    public func day(_ s: String) -> Day? {
        if let d = Day.parse(s) { return d }
        let today = now.day
        if let named = RelativeDay.named(s) { return Day(ordinal: today.ordinal + named.rawValue) }
        for base in RelativeDay.today.words where s.lowercased().hasPrefix(base) {
            let rest = s.dropFirst(base.count)
            guard let sign = rest.first, sign == "-" || sign == "+", let d = Duration.parse(String(rest.dropFirst())),
                d.seconds % 86400 == 0
            else { return nil }
            let n = d.seconds / 86400
            return Day(ordinal: today.ordinal + (sign == "-" ? -n : n))
        }
        return nil
    }

    /// A date and time, a date (midnight), or `now`/`现在`.
    public func time(_ s: String) -> Timestamp? {
        if s.lowercased() == "now" || s == "现在" { return now }
        if let t = Timestamp.parse(s) { return t }
        return day(s).map { Timestamp(day: $0) }
    }
}

extension Parser {
    /// Binds the raw tokens of one parameter to its type.
    func bind(_ raw: [Token], to param: ParameterSpec) throws(ScriptError) -> BoundValue {
        guard let first = raw.first else {
            throw .syntax("expected a value", "缺少值", at: nil)
        }
        if raw.count > 1 && !param.list {
            throw .validation(
                "\(param.name) takes one value, not a list", "\(param.name(.zh)) 只能取一个值，不能是列表", at: raw[1].location,
                hint: param.type == .text
                    ? Localized(en: "text with a comma goes in quotes: \(param.name)=\"…，…\"", zh: "含逗号的文字请加引号：\(param.name(.zh))=“…，…”") : nil)
        }
        var values: [Value] = []
        for t in raw {
            values.append(try context.value(of: t, as: param.type, named: param.name, zhName: param.aliases.first { $0.isChinese }))
        }
        let v: Value = param.list ? .list(values) : values[0]
        return BoundValue(value: v, location: first.location)
    }
}
