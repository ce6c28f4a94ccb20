/// What `calendar YEAR` prints around the days off. Holiday names are names and stay Swedish.
public enum DaysOffText: Hashable, Sendable {
    /// "Lediga dagar 2027 (helger ej listade)".
    case heading(year: Int)
    case dayOffKind(DayOffKind)
    /// A closed period's length: "(5 vardagar)".
    case weekdaysInPeriod(Int)
    /// "Arbetsdagar 2027: 250".
    case workingDays(year: Int, count: Int)

    /// Every case without its values, so a test can render each one in both languages.
    public enum Kind: CaseIterable, Sendable {
        case heading, dayOffKind, weekdaysInPeriod, workingDays
    }

    public var kind: Kind {
        switch self {
        case .heading: return .heading
        case .dayOffKind: return .dayOffKind
        case .weekdaysInPeriod: return .weekdaysInPeriod
        case .workingDays: return .workingDays
        }
    }
}

extension SwedishCatalogue {
    public func daysOff(_ text: DaysOffText) -> String {
        switch text {
        case .heading(let year): return "Lediga dagar \(year) (helger ej listade)"
        case .dayOffKind(let kind):
            switch kind {
            case .publicHoliday: return "helgdag"
            case .deFacto: return "ledig dag"
            case .closed: return "stängt"
            }
        case .weekdaysInPeriod(let n): return "(\(n) vardag\(n == 1 ? "" : "ar"))"
        case .workingDays(let year, let n): return "Arbetsdagar \(year): \(n)"
        }
    }
}

extension EnglishCatalogue {
    public func daysOff(_ text: DaysOffText) -> String {
        switch text {
        case .heading(let year): return "Days off \(year) (weekends not listed)"
        case .dayOffKind(let kind):
            switch kind {
            case .publicHoliday: return "public holiday"
            case .deFacto: return "day off"
            case .closed: return "closed"
            }
        case .weekdaysInPeriod(let n): return "(\(n) weekday\(n == 1 ? "" : "s"))"
        case .workingDays(let year, let n): return "Working days \(year): \(n)"
        }
    }
}
