/// China's public holidays and make-up working days (调休), 2019 through 2026, as the
/// State Council's General Office publishes them each year.
///
/// Source, one notice a year (and the two that changed a year already published):
/// - 国务院办公厅关于2019年部分节假日安排的通知; 国务院办公厅关于调整2019年劳动节假期安排的通知
/// - 国务院办公厅关于2020年部分节假日安排的通知; 国务院办公厅关于延长2020年春节假期的通知
/// - 国务院办公厅关于2021年 … 2026年部分节假日安排的通知
///
/// Each break is listed as the notice gives it: the days off (放假, weekends inside the
/// break included) and the weekend days worked instead (上班). A later year is added with
/// `calendar import` (its notice appears each November) or here, beside its source.
public enum ChinaHolidays {
    public struct Break: Sendable {
        public var name: Localized
        public var off: ClosedRange<Day>
        public var workdays: [Day]
    }

    /// The years shipped.
    public static let years: ClosedRange<Int> = 2019...2026

    /// Where a year's days come from, as shown by `calendar show`.
    public static func source(_ year: Int) -> Localized? {
        guard years.contains(year) else { return nil }
        let notice = "国务院办公厅关于\(year)年部分节假日安排的通知"
        switch year {
        case 2019: return Localized(en: "State Council notices (\(notice); 国务院办公厅关于调整2019年劳动节假期安排的通知)", zh: "《\(notice)》《国务院办公厅关于调整2019年劳动节假期安排的通知》")
        case 2020: return Localized(en: "State Council notices (\(notice); 国务院办公厅关于延长2020年春节假期的通知)", zh: "《\(notice)》《国务院办公厅关于延长2020年春节假期的通知》")
        default: return Localized(en: "State Council notice (\(notice))", zh: "《\(notice)》")
        }
    }

    static let newYear = Localized(en: "New Year's Day", zh: "元旦")
    static let spring = Localized(en: "Spring Festival", zh: "春节")
    static let qingming = Localized(en: "Qingming", zh: "清明节")
    static let labour = Localized(en: "Labour Day", zh: "劳动节")
    static let dragonBoat = Localized(en: "Dragon Boat Festival", zh: "端午节")
    static let midAutumn = Localized(en: "Mid-Autumn Festival", zh: "中秋节")
    static let national = Localized(en: "National Day", zh: "国庆节")
    static let midAutumnNational = Localized(en: "Mid-Autumn Festival and National Day", zh: "中秋节、国庆节")

    /// `(month, day)` pairs of one year, as days.
    private static func d(_ y: Int, _ m: Int, _ day: Int) -> Day { Day(year: y, month: m, day: day) ?? Day(ordinal: 0) }

    private static func b(_ name: Localized, _ y: Int, _ from: (Int, Int), _ to: (Int, Int), work: [(Int, Int)] = [], fromYear: Int? = nil) -> Break {
        Break(name: name, off: d(fromYear ?? y, from.0, from.1)...d(y, to.0, to.1), workdays: work.map { d(y, $0.0, $0.1) })
    }

    /// Every break shipped, in order.
    public static let breaks: [Break] = [
        // 2019
        b(newYear, 2019, (12, 30), (1, 1), fromYear: 2018),
        b(spring, 2019, (2, 4), (2, 10), work: [(2, 2), (2, 3)]),
        b(qingming, 2019, (4, 5), (4, 7)),
        b(labour, 2019, (5, 1), (5, 4), work: [(4, 28), (5, 5)]),
        b(dragonBoat, 2019, (6, 7), (6, 9)),
        b(midAutumn, 2019, (9, 13), (9, 15)),
        b(national, 2019, (10, 1), (10, 7), work: [(9, 29), (10, 12)]),
        // 2020 (the Spring Festival as extended to 2 February)
        b(newYear, 2020, (1, 1), (1, 1)),
        b(spring, 2020, (1, 24), (2, 2), work: [(1, 19)]),
        b(qingming, 2020, (4, 4), (4, 6)),
        b(labour, 2020, (5, 1), (5, 5), work: [(4, 26), (5, 9)]),
        b(dragonBoat, 2020, (6, 25), (6, 27), work: [(6, 28)]),
        b(midAutumnNational, 2020, (10, 1), (10, 8), work: [(9, 27), (10, 10)]),
        // 2021
        b(newYear, 2021, (1, 1), (1, 3)),
        b(spring, 2021, (2, 11), (2, 17), work: [(2, 7), (2, 20)]),
        b(qingming, 2021, (4, 3), (4, 5)),
        b(labour, 2021, (5, 1), (5, 5), work: [(4, 25), (5, 8)]),
        b(dragonBoat, 2021, (6, 12), (6, 14)),
        b(midAutumn, 2021, (9, 19), (9, 21), work: [(9, 18)]),
        b(national, 2021, (10, 1), (10, 7), work: [(9, 26), (10, 9)]),
        // 2022
        b(newYear, 2022, (1, 1), (1, 3)),
        b(spring, 2022, (1, 31), (2, 6), work: [(1, 29), (1, 30)]),
        b(qingming, 2022, (4, 3), (4, 5), work: [(4, 2)]),
        b(labour, 2022, (4, 30), (5, 4), work: [(4, 24), (5, 7)]),
        b(dragonBoat, 2022, (6, 3), (6, 5)),
        b(midAutumn, 2022, (9, 10), (9, 12)),
        b(national, 2022, (10, 1), (10, 7), work: [(10, 8), (10, 9)]),
        // 2023
        b(newYear, 2023, (12, 31), (1, 2), fromYear: 2022),
        b(spring, 2023, (1, 21), (1, 27), work: [(1, 28), (1, 29)]),
        b(qingming, 2023, (4, 5), (4, 5)),
        b(labour, 2023, (4, 29), (5, 3), work: [(4, 23), (5, 6)]),
        b(dragonBoat, 2023, (6, 22), (6, 24), work: [(6, 25)]),
        b(midAutumnNational, 2023, (9, 29), (10, 6), work: [(10, 7), (10, 8)]),
        // 2024
        b(newYear, 2024, (1, 1), (1, 1)),
        b(spring, 2024, (2, 10), (2, 17), work: [(2, 4), (2, 18)]),
        b(qingming, 2024, (4, 4), (4, 6), work: [(4, 7)]),
        b(labour, 2024, (5, 1), (5, 5), work: [(4, 28), (5, 11)]),
        b(dragonBoat, 2024, (6, 10), (6, 10)),
        b(midAutumn, 2024, (9, 15), (9, 17), work: [(9, 14)]),
        b(national, 2024, (10, 1), (10, 7), work: [(9, 29), (10, 12)]),
        // 2025
        b(newYear, 2025, (1, 1), (1, 1)),
        b(spring, 2025, (1, 28), (2, 4), work: [(1, 26), (2, 8)]),
        b(qingming, 2025, (4, 4), (4, 6)),
        b(labour, 2025, (5, 1), (5, 5), work: [(4, 27)]),
        b(dragonBoat, 2025, (5, 31), (6, 2)),
        b(midAutumnNational, 2025, (10, 1), (10, 8), work: [(9, 28), (10, 11)]),
        // 2026
        b(newYear, 2026, (1, 1), (1, 3), work: [(1, 4)]),
        b(spring, 2026, (2, 15), (2, 23), work: [(2, 14), (2, 28)]),
        b(qingming, 2026, (4, 4), (4, 6)),
        b(labour, 2026, (5, 1), (5, 5), work: [(5, 9)]),
        b(dragonBoat, 2026, (6, 19), (6, 21)),
        b(midAutumn, 2026, (9, 25), (9, 27)),
        b(national, 2026, (10, 1), (10, 7), work: [(9, 20), (10, 10)]),
    ]

    /// Every shipped day, by its ordinal.
    public static let days: [Int: CalendarMark] = {
        var marks: [Int: CalendarMark] = [:]
        for br in breaks {
            for o in br.off.lowerBound.ordinal...br.off.upperBound.ordinal {
                marks[o] = CalendarMark(kind: .holiday, name: br.name, setBy: nil)
            }
            for w in br.workdays {
                marks[w.ordinal] = CalendarMark(kind: .workday, name: Localized(en: "make-up working day (\(br.name.en))", zh: "\(br.name.zh)调休上班"), setBy: nil)
            }
        }
        return marks
    }()
}
