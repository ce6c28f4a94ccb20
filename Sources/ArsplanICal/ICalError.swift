import Arsplan

/// What can go wrong writing or reading iCalendar.
public enum ICalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// libical has no such zone: a misspelt name, or the system's tzdata is missing.
    case unknownTimeZone(String)
    /// libical refused to build or serialize something (out of memory, an impossible value).
    case libical(String)
    /// An `.ics` file libical cannot parse; `problems` are libical's own messages.
    case unparsableCalendar(file: String, problems: [String])
    /// An `.ics` file with no event in the plan year.
    case noEventsInYear(file: String, year: Int)
    /// An `.ics` file whose events use a TZID it defines no VTIMEZONE for and that is neither
    /// an IANA zone nor a Windows zone name arsplan knows.
    case unknownEventTimeZone(file: String, tzid: String, line: Int?)

    public var description: String {
        switch self {
        case .unknownTimeZone(let name):
            return "Time zone '\(name)' is not known to libical; check the name, and that the system's "
                + "time-zone data is installed (Debian: tzdata)."
        case .libical(let what):
            return "libical failed: \(what)."
        case .unparsableCalendar(let file, let problems):
            let shown = problems.prefix(5).map { "'\($0)'" }.joined(separator: "; ")
            let more = problems.count > 5 ? " (and \(problems.count - 5) more)" : ""
            return "Calendar file '\(file)' is not valid iCalendar: \(shown)\(more)."
        case .noEventsInYear(let file, let year):
            return "Calendar file '\(file)' has no events in \(year)."
        case .unknownEventTimeZone(let file, let tzid, let line):
            return "Calendar file '\(file)'\(line.map { " (line \($0))" } ?? "") uses time zone '\(tzid)', which it does not define "
                + "(no VTIMEZONE) and which is neither an IANA zone nor a known Windows zone name; ask for an export with time-zone "
                + "definitions, or with times in UTC."
        }
    }

    /// The error's stable code for diagnostics.
    public var code: DiagnosticCode {
        switch self {
        case .unknownTimeZone: return .unknownTimeZone
        case .libical: return .libicalFailure
        case .unparsableCalendar: return .icsParseError
        case .noEventsInYear: return .icsNoEventsInYear
        case .unknownEventTimeZone: return .icsUnknownTimeZone
        }
    }
}
