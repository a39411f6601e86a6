/// `import KIND FILE.csv`: bulk loading through the add commands themselves.
///
/// The header names the options of the kind's add command (English or Chinese, e.g.
/// `address,compound,head,phone,tags` or `地址,楼院,户主,电话,标签`), so a row is checked
/// exactly as the same command typed at the prompt would be. Every bad row is reported
/// with its line; if any row is bad, nothing is imported. The file is read one row at a time.
extension Interpreter {
    /// Which command reads each kind's rows; a family that wants `import` for its kind adds a line.
    static let importers: [RecordKind: CommandID] = [
        .department: .deptAdd, .community: .communityAdd, .compound: .compoundAdd, .household: .householdAdd,
        .enterprise: .enterpriseAdd, .cadre: .cadreAdd, .leaderLink: .leaderLink, .assignment: .assign, .pair: .pair,
    ]

    func importTable(_ inv: Invocation) throws -> [Output] {
        guard case .kind(let kind)? = inv["kind"]?.value, let path = inv.text("file"), let fileLoc = inv["file"]?.location else { return [] }
        guard let id = Self.importers[kind], let spec = table.commands.first(where: { $0.id == id }), let handler = Self.handlers[id] else {
            let kinds = Self.importers.keys.map { $0.schema.words[1] }.sorted().joined(separator: ", ")
            throw ScriptError.validation(
                "\(kind.schema.plural.en) cannot be imported", "\(kind.schema.plural.zh)不能导入", at: inv["kind"]?.location,
                hint: Localized(en: "importable: \(kinds)", zh: "可导入：\(kinds)"))
        }
        let reader = try openTableFile(path, at: fileLoc, encoding: inv.text("encoding").flatMap(TextEncoding.init(rawValue:)) ?? .utf8)
        let columns = try importColumns(reader.header, spec: spec, file: path)
        var rows = 0, bad = 0, lastLine = 1
        while let (line, fields) = try nextRow(reader, file: path, after: lastLine, at: fileLoc) {
            lastLine = line
            if fields.allSatisfy({ $0.trimmingWhitespace().isEmpty }) { continue }
            rows += 1
            do {
                let rowInv = try rowInvocation(fields, line: line, columns: columns, spec: spec, file: path, source: inv.source)
                _ = try store.transaction(.writes) { try handler(self, rowInv) }
            } catch let e as ScriptError {
                bad += 1
                diagnostics.report(e.located(at: SourceLocation(file: path, line: line, column: 1)), sourceLine: nil, language: lang)
            }
        }
        let what = Localized(en: rows == 1 ? kind.schema.label.en : kind.schema.plural.en, zh: kind.schema.label.zh)
        guard bad == 0 else {
            throw ScriptError.runtime(
                "nothing imported: \(bad) of \(rows) rows in '\(path)' have errors", "未导入任何记录：'\(path)' 的 \(rows) 行中有 \(bad) 行有错误", at: fileLoc,
                hint: Localized(en: "fix the lines above and import the file again", zh: "请改正上面列出的行后重新导入"))
        }
        return [.text(lang == .zh ? "已从 '\(path)' 导入\(what.zh) \(rows) 条" : "imported \(rows) \(what.en) from '\(path)'")]
    }

    /// A CSV file named in a command, relative to the script, opened for reading.
    func openTableFile(_ path: String, at loc: SourceLocation, encoding: TextEncoding = .utf8) throws -> TableFileReader {
        guard let open = openTable else {
            throw ScriptError.runtime("this shell cannot read CSV files", "此环境不能读取 CSV 文件", at: loc)
        }
        let full = resolvePath(path, relativeTo: scriptStack.last)
        guard fileExists(full) else {
            throw ScriptError(.io, Localized(en: "no file '\(path)'", zh: "没有文件 '\(path)'"), at: loc)
        }
        do {
            return try open(full, path, encoding)
        } catch {
            throw ScriptError(.io, Localized(en: "'\(path)' is not a readable CSV file", zh: "'\(path)' 不是可读的 CSV 文件"), at: loc)
        }
    }

    /// The next row; a file that stops being CSV is an error after the last good line.
    func nextRow(_ reader: TableFileReader, file: String, after line: Int, at loc: SourceLocation) throws -> (Int, [String])? {
        try checkCancelled()
        do {
            return try reader.next()
        } catch let e as ScriptError where e.location != nil {
            throw e
        } catch {
            throw ScriptError(
                .io, Localized(en: "'\(file)' is not valid CSV after line \(line)", zh: "'\(file)' 第 \(line) 行之后不是有效的 CSV"), at: loc)
        }
    }

    /// The parameter each header column fills; unknown, repeated or missing columns are errors.
    func importColumns(_ header: [String], spec: CommandSpec, file: String) throws -> [ParameterSpec?] {
        let params = spec.arguments + spec.options
        let names = params.listed
        var seen = Set<String>()
        var out: [ParameterSpec?] = []
        var column = 1
        for raw in header {
            let h = raw.trimmingWhitespace()
            let loc = SourceLocation(file: file, line: 1, column: column)
            column += raw.count + 1
            guard let p = params.first(where: { $0.matches(h) }) else {
                throw ScriptError.validation(
                    "unknown column '\(h)' for \(spec.displayName)", "'\(spec.name(.zh))' 没有列 '\(h)'", at: loc,
                    hint: Suggestion.hint(for: h, in: params.flatMap { [$0.name] + $0.aliases }) ?? Localized(en: "columns: \(names.en)", zh: "可用列：\(names.zh)"))
            }
            guard seen.insert(p.name).inserted else {
                throw ScriptError.validation("column '\(h)' given twice", "列 '\(h)' 重复", at: loc)
            }
            out.append(p)
        }
        for p in params where p.required && !seen.contains(p.name) {
            throw ScriptError.validation(
                "'\(file)' has no column '\(p.name)'", "'\(file)' 缺少列 '\(p.name(.zh))'", at: SourceLocation(file: file, line: 1, column: 1),
                hint: Localized(en: "columns: \(names.en)", zh: "可用列：\(names.zh)"))
        }
        return out
    }

    /// One CSV row as the add command would have been typed; empty cells are left out.
    func rowInvocation(_ fields: [String], line: Int, columns: [ParameterSpec?], spec: CommandSpec, file: String, source: String) throws -> Invocation {
        let rowLoc = SourceLocation(file: file, line: line, column: 1)
        guard fields.count == columns.count else {
            throw ScriptError.validation(
                "the row has \(fields.count) fields, the header \(columns.count)", "此行有 \(fields.count) 个字段，表头有 \(columns.count) 个", at: rowLoc)
        }
        var values: [String: BoundValue] = [:]
        var column = 1
        let context = session.bindingContext
        for (field, param) in zip(fields, columns) {
            let loc = SourceLocation(file: file, line: line, column: column)
            column += field.count + 1 + (CSVText.field(field) == field ? 0 : field.count(where: { $0 == "\"" }) + 2)
            let text = field.trimmingWhitespace()
            guard let param, !text.isEmpty else { continue }
            let parts =
                param.list ? text.split(whereSeparator: { ",，、;；".contains($0) }).map { String($0).trimmingWhitespace() }.filter { !$0.isEmpty } : [text]
            var bound: [Value] = []
            for part in parts {
                bound.append(try context.value(of: Token(.string(part), at: loc), as: param.type, named: param.name))
            }
            values[param.name] = BoundValue(value: param.list ? .list(bound) : bound[0], location: loc)
        }
        for p in spec.arguments + spec.options where p.required && values[p.name] == nil {
            throw ScriptError.validation("\(p.name) is empty", "\(p.name) 为空", at: rowLoc)
        }
        return Invocation(spec: spec, values: values, rest: [], location: rowLoc, source: "\(source)  # \(file):\(line)")
    }
}
