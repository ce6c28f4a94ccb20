/// Finds owners, target groups and channels with more occurrences on a day or in an
/// ISO week than their stated `max-per-day` / `max-per-week`. Cancelled occurrences do
/// not count; an occurrence counts on the day (and in the week) it starts.
struct CapacityCheck {
    let plan: Plan

    /// Something with a stated limit: an owner, target group or channel.
    private struct Limited {
        var kind: ConflictKind
        var description: String
        var capacity: Capacity
        var location: SourceLocation?
    }

    /// One counter: which limited thing, which day or week.
    private struct Key: Hashable {
        var limited: Int
        var period: Int  // a day number, or year * 100 + ISO week
        var weekly: Bool
    }

    func conflicts(for occurrences: [Occurrence]) -> [Conflict] {
        // Number every owner, target group and channel that states a limit, once.
        var limited: [Limited] = []
        var ownerNumber: [Owner.ID: Int] = [:]
        var audienceNumber: [Audience.ID: Int] = [:]
        var channelNumber: [Channel.ID: Int] = [:]
        for owner in plan.owners where owner.capacity.isStated && ownerNumber[owner.id] == nil {
            ownerNumber[owner.id] = limited.count
            limited.append(Limited(kind: .ownerOverCapacity, description: "owner '\(owner.id)' (\(owner.name))", capacity: owner.capacity, location: owner.location))
        }
        for audience in plan.audiences where audience.capacity.isStated && audienceNumber[audience.id] == nil {
            audienceNumber[audience.id] = limited.count
            limited.append(
                Limited(kind: .audienceOverCapacity, description: "target group '\(audience.id)' (\(audience.name))", capacity: audience.capacity, location: audience.location))
        }
        for channel in plan.channels where channel.capacity.isStated && channelNumber[channel.id] == nil {
            channelNumber[channel.id] = limited.count
            limited.append(Limited(kind: .channelOverCapacity, description: "channel '\(channel.id)' (\(channel.name))", capacity: channel.capacity, location: channel.location))
        }
        guard !limited.isEmpty else { return [] }

        // For each activity, the limited target groups and channels it uses (owners can be
        // reassigned per occurrence, so they are looked up per occurrence).
        var sharedLimits: [Activity.ID: [Int]] = [:]
        for activity in plan.activities where sharedLimits[activity.id] == nil {
            sharedLimits[activity.id] = activity.audiences.compactMap { audienceNumber[$0] } + activity.channels.compactMap { channelNumber[$0] }
        }

        var counts: [Key: [Int]] = [:]
        var order: [Key] = []
        func count(_ number: Int, _ occurrence: Int, day: Day) {
            let capacity = limited[number].capacity
            if capacity.maxPerDay != nil {
                let key = Key(limited: number, period: day.dayNumber, weekly: false)
                if counts[key] == nil { order.append(key) }
                counts[key, default: []].append(occurrence)
            }
            if capacity.maxPerWeek != nil {
                let week = day.isoWeek
                let key = Key(limited: number, period: week.year * 100 + week.week, weekly: true)
                if counts[key] == nil { order.append(key) }
                counts[key, default: []].append(occurrence)
            }
        }
        for (i, occurrence) in occurrences.enumerated() where occurrence.status != .cancelled {
            let day = occurrence.timing.firstDay
            if let owner = occurrence.owner, let number = ownerNumber[owner] { count(number, i, day: day) }
            for number in sharedLimits[occurrence.activity] ?? [] { count(number, i, day: day) }
        }

        var result: [Conflict] = []
        for key in order {
            let list = counts[key]!
            let subject = limited[key.limited]
            let limit = (key.weekly ? subject.capacity.maxPerWeek : subject.capacity.maxPerDay)!
            guard list.count > limit else { continue }
            let when = key.weekly ? "in week \(key.period % 100) of \(key.period / 100)" : "on \(Day(dayNumber: key.period))"
            var involved: [Activity.ID] = []
            for i in list where !involved.contains(occurrences[i].activity) { involved.append(occurrences[i].activity) }
            let names = list.map { "'\(occurrences[$0].activity)[\(occurrences[$0].index)]'" }.joined(separator: ", ")
            result.append(
                Conflict(
                    kind: subject.kind, severity: .warning, activities: involved,
                    message: "\(subject.description) has \(list.count) activities \(when), more than max-per-\(key.weekly ? "week" : "day") \(limit): \(names)",
                    location: subject.location))
        }
        return result
    }
}

extension Capacity {
    /// True when a per-day or per-week limit is stated.
    var isStated: Bool { maxPerDay != nil || maxPerWeek != nil }
}
