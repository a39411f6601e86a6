/// The unit an assessment ranks, and how a case belongs to it.
///
/// - department: the case's responsible department — the lead department when several
///   share it (`cases.department_id`, set by the dispatch; a returned case has none until
///   it is dispatched again);
/// - community: the case's community;
/// - cadre: for a case raised on a visit, each cadre of that visit (both of a pair);
///   otherwise the cadre who took it in (the operator, when the operator is a cadre).
public enum AssessedUnit: String, Sendable, CaseIterable {
    case department, community, cadre, subdistrict

    public var kind: RecordKind {
        switch self {
        case .department: return .department
        case .community: return .community
        case .cadre: return .cadre
        case .subdistrict: return .subdistrict
        }
    }
}

/// How the analysis groups requests.
public enum AnalysisGroup: String, Sendable, CaseIterable {
    case category, community, source
}

/// What supervision, assessment and analysis need from a database beyond the generic
/// `Store`: aggregate questions, each answered by GROUP BY statements, so a period of a
/// million cases is counted by the database and never loaded. `SQLStore` conforms.
public protocol AssessmentStore: AnyObject {
    /// The counts behind the three rates of each unit's cases created in `[from, to)`, as of
    /// `now`, spot-check callbacks included. The nil key holds cases that belong to no unit.
    func caseTallies(_ unit: AssessedUnit, from: Timestamp, to: Timestamp, now: Timestamp) throws -> [Int?: UnitTally]
    /// Visits made on the days of the window, per unit (a department: visits by its cadres).
    func visitCounts(_ unit: AssessedUnit, _ window: DayWindow) throws -> [Int: Int]
    /// Requests created in `[from, to)` per group (a category, a community's name, a source),
    /// an empty key for none.
    func requestCounts(by group: AnalysisGroup, from: Timestamp, to: Timestamp) throws -> [(String, Int)]
    /// Compound and category pairs with at least `hot` requests in `[from, to)`, or at least
    /// one there and `hot + 1` in `[windowFrom, to)`; busiest first.
    func hotSpots(from: Timestamp, windowFrom: Timestamp, to: Timestamp, hot: Int, limit: Int) throws -> [HotSpot]
    /// Open cases (neither resolved nor closed) created before `before`, oldest first:
    /// `id`, `title`, `category`, `community`, `status`, `created_at`, `resolve_due`.
    func oldestOpen(before: Timestamp, limit: Int) throws -> [StoredRecord]
    /// The numbers of the cases a query selects, in case-number order, one at a time.
    func caseNumbers(_ query: Query, now: Timestamp, _ body: (Int) throws -> Void) throws
}

extension Interpreter {
    /// The store's assessment queries, or a clear error when a store cannot answer them.
    var assessmentStore: AssessmentStore {
        get throws {
            guard let s = store as? AssessmentStore else {
                throw ScriptError.runtime("this database cannot answer assessment questions", "此数据库不支持考评统计")
            }
            return s
        }
    }
}
