import Testing

@testable import MinshengCore

let now = Timestamp.parse("2019-12-03T09:00") ?? Timestamp(seconds: 0)

func query(_ text: String, groups: Bool = false) throws -> Query {
    guard case .complete(let lines) = try Lexer(file: "q").lex(text), let line = lines.first else { throw ScriptError(.syntax, Localized("?")) }
    var end = line.location
    if let last = line.tokens.last {
        end = last.location
        end.column += last.spelling.count
    }
    var p = QueryParser(tokens: Array(line.tokens.dropFirst()), context: BindingContext(now: now), end: end)
    return try p.parse(allowGroups: groups)
}

/// Evaluates a predicate on one record, in Swift, to check what the SQL will do.
func holds(_ p: Predicate, _ record: [String: String]) -> Bool {
    func value(_ f: FieldSpec) -> String { record[f.column ?? ""] ?? "" }
    func text(_ v: QueryValue) -> String {
        switch v {
        case .text(let s): return s
        case .integer(let n): return String(n)
        case .time(let t): return t.storage
        }
    }
    switch p {
    case .and(let a, let b): return holds(a, record) && holds(b, record)
    case .or(let a, let b): return holds(a, record) || holds(b, record)
    case .not(let a): return !holds(a, record)
    case .isEmpty(let f): return value(f).isEmpty
    // A related row (`visited`) is given in the record as `exists:visit.household_id` = 1.
    case .exists(let table, let column): return record["exists:\(table).\(column)"] == "1"
    case .inList(let f, let vs): return vs.map(text).contains(value(f))
    case .range(let f, let lo, let hi): return value(f) >= text(lo) && value(f) < text(hi)
    case .compare(let f, let op, let v): return compare(value(f), op, text(v))
    // A missing value on either side compares as false, as in SQL.
    case .compareFields(let f, let op, let g): return !value(f).isEmpty && !value(g).isEmpty && compare(value(f), op, value(g))
    }
    func compare(_ a: String, _ op: Comparison, _ b: String) -> Bool {
        switch op {
        case .equal: return a == b
        case .notEqual: return a != b
        case .less: return a < b
        case .lessOrEqual: return a <= b
        case .greater: return a > b
        case .greaterOrEqual: return a >= b
        case .contains: return a.contains(b)
        }
    }
}

@Suite struct QueryParserTests {
    @Test func clauses() throws {
        let q = try query("find cases where status = 办理中 and category in (物业, 环境卫生) order by due desc, title limit 20 offset 5")
        #expect(q.kind == .case && q.limit == 20 && q.offset == 5)
        #expect(q.ordering.map(\.field.name) == ["due", "title"] && q.ordering.map(\.descending) == [true, false])
        let c = try query("count cases where created >= 2019-11-01 by community, status", groups: true)
        #expect(c.groups.map(\.name) == ["community", "status"])
        #expect(try query("查找 诉求 条件 状态 = 已派单 且 非 类别 为空").predicate != nil)
    }

    @Test(arguments: [
        ("created = 2019-11", "2019-11-01T00:00:00", "2019-12-01T00:00:00"),
        ("created = 2019-W49", "2019-12-02T00:00:00", "2019-12-09T00:00:00"),
        ("created = this-week", "2019-12-02T00:00:00", "2019-12-09T00:00:00"),
        ("created = today", "2019-12-03T00:00:00", "2019-12-04T00:00:00"),
        ("created = today-7d", "2019-11-26T00:00:00", "2019-11-27T00:00:00"),
        ("created = 本月", "2019-12-01T00:00:00", "2020-01-01T00:00:00"),
        ("created = 今天-7天", "2019-11-26T00:00:00", "2019-11-27T00:00:00"),
        // Every word `Period.parse` reads (RelativePeriod), a query reads too.
        ("created = last-month", "2019-11-01T00:00:00", "2019-12-01T00:00:00"),
        ("created = 本季度", "2019-10-01T00:00:00", "2020-01-01T00:00:00"),
        ("created = last-quarter", "2019-07-01T00:00:00", "2019-10-01T00:00:00"),
    ])
    func dateSpans(_ condition: String, _ from: String, _ to: String) throws {
        let q = try query("find cases where " + condition)
        guard case .range(_, .time(let a), .time(let b))? = q.predicate else {
            Issue.record("not a range: \(String(describing: q.predicate))")
            return
        }
        #expect(a.storage == from && b.storage == to)
    }

    /// The rewritten conditions agree with the definitions, at every hour across two weeks.
    @Test(arguments: ["age", "days-left"])
    func computedFieldsMatchTheirDefinition(_ field: String) throws {
        for op in ["=", "!=", "<", "<=", ">", ">="] {
            for n in -2...4 {
                let q = try query("find cases where \(field) \(op) \(n)")
                guard let p = q.predicate else { continue }
                for h in -24 * 7...24 * 7 {
                    let t = now.adding(seconds: h * 3600 + 17)
                    let days = field == "age" ? floorDiv(now.seconds - t.seconds, 86400) : floorDiv(t.seconds - now.seconds, 86400)
                    let expected: Bool
                    switch op {
                    case "=": expected = days == n
                    case "!=": expected = days != n
                    case "<": expected = days < n
                    case "<=": expected = days <= n
                    case ">": expected = days > n
                    default: expected = days >= n
                    }
                    let record = ["created_at": t.storage, "resolve_due": t.storage, "status": "dispatched"]
                    #expect(holds(p, record) == expected, "\(field) \(op) \(n) at \(t.storage)")
                }
            }
        }
    }

    @Test func idsMayBeWrittenWithTheirPrefix() throws {
        guard case .inList(let f, let values)? = try query("find cases where id in (C-4, 5)").predicate else {
            Issue.record("not an in-list")
            return
        }
        #expect(f.name == "id" && values == [.integer(4), .integer(5)])
    }

    @Test func overdue() throws {
        guard let p = try query("find cases where overdue").predicate else { return }
        #expect(holds(p, ["status": "dispatched", "resolve_due": "2019-12-03T08:59:59"]))
        #expect(!holds(p, ["status": "dispatched", "resolve_due": "2019-12-03T09:00:00"]))
        #expect(!holds(p, ["status": "resolved", "resolve_due": "2019-11-01T00:00:00"]))
        guard let q = try query("find cases where overdue = no").predicate else { return }
        #expect(holds(q, ["status": "closed", "resolve_due": "2019-11-01T00:00:00"]))
    }

    /// Error table: query, message, column.
    @Test(arguments: [
        ("find cases where status > 3", "'>' does not apply to status", 25),
        ("find cases where created = 明天", "created is a date; '明天' is not a date", 28),
        ("find cases where colour = red", "unknown field 'colour' for cases", 18),
        ("find cases where urgency = 很急", "'很急' is not a valid urgency; expected one of: urgent (紧急), normal (一般), emergency (特急), complex (复杂)", 28),
        ("count cases by overdue", "cannot group by overdue: it is computed", 16),
        ("find cases where age > soon", "age is a number of days; 'soon' is not", 24),
        ("find cases where (status = closed) )", "unmatched ')'", 36),
        ("find cases where status = closed title", "unexpected title; expected and, or, order by, limit", 34),
        ("find cases limit -1", "limit needs a whole number, not -1", 18),
        ("find cases where", "expected a condition", 17),
        ("find cases where id = D-1", "'D-1' is not an id of cases", 23),
        ("find cases where age > 9223372036854775807", "age is a number of days between -36500 and 36500, not 9223372036854775807", 24),
        ("count cases by month(title)", "month() needs a date field, and title is not one", 22),
        ("count cases by week created", "expected '(' after week", 21),
        ("count cases by dept avg title", "'avg' needs a number or a duration, and title is not one", 25),
        ("count cases by dept sum id", "'sum' needs a number or a duration, and id is not one", 25),
        ("count cases having count > 3", "'having' needs groups: put 'by FIELD' before it", 13),
        ("count cases by dept having count ~ 3", "expected an operator, found ~", 34),
        ("count cases by dept having count > 2.55", "expected a number with at most one decimal, not 2.55", 36),
        ("count cases order by count desc", "ordering by count needs groups: put 'by FIELD' before it", 13),
        ("count cases by dept order by status", "cannot order by status: the count is not grouped by it", 30),
        ("find cases where resolved > title", "cannot compare resolved (a time) with title (text)", 29),
        ("find cases where community = dept", "cannot compare community (a community) with dept (a department)", 30),
        ("find cases where dept > lead", "'>' does not apply to dept", 23),
        ("find cases where days-to-resolve = 2", "'=' does not apply to days-to-resolve", 34),
    ])
    func errors(_ text: String, _ message: String, _ column: Int) {
        do {
            _ = try query(text, groups: text.hasPrefix("count"))
            Issue.record("no error for \(text)")
        } catch let e as ScriptError {
            #expect(e.message.en == message)
            #expect(e.location?.column == column)
        } catch {
            Issue.record("\(error)")
        }
    }
}

func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }

/// A field of cases, or a failure naming it.
func caseField(_ name: String) throws -> FieldSpec {
    try #require(RecordSchema.case.field(name), "no field \(name)")
}

extension QueryParserTests {
    @Test func timeBucketsMixWithFields() throws {
        let expected = [Grouping(field: try caseField("created"), bucket: .month), Grouping(field: try caseField("community"))]
        #expect(try query("count cases by month(created), community", groups: true).groupings == expected)
        // Chinese: 按月(…) in one word, full-width brackets and 、 as an input method types them.
        #expect(try query("统计 诉求 按月（受理时间）、社区", groups: true).groupings == expected)
        #expect(try query("统计 诉求 按 月(创建时间), 社区", groups: true).groupings == expected)
        let weeks = try query("count cases by week(resolved), day(due)", groups: true).groupings
        #expect(weeks.map(\.bucket) == [.week, .day] && weeks.map(\.field.name) == ["resolved", "due"])
        #expect(weeks.map(\.column.name) == ["resolved-week", "due-day"])
        #expect(try query("统计 诉求 按周(办结时间)", groups: true).groupings.map(\.bucket) == [.week])
    }

    /// Every day of twelve years lies in the week its label names when a `where` reads the
    /// label back (`created = 2020-W53`), the store's week number taken as it computes it.
    @Test func weekLabelsReadBackAsTheirWeek() throws {
        let monday = try #require(Day(year: 2000, month: 1, day: 3))
        let first = try #require(Day(year: 2014, month: 12, day: 25))
        for ordinal in first.ordinal..<(first.ordinal + 12 * 366) {
            let day = Day(ordinal: ordinal)
            let n = floorDiv(ordinal - monday.ordinal, 7) + 104_303
            let label = try #require(TimeBucket.isoWeekLabel(n))
            guard case .range(_, .time(let from), .time(let to))? = try query("find cases where created = \(label)").predicate else {
                Issue.record("\(label) is not a range")
                return
            }
            #expect(from.day.ordinal <= ordinal && ordinal < to.day.ordinal, "\(day.iso) is not in \(label)")
        }
    }

    @Test func aggregatesHavingAndOrder() throws {
        let q = try query("count cases by dept avg age, max days-to-resolve having count > 50 and avg age >= 10.5 order by count desc, dept", groups: true)
        let age = Aggregate(.avg, try caseField("age")), days = Aggregate(.max, try caseField("days-to-resolve"))
        #expect(q.aggregates == [age, days])
        #expect(q.having == [GroupFilter(.count, .greater, tenths: 500), GroupFilter(.aggregate(age), .greaterOrEqual, tenths: 105)])
        #expect(q.groupOrdering == [GroupOrdering(.measure(.count), descending: true), GroupOrdering(.grouping(0), descending: false)])
        #expect(q.aggregates.map(\.column.type) == [.decimal, .decimal])
        #expect(try query("count cases by dept sum reopened", groups: true).aggregates.map(\.column.type) == [.integer])
        let zh = try query("统计 诉求 按 科室 平均 天数，最大 办结天数 满足 数量 > 50 且 平均 天数 >= 10.5 排序 数量 降序, 科室", groups: true)
        #expect(zh == q)
        // An aggregate the groups are ordered by is shown too.
        #expect(try query("count cases by dept order by min response-time", groups: true).aggregates.map(\.column.name) == ["min-response-time"])
    }

    @Test func fieldsCompareWithFieldsOfTheirType() throws {
        #expect(try query("find cases where resolved > due").predicate == .compareFields(try caseField("resolved"), .greater, try caseField("due")))
        #expect(try query("查找 诉求 条件 科室 != 牵头科室").predicate == .compareFields(try caseField("dept"), .notEqual, try caseField("lead")))
        // A value of the field's type stays a value, even when it also names a field.
        #expect(try query("find cases where status = resolved").predicate == .compare(try caseField("status"), .equal, .text("resolved")))
        #expect(try query("find cases where title = due").predicate == .compare(try caseField("title"), .equal, .text("due")))
        let p = try #require(try query("find cases where resolved > due").predicate)
        #expect(holds(p, ["resolved_at": "2019-11-08T10:00:00", "resolve_due": "2019-11-08T09:00:00"]))
        #expect(!holds(p, ["resolved_at": "", "resolve_due": "2019-11-08T09:00:00"]))
    }

    @Test func durationsCompareInSeconds() throws {
        #expect(try query("find cases where days-to-resolve > 2.5").predicate == .compare(try caseField("days-to-resolve"), .greater, .integer(216_000)))
        #expect(try query("查找 诉求 条件 响应小时 <= 0.5").predicate == .compare(try caseField("response-time"), .lessOrEqual, .integer(1800)))
        #expect(try query("find cases order by days-to-resolve desc").ordering.map(\.field.name) == ["days-to-resolve"])
    }

    /// In a Chinese session the fields an unknown one could have been are listed by their Chinese names.
    @Test func unknownFieldListsChineseNames() {
        do {
            _ = try query("find cases where colour = red")
            Issue.record("no error")
        } catch let e as ScriptError {
            #expect(e.hint?.zh.hasPrefix("字段：编号、标题、类型、类别") == true)
            #expect(e.hint?.zh.contains("办结天数、响应小时") == true)
            #expect(e.hint?.en.hasPrefix("fields: id, title, kind") == true)
        } catch {
            Issue.record("\(error)")
        }
    }
}
