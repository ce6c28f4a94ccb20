/// Why a day is not a working day (weekends are implied and not listed).
public enum DayOffKind: String, Hashable, Codable, Sendable {
    /// A public holiday by law (allmän helgdag).
    case publicHoliday = "holiday"
    /// A day that is off in practice though not by law: midsommarafton, julafton, nyårsafton.
    case deFacto = "de-facto"
    /// A closed day the plan itself declares (summer weeks, bridge days).
    case closed = "closed"
}

/// A named day off.
public struct DayOff: Hashable, Codable, Sendable {
    public var day: Day
    public var name: String
    public var kind: DayOffKind

    public init(day: Day, name: String, kind: DayOffKind) {
        self.day = day
        self.name = name
        self.kind = kind
    }
}

/// Swedish public holidays (lag 1989:253) and the de-facto days off, for any year.
///
/// Rules that changed within 1900–2200 follow the law of the time: midsommardagen and
/// alla helgons dag fall on a Saturday from 1953 (before: 24 June and 1 November);
/// trettondedag jul was not a holiday 1956–1972; annandag pingst was a holiday until
/// 2004 and was replaced by nationaldagen (6 June) from 2005.
public enum SwedishHolidays {
    /// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm).
    public static func easterSunday(year: Int) -> Day {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return Day(year: year, month: month, day: day)!
    }

    /// The holidays and de-facto days off of `year`, in date order, with Swedish names.
    public static func daysOff(year: Int) -> [DayOff] {
        func date(_ month: Int, _ day: Int) -> Day { Day(year: year, month: month, day: day)! }
        /// The Saturday in `first`…`first + 6`.
        func saturday(from first: Day) -> Day {
            first.adding(days: (Weekday.saturday.rawValue - first.weekday.rawValue + 7) % 7)
        }

        let easter = easterSunday(year: year)
        var days: [DayOff] = []
        func add(_ day: Day, _ name: String, _ kind: DayOffKind = .publicHoliday) {
            days.append(DayOff(day: day, name: name, kind: kind))
        }

        add(date(1, 1), "Nyårsdagen")
        if !(1956...1972).contains(year) { add(date(1, 6), "Trettondedag jul") }
        add(easter.adding(days: -2), "Långfredagen")
        add(easter, "Påskdagen")
        add(easter.adding(days: 1), "Annandag påsk")
        add(date(5, 1), "Första maj")
        add(easter.adding(days: 39), "Kristi himmelsfärdsdag")
        add(easter.adding(days: 49), "Pingstdagen")
        if year <= 2004 { add(easter.adding(days: 50), "Annandag pingst") }
        if year >= 2005 { add(date(6, 6), "Sveriges nationaldag") }
        let midsommardagen = year >= 1953 ? saturday(from: date(6, 20)) : date(6, 24)
        add(midsommardagen.adding(days: -1), "Midsommarafton", .deFacto)
        add(midsommardagen, "Midsommardagen")
        add(year >= 1953 ? saturday(from: date(10, 31)) : date(11, 1), "Alla helgons dag")
        add(date(12, 24), "Julafton", .deFacto)
        add(date(12, 25), "Juldagen")
        add(date(12, 26), "Annandag jul")
        add(date(12, 31), "Nyårsafton", .deFacto)

        // Two holidays can share a day (Kristi himmelsfärdsdag on första maj in 2008 and
        // 2285); both are kept, in the order above.
        return days.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }.map(\.element)
    }
}
