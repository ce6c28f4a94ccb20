/// A civil date in the plan's time zone, with no time of day and no zone.
///
/// Stored as a day number (days since 1970-01-01) so that comparisons and
/// arithmetic are integer operations; the year, month and day are derived.
///
/// A day lies between 0000-01-01 and 9999-12-31 (``Day/range``): arithmetic that would
/// leave that range stops at its end instead of overflowing, so no day computation can
/// trap. (Plans are held to far narrower dates, see ``PlanLimits``; the reader and the
/// scheduler report a date outside them before it can reach any output.)
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it), within ``Day/range``.
    public let dayNumber: Int

    /// The day numbers of 0000-01-01 and 9999-12-31 (proleptic Gregorian), the first and
    /// last day there is: every `YYYY-MM-DD`.
    public static let range: ClosedRange<Int> = -719_528...2_932_896

    /// The day `dayNumber` days after 1970-01-01; a number outside ``range`` gives its nearer end.
    public init(dayNumber: Int) { self.dayNumber = min(max(dayNumber, Day.range.lowerBound), Day.range.upperBound) }

    /// Creates a day, or nil when the date does not exist (2027-02-30) or lies outside the
    /// years 0–9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month), day >= 1, day <= Day.daysInMonth(year: year, month: month) else {
            return nil
        }
        self.dayNumber = Day.daysFromCivil(year: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD`; nil for any other text or a date that does not exist.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var year: Int { civil.year }
    public var month: Int { civil.month }
    public var day: Int { civil.day }

    public var civil: (year: Int, month: Int, day: Int) { Day.civilFromDays(dayNumber) }

    /// Swedish month names, lower case as in running text ("januari"), January first.
    public static let swedishMonthNames = [
        "januari", "februari", "mars", "april", "maj", "juni",
        "juli", "augusti", "september", "oktober", "november", "december",
    ]

    /// ISO weekday: Monday is 1, Sunday is 7.
    public var weekday: Weekday {
        // 1970-01-01 was a Thursday (4).
        let w = ((dayNumber % 7) + 7 + 3) % 7 + 1
        return Weekday(rawValue: w)!
    }

    public var isWeekend: Bool { weekday == .saturday || weekday == .sunday }

    /// ISO 8601 week-numbering year and week (week 1 holds the year's first Thursday).
    public var isoWeek: (year: Int, week: Int) {
        let thursday = adding(days: 4 - weekday.rawValue)
        let y = thursday.year
        let firstOfYear = Day(year: y, month: 1, day: 1)!
        return (y, (thursday.dayNumber - firstOfYear.dayNumber) / 7 + 1)
    }

    /// `days` days later (earlier when negative), stopping at the ends of ``range``.
    public func adding(days: Int) -> Day {
        let (sum, overflow) = dayNumber.addingReportingOverflow(days)
        return Day(dayNumber: overflow ? (days > 0 ? Int.max : Int.min) : sum)
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func distance(to other: Day) -> Int { other.dayNumber - dayNumber }

    public static func < (lhs: Day, rhs: Day) -> Bool { lhs.dayNumber < rhs.dayNumber }

    /// `YYYY-MM-DD`.
    ///
    /// Digit by digit into ten bytes (``appendISO(to:)``): through interpolation of padded strings it took about
    /// 2,500 instructions a day, 161 M of `schedule --format csv` on the 20,000-activity bench
    /// plan (callgrind); tables, CSV, minutes and feeds all write days.
    public var description: String { Day.text(appendISO) }

    /// What `append` writes, as a string (the descriptions of days and times).
    static func text(_ append: (inout [UInt8]) -> Void) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(16)
        append(&bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// ``description`` (`YYYY-MM-DD`) appended as UTF-8.
    public func appendISO(to bytes: inout [UInt8]) {
        let (y, m, d) = civil
        y.appendDecimal(to: &bytes, minimumDigits: 4)
        bytes.append(UInt8(ascii: "-"))
        m.appendDecimal(to: &bytes, minimumDigits: 2)
        bytes.append(UInt8(ascii: "-"))
        d.appendDecimal(to: &bytes, minimumDigits: 2)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic
    // Gregorian calendar, no tables, no Foundation.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

extension Day: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let day = Day(iso: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not a date: '\(text)'"))
        }
        self = day
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// ISO weekday numbering: Monday is 1.
public enum Weekday: Int, CaseIterable, Hashable, Codable, Sendable {
    case monday = 1
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// Swedish name, lower case as in running text ("tisdag").
    public var swedishName: String {
        ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"][rawValue - 1]
    }
}

/// A wall-clock time of day in the plan's zone.
public struct TimeOfDay: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Parses `HH:MM` (also `H:MM`).
    public init?(text: some StringProtocol) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let h = Int(parts[0]), let m = Int(parts[1])
        else { return nil }
        self.init(hour: h, minute: m)
    }

    /// What a plan file accepts for a time: `17:00`, `9:30` or the Swedish `17.00`, with
    /// spaces around it.
    public init?(written text: some StringProtocol) {
        var trimmed = Substring(text)
        while trimmed.first == " " { trimmed = trimmed.dropFirst() }
        while trimmed.last == " " { trimmed = trimmed.dropLast() }
        if !trimmed.contains(":"), trimmed.filter({ $0 == "." }).count == 1 {
            self.init(text: trimmed.split(separator: ".", omittingEmptySubsequences: false).joined(separator: ":"))
        } else {
            self.init(text: trimmed)
        }
    }

    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool {
        lhs.minutesSinceMidnight < rhs.minutesSinceMidnight
    }

    /// `HH:MM`.
    public var description: String { Day.text(appendText) }

    /// Appends `HH:MM` (what ``description`` gives) to `bytes`.
    public func appendText(to bytes: inout [UInt8]) {
        hour.appendDecimal(to: &bytes, minimumDigits: 2)
        bytes.append(UInt8(ascii: ":"))
        minute.appendDecimal(to: &bytes, minimumDigits: 2)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = TimeOfDay(text: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "Not a time: '\(text)'"))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A local date and time in the plan's zone (no offset; the zone is the plan's).
public struct LocalDateTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let day: Day
    public let time: TimeOfDay

    public init(day: Day, time: TimeOfDay) {
        self.day = day
        self.time = time
    }

    /// Adds minutes, carrying into following days (an evening event may end after midnight).
    /// Beyond ``Day/range`` the day stops at its end.
    public func adding(minutes: Int) -> LocalDateTime {
        // More than the whole range of days in minutes is the same as the range's end.
        let limit = 2 * (Day.range.upperBound - Day.range.lowerBound + 1) * 1440
        let total = time.minutesSinceMidnight + min(max(minutes, -limit), limit)
        let dayShift = total >= 0 ? total / 1440 : -((-total + 1439) / 1440)
        let rest = total - dayShift * 1440
        return LocalDateTime(day: day.adding(days: dayShift), time: TimeOfDay(hour: rest / 60, minute: rest % 60)!)
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.day, lhs.time.minutesSinceMidnight) < (rhs.day, rhs.time.minutesSinceMidnight)
    }

    /// `YYYY-MM-DDTHH:MM`.
    public var description: String { Day.text(appendISO) }

    /// ``description`` (`YYYY-MM-DDTHH:MM`) appended as UTF-8.
    public func appendISO(to bytes: inout [UInt8]) {
        day.appendISO(to: &bytes)
        bytes.append(UInt8(ascii: "T"))
        time.appendText(to: &bytes)
    }
}

extension Int {
    /// The number's decimal digits appended as UTF-8, at least `minimumDigits` of them (zeros
    /// in front): what `String(self)` padded with zeros gives, without making the string. The
    /// one number writer of the byte writers (days and times, JSON, journal lines).
    public func appendDecimal(to bytes: inout [UInt8], minimumDigits: Int = 1) {
        guard self >= 0 else {
            bytes.append(contentsOf: Day.pad(self, minimumDigits).utf8)
            return
        }
        var divisor = 1
        var digits = 1
        while divisor <= self / 10 {
            divisor *= 10
            digits += 1
        }
        for _ in digits..<Swift.max(minimumDigits, digits) { bytes.append(UInt8(ascii: "0")) }
        var rest = self
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// `self * other`, or the end of `Int`'s range it overflows towards.
    func saturatingMultiplied(by other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        guard overflow else { return product }
        return (self < 0) == (other < 0) ? .max : .min
    }

    /// `-self`, or `Int.max` for `Int.min`.
    var saturatingNegated: Int { self == .min ? .max : -self }
}
