extension Interpreter {
    static let orgHandlers: [CommandID: Handler] = [
        .deptAdd: { try $0.addNamed(.department, $1) }, .communityAdd: { try $0.addNamed(.community, $1) },
        .subdistrictAdd: { try $0.addNamed(.subdistrict, $1) },
    ]

    /// `dept add NAME`, `community add NAME`: records that are a name and nothing more yet.
    func addNamed(_ kind: RecordKind, _ inv: Invocation) throws -> [Output] {
        guard let name = inv.text("name"), let loc = inv["name"]?.location else { return [] }
        guard !name.trimmingWhitespace().isEmpty else {
            throw ScriptError.validation("a name cannot be empty", "名称不能为空", at: loc)
        }
        if try store.lookup(kind, name: name) != nil {
            throw ScriptError.runtime(
                "\(kind.schema.label.en) '\(name)' already exists", "\(kind.schema.label.zh) '\(name)' 已存在", at: loc)
        }
        var values: [String: StoreValue] = ["name": .text(name), "created_at": .text(session.now.storage), "created_by": .text(session.actor)]
        var details = [("name", name)]
        if let bound = inv["subdistrict"] {
            let s = try resolve(.subdistrict, bound)
            values["subdistrict_id"] = .integer(s)
            details.append(("subdistrict", RecordKind.subdistrict.id(s)))
        }
        let id = try store.insert(kind, values)
        try log(inv, "\(kind.rawValue).add", kind, id, details)
        let display = kind.id(id)
        session.lastID = display
        return [.text(lang == .zh ? "已添加\(kind.schema.label.zh) \(display) \(name)" : "added \(kind.schema.label.en) \(display) \(name)")]
    }
}
