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
    /// Where each id of the activity's `audiences`, `channels` and `goals` is written, in
    /// their order (places only: the ids are the activity's).
    var audienceLocations: [SourceLocation] = []
    var channelLocations: [SourceLocation] = []
    var goalLocations: [SourceLocation] = []
    /// References to other activities, with the key they were written under (`after`, `with`, …).
    var references: [(reference: ActivityReference, location: SourceLocation, key: String)] = []
    /// Where the id is written.
    var idLocation: SourceLocation?
    /// Text written where an owner, unit, … id belongs that is no id (a name, perhaps):
    /// reported by the reference check, which knows the names.
    var notIDs: [(kind: IDKind, text: Located<String>)] = []
    /// Whether an `owner` key is written (whatever its value).
    var ownerWritten = false
}

extension PlanReader {
    static let activityKeys = ActivityKey.allCases.map(\.rawValue)
    static let repeatKeys = ["every", "on", "day-of-month", "except-months", "except-dates", "from", "until"]

    mutating func readActivities(_ node: Node) {
        guard let items = list(node, for: "activities", single: false, of: .activityItems)
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
            sink.error(.invalidType, .activityNotAMapping(found: node.found), at: location(of: node))
            return nil
        }
        let here = location(of: node)
        // The id as written, for messages; looked up only for a message.
        func name() -> String? {
            mapping.first?.key.scalar?.string == "id"
                ? mapping.first?.value.rawText : mapping.value(forKey: "id")?.rawText
        }
        var draft = ActivityDraft(activity: Activity(id: "", title: "", placement: .dates([]), location: here))

        // The placement keys in the order written, and where `for-each` is: keys as the
        // enum and places as numbers, which are copied without retaining anything.
        var placementKeys: [(key: ActivityKey, location: SourceLocation)] = []
        var placement: Placement?
        var after: [DependencyOffset] = []
        var before: DependencyOffset?
        var forEachLocation: SourceLocation?
        var seen = ActivityKeySet()

        // The pairs by index (iterating a mapping copies all its pairs first), each key
        // looked up once.
        for index in mapping.indices {
            let (keyNode, value) = mapping[index]
            var activityKey: ActivityKey?
            guard
                let key = knownKey(
                    keyNode, in: .activity(name()), known: Self.activityKeys,
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
                draft.ownerWritten = true
                if let id = referenceID(value, for: "owner", kind: .owner, into: &draft) {
                    draft.owner = Located(value: id, location: location(of: value))
                    draft.activity.owner = .init(id)
                }
            case .unit:
                if let id = referenceID(value, for: "unit", kind: .unit, into: &draft) {
                    draft.unit = Located(value: id, location: location(of: value))
                    draft.activity.unit = .init(id)
                }
            // The ids go into the activity now (while reading, on every core); the reference
            // check later only looks them up.
            case .audiences:
                let (ids, locations): ([Audience.ID], _) = identifierList(
                    value, for: "audiences", of: .audiences, kind: .audience, into: &draft)
                (draft.activity.audiences, draft.audienceLocations) = (ids, locations)
            case .channels:
                let (ids, locations): ([Channel.ID], _) = identifierList(
                    value, for: "channels", of: .channels, kind: .channel, into: &draft)
                (draft.activity.channels, draft.channelLocations) = (ids, locations)
            case .goals:
                let (ids, locations): ([Goal.ID], _) = identifierList(value, for: "goals", of: .goals, kind: .goal, into: &draft)
                (draft.activity.goals, draft.goalLocations) = (ids, locations)
            case .date:
                placementKeys.append((activityKey!, location(of: keyNode)))
                if let day = day(value, for: "date") { placement = .date(day) }
            case .dates:
                placementKeys.append((activityKey!, location(of: keyNode)))
                guard let items = list(value, for: "dates", of: .dates) else { break }
                if items.isEmpty {
                    sink.error(.invalidValue, .datesEmpty, at: location(of: value.isNull ? entry.keyNode : value))
                    break
                }
                guard items.count <= PlanLimits.maxOccurrencesPerActivity else {
                    sink.error(
                        .tooManyOccurrences, .tooManyDates(count: items.count, limit: PlanLimits.maxOccurrencesPerActivity),
                        at: location(of: value))
                    break
                }
                var first: [Day: SourceLocation] = [:]
                var days: [Day] = []
                days.reserveCapacity(items.count)
                for item in items {
                    guard let day = day(item, for: "dates") else { continue }
                    days.append(day)
                    if let earlier = first[day] {
                        sink.warning(.duplicateDate, .duplicateDate(date: day, first: earlier), at: location(of: item))
                    } else {
                        first[day] = location(of: item)
                    }
                }
                if days.count == items.count { placement = .dates(days) }
            case .repeat:
                placementKeys.append((activityKey!, location(of: keyNode)))
                if let recurrence = readRepeat(entry) { placement = .recurrence(recurrence) }
            case .with:
                placementKeys.append((activityKey!, location(of: keyNode)))
                guard let text = text(value, for: "with") else { break }
                if let reference = readWith(text, at: location(of: value), into: &draft) {
                    placement = .with(reference)
                }
            case .datesFrom:
                placementKeys.append((activityKey!, location(of: keyNode)))
                if let path = text(value, for: "dates-from") { placement = .imported(source: path, dates: []) }
            case .after:
                placementKeys.append((activityKey!, location(of: keyNode)))
                guard let items = list(value, for: "after", of: .activities) else { break }
                if items.isEmpty {
                    sink.error(.invalidValue, .afterEmpty, at: location(of: value.isNull ? entry.keyNode : value))
                }
                // Room for them all at once: grown one by one, each list was allocated twice or more.
                after.reserveCapacity(items.count)
                draft.references.reserveCapacity(draft.references.count + items.count)
                for item in items {
                    guard let text = text(item, for: "after") else { continue }
                    if let offset = readOffset(text, key: "after", at: location(of: item), into: &draft) {
                        after.append(offset)
                    }
                }
            case .before:
                placementKeys.append((activityKey!, location(of: keyNode)))
                if case .sequence = value {
                    sink.error(.invalidType, .beforeList, at: location(of: value))
                    break
                }
                guard let text = text(value, for: "before") else { break }
                before = readOffset(text, key: "before", at: location(of: value), into: &draft)
            case .forEach:
                forEachLocation = location(of: keyNode)
                guard let text = text(value, for: "for-each") else { break }
                switch parseReference(text) {
                case .success(let reference) where reference.occurrence == nil:
                    draft.activity.forEach = reference.activity
                    draft.references.append((reference, location(of: value), "for-each"))
                case .success:
                    sink.error(.invalidForEach, .forEachOccurrence(text: text), at: location(of: value))
                case .failure(let error):
                    sink.error(.invalidReference, error.describe(key: "for-each", written: text), at: location(of: value))
                }
            case .time:
                guard let text = text(value, for: "time") else { break }
                switch parseTime(text) {
                case .success(let time): draft.activity.time = time
                case .failure(let error): sink.error(.invalidTime, error.plain, at: location(of: value))
                }
            case .duration:
                guard let text = text(value, for: "duration") else { break }
                switch parseDuration(text) {
                case .success(let duration): draft.activity.duration = duration
                case .failure(let error):
                    sink.error(error.outOfRange ? .valueOutOfRange : .invalidDuration, error.plain, at: location(of: value))
                }
            case .notBefore: draft.activity.notBefore = day(value, for: "not-before")
            case .notAfter: draft.activity.notAfter = day(value, for: "not-after")
            case .pinned: draft.activity.pinned = boolean(value, for: "pinned") ?? false
            case .status:
                guard let text = text(value, for: "status") else { break }
                if let status = OccurrenceStatus(rawValue: text.lowercased()) {
                    draft.activity.status = status
                } else {
                    let suggestion = suggest(text, in: ["planned", "tentative", "cancelled", "canceled"])
                    sink.error(
                        .invalidValue,
                        .unknownStatus(text: text, suggestion: suggestion.map { $0 == "canceled" ? "cancelled" : $0 }),
                        at: location(of: value))
                }
            }
        }

        // A misspelt `owner` (reported as unknown_key) is not also an activity without one.
        if !seen.contains(.owner), isWritten("owner", in: mapping, known: Self.activityKeys) { draft.ownerWritten = true }

        // Required keys.
        for key in [ActivityKey.id, .title] where !seen.contains(key) {
            guard !isWritten(key.rawValue, in: mapping, known: Self.activityKeys) else { continue }
            sink.error(.missingKey, .activityHasNo(activity: name(), key: key.rawValue), at: here)
        }

        // Exactly one way of placing the activity (after and before together count as one):
        // each way's first key. (One key, as most activities have, is its own group.)
        func group(_ key: ActivityKey) -> ActivityKey { key == .before ? .after : key }
        var groups = placementKeys
        if placementKeys.count > 1 {
            groups = []
            for written in placementKeys where !groups.contains(where: { group($0.key) == group(written.key) }) {
                groups.append(written)
            }
        }
        if groups.isEmpty {
            sink.error(.missingPlacement, .noPlacement(activity: name()), at: here)
        } else if groups.count > 1 {
            sink.error(
                .multiplePlacements, .multiplePlacements(activity: name(), keys: groups.map(\.key.rawValue)),
                at: groups[1].location)
        } else if group(groups[0].key) == .after {
            if seen.contains(.after) == !after.isEmpty, seen.contains(.before) == (before != nil) {
                placement = .relative(after: after, before: before)
            }
        }
        if let placement {
            draft.activity.placement = placement
            draft.activity.placementLocation = groups.first?.location
        }

        // for-each repeats a relative placement once per occurrence of another activity.
        if let forEachLocation, let only = groups.first, groups.count == 1, group(only.key) != .with, group(only.key) != .after {
            sink.error(.invalidForEach, .forEachPlacement(key: only.key.rawValue), at: forEachLocation)
        }

        if case .minutes = draft.activity.duration, draft.activity.time == nil,
            let entry = mapping.value(forKey: "duration")
        {
            sink.warning(
                .durationWithoutTime,
                .durationWithoutTime(duration: draft.activity.duration!.description, activity: name()),
                at: location(of: entry))
        }
        if let notBefore = draft.activity.notBefore, let notAfter = draft.activity.notAfter, notAfter < notBefore {
            sink.error(
                .invalidRange, .notAfterBeforeNotBefore(notAfter: notAfter, notBefore: notBefore),
                at: mapping.value(forKey: "not-after").map { location(of: $0) } ?? here)
        }
        return draft
    }

    /// A list of identifiers (`audiences: [medarbetare, kunder]`, or one without brackets),
    /// and where each is written. (Ids and places apart: a list of (text, place) pairs, as
    /// before, made a second list of ids and was copied and released per activity: 6.1 M
    /// instructions on the main thread and 3.1 M on the other for the 20,000-activity bench
    /// plan, callgrind.)
    private mutating func identifierList<Tag>(
        _ node: Node, for key: String, of what: PlanListItem, kind: IDKind, into draft: inout ActivityDraft
    ) -> ([Identifier<Tag>], [SourceLocation]) {
        var ids: [Identifier<Tag>] = []
        var locations: [SourceLocation] = []
        if case .sequence(let sequence) = node {
            // The items in place (`list` would first copy them into an array).
            ids.reserveCapacity(sequence.count)
            locations.reserveCapacity(sequence.count)
            for index in sequence.indices {
                let item = sequence[index]
                if let id = referenceID(item, for: key, kind: kind, into: &draft) {
                    ids.append(Identifier(id))
                    locations.append(location(of: item))
                }
            }
            return (ids, locations)
        }
        guard let items = list(node, for: key, of: what) else { return ([], []) }
        for item in items {
            if let id = referenceID(item, for: key, kind: kind, list: true, into: &draft) {
                ids.append(Identifier(id))
                locations.append(location(of: item))
            }
        }
        return (ids, locations)
    }

    /// The id an owner, unit, … reference names, or nil. Text that is no id is kept in
    /// `draft` for the reference check, which tells whether it is a name; a comma list
    /// written where a list belongs (`audiences: medarbetare, chefer`) is reported with
    /// the list it means.
    private mutating func referenceID(
        _ node: Node, for key: String, kind: IDKind, list: Bool = false, into draft: inout ActivityDraft
    ) -> String? {
        guard let text = text(node, for: key) else { return nil }
        if isValidIdentifier(text) { return text }
        if list, text.contains(",") {
            let parts = text.split(separator: ",").map { String($0).trimmingSpaces() }
            if parts.count > 1, parts.allSatisfy(isValidIdentifier) {
                sink.error(.invalidID, .invalidID(text: text), at: location(of: node), notes: [.commaListNote(items: parts)])
                return nil
            }
        }
        draft.notIDs.append((kind, Located(value: text, location: location(of: node))))
        return nil
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
            sink.error(.invalidReference, .withOffset(text: text), at: location)
        case .failure(let error):
            sink.error(.invalidReference, error.describe(key: "with", written: text), at: location)
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
                error.outOfRange ? .valueOutOfRange : error.part == .reference ? .invalidReference : .invalidOffset,
                error.describe(key: key, written: text), at: location)
            return nil
        case .success(let expression):
            let reference = expression.reference
            if key == "after", expression.sign == .minus {
                sink.error(
                    .invalidOffset,
                    .afterMinus(reference: reference.description, amount: expression.amount, unit: expression.unit),
                    at: location)
                return nil
            }
            if key == "before", expression.sign == .plus {
                sink.error(
                    .invalidOffset,
                    .beforePlus(reference: reference.description, amount: expression.amount, unit: expression.unit),
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
                entry.value, for: "repeat", hint: .repeatFields)
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

        for field in entries(of: mapping, in: .section("repeat"), known: Self.repeatKeys) {
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
                    sink.error(error.outOfRange ? .valueOutOfRange : .invalidRepeat, error.plain, at: location(of: value))
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
                    sink.error(.invalidRepeat, error.plain, at: location(of: value))
                    failed = true
                }
            case "day-of-month":
                let text = value.rawText?.trimmingSpaces().lowercased()
                if text == "last" || text == "sista" {
                    dayOfMonth = Located(value: -1, location: location(of: value))
                } else if let text, let n = Int(text), (1...31).contains(n) || n == -1 {
                    dayOfMonth = Located(value: n, location: location(of: value))
                } else {
                    sink.error(.invalidRepeat, .dayOfMonth(found: value.found), at: location(of: value))
                    failed = true
                }
            case "except-months":
                guard let items = list(value, for: "except-months", of: .months) else {
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
                        sink.error(.invalidRepeat, .exceptMonths(found: item.found), at: location(of: item))
                        failed = true
                    }
                }
            case "except-dates":
                guard let items = list(value, for: "except-dates", of: .dates) else {
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
                sink.error(.missingKey, .repeatNeedsEvery, at: here)
            }
            return nil
        }
        var day: RecurrenceDay?
        switch frequency {
        case .weeks:
            if let dayOfMonth {
                sink.error(.invalidRepeat, .weeklyDayOfMonth, at: keys["day-of-month"] ?? dayOfMonth.location)
            }
            switch on?.value {
            case .weekday(let weekday): day = .weekday(weekday)
            case .nth(_, let weekday):
                sink.error(.invalidRepeat, .weeklyNth(weekday: weekday), at: on!.location)
            case nil:
                if !failed, dayOfMonth == nil {
                    sink.error(.invalidRepeat, .weeklyNeedsWeekday, at: here)
                }
            }
        case .months:
            if let on, let dayOfMonth {
                sink.error(
                    .invalidRepeat, .monthlyOnAndDayOfMonth,
                    at: max(keys["on"] ?? on.location, keys["day-of-month"] ?? dayOfMonth.location, by: isBefore))
                break
            }
            if let dayOfMonth { day = .dayOfMonth(dayOfMonth.value) }
            switch on?.value {
            case .nth(let n, let weekday): day = .nthWeekday(n, weekday)
            case .weekday(let weekday):
                sink.error(.invalidRepeat, .monthlyNeedsWhich(weekday: weekday), at: on!.location)
            case nil:
                if !failed, dayOfMonth == nil {
                    sink.error(.invalidRepeat, .monthlyNeedsDay, at: here)
                }
            }
        }
        if let from, let until, until < from {
            sink.error(
                .invalidRange, .untilBeforeFrom(until: until, from: from),
                at: keys["until"] ?? here)
            return nil
        }
        guard let day, !failed else { return nil }
        let recurrence = Recurrence(
            frequency: frequency, on: day, exceptMonths: exceptMonths, exceptDates: exceptDates, from: from,
            until: until)
        // Counted, not listed: a weekly repeat over centuries is refused before it is expanded.
        if from != nil || until != nil, recurrence.maximumCount(planYear: nil) > PlanLimits.maxOccurrencesPerActivity {
            sink.error(
                .tooManyOccurrences,
                .repeatTooMany(count: recurrence.maximumCount(planYear: nil), limit: PlanLimits.maxOccurrencesPerActivity),
                at: here)
            return nil
        }
        return recurrence
    }
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
    private static let all = allCases

    /// The key's position in ``allCases``: its bit in ``ActivityKeySet``.
    ///
    /// Found by comparing (a byte each), not by a dictionary: an enum with a `String` raw
    /// value hashes that string. A `[ActivityKey: Int]` here cost 76 M instructions on the
    /// 20,000-activity bench plan (42 M and 34 M on the two threads, callgrind), the
    /// comparisons about 8 M on each.
    fileprivate var position: Int { Self.all.firstIndex(of: self)! }

    /// The key named `name`, if it is one.
    init?(named name: String) {
        guard let key = Self.byName[name] else { return nil }
        self = key
    }
}

/// A set of activity keys, as bits.
struct ActivityKeySet {
    private var bits: UInt64 = 0

    private static func bit(_ key: ActivityKey) -> UInt64 { 1 << UInt64(key.position) }

    mutating func insert(_ key: ActivityKey) { bits |= Self.bit(key) }
    func contains(_ key: ActivityKey) -> Bool { bits & Self.bit(key) != 0 }
}
