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
    /// An `.ics` file whose events in the plan year were all cut (``CutEvent``): `cutEvents`
    /// of them, `first` the first.
    case noEventsReadInYear(file: String, year: Int, cutEvents: Int, first: CutEvent)
    /// A file with no VCALENDAR in it at all.
    case notACalendar(file: String)
    /// An `.ics` file whose events use a TZID it defines no VTIMEZONE for and that is neither
    /// an IANA zone nor a Windows zone name arsplan knows.
    case unknownEventTimeZone(file: String, tzid: String, line: Int?)
    /// An `.ics` file with a VTIMEZONE whose transition rule would take more than `steps`
    /// steps (of `stepsPerFile` for the file) to follow.
    case zoneRuleTooLong(file: String, tzid: String, line: Int?, steps: Int, stepsPerFile: Int)

    /// What went wrong, in the catalogue.
    public var text: FileText {
        switch self {
        case .unknownTimeZone(let name): return .unknownTimeZone(name: name)
        case .libical(let what): return .libicalFailed(what: what)
        case .unparsableCalendar(let file, let problems):
            return .unparsableCalendar(file: file, problems: Array(problems.prefix(5)), more: max(0, problems.count - 5))
        case .noEventsInYear(let file, let year): return .noEventsInYear(file: file, year: year)
        case .noEventsReadInYear(let file, let year, let count, let first):
            return .noEventsReadInYear(file: file, year: year, cutEvents: count, first: first.summary ?? first.uid)
        case .notACalendar(let file): return .notACalendar(file: file)
        case .unknownEventTimeZone(let file, let tzid, let line): return .unknownEventTimeZone(file: file, tzid: tzid, line: line)
        case .zoneRuleTooLong(let file, let tzid, let line, let steps, let perFile):
            return .zoneRuleTooLong(file: file, tzid: tzid, line: line, steps: steps, stepsPerFile: perFile)
        }
    }

    /// What went wrong, in English (for logs and test failures; people read ``text``).
    public var description: String { Message.file(text).text(in: .english) }

    /// The error's stable code for diagnostics.
    public var code: DiagnosticCode {
        switch self {
        case .unknownTimeZone: return .unknownTimeZone
        case .libical: return .libicalFailure
        case .unparsableCalendar: return .icsParseError
        case .noEventsInYear, .noEventsReadInYear: return .icsNoEventsInYear
        case .notACalendar: return .icsParseError
        case .unknownEventTimeZone: return .icsUnknownTimeZone
        case .zoneRuleTooLong: return .icsParseError
        }
    }
}
