/// The language every text a person reads is written in: Swedish by default, English with
/// `--lang en` or `ARSPLAN_LANG=en`. Diagnostic codes (`unknown_key`) are the same in both.
public enum Language: String, Hashable, Sendable, CaseIterable {
    case swedish = "sv"
    case english = "en"

    /// `sv`, `en`, or a locale-style value (`en_GB.UTF-8`, `sv-SE`); nil for anything else.
    public init?(code: String) {
        let prefix = code.lowercased().prefix(2)
        guard code.count == 2 || code.dropFirst(2).first.map({ $0 == "_" || $0 == "-" || $0 == "." }) == true else {
            return nil
        }
        switch prefix {
        case "sv": self = .swedish
        case "en": self = .english
        default: return nil
        }
    }

    /// The catalogue with this language's texts.
    public var catalogue: any Catalogue {
        switch self {
        case .swedish: return SwedishCatalogue()
        case .english: return EnglishCatalogue()
        }
    }
}

/// Every text a person reads, as data: the program says *what* to tell (a case with its
/// facts as associated values) and the catalogue of the reader's language says *how*.
///
/// The texts are grouped by where they are used; each group is an enum of its own with a
/// `Kind` (every case without its values, so a test can check that each one is rendered in
/// both languages) and one method per language in `Catalogue`. Adding a message: add the
/// case to its group, its kind, and one line to each language's `switch` — the compiler
/// refuses a catalogue that lacks it.
public enum Message: Hashable, Sendable {
    /// `--help`: abstracts, discussions, argument and option help.
    case help(HelpText)
    /// What the command line itself says: usage errors, summaries, refusals, confirmations.
    case command(CommandText)
    /// The scheduler's conflicts.
    case schedule(ScheduleText)
    /// A change that cannot be made (unknown activity, nothing to undo, …).
    case journal(JournalError)
    /// The journal commands' previews, refusals, history, deviations and status.
    case change(ChangeText)
    /// The schedule views: table, CSV, their filters.
    case view(ViewText)
    /// `calendar YEAR`'s days off.
    case daysOff(DaysOffText)
    /// The plan reader: YAML, keys, types, values, placements, references.
    case plan(PlanText)
    /// The expression grammar inside plan values (references, offsets, durations, repeats).
    case expression(ExpressionText)
    /// The journal file and its replay, imported calendars, the export folder and publication state.
    case file(FileText)

    /// The text in `language`.
    public func text(in language: Language) -> String {
        language.catalogue.text(self)
    }
}

/// One language's texts. Each method is an exhaustive `switch` over its group of messages.
public protocol Catalogue: Sendable {
    var language: Language { get }
    func help(_ text: HelpText) -> String
    func command(_ text: CommandText) -> String
    func schedule(_ text: ScheduleText) -> String
    func journal(_ error: JournalError) -> String
    func change(_ text: ChangeText) -> String
    func view(_ text: ViewText) -> String
    func daysOff(_ text: DaysOffText) -> String
    func plan(_ text: PlanText) -> String
    func expression(_ text: ExpressionText) -> String
    func file(_ text: FileText) -> String
    /// "fel", "varning", "not" / "error", "warning", "note".
    func severity(_ severity: Severity) -> String
    /// Weekday as in running text: "tisdag" / "Tuesday".
    func weekday(_ weekday: Weekday) -> String
    /// Three-letter weekday for tables: "tis" / "Tue".
    func shortWeekday(_ weekday: Weekday) -> String
    /// Month 1...12 as in running text: "mars" / "March".
    func month(_ month: Int) -> String
    /// Three-letter month for tables: "mar" / "Mar".
    func shortMonth(_ month: Int) -> String
    /// A count with its noun: "1 varning", "2 varningar" / "1 warning", "2 warnings".
    func count(_ count: Int, _ noun: CountedNoun) -> String
}

/// Nouns that are counted in summaries ("3 fel, 1 varning").
public enum CountedNoun: Hashable, Sendable, CaseIterable {
    case error, warning, activity, occurrence, deviation, calendar, event
}

extension Catalogue {
    public func text(_ message: Message) -> String {
        switch message {
        case .help(let text): return help(text)
        case .command(let text): return command(text)
        case .schedule(let text): return schedule(text)
        case .journal(let error): return journal(error)
        case .change(let text): return change(text)
        case .view(let text): return view(text)
        case .daysOff(let text): return daysOff(text)
        case .plan(let text): return plan(text)
        case .expression(let text): return expression(text)
        case .file(let text): return file(text)
        }
    }

    /// "tis 5 jan" / "Tue 5 Jan".
    public func shortDate(_ day: Day) -> String {
        "\(shortWeekday(day.weekday)) \(day.day) \(shortMonth(day.month))"
    }

    /// "tisdag 5 januari 2027" / "Tuesday 5 January 2027".
    public func longDate(_ day: Day) -> String {
        "\(weekday(day.weekday)) \(day.day) \(month(day.month)) \(day.year)"
    }
}

/// The Swedish texts (the default).
public struct SwedishCatalogue: Catalogue {
    public init() {}
    public var language: Language { .swedish }

    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "fel"
        case .warning: return "varning"
        case .note: return "not"
        }
    }

    public func weekday(_ weekday: Weekday) -> String {
        ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"][weekday.rawValue - 1]
    }

    public func shortWeekday(_ weekday: Weekday) -> String {
        ["mån", "tis", "ons", "tor", "fre", "lör", "sön"][weekday.rawValue - 1]
    }

    public func month(_ month: Int) -> String { Day.swedishMonthNames[month - 1] }

    public func shortMonth(_ month: Int) -> String {
        ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"][month - 1]
    }

    public func count(_ count: Int, _ noun: CountedNoun) -> String {
        let (one, many): (String, String)
        switch noun {
        case .error: (one, many) = ("fel", "fel")
        case .warning: (one, many) = ("varning", "varningar")
        case .activity: (one, many) = ("aktivitet", "aktiviteter")
        case .occurrence: (one, many) = ("tillfälle", "tillfällen")
        case .deviation: (one, many) = ("avvikelse", "avvikelser")
        case .calendar: (one, many) = ("kalender", "kalendrar")
        case .event: (one, many) = ("händelse", "händelser")
        }
        return "\(count) \(count == 1 ? one : many)"
    }
}

/// The English texts (`--lang en`).
public struct EnglishCatalogue: Catalogue {
    public init() {}
    public var language: Language { .english }

    public func severity(_ severity: Severity) -> String { severity.rawValue }

    public func weekday(_ weekday: Weekday) -> String {
        ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][weekday.rawValue - 1]
    }

    public func shortWeekday(_ weekday: Weekday) -> String {
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][weekday.rawValue - 1]
    }

    public func month(_ month: Int) -> String {
        [
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December",
        ][month - 1]
    }

    public func shortMonth(_ month: Int) -> String {
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][month - 1]
    }

    public func count(_ count: Int, _ noun: CountedNoun) -> String {
        let one: String
        switch noun {
        case .error: one = "error"
        case .warning: one = "warning"
        case .activity: one = "activity"
        case .occurrence: one = "occurrence"
        case .deviation: one = "deviation"
        case .calendar: one = "calendar"
        case .event: one = "event"
        }
        if count == 1 { return "1 \(one)" }
        return "\(count) " + (one.hasSuffix("y") ? one.dropLast() + "ies" : one + "s")
    }
}
