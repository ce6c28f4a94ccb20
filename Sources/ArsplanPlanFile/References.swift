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
        // Each activity id to the first activity with it; an id defined again is reported
        // (the repeated activity is kept so that its own references are checked too).
        var activitiesByID: [String: Int] = [:]
        activitiesByID.reserveCapacity(drafts.count)
        for index in drafts.indices {
            let id = drafts[index].activity.id.rawValue
            guard !id.isEmpty else { continue }
            // One look-up for a new id (most are): the first activity is put back for a repeated one.
            if let first = activitiesByID.updateValue(index, forKey: id) {
                activitiesByID[id] = first
                sink.error(
                    .duplicateID,
                    .duplicateID(
                        kind: .activity, id: id, first: drafts[first].activity.location ?? SourceLocation(line: 1, column: 1)),
                    at: drafts[index].idLocation ?? drafts[index].activity.location ?? SourceLocation(line: 1, column: 1))
            }
        }
        // The ids only for a suggestion; occurrence counts worked out once per activity.
        var activityIDs: [String] { drafts.map(\.activity.id.rawValue).filter { !$0.isEmpty } }
        var counts: [Int: Int?] = [:]

        for index in drafts.indices {
            for notID in drafts[index].notIDs {
                let named = named(notID.text.value, kind: notID.kind)
                sink.error(
                    .invalidID, .invalidID(text: notID.text.value), at: notID.text.location,
                    notes: named.map { [.nameForIDNote(id: $0.id, name: $0.name)] } ?? [])
            }
            if let owner = drafts[index].owner { check(owner, kind: .owner, in: ownerIDs) }
            // Only in a plan that declares owners: one without would warn on every activity.
            // An activity defined again is reported as that, and only the first is checked here.
            if !owners.isEmpty, !drafts[index].ownerWritten, activitiesByID[drafts[index].activity.id.rawValue] == index {
                sink.warning(
                    .activityWithoutOwner, .activityWithoutOwner(activity: drafts[index].activity.id.rawValue),
                    at: drafts[index].idLocation ?? drafts[index].activity.location ?? SourceLocation(line: 1, column: 1),
                    notes: [.ownersDefinedNote])
            }
            if let unit = drafts[index].unit { check(unit, kind: .unit, in: unitIDs) }
            check(drafts[index].activity.audiences, at: drafts[index].audienceLocations, kind: .audience, in: audienceIDs)
            check(drafts[index].activity.channels, at: drafts[index].channelLocations, kind: .channel, in: channelIDs)
            check(drafts[index].activity.goals, at: drafts[index].goalLocations, kind: .goal, in: goalIDs)

            // By position: iterating copies each (reference, location, key) twice.
            for r in drafts[index].references.indices {
                let reference = drafts[index].references[r].reference
                let id = reference.activity.rawValue
                guard let targetIndex = activitiesByID[id] else {
                    let use = drafts[index].references[r]
                    sink.error(
                        .unknownReference,
                        .unknownActivity(id: id, key: use.key, suggestion: suggest(id, in: activityIDs)),
                        at: use.location)
                    continue
                }
                guard let occurrence = reference.occurrence else { continue }
                if counts[targetIndex] == nil { counts[targetIndex] = occurrenceCount(of: targetIndex, byID: activitiesByID) }
                guard let count = counts[targetIndex] ?? nil else { continue }
                if occurrence > count {
                    let use = drafts[index].references[r]
                    sink.error(
                        .missingOccurrence,
                        .missingOccurrence(reference: reference.description, key: use.key, id: id, count: count),
                        at: use.location)
                }
            }
        }
    }

    /// ``check(_:kind:in:)`` of each of `ids`, written at `locations`.
    private mutating func check<Tag>(_ ids: [Identifier<Tag>], at locations: [SourceLocation], kind: IDKind, in list: IDList) {
        for i in ids.indices { check(Located(value: ids[i].rawValue, location: locations[i]), kind: kind, in: list) }
    }

    private mutating func check(_ reference: Located<String>, kind: IDKind, in ids: IDList) {
        guard !ids.set.contains(reference.value) else { return }
        let ids = ids.list
        var notes: [PlanText] = [
            ids.isEmpty
                ? .noIDsDefined(kind: kind) : .idsDefined(kind: kind, ids: Array(ids.prefix(12)), more: ids.count > 12)
        ]
        let suggestion = suggest(reference.value, in: ids)
        if suggestion == nil, let named = named(reference.value, kind: kind) {
            notes.insert(.nameForIDNote(id: named.id, name: named.name), at: 0)
        }
        sink.error(
            .unknownReference, .unknownID(kind: kind, id: reference.value, suggestion: suggestion),
            at: reference.location, notes: notes)
    }

    /// The owner, unit, … whose name `text` is (or nearly is), when an id was written as a name.
    private func named(_ text: String, kind: IDKind) -> (id: String, name: String)? {
        let named: [(id: String, name: String)]
        switch kind {
        case .owner: named = owners.map { ($0.id.rawValue, $0.name) }
        case .audience: named = audiences.map { ($0.id.rawValue, $0.name) }
        case .channel: named = channels.map { ($0.id.rawValue, $0.name) }
        case .unit: named = units.map { ($0.id.rawValue, $0.name) }
        case .goal: named = goals.map { ($0.id.rawValue, $0.name) }
        case .activity: return nil
        }
        // Only names that are not the id itself (`owners: {hr: HR}` names nothing new).
        let names = named.filter { $0.name != $0.id }
        let lowered = text.lowercased().trimmingSpaces()
        if let exact = names.first(where: { $0.name.lowercased() == lowered }) { return exact }
        guard let close = closestMatch(to: text, in: names.map(\.name)) else { return nil }
        return names.first { $0.name == close }
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

extension PlanReader {
    /// How many occurrences the activity at `index` has, when the plan file alone tells
    /// (fixed dates, and relative placements that follow them); nil for repeats and
    /// imported dates, whose count the scheduler knows, for `for-each` cycles, and for a
    /// relative placement whose reference without `[n]` may mean several occurrences (the
    /// scheduler reports that one mistake as `ambiguous_reference`; a count of 1 here
    /// would add a `missing_occurrence` for every activity that refers to this one).
    func occurrenceCount(of index: Int, byID: [String: Int]) -> Int? {
        var visited: Set<Int> = []
        return occurrenceCount(of: index, byID: byID, visited: &visited)
    }

    private func occurrenceCount(of index: Int, byID: [String: Int], visited: inout Set<Int>) -> Int? {
        var index = index
        while visited.insert(index).inserted {
            switch drafts[index].activity.placement {
            case .date: return 1
            case .dates(let days): return days.isEmpty ? nil : Set(days).count
            case .recurrence, .imported: return nil
            case .with(let reference):
                guard let forEach = drafts[index].activity.forEach else {
                    return onlyOccurrence(reference, byID: byID, visited: &visited) ? 1 : nil
                }
                guard let target = byID[forEach.rawValue] else { return nil }
                index = target
            case .relative(let after, let before):
                guard let forEach = drafts[index].activity.forEach else {
                    let references = after.map(\.reference) + (before.map { [$0.reference] } ?? [])
                    return references.allSatisfy { onlyOccurrence($0, byID: byID, visited: &visited) } ? 1 : nil
                }
                guard let target = byID[forEach.rawValue] else { return nil }
                index = target
            }
        }
        return nil
    }

    /// Whether `reference` surely means one occurrence: it names one (`namnd[2]`), or its
    /// activity has exactly one.
    private func onlyOccurrence(_ reference: ActivityReference, byID: [String: Int], visited: inout Set<Int>) -> Bool {
        guard reference.occurrence == nil else { return true }
        guard let target = byID[reference.activity.rawValue] else { return false }
        var seen = visited
        return occurrenceCount(of: target, byID: byID, visited: &seen) == 1
    }
}
