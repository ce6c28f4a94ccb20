import Arsplan

/// The Swedish words of an event: title, description and categories. Pure Swift; the
/// writer hands the strings to libical, which escapes and folds them (CATEGORIES and the
/// X-WR-* names the writer escapes itself).
///
/// What depends only on the activity is worked out once per activity in `init`; per
/// occurrence only the status, the owner (when reassigned) and, for `for-each`, how the
/// date was set are added.
struct EventText {
    let plan: Plan
    /// Each scheduled activity's words, found by ``entry(at:)``.
    private let words: [ActivityWords]
    /// The entry of each occurrence of the schedule, by its position.
    private let occurrenceEntries: [Int]
    /// "Ansvarig: Anna Berg (anna.berg@example.se)" per owner.
    private let ownerLines: [Owner.ID: String]

    private struct ActivityWords {
        var summary: String
        /// CATEGORIES values, each on one line (commas in a value are escaped when written).
        var categories: [String]
        /// Target groups, channels, unit, goals: one line each, joined.
        var middle: String
        /// How the date is set, in words (the same for every occurrence: a `for-each`
        /// occurrence follows its own meeting, which needs no number).
        var placement: String?
        /// The activity's own description, cleaned.
        var body: String?
        /// The activity's own owner (an occurrence may have been handed to another).
        var owner: Owner.ID?
        /// False for an occurrence whose activity is not in the plan: it gets no description.
        var known = true

    }

    /// Each activity's own text with the line break before it ("\n" + the body), worked out once.
    private let bodies: [String]
    /// The owner lines of each activity's own owner.
    private let activityOwnerLines: [String?]

    /// An occurrence's activity, looked up once for all its words (``entry(at:)``).
    struct Entry {
        /// The activity's position among the scheduled ones: what its repeated lines are known by.
        let number: Int
    }

    init(schedule: Schedule) {
        plan = schedule.plan
        let activities = Self.index(plan.activities)
        let audiences = Self.index(plan.audiences)
        let channels = Self.index(plan.channels)
        let units = Self.index(plan.units)
        let goals = Self.index(plan.goals)

        var owners: [Owner.ID: String] = [:]
        for owner in plan.owners where owners[owner.id] == nil {
            var text = owner.name
            if let email = owner.email, !email.isEmpty { text += " (\(email))" }
            owners[owner.id] = singleLine("Ansvarig: \(text)")
        }
        ownerLines = owners

        // Activities in the order they first occur.
        var entries: [Activity.ID: Int] = [:]
        var order: [Activity.ID] = []
        var occurrenceEntries: [Int] = []
        occurrenceEntries.reserveCapacity(schedule.occurrences.count)
        for i in schedule.occurrences.indices {
            let id = schedule.occurrences[i].activity
            if let entry = entries[id] {
                occurrenceEntries.append(entry)
            } else {
                entries[id] = order.count
                occurrenceEntries.append(order.count)
                order.append(id)
            }
        }
        self.occurrenceEntries = occurrenceEntries

        var words: [ActivityWords] = []
        words.reserveCapacity(order.count)
        for id in order {
            guard let activity = activities[id] else {
                let name = singleLine(id.rawValue)
                words.append(
                    ActivityWords(
                        summary: name, categories: [], middle: "", placement: nil, body: nil,
                        known: false))
                continue
            }
            var lines: [String] = []
            if !activity.audiences.isEmpty {
                let names = activity.audiences.map { audiences[$0]?.name ?? $0.rawValue }
                lines.append("\(names.count == 1 ? "Målgrupp" : "Målgrupper"): \(names.joined(separator: ", "))")
            }
            let channelNames = activity.channels.map { channels[$0]?.name ?? $0.rawValue }
            if !channelNames.isEmpty {
                lines.append("\(channelNames.count == 1 ? "Kanal" : "Kanaler"): \(channelNames.joined(separator: ", "))")
            }
            if let unit = activity.unit {
                lines.append("Verksamhetsområde: \(units[unit]?.name ?? unit.rawValue)")
            }
            if !activity.goals.isEmpty {
                let names = activity.goals.map { goals[$0]?.name ?? $0.rawValue }
                lines.append("Mål: \(names.joined(separator: "; "))")
            }

            // Commas and semicolons stay in a value; the writer escapes them (`\,`), which
            // libical 3.0.16 does not do for CATEGORIES.
            var seen: Set<String> = []
            let categories = ([activity.kind].compactMap { $0 } + channelNames).compactMap { value -> String? in
                let clean = singleLine(value)
                guard !clean.isEmpty, seen.insert(clean).inserted else { return nil }
                return clean
            }
            words.append(
                ActivityWords(
                    summary: singleLine(activity.title), categories: categories,
                    middle: lines.map(singleLine).joined(separator: "\n"),
                    placement: Self.placementInWords(activity, activities: activities),
                    body: activity.description.flatMap(Self.withoutEmptyLines),
                    owner: activity.owner))
        }
        self.words = words
        bodies = words.map { $0.body.map { "\n" + $0 } ?? "" }
        activityOwnerLines = words.map { words in words.owner.map { owners[$0] ?? singleLine("Ansvarig: \($0.rawValue)") } }
    }

    /// The entry of the schedule's occurrence at `index`.
    func entry(at index: Int) -> Entry {
        Entry(number: occurrenceEntries[index])
    }

    private static func index<T: Identifiable>(_ values: [T]) -> [T.ID: T] {
        var result: [T.ID: T] = [:]
        for value in values where result[value.id] == nil { result[value.id] = value }
        return result
    }

    /// SUMMARY: the activity's title on one line, "INSTÄLLT: " first when cancelled.
    func summary(_ occurrence: Occurrence, _ entry: Entry) -> String {
        let title = words[entry.number].summary
        return occurrence.status == .cancelled ? "INSTÄLLT: \(title)" : title
    }

    /// CATEGORIES: the kind, then the channels' names.
    func categories(_ entry: Entry) -> [String] {
        words[entry.number].categories
    }

    /// The activity's own text with its empty lines taken out (a description has none), or nil.
    static func withoutEmptyLines(_ text: String) -> String? {
        // One line that starts with neither a space nor a tab: itself, as the general way below
        // gives it, without splitting it Character by Character (102 M instructions for the
        // bench plan's 1,924 descriptions, callgrind, 8 Dec 2026; the tests compare the two).
        var clean = cleanText(text)
        if clean.withUTF8({ !$0.isEmpty && $0[0] != 0x20 && $0[0] != 0x09 && !$0.contains(0x0A) }) { return clean }
        return withoutEmptyLinesSlowly(clean)
    }

    /// ``withoutEmptyLines(_:)`` of a text already through `cleanText`, the general way.
    static func withoutEmptyLinesSlowly(_ clean: String) -> String? {
        let lines = clean.split(separator: "\n").map { String($0.drop { $0 == " " || $0 == "\t" }) }.filter { !$0.isEmpty }
        return lines.isEmpty ? nil : lines.joined(separator: "\n")
    }

    /// DESCRIPTION in plain Swedish for staff, one line each and no empty lines: who
    /// ("Ansvarig: …"), for whom, in which channels, unit and goals, then the activity's own
    /// text, and last how the date was set ("3 arbetsdagar efter …").
    func description(_ occurrence: Occurrence, _ entry: Entry) -> String {
        let n = entry.number
        let words = words[n]
        guard words.known else { return "" }
        let owner: String?
        if let id = occurrence.owner, id != words.owner {
            owner = ownerLines[id] ?? singleLine("Ansvarig: \(id.rawValue)")
        } else {
            owner = activityOwnerLines[n]
        }
        var text = ""
        text.reserveCapacity((owner?.utf8.count ?? 0) + words.middle.utf8.count + bodies[n].utf8.count + 96)
        func line(_ value: String) {
            if !text.isEmpty { text += "\n" }
            text += value
        }
        if occurrence.status == .cancelled { line("Inställt.") }
        if occurrence.status == .tentative { line("Preliminärt datum.") }
        if let owner { line(owner) }
        if !words.middle.isEmpty { line(words.middle) }
        if !bodies[n].isEmpty {
            if text.isEmpty { text += bodies[n].dropFirst() } else { text += bodies[n] }
        }
        if let placement = words.placement { line(placement) }
        return text
    }

    /// For an occurrence whose description is its activity's common one for its status (its
    /// owner is the activity's own), a number that only such occurrences of the same activity
    /// and status share; nil for one handed to another owner. ``description(_:_:)`` depends on
    /// nothing else, so equal numbers mean equal descriptions.
    func descriptionSlot(_ occurrence: Occurrence, _ entry: Entry) -> Int? {
        if let id = occurrence.owner, id != words[entry.number].owner { return nil }
        let status =
            switch occurrence.status {
            case .planned: 0
            case .tentative: 1
            case .cancelled: 2
            }
        return 3 * entry.number + status
    }

    /// How the date is set, for staff: "2 arbetsdagar efter Servicenämndens sammanträde",
    /// "Återkommer varje månad, …", "Samma dag som …"; nil for fixed dates.
    static func placementInWords(_ activity: Activity, activities: [Activity.ID: Activity]) -> String? {
        func title(of id: Activity.ID) -> String { activities[id]?.title ?? id.rawValue }
        /// "Servicenämndens sammanträde": a `for-each` occurrence follows its own meeting, which
        /// needs no number; an explicitly numbered one keeps it ("… (3)").
        func referenceWords(_ reference: ActivityReference) -> String {
            title(of: reference.activity) + (reference.occurrence.map { " (\($0))" } ?? "")
        }
        switch activity.placement {
        case .date, .dates:
            return nil
        case .recurrence(let recurrence):
            return "Återkommer \(Self.words(recurrence).lowercasedFirst)"
        case .with(let reference):
            return singleLine("Samma dag som \(referenceWords(reference))")
        case .relative(let after, let before):
            var parts = after.map { "\(amount($0)) efter \(referenceWords($0.reference))" }
            if let before {
                parts.append("\(amount(before)) före \(referenceWords(before.reference))")
            }
            guard !parts.isEmpty else { return nil }
            let joined = after.count > 1 ? "det senaste av " + parts.joined(separator: ", ") : parts.joined(separator: ", ")
            return singleLine(capitalized(joined))
        case .imported(let source, _):
            return singleLine("Datum från kalendern \(source)")
        }
    }

    static func amount(_ offset: DependencyOffset) -> String {
        let n = offset.amount
        switch offset.unit {
        case .workdays: return "\(n) \(n == 1 ? "arbetsdag" : "arbetsdagar")"
        case .days: return "\(n) \(n == 1 ? "dag" : "dagar")"
        case .weeks: return "\(n) \(n == 1 ? "vecka" : "veckor")"
        }
    }

    static func words(_ recurrence: Recurrence) -> String {
        var text: String
        switch recurrence.frequency {
        case .weeks(let n): text = "\(every(n)) vecka"
        case .months(let n): text = "\(every(n)) månad"
        }
        switch recurrence.on {
        case .weekday(let weekday): text += ", på \(weekday.swedishName)ar"
        case .nthWeekday(let n, let weekday): text += ", \(nth(n)) \(weekday.swedishName)en"
        case .dayOfMonth(let day): text += day == -1 ? ", sista dagen" : ", den \(ordinal(day))"
        }
        let months = recurrence.exceptMonths.sorted().filter { (1...12).contains($0) }.map { Day.swedishMonthNames[$0 - 1] }
        if !months.isEmpty { text += ", utom i " + list(months) }
        return capitalized(text)
    }

    private static func every(_ n: Int) -> String {
        switch n {
        case ...1: return "varje"
        case 2: return "varannan"
        case 3: return "var tredje"
        case 4: return "var fjärde"
        default: return "var \(ordinal(n))"
        }
    }

    private static func nth(_ n: Int) -> String {
        switch n {
        case 1: return "första"
        case 2: return "andra"
        case 3: return "tredje"
        case 4: return "fjärde"
        case 5: return "femte"
        case -1: return "sista"
        case -2: return "näst sista"
        default: return ordinal(n)
        }
    }

    /// Swedish numeric ordinal: 1:a, 2:a, 3:e, 11:e, 21:a.
    static func ordinal(_ n: Int) -> String {
        let lastTwo = abs(n) % 100
        let last = abs(n) % 10
        return "\(n):" + ((last == 1 || last == 2) && lastTwo != 11 && lastTwo != 12 ? "a" : "e")
    }

    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " och " + items.last!
    }

    static func capitalized(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}

extension String {
    fileprivate var lowercasedFirst: String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
