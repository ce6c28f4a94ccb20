import Arsplan

extension PlanReader {
    /// Resolves every reference of every activity once all sections are read: owners,
    /// target groups, channels, units, goals and other activities, each reported at the
    /// scalar that names it with the closest existing id.
    mutating func checkReferences() {
        let ownerIDs = owners.map(\.id.rawValue)
        let audienceIDs = audiences.map(\.id.rawValue)
        let channelIDs = channels.map(\.id.rawValue)
        let unitIDs = units.map(\.id.rawValue)
        let goalIDs = goals.map(\.id.rawValue)
        var activitiesByID: [String: Int] = [:]
        for (index, draft) in drafts.enumerated() where !draft.activity.id.rawValue.isEmpty {
            activitiesByID[draft.activity.id.rawValue] = activitiesByID[draft.activity.id.rawValue] ?? index
        }
        let activities = drafts.map(\.activity)
        let activityIDs = drafts.map(\.activity.id.rawValue).filter { !$0.isEmpty }

        for index in drafts.indices {
            let draft = drafts[index]
            if let owner = draft.owner {
                check(owner, kind: "owner", section: "owners", in: ownerIDs)
            }
            if let unit = draft.unit {
                check(unit, kind: "unit", section: "units", in: unitIDs)
            }
            for audience in draft.audiences { check(audience, kind: "audience", section: "audiences", in: audienceIDs) }
            for channel in draft.channels { check(channel, kind: "channel", section: "channels", in: channelIDs) }
            for goal in draft.goals { check(goal, kind: "goal", section: "goals", in: goalIDs) }

            if draft.owner != nil { drafts[index].activity.owner = .init(draft.owner!.value) }
            drafts[index].activity.unit = draft.unit.map { .init($0.value) }
            drafts[index].activity.audiences = draft.audiences.map { .init($0.value) }
            drafts[index].activity.channels = draft.channels.map { .init($0.value) }
            drafts[index].activity.goals = draft.goals.map { .init($0.value) }

            for use in draft.references {
                let id = use.reference.activity.rawValue
                guard let target = activitiesByID[id].map({ activities[$0] }) else {
                    var message = "unknown activity '\(id)' in '\(use.key)'"
                    if let suggestion = suggest(id, in: activityIDs) {
                        message += " (did you mean '\(suggestion)'?)"
                    }
                    sink.error(.unknownReference, message, at: use.location)
                    continue
                }
                guard let occurrence = use.reference.occurrence,
                    let count = occurrenceCount(of: target, in: activities, byID: activitiesByID, visiting: [])
                else { continue }
                if occurrence > count {
                    sink.error(
                        .missingOccurrence,
                        "'\(use.reference)' in '\(use.key)' does not exist: '\(id)' has \(count == 1 ? "1 occurrence" : "\(count) occurrences")",
                        at: use.location)
                }
            }
        }
    }

    private mutating func check(_ reference: Located<String>, kind: String, section: String, in ids: [String]) {
        guard !ids.contains(reference.value) else { return }
        var message = "unknown \(kind) '\(reference.value)'"
        if let suggestion = suggest(reference.value, in: ids) {
            message += " (did you mean '\(suggestion)'?)"
        }
        let listed = ids.count > 12 ? ids.prefix(12).joined(separator: ", ") + ", …" : ids.joined(separator: ", ")
        let note =
            ids.isEmpty
            ? "the plan defines no \(section); add a '\(section):' section" : "\(section) defined: \(listed)"
        sink.error(.unknownReference, message, at: reference.location, notes: [note])
    }
}

/// How many occurrences an activity has, when the plan file alone tells (fixed dates, and
/// relative placements that follow them); nil for repeats and imported dates, whose
/// count the scheduler knows.
func occurrenceCount(
    of activity: Activity, in activities: [Activity], byID index: [String: Int], visiting: Set<String>
) -> Int? {
    switch activity.placement {
    case .date: return 1
    case .dates(let days): return days.isEmpty ? nil : Set(days).count
    case .recurrence, .imported: return nil
    case .with, .relative:
        guard let forEach = activity.forEach else { return 1 }
        let id = activity.id.rawValue
        guard !visiting.contains(id), let target = index[forEach.rawValue].map({ activities[$0] }) else { return nil }
        return occurrenceCount(of: target, in: activities, byID: index, visiting: visiting.union([id]))
    }
}
