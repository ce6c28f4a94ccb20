import Arsplan

/// The Swedish words of an event: title, description and categories. Pure Swift; the
/// writer hands the strings to libical, which escapes and folds them.
struct EventText {
    let plan: Plan
    private let activities: [Activity.ID: Activity]
    private let owners: [Owner.ID: Owner]
    private let audiences: [Audience.ID: Audience]
    private let channels: [Channel.ID: Channel]
    private let units: [Unit.ID: Unit]
    private let goals: [Goal.ID: Goal]
    /// How many occurrences each activity has in the schedule ("tillfälle 3 av 11").
    private let occurrenceCounts: [Activity.ID: Int]

    init(schedule: Schedule) {
        plan = schedule.plan
        activities = Self.index(plan.activities)
        owners = Self.index(plan.owners)
        audiences = Self.index(plan.audiences)
        channels = Self.index(plan.channels)
        units = Self.index(plan.units)
        goals = Self.index(plan.goals)
        var counts: [Activity.ID: Int] = [:]
        for occurrence in schedule.occurrences { counts[occurrence.activity, default: 0] += 1 }
        occurrenceCounts = counts
    }

    private static func index<T: Identifiable>(_ values: [T]) -> [T.ID: T] {
        var result: [T.ID: T] = [:]
        for value in values where result[value.id] == nil { result[value.id] = value }
        return result
    }

    func activity(_ id: Activity.ID) -> Activity? { activities[id] }

    /// SUMMARY: the activity's title on one line, "INSTÄLLT: " first when cancelled.
    func summary(_ occurrence: Occurrence) -> String {
        let title = singleLine(activities[occurrence.activity]?.title ?? occurrence.activity.rawValue)
        return occurrence.status == .cancelled ? "INSTÄLLT: \(title)" : title
    }

    /// CATEGORIES values: the kind, then the channels' names. libical 3.0.16 writes commas and
    /// semicolons in CATEGORIES raw (a comma separates values), so they are taken out of names.
    func categories(_ occurrence: Occurrence) -> [String] {
        guard let activity = activities[occurrence.activity] else { return [] }
        var values: [String] = []
        if let kind = activity.kind { values.append(kind) }
        values += activity.channels.map { channels[$0]?.name ?? $0.rawValue }
        var seen: Set<String> = []
        return values.compactMap { value in
            let clean = singleLine(value.replacing(",", with: " ").replacing(";", with: " "))
            guard !clean.isEmpty, seen.insert(clean).inserted else { return nil }
            return clean
        }
    }

    /// DESCRIPTION: who, for whom, where, why and how the date was set, then the plan's text.
    func description(_ occurrence: Occurrence) -> String {
        guard let activity = activities[occurrence.activity] else { return "" }
        var lines: [String] = []
        if occurrence.status == .cancelled { lines.append("Inställt.") }
        if occurrence.status == .tentative { lines.append("Preliminärt datum.") }
        if let ownerID = occurrence.owner ?? activity.owner {
            let owner = owners[ownerID]
            var text = owner?.name ?? ownerID.rawValue
            if let email = owner?.email, !email.isEmpty { text += " (\(email))" }
            lines.append("Ansvarig: \(text)")
        }
        if !activity.audiences.isEmpty {
            let names = activity.audiences.map { audiences[$0]?.name ?? $0.rawValue }
            lines.append("\(names.count == 1 ? "Målgrupp" : "Målgrupper"): \(names.joined(separator: ", "))")
        }
        if !activity.channels.isEmpty {
            let names = activity.channels.map { channels[$0]?.name ?? $0.rawValue }
            lines.append("\(names.count == 1 ? "Kanal" : "Kanaler"): \(names.joined(separator: ", "))")
        }
        if let unit = activity.unit {
            lines.append("Verksamhetsområde: \(units[unit]?.name ?? unit.rawValue)")
        }
        if !activity.goals.isEmpty {
            let names = activity.goals.map { goals[$0]?.name ?? $0.rawValue }
            lines.append("Mål: \(names.joined(separator: "; "))")
        }
        if let kind = activity.kind, !kind.isEmpty { lines.append("Typ: \(kind)") }
        if let placement = placementInWords(activity, occurrence: occurrence) { lines.append(placement) }
        if let count = occurrenceCounts[occurrence.activity], count > 1 {
            lines.append("Tillfälle \(occurrence.index) av \(count)")
        }
        lines = lines.map(singleLine)
        if let text = activity.description.map(cleanText), !text.isEmpty {
            lines.append("")
            lines.append(text)
        }
        return lines.joined(separator: "\n")
    }

    /// "Beroende: 2 arbetsdagar efter Servicenämndens sammanträde (3)", "Återkommer: …".
    func placementInWords(_ activity: Activity, occurrence: Occurrence) -> String? {
        var prefix = ""
        if let forEach = activity.forEach {
            prefix = "En gång för varje tillfälle av \(title(of: forEach)). "
        }
        switch activity.placement {
        case .date, .dates:
            return prefix.isEmpty ? nil : "Beroende: \(prefix)".trimmingSpaces
        case .recurrence(let recurrence):
            return "Återkommer: \(Self.words(recurrence))"
        case .with(let reference):
            return "Beroende: \(prefix)Samma dag som \(words(reference, in: activity, occurrence: occurrence))"
        case .relative(let after, let before):
            var parts = after.map { "\(Self.amount($0)) efter \(words($0.reference, in: activity, occurrence: occurrence))" }
            if let before {
                parts.append("\(Self.amount(before)) före \(words(before.reference, in: activity, occurrence: occurrence))")
            }
            guard !parts.isEmpty else { return nil }
            let joined = after.count > 1 ? "det senaste av " + parts.joined(separator: ", ") : parts.joined(separator: ", ")
            return "Beroende: \(prefix)\(Self.capitalized(joined))"
        case .imported(let source, _):
            return "Datum från kalendern \(source)"
        }
    }

    private func title(of id: Activity.ID) -> String { activities[id]?.title ?? id.rawValue }

    /// "Servicenämndens sammanträde (3)": the referenced occurrence's number when it is known.
    private func words(_ reference: ActivityReference, in activity: Activity, occurrence: Occurrence) -> String {
        let number = reference.occurrence ?? (activity.forEach == reference.activity ? occurrence.index : nil)
        return title(of: reference.activity) + (number.map { " (\($0))" } ?? "")
    }

    static func amount(_ offset: DependencyOffset) -> String {
        let n = offset.amount
        switch offset.unit {
        case .workdays: return "\(n) \(n == 1 ? "arbetsdag" : "arbetsdagar")"
        case .days: return "\(n) \(n == 1 ? "dag" : "dagar")"
        case .weeks: return "\(n) \(n == 1 ? "vecka" : "veckor")"
        }
    }

    static let monthNames = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december",
    ]

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
        let months = recurrence.exceptMonths.sorted().filter { (1...12).contains($0) }.map { monthNames[$0 - 1] }
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
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
