/// Finds owners, target groups and channels with more occurrences on a day or in an
/// ISO week than their stated `max-per-day` / `max-per-week`. Cancelled occurrences do
/// not count; an occurrence counts on the day (and in the week) it starts.
struct CapacityCheck {
    let plan: Plan

    fileprivate struct Key: Hashable {
        var group: Int  // 0 owner, 1 audience, 2 channel
        var id: String
        var period: Int  // a day number, or year * 100 + ISO week
        var weekly: Bool

        // Hash the cheap integers only; ids repeat across many keys.
        func hash(into hasher: inout Hasher) {
            hasher.combine(group)
            hasher.combine(period)
            hasher.combine(weekly)
            hasher.combine(id.utf8.count)
        }
    }

    func conflicts(for occurrences: [Occurrence]) -> [Conflict] {
        guard plan.owners.contains(where: \.capacity.isStated) || plan.audiences.contains(where: \.capacity.isStated)
            || plan.channels.contains(where: \.capacity.isStated)
        else { return [] }
        var activityIndex: [Activity.ID: Int] = [:]
        activityIndex.reserveCapacity(plan.activities.count)
        for (i, activity) in plan.activities.enumerated() where activityIndex[activity.id] == nil { activityIndex[activity.id] = i }
        let owners = Dictionary(plan.owners.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        let audiences = Dictionary(plan.audiences.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })
        let channels = Dictionary(plan.channels.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

        var counts: [Key: [Occurrence]] = [:]
        var order: [Key] = []
        func count(_ group: Int, _ id: String, _ capacity: Capacity?, _ occurrence: Occurrence) {
            guard let capacity else { return }
            let day = occurrence.timing.firstDay
            if capacity.maxPerDay != nil {
                let key = Key(group: group, id: id, period: day.dayNumber, weekly: false)
                if counts[key] == nil { order.append(key) }
                counts[key, default: []].append(occurrence)
            }
            if capacity.maxPerWeek != nil {
                let week = day.isoWeek
                let key = Key(group: group, id: id, period: week.year * 100 + week.week, weekly: true)
                if counts[key] == nil { order.append(key) }
                counts[key, default: []].append(occurrence)
            }
        }
        for occurrence in occurrences where occurrence.status != .cancelled {
            guard let i = activityIndex[occurrence.activity] else { continue }
            let activity = plan.activities[i]
            if let owner = occurrence.owner { count(0, owner.rawValue, owners[owner.rawValue]?.capacity, occurrence) }
            for audience in activity.audiences { count(1, audience.rawValue, audiences[audience.rawValue]?.capacity, occurrence) }
            for channel in activity.channels { count(2, channel.rawValue, channels[channel.rawValue]?.capacity, occurrence) }
        }

        var result: [Conflict] = []
        for key in order {
            let list = counts[key]!
            let capacity: Capacity
            let kind: ConflictKind
            let what: String
            let location: SourceLocation?
            switch key.group {
            case 0:
                let owner = owners[key.id]!
                (capacity, kind, what, location) = (owner.capacity, .ownerOverCapacity, "owner '\(key.id)' (\(owner.name))", owner.location)
            case 1:
                let audience = audiences[key.id]!
                (capacity, kind, what, location) = (audience.capacity, .audienceOverCapacity, "target group '\(key.id)' (\(audience.name))", audience.location)
            default:
                let channel = channels[key.id]!
                (capacity, kind, what, location) = (channel.capacity, .channelOverCapacity, "channel '\(key.id)' (\(channel.name))", channel.location)
            }
            let limit = (key.weekly ? capacity.maxPerWeek : capacity.maxPerDay)!
            guard list.count > limit else { continue }
            let when = key.weekly ? "in week \(key.period % 100) of \(key.period / 100)" : "on \(Day(dayNumber: key.period))"
            var involved: [Activity.ID] = []
            for occurrence in list where !involved.contains(occurrence.activity) { involved.append(occurrence.activity) }
            let names = list.map { "'\($0.activity)[\($0.index)]'" }.joined(separator: ", ")
            result.append(
                Conflict(
                    kind: kind, severity: .warning, activities: involved,
                    message: "\(what) has \(list.count) activities \(when), more than max-per-\(key.weekly ? "week" : "day") \(limit): \(names)",
                    location: location))
        }
        return result
    }
}

extension Capacity {
    /// True when a per-day or per-week limit is stated.
    var isStated: Bool { maxPerDay != nil || maxPerWeek != nil }
}
