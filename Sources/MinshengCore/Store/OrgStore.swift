/// What the org and visits family needs from a database beyond the generic `Store`:
/// the few aggregate questions of coverage, campaigns and planning, each one statement.
///
/// A family protocol rather than more `Store` requirements, so the shared protocol stays
/// narrow; `SQLStore` conforms in the store target.
public protocol OrgStore: AnyObject {
    /// Compounds nobody is assigned to: `id`, `name`, `community`, `households`, `special`.
    func compoundsWithoutCadre(community: Int?, specialTags: [String]) throws -> [StoredRecord]
    /// Compounds with no visit in the window: `id`, `name`, `community`, `households`, `special`, `last_visit`.
    func unvisitedCompounds(_ window: DayWindow, community: Int?, specialTags: [String]) throws -> [StoredRecord]
    /// Special-group households with no visit in the window:
    /// `id`, `address`, `head`, `phone`, `tags`, `compound_id`, `last_visit`.
    func unvisitedSpecialHouseholds(_ window: DayWindow, community: Int?, specialTags: [String]) throws -> [StoredRecord]
    /// Enterprises with no visit in the window: `id`, `name`, `community`, `contact`, `last_visit`.
    func unvisitedEnterprises(_ window: DayWindow, community: Int?) throws -> [StoredRecord]
    /// Compounds with open cases (status not in `finished`) and no visit in the window:
    /// `id`, `name`, `community`, `open_cases`.
    func unvisitedIssueCompounds(_ window: DayWindow, community: Int?, finished: [String]) throws -> [StoredRecord]
    /// The totals behind the coverage summary.
    func coverageCounts(_ window: DayWindow, community: Int?, specialTags: [String], finished: [String]) throws -> CoverageCounts
    /// Names of the cadres assigned to each compound, in assignment order.
    func cadresByCompound(community: Int?) throws -> [Int: [String]]
    /// A campaign's totals in the window (cases counted by `created_at` and `resolved_at`).
    func campaignTotals(_ window: DayWindow, community: Int?) throws -> CampaignTotals
    /// For planning: each compound's special-group households and last visit before `before`.
    func compoundFacts(community: Int?, specialTags: [String], before: Day) throws -> [Int: (special: Int, lastVisit: Day?)]
    /// The rows linked to `duplicate` that could not follow it to `kept` without breaking a
    /// uniqueness rule (see `MergeClash`), in the order of their kinds, then of their ids.
    func mergeClashes(_ kind: RecordKind, duplicate: Int, into kept: Int) throws -> [MergeClash]
    /// Moves every link of `duplicate` (every column of another record that names it) to
    /// `kept`, in the open transaction, and marks `duplicate` merged into it: when, by whom
    /// and why. A row that would clash (`mergeClashes`) stays where it is. Returns how many
    /// rows of each kind moved, in the order the links are known, kinds that moved none left out.
    func merge(_ kind: RecordKind, duplicate: Int, into kept: Int, at: Timestamp, by: String, reason: String) throws -> [(kind: RecordKind, rows: Int)]
}

/// A row linked to a record entered twice that cannot follow it to the record kept without
/// breaking a uniqueness rule, because the kept record has its own such row: the same cadre
/// on the same compound, the same pair, the same address in the same compound.
public struct MergeClash: Sendable, Equatable {
    /// The kind of the two rows (`assignment`, `pair`, `household` …).
    public var kind: RecordKind
    /// The duplicate's row, and the kept record's that it would clash with.
    public var duplicateRow: Int
    public var keptRow: Int

    public init(kind: RecordKind, duplicateRow: Int, keptRow: Int) {
        self.kind = kind
        self.duplicateRow = duplicateRow
        self.keptRow = keptRow
    }
}

/// The numbers of the coverage summary ("三个覆盖" and the compounds).
public struct CoverageCounts: Sendable, Equatable {
    public var compounds = 0, compoundsWithCadre = 0, compoundsVisited = 0
    public var special = 0, specialWithCadre = 0, specialVisited = 0
    public var enterprises = 0, enterprisesVisited = 0
    public var issueCompounds = 0, issueCompoundsVisited = 0

    public init() {}
}

extension Interpreter {
    /// The store's org queries, or a clear error when a store cannot answer them.
    var orgStore: OrgStore {
        get throws {
            guard let s = store as? OrgStore else {
                throw ScriptError.runtime("this database cannot answer coverage questions", "此数据库不支持覆盖统计")
            }
            return s
        }
    }
}
