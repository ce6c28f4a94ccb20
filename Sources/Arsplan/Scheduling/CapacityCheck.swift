/// Finds owners, target groups and channels with more occurrences on a day or in an
/// ISO week than their stated `max-per-day` / `max-per-week`. Cancelled occurrences do
/// not count; an occurrence counts on the day (and in the week) it starts.
struct CapacityCheck {
    let plan: Plan

    /// Something with a stated limit: an owner, target group or channel.
    private struct Limited {
        var kind: DiagnosticCode
        var subject: CapacitySubject
        var capacity: Capacity
        var location: SourceLocation?
    }

    /// `occurrences` sorted as the schedule lists them; `activityPositions[i]` is the
    /// position in the plan of the activity of `occurrences[i]`.
    func conflicts(for occurrences: [Occurrence], activityPositions: [Int]) -> [Conflict] {
        // Number every owner, target group and channel that states a limit, once.
        var limited: [Limited] = []
        var ownerNumber: [Owner.ID: Int] = [:]
        var audienceNumber: [Audience.ID: Int] = [:]
        var channelNumber: [Channel.ID: Int] = [:]
        for owner in plan.owners where owner.capacity.isStated && ownerNumber[owner.id] == nil {
            ownerNumber[owner.id] = limited.count
            limited.append(
                Limited(
                    kind: .ownerOverCapacity, subject: .owner(id: owner.id.rawValue, name: owner.name), capacity: owner.capacity,
                    location: owner.location))
        }
        for audience in plan.audiences where audience.capacity.isStated && audienceNumber[audience.id] == nil {
            audienceNumber[audience.id] = limited.count
            limited.append(
                Limited(
                    kind: .audienceOverCapacity, subject: .audience(id: audience.id.rawValue, name: audience.name), capacity: audience.capacity,
                    location: audience.location))
        }
        for channel in plan.channels where channel.capacity.isStated && channelNumber[channel.id] == nil {
            channelNumber[channel.id] = limited.count
            limited.append(
                Limited(
                    kind: .channelOverCapacity, subject: .channel(id: channel.id.rawValue, name: channel.name), capacity: channel.capacity,
                    location: channel.location))
        }
        guard !limited.isEmpty, !occurrences.isEmpty else { return [] }

        // For each activity (by position), the limited target groups and channels it uses
        // (owners can be reassigned per occurrence, so they are looked up per occurrence).
        let sharedLimits: [[Int]] = plan.activities.indices.map { i in
            plan.activities[i].audiences.compactMap { audienceNumber[$0] } + plan.activities[i].channels.compactMap { channelNumber[$0] }
        }

        // One counter per limited thing and day, and per limited thing and ISO week, in flat
        // arrays over the days (weeks) the occurrences span. A counter is a period:
        // day counters first, then week counters.
        var first = Int.max
        var last = Int.min
        for i in occurrences.indices {
            let day = occurrences[i].timing.firstDay.dayNumber
            first = min(first, day)
            last = max(last, day)
        }
        let firstMonday = first - Day(dayNumber: first).weekday.rawValue + 1
        let days = last - first + 1
        let weeks = (last - firstMonday) / 7 + 1
        let periods = days + weeks
        var counts = [Int32](repeating: 0, count: limited.count * periods)
        /// Counters in the order they were first counted (the order conflicts are reported in).
        var order: [Int] = []

        func forEachCounter(of i: Int, _ body: (Int) -> Void) {
            let day = occurrences[i].timing.firstDay.dayNumber
            func counters(_ number: Int) {
                let capacity = limited[number].capacity
                if capacity.maxPerDay != nil { body(number * periods + day - first) }
                if capacity.maxPerWeek != nil { body(number * periods + days + (day - firstMonday) / 7) }
            }
            if let owner = occurrences[i].owner, let number = ownerNumber[owner] { counters(number) }
            for number in sharedLimits[activityPositions[i]] { counters(number) }
        }
        for i in occurrences.indices where occurrences[i].status != .cancelled {
            forEachCounter(of: i) { counter in
                if counts[counter] == 0 { order.append(counter) }
                counts[counter] += 1
            }
        }
        func limit(_ counter: Int) -> Int {
            let capacity = limited[counter / periods].capacity
            return (counter % periods < days ? capacity.maxPerDay : capacity.maxPerWeek)!
        }
        let over = order.filter { Int(counts[$0]) > limit($0) }
        guard !over.isEmpty else { return [] }

        // The occurrences behind each counter over its limit.
        var lists: [Int: [Int]] = [:]
        for counter in over { lists[counter] = [] }
        for i in occurrences.indices where occurrences[i].status != .cancelled {
            forEachCounter(of: i) { counter in lists[counter]?.append(i) }
        }
        var result: [Conflict] = []
        for counter in over {
            let list = lists[counter]!
            let subject = limited[counter / periods]
            let period = counter % periods
            let weekly = period >= days
            let when: CapacityPeriod
            let day: Day
            if weekly {
                day = Day(dayNumber: firstMonday + 7 * (period - days))
                let week = day.isoWeek
                when = .week(week: week.week, year: week.year)
            } else {
                day = Day(dayNumber: first + period)
                when = .day(day)
            }
            var involved: [Activity.ID] = []
            for i in list where !involved.contains(occurrences[i].activity) { involved.append(occurrences[i].activity) }
            let names = list.map { "'\(occurrences[$0].activity)[\(occurrences[$0].index)]'" }
            result.append(
                Conflict(
                    kind: subject.kind, severity: .warning, activities: involved,
                    text: .schedule(
                        .overCapacity(subject: subject.subject, count: list.count, period: when, limit: limit(counter), occurrences: names)),
                    location: subject.location, day: day))
        }
        return result
    }
}

extension Capacity {
    /// True when a per-day or per-week limit is stated.
    var isStated: Bool { maxPerDay != nil || maxPerWeek != nil }
}
