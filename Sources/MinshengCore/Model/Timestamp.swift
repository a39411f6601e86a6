/// A calendar day, counted as days since 1970-01-01.
///
/// All dates and times are Beijing time (UTC+08:00, no daylight saving), so plain
/// integer arithmetic is exact and no time-zone database is needed.
public struct Day: Comparable, Hashable, Sendable {
    public var ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= Day.daysIn(year: year, month: month) else { return nil }
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146097 + doe - 719468
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// 1 = Monday … 7 = Sunday (ISO 8601).
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 + 1 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public static func < (a: Day, b: Day) -> Bool { a.ordinal < b.ordinal }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))"
    }

    /// Parses `YYYY-MM-DD` (also `YYYY/MM/DD`).
    public static func parse(_ s: String) -> Day? {
        let parts = s.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "-" || $0 == "/" })
        guard parts.count == 3, parts[0].count == 4,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
            parts[1].count <= 2, parts[2].count <= 2
        else { return nil }
        return Day(year: y, month: m, day: d)
    }
}

/// A moment, in whole seconds since 1970-01-01T00:00 Beijing time.
public struct Timestamp: Comparable, Hashable, Sendable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public init(day: Day, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        seconds = day.ordinal * 86400 + hour * 3600 + minute * 60 + second
    }

    /// The current time from the system clock.
    public static func systemNow(unixSeconds: Int) -> Timestamp {
        Timestamp(seconds: unixSeconds + 8 * 3600)
    }

    public var day: Day { Day(ordinal: seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400) }
    var secondOfDay: Int { seconds - day.ordinal * 86400 }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }

    public func adding(seconds s: Int) -> Timestamp { Timestamp(seconds: seconds + s) }

    /// `YYYY-MM-DDTHH:MM:SS`: the stored form, which sorts as text.
    public var storage: String {
        let s = secondOfDay
        let c = day.components
        guard (0...9999).contains(c.year) else { return "\(day.iso)T\(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2)):\(pad(s % 60, 2))" }
        // Written digit by digit: an import stores three times per row, a replay several per
        // command, and interpolating padded strings cost more than the insert around it.
        return String(unsafeUninitializedCapacity: 19) { out in
            func put(_ n: Int, _ width: Int, at i: Int) {
                var n = n
                for k in stride(from: i + width - 1, through: i, by: -1) {
                    out[k] = UInt8(48 + n % 10)
                    n /= 10
                }
            }
            put(c.year, 4, at: 0)
            put(c.month, 2, at: 5)
            put(c.day, 2, at: 8)
            put(s / 3600, 2, at: 11)
            put(s / 60 % 60, 2, at: 14)
            put(s % 60, 2, at: 17)
            out[4] = 0x2D
            out[7] = 0x2D
            out[10] = 0x54
            out[13] = 0x3A
            out[16] = 0x3A
            return 19
        }
    }

    /// `YYYY-MM-DD HH:MM`: what people read.
    public var display: String {
        let s = secondOfDay
        return "\(day.iso) \(pad(s / 3600, 2)):\(pad(s / 60 % 60, 2))"
    }

    /// A log entry's wall-clock time (`2026-12-03T13:40:12Z`, UTC) as Beijing time.
    public static func wall(_ text: String) -> Timestamp? {
        guard text.hasSuffix("Z") else { return nil }
        return parse(String(text.dropLast())).map { $0.adding(seconds: 8 * 3600) }
    }

    /// ISO 8601 with the time zone, for exports.
    public var iso8601: String { storage + "+08:00" }

    public var description: String { display }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]`.
    public static func parse(_ s: String) -> Timestamp? {
        let sep = s.firstIndex(where: { $0 == "T" || $0 == " " })
        let datePart = sep.map { String(s[..<$0]) } ?? s
        guard let day = Day.parse(datePart) else { return nil }
        guard let sep else { return Timestamp(day: day) }
        let time = s[s.index(after: sep)...].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(time.count), time.allSatisfy({ $0.count == 2 }),
            let h = Int(time[0]), let m = Int(time[1]), (0..<24).contains(h), (0..<60).contains(m)
        else { return nil }
        var sec = 0
        if time.count == 3 {
            guard let v = Int(time[2]), (0..<60).contains(v) else { return nil }
            sec = v
        }
        return Timestamp(day: day, hour: h, minute: m, second: sec)
    }
}

/// A length of time given as `30m`, `2h`, `7d` (also `2小时`, `7天`).
public struct Duration: Equatable, Sendable, CustomStringConvertible {
    public var seconds: Int

    public init(seconds: Int) { self.seconds = seconds }

    public static func parse(_ s: String) -> Duration? {
        let units: [(String, Int)] = [
            ("小时", 3600), ("分钟", 60), ("天", 86400), ("h", 3600), ("m", 60), ("d", 86400), ("w", 604800),
        ]
        for (suffix, mult) in units where s.hasSuffix(suffix) {
            guard let n = Int(s.dropLast(suffix.count)), n >= 0 else { return nil }
            let (seconds, overflow) = n.multipliedReportingOverflow(by: mult)
            guard !overflow, seconds <= maxSeconds else { return nil }
            return Duration(seconds: seconds)
        }
        return nil
    }

    /// The longest duration accepted: a hundred years. Longer is a typo, and keeping
    /// durations this small keeps every date computed from them exact (no overflow).
    public static let maxSeconds = 100 * 366 * 86400

    /// The shortest exact spelling: `7d`, `24h` stays `1d`, `90m`.
    public var description: String {
        if seconds % 86400 == 0 && seconds > 0 { return "\(seconds / 86400)d" }
        if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        return "\(seconds / 60)m"
    }
}

func pad(_ n: Int, _ width: Int) -> String {
    let s = String(n)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
