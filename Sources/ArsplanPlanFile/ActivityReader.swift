import Arsplan

/// A value and where it was written.
struct Located<Value> {
    var value: Value
    var location: SourceLocation
}

extension Located: Sendable where Value: Sendable {}

/// An activity as read, with the references the reference check resolves afterwards.
struct ActivityDraft: Sendable {
    var activity: Activity
    var owner: Located<String>?
    var unit: Located<String>?
    var audiences: [Located<String>] = []
    var channels: [Located<String>] = []
    var goals: [Located<String>] = []
    /// References to other activities, with the key they were written under (`after`, `with`, …).
    var references: [(reference: ActivityReference, location: SourceLocation, key: String)] = []
    /// Where the id is written.
    var idLocation: SourceLocation?
}

extension PlanReader {
    static let activityKeys = ActivityKey.allCases.map(\.rawValue)
    static let repeatKeys = ["every", "on", "day-of-month", "except-months", "except-dates", "from", "until"]
    static let placementHelp = "'date', 'dates', 'repeat', 'with', 'after'/'before' or 'dates-from'"

    mutating func readActivities(_ node: Node) {
        guard let items = list(node, for: "activities", single: false, of: "activities (each starting with '- id:')")
        else { return }
        readActivityItems(items)
    }

    /// Reads `- id: …` items into ``drafts``. A repeated activity is kept so that its own
    /// references are checked too (``checkReferences()`` reports it once all are read).
    mutating func readActivityItems(_ items: [Node]) {
        drafts.reserveCapacity(drafts.count + items.count)
        for item in items {
            if let draft = readActivity(item) { drafts.append(draft) }
        }
    }

    /// Reads one `- id: …` item; nil when it is not a mapping at all.
    private mutating func readActivity(_ node: Node) -> ActivityDraft? {
        guard case .mapping(let mapping) = node else {
            sink.error(
                .invalidType,
                "each activity must be a mapping starting with '- id:', not \(node.kindDescription)",
                at: location(of: node))
            return nil
        }
        let here = location(of: node)
        // How messages name the activity; made only for a message.
        func name() -> String {
            let writtenID =
                mapping.first?.key.scalar?.string == "id"
                ? mapping.first?.value.rawText : mapping.value(forKey: "id")?.rawText
            return writtenID.map { "activity '\($0)'" } ?? "the activity"
        }
        var draft = ActivityDraft(activity: Activity(id: "", title: "", placement: .dates([]), location: here))

        var placementEntries: [Entry] = []
        var placement: Placement?
        var after: [DependencyOffset] = []
        var before: DependencyOffset?
        var forEachEntry: Entry?
        var seen = ActivityKeySet()

        // The pairs by index (iterating a mapping copies all its pairs first), each key
        // looked up once.
        for index in mapping.indices {
            let (keyNode, value) = mapping[index]
            var activityKey: ActivityKey?
            guard
                let key = knownKey(
                    keyNode, in: name(), known: Self.activityKeys,
                    isKnown: {
                        activityKey = ActivityKey(named: $0)
                        return activityKey != nil
                    })
            else { continue }
            var entry: Entry { Entry(key: key, keyNode: keyNode, value: value) }
            seen.insert(activityKey!)
            switch activityKey! {
            case .id:
                draft.idLocation = location(of: value)
                if let id = identifier(value, for: "id") { draft.activity.id = .init(id) }
            case .title:
                if let title = text(value, for: "title") { draft.activity.title = title }
            case .kind: draft.activity.kind = text(value, for: "kind")
            case .description: draft.activity.description = text(value, for: "description")
            case .owner:
                if let id = identifier(value, for: "owner") {
                    draft.owner = Located(value: id, location: location(of: value))
                    draft.activity.owner = .init(id)
                }
            case .unit:
                if let id = identifier(value, for: "unit") {
                    draft.unit = Located(value: id, location: location(of: value))
                    draft.activity.unit = .init(id)
                }
            // The ids go into the activity now (while reading, on every core); the reference
            // check later only looks them up.
            case .audiences:
                draft.audiences = identifierList(value, for: "audiences", of: "target groups")
                draft.activity.audiences = draft.audiences.map { .init($0.value) }
            case .channels:
                draft.channels = identifierList(value, for: "channels", of: "channels")
                draft.activity.channels = draft.channels.map { .init($0.value) }
            case .goals:
                draft.goals = identifierList(value, for: "goals", of: "goals")
                draft.activity.goals = draft.goals.map { .init($0.value) }
            case .date:
                placementEntries.append(entry)
                if let day = day(value, for: "date") { placement = .date(day) }
            case .dates:
                placementEntries.append(entry)
                guard let items = list(value, for: "dates", of: "dates (YYYY-MM-DD)") else { break }
                if items.isEmpty {
                    sink.error(
                        .invalidValue, "'dates' lists no dates", at: location(of: value.isNull ? entry.keyNode : value))
                    break
                }
                let days = items.compactMap { day($0, for: "dates") }
                if days.count == items.count { placement = .dates(days) }
            case .repeat:
                placementEntries.append(entry)
                if let recurrence = readRepeat(entry) { placement = .recurrence(recurrence) }
            case .with:
                placementEntries.append(entry)
                guard let text = text(value, for: "with") else { break }
                if let reference = readWith(text, at: location(of: value), into: &draft) {
                    placement = .with(reference)
                }
            case .datesFrom:
                placementEntries.append(entry)
                if let path = text(value, for: "dates-from") { placement = .imported(source: path, dates: []) }
            case .after:
                placementEntries.append(entry)
                guard let items = list(value, for: "after", of: "activities") else { break }
                if items.isEmpty {
                    sink.error(
                        .invalidValue, "'after' names no activity",
                        at: location(of: value.isNull ? entry.keyNode : value))
                }
                for item in items {
                    guard let text = text(item, for: "after") else { continue }
                    if let offset = readOffset(text, key: "after", at: location(of: item), into: &draft) {
                        after.append(offset)
                    }
                }
            case .before:
                placementEntries.append(entry)
                if case .sequence = value {
                    sink.error(
                        .invalidType,
                        "'before' takes one activity, not a list: the activity must end before that one",
                        at: location(of: value))
                    break
                }
                guard let text = text(value, for: "before") else { break }
                before = readOffset(text, key: "before", at: location(of: value), into: &draft)
            case .forEach:
                forEachEntry = entry
                guard let text = text(value, for: "for-each") else { break }
                switch parseReference(text) {
                case .success(let reference) where reference.occurrence == nil:
                    draft.activity.forEach = reference.activity
                    draft.references.append((reference, location(of: value), "for-each"))
                case .success:
                    sink.error(
                        .invalidForEach,
                        "'for-each' takes an activity without an occurrence number: '\(text)' names one occurrence",
                        at: location(of: value))
                case .failure(let error):
                    sink.error(.invalidReference, error.describe(in: "for-each: \(text)"), at: location(of: value))
                }
            case .time:
                guard let text = text(value, for: "time") else { break }
                switch parseTime(text) {
                case .success(let time): draft.activity.time = time
                case .failure(let error): sink.error(.invalidTime, error.message, at: location(of: value))
                }
            case .duration:
                guard let text = text(value, for: "duration") else { break }
                switch parseDuration(text) {
                case .success(let duration): draft.activity.duration = duration
                case .failure(let error): sink.error(.invalidDuration, error.message, at: location(of: value))
                }
            case .notBefore: draft.activity.notBefore = day(value, for: "not-before")
            case .notAfter: draft.activity.notAfter = day(value, for: "not-after")
            case .pinned: draft.activity.pinned = boolean(value, for: "pinned") ?? false
            case .status:
                guard let text = text(value, for: "status") else { break }
                if let status = OccurrenceStatus(rawValue: text.lowercased()) {
                    draft.activity.status = status
                } else {
                    var message = "'status' must be planned, tentative or cancelled, not '\(text)'"
                    if let suggestion = suggest(text, in: ["planned", "tentative", "cancelled", "canceled"]) {
                        message += " (did you mean '\(suggestion == "canceled" ? "cancelled" : suggestion)'?)"
                    }
                    sink.error(.invalidValue, message, at: location(of: value))
                }
            }
        }

        // Required keys.
        for key in [ActivityKey.id, .title] where !seen.contains(key) {
            guard !isWritten(key.rawValue, in: mapping, known: Self.activityKeys) else { continue }
            sink.error(.missingKey, "\(name()) has no '\(key.rawValue)'", at: here)
        }

        // Exactly one way of placing the activity (after and before together count as one).
        func group(_ key: String) -> String { key == "after" || key == "before" ? "after/before" : key }
        var groups: [(name: String, entry: Entry)] = []
        for entry in placementEntries where !groups.contains(where: { $0.name == group(entry.key) }) {
            groups.append((group(entry.key), entry))
        }
        if groups.isEmpty {
            sink.error(.missingPlacement, "\(name()) has no date: give it one of \(Self.placementHelp)", at: here)
        } else if groups.count > 1 {
            let names = groups.map { "'\($0.entry.key)'" }
            sink.error(
                .multiplePlacements,
                "\(name()) is placed by both \(names[0]) and \(names[1...].joined(separator: " and ")); keep exactly one of \(Self.placementHelp)",
                at: groups[1].entry.keyLocation)
        } else if groups[0].name == "after/before" {
            if seen.contains(.after) == !after.isEmpty, seen.contains(.before) == (before != nil) {
                placement = .relative(after: after, before: before)
            }
        }
        if let placement {
            draft.activity.placement = placement
            draft.activity.placementLocation = groups.first?.entry.keyLocation
        }

        // for-each repeats a relative placement once per occurrence of another activity.
        if let forEachEntry, let only = groups.first, groups.count == 1,
            !["with", "after/before"].contains(only.name)
        {
            sink.error(
                .invalidForEach,
                "'for-each' works with 'with', 'after' or 'before', not with '\(only.entry.key)'",
                at: forEachEntry.keyLocation)
        }

        if case .minutes = draft.activity.duration, draft.activity.time == nil,
            let entry = mapping.value(forKey: "duration")
        {
            sink.warning(
                .durationWithoutTime,
                "duration '\(draft.activity.duration!)' is counted in hours but \(name()) has no 'time', so it is all-day; add 'time: \"HH:MM\"' or give the duration in days ('1d')",
                at: location(of: entry))
        }
        if let notBefore = draft.activity.notBefore, let notAfter = draft.activity.notAfter, notAfter < notBefore {
            sink.error(
                .invalidRange, "'not-after' (\(notAfter)) is earlier than 'not-before' (\(notBefore))",
                at: mapping.value(forKey: "not-after").map { location(of: $0) } ?? here)
        }
        return draft
    }

    /// A list of identifiers (`audiences: [medarbetare, kunder]`, or one without brackets).
    private mutating func identifierList(_ node: Node, for key: String, of what: String) -> [Located<String>] {
        var result: [Located<String>] = []
        if case .sequence(let sequence) = node {
            // The items in place (`list` would first copy them into an array).
            result.reserveCapacity(sequence.count)
            for index in sequence.indices {
                let item = sequence[index]
                if let id = identifier(item, for: key) { result.append(Located(value: id, location: location(of: item))) }
            }
            return result
        }
        guard let items = list(node, for: key, of: what) else { return [] }
        for item in items {
            if let id = identifier(item, for: key) { result.append(Located(value: id, location: location(of: item))) }
        }
        return result
    }

    /// `with: namnd[2]`: a bare reference.
    private mutating func readWith(_ text: String, at location: SourceLocation, into draft: inout ActivityDraft)
        -> ActivityReference?
    {
        switch parseReference(text) {
        case .success(let reference):
            draft.references.append((reference, location, "with"))
            return reference
        case .failure(let error) where error.part == .offset:
            sink.error(
                .invalidReference,
                "'with' places the activity on the same day as another and takes no offset, not '\(text)'; use 'after' or 'before' for an offset",
                at: location)
        case .failure(let error):
            sink.error(.invalidReference, error.describe(in: "with: \(text)"), at: location)
        }
        return nil
    }

    /// `after: vb + 2 workdays` / `before: namnd[3] - 5 workdays`: the sign must match the key.
    private mutating func readOffset(
        _ text: String, key: String, at location: SourceLocation, into draft: inout ActivityDraft
    ) -> DependencyOffset? {
        switch parseOffsetExpression(text) {
        case .failure(let error):
            sink.error(
                error.part == .reference ? .invalidReference : .invalidOffset, error.describe(in: "\(key): \(text)"),
                at: location)
            return nil
        case .success(let expression):
            let reference = expression.reference
            var amount: String { "\(expression.amount) \(expression.unit.rawValue)" }  // for messages
            if key == "after", expression.sign == .minus {
                sink.error(
                    .invalidOffset,
                    "'after' counts forward from '\(reference)': write 'after: \(reference) + \(amount)'; for a deadline before '\(reference)' write 'before: \(reference) - \(amount)'",
                    at: location)
                return nil
            }
            if key == "before", expression.sign == .plus {
                sink.error(
                    .invalidOffset,
                    "'before' counts back from '\(reference)': write 'before: \(reference) - \(amount)'; to start after '\(reference)' write 'after: \(reference) + \(amount)'",
                    at: location)
                return nil
            }
            draft.references.append((reference, location, key))
            return DependencyOffset(
                reference: reference, amount: expression.amount, unit: expression.unit, location: location)
        }
    }

    /// `repeat: {every: month, on: first tuesday, except-months: [7]}`.
    private mutating func readRepeat(_ entry: Entry) -> Recurrence? {
        guard
            let mapping = mapping(
                entry.value, for: "repeat", hint: "write for example '{every: month, on: first tuesday}'")
        else { return nil }
        let here = entry.value.isNull ? entry.keyLocation : location(of: entry.value)
        var frequency: RecurrenceFrequency?
        var on: Located<RepeatOn>?
        var dayOfMonth: Located<Int>?
        var exceptMonths: Set<Int> = []
        var exceptDates: Set<Day> = []
        var from: Day?
        var until: Day?
        var keys: [String: SourceLocation] = [:]
        var failed = false

        for field in entries(of: mapping, in: "'repeat'", known: Self.repeatKeys) {
            keys[field.key] = field.keyLocation
            let value = field.value
            switch field.key {
            case "every":
                guard let text = text(value, for: "every") else {
                    failed = true
                    break
                }
                switch parseFrequency(text) {
                case .success(let f): frequency = f
                case .failure(let error):
                    sink.error(.invalidRepeat, error.message, at: location(of: value))
                    failed = true
                }
            case "on":
                guard let text = text(value, for: "on") else {
                    failed = true
                    break
                }
                switch parseRepeatOn(text) {
                case .success(let day): on = Located(value: day, location: location(of: value))
                case .failure(let error):
                    sink.error(.invalidRepeat, error.message, at: location(of: value))
                    failed = true
                }
            case "day-of-month":
                let text = value.rawText?.trimmingSpaces().lowercased()
                if text == "last" || text == "sista" {
                    dayOfMonth = Located(value: -1, location: location(of: value))
                } else if let text, let n = Int(text), (1...31).contains(n) || n == -1 {
                    dayOfMonth = Located(value: n, location: location(of: value))
                } else {
                    sink.error(
                        .invalidRepeat, "'day-of-month' must be 1–31, or 'last' (-1), not \(value.kindDescription)",
                        at: location(of: value))
                    failed = true
                }
            case "except-months":
                guard let items = list(value, for: "except-months", of: "months (1–12)") else {
                    failed = true
                    break
                }
                for item in items {
                    let text = item.rawText?.trimmingSpaces() ?? ""
                    if let n = Int(text), (1...12).contains(n) {
                        exceptMonths.insert(n)
                    } else if let n = month(named: text) {
                        exceptMonths.insert(n)
                    } else {
                        sink.error(
                            .invalidRepeat,
                            "'except-months' takes month numbers 1–12 (or names such as 'juli'), not \(item.kindDescription)",
                            at: location(of: item))
                        failed = true
                    }
                }
            case "except-dates":
                guard let items = list(value, for: "except-dates", of: "dates (YYYY-MM-DD)") else {
                    failed = true
                    break
                }
                for item in items {
                    if let day = day(item, for: "except-dates") { exceptDates.insert(day) } else { failed = true }
                }
            case "from":
                from = day(value, for: "from")
                if from == nil { failed = true }
            case "until":
                until = day(value, for: "until")
                if until == nil { failed = true }
            default: break
            }
        }

        guard let frequency else {
            if !isWritten("every", in: mapping, known: Self.repeatKeys) {
                sink.error(
                    .missingKey, "'repeat' needs 'every': week, 2 weeks, month, 3 months, …", at: here)
            }
            return nil
        }
        var day: RecurrenceDay?
        switch frequency {
        case .weeks:
            if let dayOfMonth {
                sink.error(
                    .invalidRepeat,
                    "a weekly repeat falls on a weekday ('on: monday'); 'day-of-month' is for monthly repeats",
                    at: keys["day-of-month"] ?? dayOfMonth.location)
            }
            switch on?.value {
            case .weekday(let weekday): day = .weekday(weekday)
            case .nth(_, let weekday):
                sink.error(
                    .invalidRepeat,
                    "a weekly repeat falls on a weekday: write 'on: \(weekdayName(weekday))'; 'first', 'last', … are for monthly repeats",
                    at: on!.location)
            case nil:
                if !failed, dayOfMonth == nil {
                    sink.error(
                        .invalidRepeat, "a weekly repeat needs a weekday: add 'on: monday' (or another day)", at: here)
                }
            }
        case .months:
            if let on, let dayOfMonth {
                sink.error(
                    .invalidRepeat, "a monthly repeat takes either 'on' or 'day-of-month', not both",
                    at: max(keys["on"] ?? on.location, keys["day-of-month"] ?? dayOfMonth.location, by: isBefore))
                break
            }
            if let dayOfMonth { day = .dayOfMonth(dayOfMonth.value) }
            switch on?.value {
            case .nth(let n, let weekday): day = .nthWeekday(n, weekday)
            case .weekday(let weekday):
                let name = weekdayName(weekday)
                sink.error(
                    .invalidRepeat,
                    "a monthly repeat needs which \(name) of the month: 'first \(name)', 'second \(name)', … or 'last \(name)'",
                    at: on!.location)
            case nil:
                if !failed, dayOfMonth == nil {
                    sink.error(
                        .invalidRepeat,
                        "a monthly repeat needs 'on' (such as 'first tuesday') or 'day-of-month' (such as 15)", at: here
                    )
                }
            }
        }
        if let from, let until, until < from {
            sink.error(
                .invalidRange, "'until' (\(until)) is earlier than 'from' (\(from)) in 'repeat'",
                at: keys["until"] ?? here)
            return nil
        }
        guard let day, !failed else { return nil }
        return Recurrence(
            frequency: frequency, on: day, exceptMonths: exceptMonths, exceptDates: exceptDates, from: from,
            until: until)
    }
}

private func weekdayName(_ weekday: Weekday) -> String {
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][weekday.rawValue - 1]
}

private func isBefore(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
    (a.line, a.column) < (b.line, b.column)
}

private func max(_ a: SourceLocation, _ b: SourceLocation, by less: (SourceLocation, SourceLocation) -> Bool)
    -> SourceLocation
{
    less(a, b) ? b : a
}

/// The keys of an activity, in the order messages list them: the one table the reader's
/// key list (`PlanReader.activityKeys`), its dispatch and ``ActivityKeySet`` come from.
///
/// (A hand-kept dispatch by first letter and length, and a bit table beside it, used to
/// stand here; a dictionary look-up costs about 8 ms of CPU on 20,000 activities — 160,000
/// keys at ~50 ns — well under 10 % of `validate`, so they went.)
enum ActivityKey: String, CaseIterable {
    case id, title, kind, owner, audiences, channels, unit, goals, description
    case date, dates, `repeat`, with, after, before
    case forEach = "for-each"
    case datesFrom = "dates-from"
    case time, duration
    case notBefore = "not-before"
    case notAfter = "not-after"
    case pinned, status

    private static let byName = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
    /// Each key's position in ``allCases``: its bit in ``ActivityKeySet``.
    fileprivate static let positions = Dictionary(uniqueKeysWithValues: allCases.enumerated().map { ($1, $0) })

    /// The key named `name`, if it is one.
    init?(named name: String) {
        guard let key = Self.byName[name] else { return nil }
        self = key
    }
}

/// A set of activity keys, as bits.
struct ActivityKeySet {
    private var bits: UInt64 = 0

    private static func bit(_ key: ActivityKey) -> UInt64 { 1 << UInt64(ActivityKey.positions[key]!) }

    mutating func insert(_ key: ActivityKey) { bits |= Self.bit(key) }
    func contains(_ key: ActivityKey) -> Bool { bits & Self.bit(key) != 0 }
}
