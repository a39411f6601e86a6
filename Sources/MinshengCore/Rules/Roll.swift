/// Who counts as present at a meeting, and in what capacity a member may vote.
///
/// A member is present in person while signed in and not left. An absent member who
/// gave a proxy (委托) is present by proxy while the holder is present in person; the
/// same proxy does nothing while its giver is in the room, so nobody counts twice.
public struct Roll: Sendable, Equatable {
    /// A member's vote given to another member.
    public struct Proxy: Sendable, Equatable {
        public var giver: String
        public var holder: String

        public init(giver: String, holder: String) {
            self.giver = giver
            self.holder = holder
        }
    }

    /// Members present in person, in order of arrival.
    public var inPerson: [String]
    /// Absent members whose proxy holder is present, in the order the proxies were given.
    public var byProxy: [Proxy]

    /// Takes the roll from the members in the room and the proxies given.
    public init(inPerson: [String], proxies: [Proxy]) {
        self.inPerson = inPerson
        let here = Set(inPerson)
        byProxy = proxies.filter { !here.contains($0.giver) && here.contains($0.holder) }
    }

    /// Members present, in person or by proxy.
    public var present: Int { inPerson.count + byProxy.count }

    /// Members present at a vote: those present now plus those who already voted in it
    /// and have since left (their ballot stands, so they belong to the base).
    public func presentAtVote(voters: [String]) -> Int {
        var seen = Set(inPerson)
        for p in byProxy { seen.insert(p.giver) }
        for v in voters { seen.insert(v) }
        return seen.count
    }

    /// How a member stands for casting a ballot now.
    public enum Standing: Sendable, Equatable {
        case inPerson
        case byProxy(holder: String)
        /// Absent, and the proxy given (if any) has no holder in the room.
        case absent(proxyHolder: String?)
    }

    /// How `name` may vote now, given every proxy of the meeting.
    public func standing(of name: String, proxies: [Proxy]) -> Standing {
        if inPerson.contains(name) { return .inPerson }
        if let p = byProxy.first(where: { $0.giver == name }) { return .byProxy(holder: p.holder) }
        return .absent(proxyHolder: proxies.first { $0.giver == name }?.holder)
    }
}
