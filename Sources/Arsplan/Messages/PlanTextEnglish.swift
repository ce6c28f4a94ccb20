/// The plan reader's texts in English.
extension EnglishCatalogue {
    public func plan(_ text: PlanText) -> String {
        func mean(_ suggestion: String?) -> String { suggestion.map { " (did you mean '\($0)'?)" } ?? "" }
        switch text {
        case .fileTooLarge(let bytes, let limit): return "the plan file is \(bytes) bytes, more than the limit of \(limit) bytes"
        case .notUTF8(let byte, let offset):
            return
                "the plan file is not UTF-8 text: byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset) cannot start or continue a character; save the file as UTF-8"
        case .yamlSyntax(let problem, let context, let at):
            var text = "invalid YAML: \(problem)"
            if let context { text += " (\(context)\(at.map { " at \($0)" } ?? ""))" }
            return text
        case .valueTooLong(let bytes, let limit):
            return "this value is \(bytes) bytes long, more than the limit of \(limit) bytes for one value"
        case .nestingTooDeep(let limit):
            return "lists and mappings are nested more than \(limit) deep here, the limit for a plan file"
        case .aliasWithoutAnchor(let name):
            return "invalid YAML: the alias '*\(name)' names no anchor ('&\(name)') written before it"
        case .secondDocument: return "a plan file is one YAML document, but a second one starts here"
        case .emptyFile: return "the plan file is empty; it needs at least a 'plan' section with 'id', 'title' and 'year'"
        case .fileNotAMapping(let found):
            return
                "a plan file must be a mapping with the sections 'plan', 'calendar', 'owners', …, 'activities', not \(self.found(found))"
        case .unsupportedFormat(let format):
            return "plan-file format \(format) is not supported: this version of arsplan reads format 1"
        case .missingPlanSection: return "missing the 'plan' section (with 'id', 'title' and 'year')"

        case .unknownKey(let key, let place, let suggestion): return "unknown key '\(key)' in \(self.place(place))\(mean(suggestion))"
        case .mergeKey: return "YAML merge keys ('<<') are not supported in plan files; write the keys out"
        case .duplicateKey(let key, let place, let first):
            return "'\(key)' is written again in \(place.map { self.place($0) } ?? "the same mapping") (first at \(first)); keep one"
        case .keyNotText(let place, let found): return "a key in \(self.place(place)) must be text, not \(self.found(found))"
        case .duplicateID(let kind, let id, let first): return "\(kind.rawValue) '\(id)' is defined again (first at \(first))"
        case .invalidGroupID(let kind, let id):
            return "\(kind.rawValue) id '\(id)' may contain only letters, digits, '-' and '_'"

        case .wrongType(let key, let expected, let found, let hint):
            return "'\(key)' must be \(self.expected(expected)), not \(self.found(found))" + (hint.map { "; \(self.hint($0))" } ?? "")
        case .noValue(let key): return "'\(key)' has no value"
        case .invalidID(let text): return "'\(text)' is not a valid id: use only letters, digits, '-' and '_'"
        case .notPositive(let key, let value): return "'\(key)' must be 1 or more, not \(value)"
        case .dateOutOfRange(let text, let from, let to): return "\(text) is outside the years a plan may use (\(from)–\(to))"
        case .noSuchMonth(let text, let month): return "\(text) is not a date: there is no month \(month)"
        case .noSuchDay(let text, let month, let year, let days, let day):
            return "\(text) is not a date: \(self.month(month)) \(year) has \(days) days, not \(day)"
        case .dateWithTime(let text):
            return "'\(text)' is not a date: write the day as YYYY-MM-DD and the time of day under 'time'"
        case .dateDigits(let text, let written):
            return "'\(text)' is not a date: write the month and day with two digits, '\(written)'"
        case .notADate(let text): return "'\(text)' is not a date: write YYYY-MM-DD, such as 2027-03-30"
        case .notAnEmail(let text): return "'\(text)' is not an e-mail address"

        case .planHasNo(let key): return "'plan' has no '\(key)'"
        case .yearOutOfRange(let year): return "plan year \(year) is outside 1900–2200"
        case .unknownTimeZone(let zone, let suggestion):
            if let suggestion { return "unknown time zone '\(zone)' (did you mean '\(suggestion)'?)" }
            return "unknown time zone '\(zone)'; use an IANA name such as 'Europe/Stockholm'"
        case .unknownHolidays(let value, let suggestion):
            return "'holidays' must be 'sweden' or 'none', not '\(value)'\(mean(suggestion))"
        case .closedPeriodNotAMapping(let found):
            return
                "a closed period must be a mapping such as '{from: 2027-07-05, to: 2027-08-06, name: Sommarstängt}' or '{date: 2027-05-07, name: Klämdag}', not \(self.found(found))"
        case .closedDateAndRange: return "a closed period has either 'date' or 'from' and 'to', not both"
        case .closedNeedsDates: return "a closed period needs 'from' and 'to', or 'date'"
        case .closedFromWithoutTo: return "a closed period with 'from' needs 'to' as well"
        case .closedToWithoutFrom: return "a closed period with 'to' needs 'from' as well"
        case .closedEndsBeforeStart(let name, let from, let to): return "closed period '\(name)' ends (\(to)) before it starts (\(from))"

        case .activityNotAMapping(let found):
            return "each activity must be a mapping starting with '- id:', not \(self.found(found))"
        case .activityHasNo(let activity, let key): return "\(self.activity(activity)) has no '\(key)'"
        case .noPlacement(let activity): return "\(self.activity(activity)) has no date: give it one of \(placements)"
        case .multiplePlacements(let activity, let keys):
            let names = keys.map { "'\($0)'" }
            return
                "\(self.activity(activity)) is placed by both \(names[0]) and \(names.dropFirst().joined(separator: " and ")); keep exactly one of \(placements)"
        case .datesEmpty: return "'dates' lists no dates"
        case .tooManyDates(let count, let limit):
            return "'dates' lists \(count) dates, more than the limit of \(limit) occurrences for one activity"
        case .afterEmpty: return "'after' names no activity"
        case .beforeList: return "'before' takes one activity, not a list: the activity must end before that one"
        case .forEachOccurrence(let text):
            return "'for-each' takes an activity without an occurrence number: '\(text)' names one occurrence"
        case .forEachPlacement(let key): return "'for-each' works with 'with', 'after' or 'before', not with '\(key)'"
        case .withOffset(let text):
            return
                "'with' places the activity on the same day as another and takes no offset, not '\(text)'; use 'after' or 'before' for an offset"
        case .afterMinus(let reference, let amount, let unit):
            let offset = "\(amount) \(unit.rawValue)"
            return
                "'after' counts forward from '\(reference)': write 'after: \(reference) + \(offset)'; for a deadline before '\(reference)' write 'before: \(reference) - \(offset)'"
        case .beforePlus(let reference, let amount, let unit):
            let offset = "\(amount) \(unit.rawValue)"
            return
                "'before' counts back from '\(reference)': write 'before: \(reference) - \(offset)'; to start after '\(reference)' write 'after: \(reference) + \(offset)'"
        case .expression(let expression, let key, let written):
            let (message, help) = expressionParts(expression)
            var text = message
            if let key, let written { text += " in '\(key): \(written)'" }
            return text + (help.map { "; \($0)" } ?? "")
        case .unknownStatus(let text, let suggestion):
            return "'status' must be 'planned', 'tentative' or 'cancelled', not '\(text)'\(mean(suggestion))"
        case .durationWithoutTime(let duration, let activity):
            return
                "duration '\(duration)' is counted in hours but \(self.activity(activity)) has no 'time', so it is all-day; add 'time: \"HH:MM\"' or give the duration in days ('1d')"
        case .notAfterBeforeNotBefore(let notAfter, let notBefore):
            return "'not-after' (\(notAfter)) is earlier than 'not-before' (\(notBefore))"

        case .dayOfMonth(let found): return "'day-of-month' must be 1–31, or 'last' (-1), not \(self.found(found))"
        case .exceptMonths(let found):
            return "'except-months' takes month numbers 1–12 (or names such as 'juli'), not \(self.found(found))"
        case .repeatNeedsEvery: return "'repeat' needs 'every': 'week', '2 weeks', 'month', '3 months', …"
        case .weeklyDayOfMonth: return "a weekly repeat falls on a weekday ('on: monday'); 'day-of-month' is for monthly repeats"
        case .weeklyNth(let weekday):
            return "a weekly repeat falls on a weekday: write 'on: \(name(weekday))'; 'first', 'last', … are for monthly repeats"
        case .weeklyNeedsWeekday: return "a weekly repeat needs a weekday: add 'on: monday' (or another day)"
        case .monthlyOnAndDayOfMonth: return "a monthly repeat takes either 'on' or 'day-of-month', not both"
        case .monthlyNeedsWhich(let weekday):
            let name = name(weekday)
            return "a monthly repeat needs which \(name) of the month: 'first \(name)', 'second \(name)', … or 'last \(name)'"
        case .monthlyNeedsDay: return "a monthly repeat needs 'on' (such as 'first tuesday') or 'day-of-month' (such as 15)"
        case .untilBeforeFrom(let until, let from): return "'until' (\(until)) is earlier than 'from' (\(from)) in 'repeat'"
        case .repeatTooMany(let count, let limit):
            return
                "this 'repeat' gives up to \(count) occurrences, more than the limit of \(limit) for one activity; narrow 'from'/'until'"

        case .unknownID(let kind, let id, let suggestion): return "unknown \(kind.rawValue) '\(id)'\(mean(suggestion))"
        case .unknownActivity(let id, let key, let suggestion): return "unknown activity '\(id)' in '\(key)'\(mean(suggestion))"
        case .missingOccurrence(let reference, let key, let id, let count):
            return "'\(reference)' in '\(key)' does not exist: '\(id)' has \(count == 1 ? "1 occurrence" : "\(count) occurrences")"
        case .activityWithoutOwner(let activity): return "activity '\(activity)' has no owner; name one with 'owner:'"
        case .duplicateDate(let date, let first): return "\(date) is listed twice in 'dates' (first at \(first)); remove one"

        case .formatNote: return "a newer arsplan may read it; or write 'format: 1' and use only the keys of docs/plan-format.md"
        case .keysHere(let keys): return "keys here: " + keys.map { "'\($0)'" }.joined(separator: ", ")
        case .idsDefined(let kind, let ids, let more):
            return "\(kind.section) defined: " + ids.map { "'\($0)'" }.joined(separator: ", ") + (more ? ", …" : "")
        case .noIDsDefined(let kind): return "the plan defines no \(kind.section); add a '\(kind.section):' section"
        case .secondDocumentNote: return "remove the '---' line, or split the file in two plans"
        case .tabNote: return "YAML indents with spaces; a tab cannot be used for indentation: use spaces"
        case .bracketNote(let reference):
            return "inside { } or [ ] a bracket starts a list: put a reference with an occurrence number in quotes, \"\(reference)\""
        case .quoteValueNote(let line): return "a value with a colon and a space must be quoted: \(line)"
        case .indentationNote(let column): return "the keys above it start in column \(column); indent this line as far"
        case .nameForIDNote(let id, let name): return "did you mean '\(id)' (\(name))? The id goes here, not the name"
        case .commaListNote(let items): return "a list is written in brackets: [\(items.joined(separator: ", "))]"
        case .ownersDefinedNote: return "the plan has owners under 'owners:', so every activity should have one"
        }
    }

    public func expression(_ text: ExpressionText) -> String {
        let (message, help) = expressionParts(text)
        return message + (help.map { "; \($0)" } ?? "")
    }

    /// An expression error's message and what to write instead.
    func expressionParts(_ text: ExpressionText) -> (String, String?) {
        func mean(_ suggestion: String?) -> String { suggestion.map { " (did you mean '\($0)'?)" } ?? "" }
        switch text {
        case .expectedIDFound(let character): return ("expected an activity id, found '\(character)'", "ids use letters, digits, '-' and '_'")
        case .expectedID: return ("expected an activity id", nil)
        case .expectedOccurrenceNumber(let id): return ("expected an occurrence number in brackets", "such as '\(id)[2]' for the second")
        case .occurrenceFromOne(let id): return ("occurrences are counted from 1", "'\(id)[1]' is the first")
        case .unexpectedAfter(let rest, let after): return ("unexpected '\(rest)' after '\(after)'", nil)
        case .offsetOverLimit(let amount, let unit, let limit):
            return (
                "the offset \(amount) \(unit.rawValue) is larger than the limit of \(limit) \(unit.rawValue)",
                "offsets reach at most about ten years (see 'What is guaranteed' in docs/plan-format.md)"
            )
        case .expectedSign(let reference, let found):
            return (
                "expected '+' or '-' after '\(reference)', found '\(found)'",
                "such as '\(reference) + 2 workdays'; put spaces around the sign"
            )
        case .offsetTooLarge(let digits, let maxDays):
            return ("the offset \(digits) is larger than any offset can be", "offsets reach at most about ten years (\(maxDays) days)")
        case .expectedNumber(let sign, let reference):
            return ("expected a number after '\(sign)'", "write the number in digits, such as '\(reference) \(sign) 2 workdays'")
        case .missingUnit(let amount):
            return ("missing unit after '\(amount)'", "write '\(amount) workdays', '\(amount) days' or '\(amount) weeks'")
        case .unknownUnit(let word, let suggestion): return ("unknown unit '\(word)'\(mean(suggestion))", "use 'workdays', 'days' or 'weeks'")
        case .durationOverLimit(let text, let limit, let unit):
            return ("the duration '\(text)' is longer than the limit of \(limit) \(self.unit(unit))", nil)
        case .durationWithoutUnit(let text): return ("duration '\(text)' has no unit: \(durationHelp)", nil)
        case .notADuration(let text): return ("'\(text)' is not a duration: \(durationHelp)", nil)
        case .durationZero(let text): return ("a duration must be longer than zero, not '\(text)'", nil)
        case .notATime(let text): return ("'\(text)' is not a time of day; write HH:MM, such as '17:00'", nil)
        case .notAWeekday(let text): return ("'\(text)' is not a weekday: \(onHelp)", nil)
        case .unknownWeekday(let word, let suggestion): return ("unknown weekday '\(word)' (did you mean '\(suggestion)'?)", nil)
        case .weekdayExpected(let word): return ("'\(word)' is not a weekday", nil)
        case .unknownOrdinal(let word, let suggestion):
            return ("unknown ordinal '\(word)'; use 'first', 'second', 'third', 'fourth', 'fifth' or 'last'\(mean(suggestion))", nil)
        case .notARepeatDay(let text): return ("'\(text)' is not a day of the repeat: \(onHelp)", nil)
        case .notAFrequency(let text): return ("'\(text)' is not a frequency: \(frequencyHelp)", nil)
        case .intervalZero(let text): return ("a repeat needs an interval of at least 1, not '\(text)'", nil)
        case .repeatOverLimit(let text, let limit, let unit): return ("'every: \(text)' is more than the limit of \(limit) \(self.unit(unit))", nil)
        case .unknownFrequencyUnit(let word, let suggestion):
            return ("unknown unit '\(word)' in 'every' (did you mean '\(suggestion)'?)", nil)
        }
    }

    private var placements: String { "'date', 'dates', 'repeat', 'with', 'after'/'before' or 'dates-from'" }
    private var durationHelp: String { "write hours and minutes ('2h', '90min', '1h30min'), working days ('3d') or weeks ('2w')" }
    private var onHelp: String { "write a weekday ('monday', 'tisdag') or which one in the month ('first tuesday', 'last friday')" }
    private var frequencyHelp: String {
        "write 'week', '2 weeks', 'month' or '3 months' (Swedish: 'vecka', '2 veckor', 'månad', 'varannan vecka')"
    }

    private func unit(_ unit: DurationUnit) -> String {
        switch unit {
        case .minutes: return "minutes"
        case .workdays: return "working days"
        case .weeks: return "weeks"
        case .months: return "months"
        }
    }

    private func name(_ weekday: Weekday) -> String { self.weekday(weekday).lowercased() }

    private func activity(_ id: String?) -> String { id.map { "activity '\($0)'" } ?? "the activity" }

    private func place(_ place: PlanPlace) -> String {
        switch place {
        case .file: return "the plan file"
        case .section(let name): return "'\(name)'"
        case .closedPeriod: return "a closed period"
        case .entry(let kind, nil): return "the \(kind.section)"
        case .entry(let kind, let id?): return "\(kind.rawValue) '\(id)'"
        case .activity(let id): return activity(id)
        }
    }

    private func found(_ found: PlanFound) -> String {
        switch found {
        case .empty: return "an empty value"
        case .text(let text): return "'\(text)'"
        case .list: return "a list"
        case .mapping: return "a mapping"
        }
    }

    private func expected(_ expected: PlanExpected) -> String {
        switch expected {
        case .mapping: return "a mapping of keys and values"
        case .text: return "text"
        case .wholeNumber: return "a whole number"
        case .trueOrFalse: return "true or false"
        case .date: return "a date (YYYY-MM-DD)"
        case .list(let item):
            let what: String
            switch item {
            case .closedPeriods: what = "closed periods"
            case .activityItems: what = "activities (each starting with '- id:')"
            case .dates: what = "dates (YYYY-MM-DD)"
            case .activities: what = "activities"
            case .audiences: what = "target groups"
            case .channels: what = "channels"
            case .goals: what = "goals"
            case .months: what = "months (1–12)"
            }
            return "a list of \(what)"
        }
    }

    private func hint(_ hint: PlanHint) -> String {
        switch hint {
        case .section(let key): return "write '\(key):' then one 'id: {name: …}' per line"
        case .ownerFields: return "write '{name: …, email: …}'"
        case .capacityFields: return "write '{name: …, max-per-week: …}'"
        case .nameField: return "write '{name: …}'"
        case .repeatFields: return "write for example '{every: month, on: first tuesday}'"
        }
    }
}
