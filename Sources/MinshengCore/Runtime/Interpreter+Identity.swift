extension Interpreter {
    /// Starts the session as `asked` (nil: as the login), checked when the database is first
    /// needed, so `help` or a typo costs no connection and a server's refusal is located.
    public func startAs(_ asked: String?) {
        pendingOperator = .some(asked)
        if let asked { session.actor = asked }
    }

    /// Decides the operator `startAs` left pending.
    func settleOperator() throws {
        guard let pending = pendingOperator else { return }
        session.actor = try startingOperator(pending)
        pendingOperator = nil
    }

    /// The operator a session starts with: the one asked for (`--as`), checked, or else the
    /// login. On a server that authenticated the login, nobody may act under another name:
    /// a different `--as` is refused. On a file the OS user is kept beside any name given.
    public func startingOperator(_ asked: String?) throws -> String {
        let identity = try store.identity()
        guard let asked else { return try boundCadre(identity) ?? identity.login }
        try checkOperator(asked, identity, at: nil)
        return asked
    }

    /// Refuses `name` as the operator when the database authenticated someone else: the
    /// login may act as itself or as the cadre its grants bind it to (and a login with every
    /// power already, the server's owner, may load work under any name).
    func checkOperator(_ name: String, _ identity: Identity, at loc: SourceLocation?) throws {
        guard identity.authenticated, !identity.privileged, name != identity.login else { return }
        let cadre = try boundCadre(identity)
        guard name != cadre else { return }
        throw ScriptError.validation(
            "cannot act as '\(name)': the server authenticated you as '\(identity.login)', and the change log names the login",
            "不能以 '\(name)' 的名义操作：服务器认证的登录名是 '\(identity.login)'，修改记录记的是登录名", at: loc,
            hint: Localized(
                en: "on a server the operator is the login\(cadre.map { " or its cadre, \($0)" } ?? ""): log in as \(name) to act as \(name)",
                zh: "在服务器上操作员就是登录名\(cadre.map { "或其对应的干部 \($0)" } ?? "")：以 \(name) 登录才能以其名义操作"))
    }

    /// The name of the cadre a server login's grants bind it to, if any.
    func boundCadre(_ identity: Identity) throws -> String? {
        guard identity.authenticated, let id = try currentAccess().grants.compactMap(\.cadre).first else { return nil }
        return try unitName(.cadre, id)
    }
}
