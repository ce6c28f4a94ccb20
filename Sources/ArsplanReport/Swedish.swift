import Arsplan

/// Swedish words for dates and statuses as communicators read them.
public enum Swedish {
    public static let monthNames = Day.swedishMonthNames
    public static let shortMonthNames = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    public static let shortWeekdayNames = ["mån", "tis", "ons", "tor", "fre", "lör", "sön"]

    /// "tis 5 jan".
    public static func shortDate(_ day: Day) -> String {
        "\(shortWeekdayNames[day.weekday.rawValue - 1]) \(day.day) \(shortMonthNames[day.month - 1])"
    }

    /// "tisdag 5 januari 2027".
    public static func longDate(_ day: Day) -> String {
        "\(day.weekday.swedishName) \(day.day) \(monthNames[day.month - 1]) \(day.year)"
    }

    public static func status(_ status: OccurrenceStatus) -> String {
        switch status {
        case .planned: return "planerad"
        case .tentative: return "preliminär"
        case .cancelled: return "inställd"
        }
    }

    public static func dayOffKind(_ kind: DayOffKind) -> String {
        switch kind {
        case .publicHoliday: return "helgdag"
        case .deFacto: return "ledig dag"
        case .closed: return "stängt"
        }
    }
}
