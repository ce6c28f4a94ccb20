import Arsplan

extension PlanReader {
    /// Resolves every reference of every activity once all sections are read: owners,
    /// target groups, channels, units, goals and other activities, each reported at the
    /// scalar that names it with the closest existing id.
    mutating func checkReferences() {
        let ownerIDs = IDList(owners.map(\.id.rawValue))
        let audienceIDs = IDList(audiences.map(\.id.rawValue))
        let channelIDs = IDList(channels.map(\.id.rawValue))
        let unitIDs = IDList(units.map(\.id.rawValue))
        let goalIDs = IDList(goals.map(\.id.rawValue))
        var activitiesByID: [String: Int] = [:]
        activitiesByID.reserveCapacity(drafts.count)
        for index in drafts.indices {
            let id = drafts[index].activity.id.rawValue
            if !id.isEmpty, activitiesByID[id] == nil { activitiesByID[id] = index }
        }
        // The activities (for their placements and `for-each`), made only when an occurrence
        // number is to be checked; the ids only for a suggestion.
        var activities: [Activity]?
        var activityIDs: [String] { drafts.map(\.activity.id.rawValue).filter { !$0.isEmpty } }

        for index in drafts.indices {
            if let owner = drafts[index].owner {
                check(owner, kind: "owner", section: "owners", in: ownerIDs)
                drafts[index].activity.owner = .init(owner.value)
            }
            if let unit = drafts[index].unit {
                check(unit, kind: "unit", section: "units", in: unitIDs)
                drafts[index].activity.unit = .init(unit.value)
            }
            for audience in drafts[index].audiences {
                check(audience, kind: "audience", section: "audiences", in: audienceIDs)
            }
            for channel in drafts[index].channels {
                check(channel, kind: "channel", section: "channels", in: channelIDs)
            }
            for goal in drafts[index].goals { check(goal, kind: "goal", section: "goals", in: goalIDs) }

            if !drafts[index].audiences.isEmpty {
                drafts[index].activity.audiences = drafts[index].audiences.map { .init($0.value) }
            }
            if !drafts[index].channels.isEmpty {
                drafts[index].activity.channels = drafts[index].channels.map { .init($0.value) }
            }
            if !drafts[index].goals.isEmpty {
                drafts[index].activity.goals = drafts[index].goals.map { .init($0.value) }
            }

            for use in drafts[index].references {
                let id = use.reference.activity.rawValue
                guard let targetIndex = activitiesByID[id] else {
                    var message = "unknown activity '\(id)' in '\(use.key)'"
                    if let suggestion = suggest(id, in: activityIDs) {
                        message += " (did you mean '\(suggestion)'?)"
                    }
                    sink.error(.unknownReference, message, at: use.location)
                    continue
                }
                guard let occurrence = use.reference.occurrence else { continue }
                if activities == nil { activities = drafts.map(\.activity) }
                guard
                    let count = occurrenceCount(
                        of: activities![targetIndex], in: activities!, byID: activitiesByID, visiting: [])
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

    private mutating func check(_ reference: Located<String>, kind: String, section: String, in ids: IDList) {
        guard !ids.set.contains(reference.value) else { return }
        let ids = ids.list
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

/// Ids in the order defined (for messages) and as a set (for look-ups).
private struct IDList {
    var list: [String]
    var set: Set<String>

    init(_ list: [String]) {
        self.list = list
        set = Set(list)
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
