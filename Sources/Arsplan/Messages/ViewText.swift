/// The texts of the schedule views: `schedule` as a table and as CSV, its filters and their
/// help. (`calendar`'s are ``DaysOffText``.)
public enum ViewText: Hashable, Sendable {
    // --help of `schedule`'s view options.
    case helpOwner, helpAudience, helpChannel, helpUnit, helpGoal, helpKind
    case helpFrom, helpTo, helpMonth, helpWeek, helpWide, helpExcel

    // Usage errors of the view options.
    /// `--owner sofia`: no such id; `valid` lists them all.
    case unknownFilterValue(option: String, value: String, suggestion: String?, valid: [String])
    case weekNotInYear(week: Int, year: Int, weeks: Int)
    case monthOutOfRange(value: Int)
    case weekOutOfRange(value: Int)
    case excelOnlyForCSV
    case excelUsesSemicolon
    case wideOnlyForTable

    // The table.
    /// "170 tillfällen, 57 aktiviteter · 0 fel, 1 varning".
    case summary(occurrences: Int, activities: Int, errors: Int, warnings: Int)
    /// The summary of a filtered table: "12 av 170 tillfällen …".
    case filteredSummary(shown: Int, occurrences: Int, activities: Int, errors: Int, warnings: Int)
    /// "v. 12" / "wk 12": the ISO week in the table's week column.
    case week(Int)
    case nothingShown
    case status(OccurrenceStatus)

    // The CSV.
    case column(Column)
    case yes, no

    /// A column of `schedule --format csv`.
    public enum Column: Hashable, Sendable, CaseIterable {
        case uid, activity, number, title, kind, start, end, startDate, startTime, endDate, endTime, allDay, owner
        case audiences, channels, unit, goals, status
    }

    /// Every case without its values, so a test can render each one in both languages.
    public enum Kind: CaseIterable, Sendable {
        case helpOwner, helpAudience, helpChannel, helpUnit, helpGoal, helpKind
        case helpFrom, helpTo, helpMonth, helpWeek, helpWide, helpExcel
        case unknownFilterValue, weekNotInYear, monthOutOfRange, weekOutOfRange, excelOnlyForCSV, excelUsesSemicolon
        case wideOnlyForTable, summary, filteredSummary, week, nothingShown, status, column, yes, no
    }

    public var kind: Kind {
        switch self {
        case .helpOwner: return .helpOwner
        case .helpAudience: return .helpAudience
        case .helpChannel: return .helpChannel
        case .helpUnit: return .helpUnit
        case .helpGoal: return .helpGoal
        case .helpKind: return .helpKind
        case .helpFrom: return .helpFrom
        case .helpTo: return .helpTo
        case .helpMonth: return .helpMonth
        case .helpWeek: return .helpWeek
        case .helpWide: return .helpWide
        case .helpExcel: return .helpExcel
        case .unknownFilterValue: return .unknownFilterValue
        case .weekNotInYear: return .weekNotInYear
        case .monthOutOfRange: return .monthOutOfRange
        case .weekOutOfRange: return .weekOutOfRange
        case .excelOnlyForCSV: return .excelOnlyForCSV
        case .excelUsesSemicolon: return .excelUsesSemicolon
        case .wideOnlyForTable: return .wideOnlyForTable
        case .summary: return .summary
        case .filteredSummary: return .filteredSummary
        case .week: return .week
        case .nothingShown: return .nothingShown
        case .status: return .status
        case .column: return .column
        case .yes: return .yes
        case .no: return .no
        }
    }
}

extension ScheduleFilter.Problem {
    /// The problem as a text of the catalogue.
    public var text: ViewText {
        switch self {
        case .unknown(let option, let value, let suggestion, let valid):
            return .unknownFilterValue(option: option, value: value, suggestion: suggestion, valid: valid)
        case .weekNotInYear(let week, let year, let weeks): return .weekNotInYear(week: week, year: year, weeks: weeks)
        }
    }
}

extension SwedishCatalogue {
    public func view(_ text: ViewText) -> String {
        switch text {
        case .helpOwner: return "Visa bara den ansvariges tillfällen (id under 'owners:'); kan upprepas."
        case .helpAudience: return "Visa bara aktiviteter för målgruppen (id under 'audiences:'); kan upprepas."
        case .helpChannel: return "Visa bara aktiviteter i kanalen (id under 'channels:'); kan upprepas."
        case .helpUnit: return "Visa bara verksamhetsområdets aktiviteter (id under 'units:'); kan upprepas."
        case .helpGoal: return "Visa bara aktiviteter som tjänar målet (id under 'goals:'); kan upprepas."
        case .helpKind: return "Visa bara aktiviteter av typen ('kind:' i planen, t.ex. VB); kan upprepas."
        case .helpFrom: return "Visa tillfällen från och med dagen (ÅÅÅÅ-MM-DD)."
        case .helpTo: return "Visa tillfällen till och med dagen (ÅÅÅÅ-MM-DD)."
        case .helpMonth: return "Visa bara månaden (1–12) av planåret."
        case .helpWeek: return "Visa bara veckan (ISO-vecka 1–53) av planåret."
        case .helpWide: return "Tabellen i full bredd: inga titlar eller namn förkortas (annars högst 100 tecken per rad)."
        case .helpExcel: return "CSV för Excel på svenska: UTF-8 med BOM, ';' och datum och tid i egna kolumner."
        case .unknownFilterValue(let option, let value, let suggestion, let valid):
            let list = valid.isEmpty ? "planen har inga" : "giltiga: " + valid.joined(separator: ", ")
            return "\(option): '\(value)' finns inte i planen" + (suggestion.map { " (menade du '\($0)'?)" } ?? "") + "; \(list)."
        case .weekNotInYear(let week, let year, let weeks): return "--week \(week): \(year) har bara \(weeks) veckor."
        case .monthOutOfRange(let value): return "--month måste vara 1–12, inte \(value)."
        case .weekOutOfRange(let value): return "--week måste vara 1–53, inte \(value)."
        case .excelOnlyForCSV: return "--excel gäller bara --format csv."
        case .excelUsesSemicolon: return "--excel använder alltid ';'; utelämna --separator."
        case .wideOnlyForTable: return "--wide gäller bara tabellen (--format table)."
        case .summary(let occurrences, let activities, let errors, let warnings):
            return "\(count(occurrences, .occurrence)), \(count(activities, .activity)) · \(count(errors, .error)), \(count(warnings, .warning))"
        case .filteredSummary(let shown, let occurrences, let activities, let errors, let warnings):
            return "\(shown) av \(count(occurrences, .occurrence)) visas, \(count(activities, .activity)) · "
                + "\(count(errors, .error)), \(count(warnings, .warning))"
        case .week(let week): return "v. \(week)"
        case .nothingShown: return "Inga tillfällen matchar urvalet."
        case .status(let status):
            switch status {
            case .planned: return "planerad"
            case .tentative: return "preliminär"
            case .cancelled: return "inställd"
            }
        case .column(let column):
            switch column {
            case .uid: return "uid"
            case .activity: return "aktivitet"
            case .number: return "nr"
            case .title: return "titel"
            case .kind: return "typ"
            case .start: return "start"
            case .end: return "slut"
            case .startDate: return "startdatum"
            case .startTime: return "starttid"
            case .endDate: return "slutdatum"
            case .endTime: return "sluttid"
            case .allDay: return "heldag"
            case .owner: return "ansvarig"
            case .audiences: return "målgrupper"
            case .channels: return "kanaler"
            case .unit: return "verksamhetsområde"
            case .goals: return "mål"
            case .status: return "status"
            }
        case .yes: return "ja"
        case .no: return "nej"
        }
    }
}

extension EnglishCatalogue {
    public func view(_ text: ViewText) -> String {
        switch text {
        case .helpOwner: return "Show only this owner's occurrences (an id under 'owners:'); may be repeated."
        case .helpAudience: return "Show only activities for this target group (an id under 'audiences:'); may be repeated."
        case .helpChannel: return "Show only activities in this channel (an id under 'channels:'); may be repeated."
        case .helpUnit: return "Show only this unit's activities (an id under 'units:'); may be repeated."
        case .helpGoal: return "Show only activities serving this goal (an id under 'goals:'); may be repeated."
        case .helpKind: return "Show only activities of this kind ('kind:' in the plan, e.g. VB); may be repeated."
        case .helpFrom: return "Show occurrences from this day on, inclusive (YYYY-MM-DD)."
        case .helpTo: return "Show occurrences up to this day, inclusive (YYYY-MM-DD)."
        case .helpMonth: return "Show only this month (1–12) of the plan year."
        case .helpWeek: return "Show only this ISO week (1–53) of the plan year."
        case .helpWide: return "The table at full width: no title or name shortened (otherwise at most 100 columns a line)."
        case .helpExcel: return "CSV for Excel set to Swedish: UTF-8 with a BOM, ';', and dates and times in columns of their own."
        case .unknownFilterValue(let option, let value, let suggestion, let valid):
            let list = valid.isEmpty ? "the plan has none" : "valid: " + valid.joined(separator: ", ")
            return "\(option): there is no '\(value)' in the plan" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "") + "; \(list)."
        case .weekNotInYear(let week, let year, let weeks): return "--week \(week): \(year) has only \(weeks) weeks."
        case .monthOutOfRange(let value): return "--month must be 1–12, not \(value)."
        case .weekOutOfRange(let value): return "--week must be 1–53, not \(value)."
        case .excelOnlyForCSV: return "--excel applies only to --format csv."
        case .excelUsesSemicolon: return "--excel always uses ';'; leave out --separator."
        case .wideOnlyForTable: return "--wide applies only to the table (--format table)."
        case .summary(let occurrences, let activities, let errors, let warnings):
            return "\(count(occurrences, .occurrence)), \(count(activities, .activity)) · \(count(errors, .error)), \(count(warnings, .warning))"
        case .filteredSummary(let shown, let occurrences, let activities, let errors, let warnings):
            return "\(shown) of \(count(occurrences, .occurrence)) shown, \(count(activities, .activity)) · "
                + "\(count(errors, .error)), \(count(warnings, .warning))"
        case .week(let week): return "wk \(week)"
        case .nothingShown: return "No occurrences match the filter."
        case .status(let status):
            switch status {
            case .planned: return "planned"
            case .tentative: return "tentative"
            case .cancelled: return "cancelled"
            }
        case .column(let column):
            switch column {
            case .uid: return "uid"
            case .activity: return "activity"
            case .number: return "number"
            case .title: return "title"
            case .kind: return "kind"
            case .start: return "start"
            case .end: return "end"
            case .startDate: return "start date"
            case .startTime: return "start time"
            case .endDate: return "end date"
            case .endTime: return "end time"
            case .allDay: return "all day"
            case .owner: return "owner"
            case .audiences: return "target groups"
            case .channels: return "channels"
            case .unit: return "unit"
            case .goals: return "goals"
            case .status: return "status"
            }
        case .yes: return "yes"
        case .no: return "no"
        }
    }
}
