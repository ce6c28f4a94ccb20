/// Places every activity of a plan on the working-day calendar and reports conflicts.
///
/// Activities are placed in dependency order (a depth-first post-order over the
/// references, ties in plan order), so each activity is computed once from the
/// occurrences it depends on: O((activities + dependencies) · log) overall.
public struct Scheduler: Sendable {
    public let calendar: WorkingCalendar

    public init(calendar: WorkingCalendar) { self.calendar = calendar }

    /// A scheduler with the plan's own calendar (its year and one either side).
    public init(plan: Plan) { self.init(calendar: WorkingCalendar(plan: plan)) }

    /// Schedules `plan` on its own calendar (its holidays and closed periods, its year and
    /// one either side).
    public static func schedule(_ plan: Plan, stamp: Timestamp? = nil) -> Schedule {
        Scheduler(plan: plan).schedule(plan, stamp: stamp)
    }

    /// Schedules `plan` on this scheduler's calendar. `stamp` is when the plan last changed (from the journal), if known.
    public func schedule(_ plan: Plan, stamp: Timestamp? = nil) -> Schedule {
        var pass = PlacementPass(plan: plan, calendar: calendar, baseline: baseline(for: plan))
        pass.run()
        return Self.schedule(placedBy: pass, plan: plan, stamp: stamp)
    }

    /// The schedule of `plan` from a pass that placed it: `pass.plan` with, at most, other
    /// sequence numbers and modification times (what ``JournalReplay`` adds), which do not
    /// change where anything is placed.
    static func schedule(placedBy pass: PlacementPass, plan: Plan, stamp: Timestamp?) -> Schedule {
        var occurrences: [Occurrence] = []
        var order: [Int] = []
        let count = pass.placed.reduce(0) { $0 + ($1?.count ?? 0) }
        occurrences.reserveCapacity(count)
        order.reserveCapacity(count)
        // The plan's part of every uid formed once, not once per activity (4 M instructions of
        // `validate` on the 20,000-activity bench plan with its 1,000-entry journal; callgrind).
        let planPrefix = plan.id + "-"
        for activityIndex in pass.placed.indices {
            guard let placed = pass.placed[activityIndex] else { continue }
            // Field by field: copying the whole activity out costs a retain per field.
            let id = plan.activities[activityIndex].id
            let owner = plan.activities[activityIndex].owner
            let ownerChanges = plan.activities[activityIndex].ownerChanges
            let overrides = plan.activities[activityIndex].overrides
            let uidPrefix = planPrefix + id.rawValue + "-"
            for p in placed {
                let override = overrides.isEmpty ? nil : overrides[p.index]
                occurrences.append(
                    Occurrence(
                        uid: uidPrefix + (p.key ?? String(p.index)), activity: id, index: p.index,
                        timing: p.timing, status: p.status,
                        // Handed over from a day on (`assign --from`): the latest hand-over by then.
                        owner: OwnerChange.owner(owner, handedOver: ownerChanges, on: p.timing.firstDay),
                        sequence: override?.sequence ?? 0, lastModified: override?.modified))
                order.append(activityIndex)
            }
        }
        let sortedIndices = Self.sortedOrder(occurrences, activityPositions: order)
        let sorted = sortedIndices.map { occurrences[$0] }
        var conflicts = pass.conflicts
        conflicts += CapacityCheck(plan: plan).conflicts(for: sorted, activityPositions: sortedIndices.map { order[$0] })
        return Schedule(plan: plan, occurrences: sorted, conflicts: conflicts, stamp: stamp)
    }
}

extension Scheduler {
    /// The positions of `occurrences` in schedule order: start day, start minute (all-day
    /// first), plan order, occurrence number.
    static func sortedOrder(_ occurrences: [Occurrence], activityPositions order: [Int]) -> [Int] {
        guard !occurrences.isEmpty else { return [] }
        // Usually the four numbers fit one 64-bit key (days 15 bits, minutes 11, activities
        // 24, occurrence numbers 14), which sorts several times faster than tuples.
        // (Activity positions are array positions: never negative.)
        var firstDay = Int.max
        var lastDay = Int.min
        var indices = 0..<1
        for i in occurrences.indices {
            let day = occurrences[i].timing.firstDay.dayNumber
            firstDay = min(firstDay, day)
            lastDay = max(lastDay, day)
            indices = min(indices.lowerBound, occurrences[i].index)..<max(indices.upperBound, occurrences[i].index + 1)
        }
        let fits = lastDay - firstDay < 1 << 15 && order.count < 1 << 24 && indices.lowerBound >= 0 && indices.upperBound <= 1 << 14
        guard fits else {
            let keys = occurrences.indices.map { i in
                (occurrences[i].timing.firstDay.dayNumber, occurrences[i].timing.startMinute, order[i], occurrences[i].index)
            }
            return occurrences.indices.sorted { keys[$0] < keys[$1] }
        }
        var keyed: [(key: UInt64, position: Int)] = occurrences.indices.map { i in
            let day = UInt64(occurrences[i].timing.firstDay.dayNumber - firstDay)
            let minute = UInt64(occurrences[i].timing.startMinute + 1)  // all-day is -1
            let key = day << 49 | minute << 38 | UInt64(order[i]) << 14 | UInt64(occurrences[i].index)
            return (key, i)
        }
        keyed.sort { $0.key < $1.key }
        return keyed.map(\.position)
    }

    /// Pinned activities keep the place the plan as written gives them, so changes recorded
    /// later (moves of what they depend on) cannot push them: the start days of every
    /// activity's occurrences with the journal's overrides left out, when the plan has both
    /// pinned activities and overrides; nil otherwise.
    func baseline(for plan: Plan) -> [[Day]]? {
        guard plan.activities.contains(where: { $0.pinned }) && plan.activities.contains(where: { !$0.overrides.isEmpty }) else { return nil }
        return writtenStartDays(of: plan)
    }

    /// The start days of every activity's occurrences in `plan` with its overrides left out.
    func writtenStartDays(of plan: Plan) -> [[Day]] {
        var written = plan
        for i in written.activities.indices { written.activities[i].overrides = [:] }
        var pass = PlacementPass(plan: written, calendar: calendar, baseline: nil)
        pass.run()
        return pass.placed.map { $0?.map(\.timing.firstDay) ?? [] }
    }
}

extension OccurrenceTiming {
    /// Minutes after midnight of the start; -1 for all-day, so all-day sorts first.
    var startMinute: Int {
        switch self {
        case .allDay: return -1
        case .timed(let start, _): return start.time.minutesSinceMidnight
        }
    }
}

/// One occurrence as the placement pass computes it.
struct PlacedOccurrence: Equatable {
    var index: Int
    /// What ends the UID instead of `index`: the source event's key for an imported
    /// occurrence, the slot's key for a `for-each` occurrence of one.
    var key: String? = nil
    var timing: OccurrenceTiming
    var status: OccurrenceStatus
}

/// A start day, the rules it came from, and whether the plan fixed it (a fixed date on a
/// day off is kept; a computed one never lands there).
private struct Candidate {
    var index: Int
    var key: String?
    var start: Day
    var time: TimeOfDay?
    var minutes: Int?
    /// Calendar days an imported all-day event covers (its DTEND or DURATION).
    var days: Int?
    var fixed: Bool
    var status: OccurrenceStatus?
    var requirements = Requirements()
}

/// The rules a relative occurrence has to satisfy, kept to check pinned and moved ones.
private struct Requirements {
    var earliest: Day?
    var deadline: Day?
    var sameDay: Day?
    /// The `for-each` occurrence the rules were resolved for: what ``PlacementPass/describe``
    /// needs to put them in words, which only a conflict message does.
    var slot: (id: Activity.ID, occurrence: PlacedOccurrence)?
}

/// One run of placement over all activities.
///
/// Conflicts are kept per activity, so that after ``replace(_:at:)`` they are those of the
/// plan as it now stands — what a new run over it would report, in the same order — and the
/// journal's replay needs no run of its own for the effective plan.
struct PlacementPass {
    private(set) var plan: Plan
    let calendar: WorkingCalendar
    /// Start days of each activity's occurrences in the plan as written, for pinned activities.
    let baseline: [[Day]]?
    let indexOf: [Activity.ID: Int]
    /// Whether the activity at each position has the id of one before it (reported by ``run()``).
    private let isRepeatedID: [Bool]
    private(set) var placed: [[PlacedOccurrence]?]
    /// Activities an error was reported for while placing them: what refers to them reports
    /// no error of its own about the occurrences they lack (one mistake, one error).
    private var erred: [Bool]
    /// Conflicts about the plan as a whole (duplicate ids, unknown references, cycles), found
    /// before anything is placed.
    private var planConflicts: [Conflict] = []
    /// Each activity's conflicts from its latest placement, by position.
    private var activityConflicts: [[Conflict]]
    /// The activity being placed: whose conflicts ``report`` adds to.
    private var current = 0
    /// Positions in dependency order (after ``run()``).
    private var order: [Int] = []
    /// The days an occurrence may fall on (``PlanLimits/allowedDays(planYear:)``).
    let allowedDays: ClosedRange<Day>
    /// 1 January to 31 December of the plan year: whether a day is in it without working out
    /// its year (`Day.year` per occurrence was 9 M instructions of the bench `validate`).
    private let planYearDays: ClosedRange<Day>
    /// Occurrences placed so far, held to ``PlanLimits/maxOccurrencesPerPlan``.
    private var placedCount = 0
    private var reportedPlanLimit = false
    /// After ``run()``: what each activity refers to, which activities were not placed for
    /// a broken reference or a cycle, and each activity's rank in dependency order — what
    /// ``replace(_:at:)`` needs to place a changed activity and its dependents again.
    private var edges: [[Int]] = []
    private var dependents: [[Int]] = []
    private var skipped: [Bool] = []
    private var rank: [Int] = []
    /// Whether ``replace(_:at:)`` has queued an activity, by position; all false between calls.
    private var queued: [Bool] = []

    init(plan: Plan, calendar: WorkingCalendar, baseline: [[Day]]?) {
        self.plan = plan
        self.allowedDays = PlanLimits.allowedDays(planYear: plan.year)
        self.planYearDays =
            Day(
                dayNumber: Day.daysFromCivil(year: plan.year, month: 1, day: 1))...Day(
                dayNumber: Day.daysFromCivil(year: plan.year, month: 12, day: 31))
        self.calendar = calendar
        self.baseline = baseline
        var indexOf: [Activity.ID: Int] = [:]
        indexOf.reserveCapacity(plan.activities.count)
        var isRepeatedID = [Bool](repeating: false, count: plan.activities.count)
        // By index: `for activity in` would copy every activity out. One look-up per id (the
        // first position is put back for a repeated id, which is marked for `run()`): asking
        // first, inserting, and `run()` asking again for each activity whether it is the first
        // with its id hashed every id three times, 15 M instructions of `validate` on the
        // 20,000-activity bench plan with its 1,000-entry journal (callgrind).
        for i in plan.activities.indices {
            if let first = indexOf.updateValue(i, forKey: plan.activities[i].id) {
                indexOf[plan.activities[i].id] = first
                isRepeatedID[i] = true
            }
        }
        self.indexOf = indexOf
        self.isRepeatedID = isRepeatedID
        self.placed = Array(repeating: nil, count: plan.activities.count)
        self.activityConflicts = Array(repeating: [], count: plan.activities.count)
        self.erred = Array(repeating: false, count: plan.activities.count)
    }

    /// Every conflict, as a run reports them: the plan's, then each activity's in dependency order.
    var conflicts: [Conflict] {
        var all = planConflicts
        for i in order where !activityConflicts[i].isEmpty { all += activityConflicts[i] }
        return all
    }

    /// Whether ``conflicts`` after ``replace(_:at:)`` may not be what a new run reports: when a
    /// placement went near ``PlanLimits/maxOccurrencesPerPlan`` (that check depends on the
    /// order activities are placed in, and is reported only once).
    var nearPlanLimit: Bool {
        reportedPlanLimit || placedCount > PlanLimits.maxOccurrencesPerPlan - PlanLimits.maxOccurrencesPerActivity
    }

    // MARK: Dependency order

    /// The activities `activity` refers to, with where and how.
    static func references(of activity: Activity) -> [(reference: ActivityReference, location: SourceLocation?, role: String)] {
        var result: [(ActivityReference, SourceLocation?, String)] = []
        forEachReference(of: activity) { result.append(($0, $1, $2)) }
        return result
    }

    /// Calls `body` with each activity `activity` refers to, with where and how (without
    /// collecting them: this runs for every activity of every schedule).
    @inline(__always)
    static func forEachReference(of activity: Activity, _ body: (ActivityReference, SourceLocation?, String) -> Void) {
        forEachReference(forEach: activity.forEach, placement: activity.placement, location: activity.location, body)
    }

    /// ``forEachReference(of:_:)`` given the three fields of the activity it reads: `run()`
    /// passes them from the plan, where handing over the whole activity copied it out (a
    /// retain and a release of each of its fields, for every activity of every schedule).
    @inline(__always)
    static func forEachReference(
        forEach: Activity.ID?, placement: Placement, location: SourceLocation?, _ body: (ActivityReference, SourceLocation?, String) -> Void
    ) {
        if let forEach { body(ActivityReference(activity: forEach), location, "for-each") }
        switch placement {
        case .with(let reference): body(reference, location, "with")
        case .relative(let after, let before):
            for offset in after { body(offset.reference, offset.location ?? location, "after") }
            if let before { body(before.reference, before.location ?? location, "before") }
        case .date, .dates, .recurrence, .imported: break
        }
    }

    mutating func run() {
        let count = plan.activities.count
        var edges: [[Int]] = Array(repeating: [], count: count)
        var broken = [Bool](repeating: false, count: count)
        for i in plan.activities.indices {
            let id = plan.activities[i].id
            if isRepeatedID[i] {
                broken[i] = true
                planConflicts.append(
                    Conflict(
                        kind: .duplicateID, severity: .error, activities: [id],
                        text: .schedule(.duplicateActivity(id: id.rawValue)),
                        location: plan.activities[i].location))
                continue
            }
            Self.forEachReference(
                forEach: plan.activities[i].forEach, placement: plan.activities[i].placement, location: plan.activities[i].location
            ) { reference, location, role in
                guard let target = indexOf[reference.activity] else {
                    broken[i] = true
                    let suggestion = closestMatch(to: reference.activity.rawValue, in: plan.activities.map(\.id.rawValue))
                    planConflicts.append(
                        Conflict(
                            kind: .unknownReference, severity: .error, activities: [id],
                            text: .schedule(
                                .unknownActivity(
                                    reference: reference.activity.rawValue, role: role, of: id.rawValue, suggestion: suggestion)),
                            location: location))
                    return
                }
                if !edges[i].contains(target) { edges[i].append(target) }
            }
        }

        let (order, cycles) = Self.dependencyOrder(edges: edges)
        var inCycle = [Bool](repeating: false, count: count)
        for cycle in cycles {
            for node in cycle { inCycle[node] = true }
            let ids = cycle.map { plan.activities[$0].id }
            planConflicts.append(
                Conflict(
                    kind: .dependencyCycle, severity: .error, activities: ids,
                    text: .schedule(.dependencyCycle(steps: (ids + [ids[0]]).map(\.rawValue))),
                    location: plan.activities[cycle[0]].location))
        }

        self.edges = edges
        skipped = zip(broken, inCycle).map { $0 || $1 }
        rank = Array(repeating: 0, count: count)
        for (position, i) in order.enumerated() { rank[i] = position }
        self.order = order
        for i in order {
            if broken[i] || inCycle[i] { continue }
            placed[i] = placeUnlessBlocked(i)
            placedCount += placed[i]?.count ?? 0
        }
    }

    /// The activity at `i` placed, or nil with a conflict when something it refers to was not placed.
    private mutating func placeUnlessBlocked(_ i: Int) -> [PlacedOccurrence]? {
        current = i
        activityConflicts[i] = []
        // Placed again (a journal change): its earlier error, if any, goes with its conflicts.
        erred[i] = false
        if let blocker = edges[i].first(where: { placed[$0] == nil }) {
            let id = plan.activities[i].id
            let blocking = plan.activities[blocker].id
            activityConflicts[i].append(
                Conflict(
                    kind: .unplacedDependency, severity: .error, activities: [id, blocking],
                    text: .schedule(.cannotBePlaced(activity: id.rawValue, blocking: blocking.rawValue)),
                    location: plan.activities[i].location))
            return nil
        }
        return place(plan.activities[i], at: i)
    }

    /// After ``run()``: `activity` takes the place of the one at `i` (same id, same
    /// references: a journal change), and it and every activity whose placement can change
    /// with it are placed again, in dependency order, going on from an activity only where
    /// its placement changed. What is not placed again would come out the same: placing an
    /// activity depends only on it and on the placements of what it refers to.
    /// Returns each activity placed again (`i` first) with its placement before.
    mutating func replace(_ activity: Activity, at i: Int) -> [(position: Int, before: [PlacedOccurrence]?)] {
        if dependents.isEmpty && !edges.isEmpty {
            dependents = Array(repeating: [], count: edges.count)
            for (from, targets) in edges.enumerated() { for target in targets { dependents[target].append(from) } }
        }
        plan.activities[i] = activity
        // What is queued marked in an array kept between calls, and each rank's activity read
        // off the dependency order: a set and a dictionary per call were 60 M instructions of
        // `validate` on the 20,000-activity bench plan with its 1,000-entry journal (callgrind).
        if queued.count != rank.count { queued = Array(repeating: false, count: rank.count) }
        var result: [(position: Int, before: [PlacedOccurrence]?)] = []
        var queue = RankQueue([rank[i]])
        queued[i] = true
        var marked = [i]
        defer { for j in marked { queued[j] = false } }
        while let next = queue.popMin() {
            let j = order[next]
            let before = placed[j]
            let after = skipped[j] ? nil : placeUnlessBlocked(j)
            placed[j] = after
            placedCount += (after?.count ?? 0) - (before?.count ?? 0)
            guard j == i || after != before else { continue }
            result.append((j, before))
            guard after != before else { continue }
            for dependent in dependents[j] where !queued[dependent] {
                queued[dependent] = true
                marked.append(dependent)
                queue.insert(rank[dependent])
            }
        }
        return result
    }

    /// Sets the sequence number and modification time of an occurrence of the plan (what
    /// ``JournalReplay`` adds): they place nothing differently, so the placements stand. The
    /// replay's effective plan then shares its activities with the pass instead of copying
    /// them, and a third array of 20,000 activities is not destroyed at the end (24 M
    /// instructions of `validate` on the 20,000-activity bench plan with its 1,000-entry
    /// journal; callgrind).
    mutating func setRevision(of activity: Int, occurrence: Int, sequence: Int, modified: Timestamp?) {
        plan.activities[activity].overrides[occurrence, default: OccurrenceOverride()].sequence = sequence
        plan.activities[activity].overrides[occurrence]!.modified = modified
    }

    /// Post-order of a depth-first walk (dependencies before dependents, ties in plan
    /// order) and the cycles met on the way, each as the activities along it.
    static func dependencyOrder(edges: [[Int]]) -> (order: [Int], cycles: [[Int]]) {
        let count = edges.count
        var state = [UInt8](repeating: 0, count: count)  // 0 new, 1 on the path, 2 done
        var order: [Int] = []
        order.reserveCapacity(count)
        var cycles: [[Int]] = []
        var cycleMembers = Set<Int>()
        var path: [(node: Int, next: Int)] = []
        for root in 0..<count where state[root] == 0 {
            path.append((root, 0))
            state[root] = 1
            while let top = path.last {
                if top.next < edges[top.node].count {
                    path[path.count - 1].next += 1
                    let target = edges[top.node][top.next]
                    if state[target] == 0 {
                        state[target] = 1
                        path.append((target, 0))
                    } else if state[target] == 1 {
                        // A back edge closes a cycle: the path from `target` to here.
                        let start = path.firstIndex { $0.node == target }!
                        let cycle = path[start...].map(\.node)
                        if !cycle.allSatisfy(cycleMembers.contains) {
                            cycles.append(cycle)
                            cycleMembers.formUnion(cycle)
                        }
                    }
                } else {
                    state[top.node] = 2
                    order.append(top.node)
                    path.removeLast()
                }
            }
        }
        return (order, cycles)
    }

    // MARK: Placing one activity

    private mutating func report(
        _ kind: DiagnosticCode, _ severity: Severity, _ activity: Activity, _ text: ScheduleText, others: [Activity.ID] = [],
        at location: SourceLocation? = nil, occurrence: Int? = nil, day: Day? = nil, limit: Day? = nil
    ) {
        if severity == .error { erred[current] = true }
        activityConflicts[current].append(
            Conflict(
                kind: kind, severity: severity, activities: [activity.id] + others, text: .schedule(text),
                location: location ?? activity.location, occurrence: occurrence, day: day, limit: limit))
    }

    private func occurrences(of id: Activity.ID) -> [PlacedOccurrence] {
        position(of: id).flatMap { placed[$0] } ?? []
    }

    /// The position of the activity `id`, which the activity being placed refers to: found
    /// among the one to three it refers to (``edges``) by comparing ids, not by hashing one
    /// into ``indexOf``. The hash look-ups were 110 M instructions of `validate` on the
    /// 20,000-activity bench plan with its 1,000-entry journal (callgrind).
    private func position(of id: Activity.ID) -> Int? {
        if current < edges.count {
            for target in edges[current] where plan.activities[target].id == id { return target }
        }
        return indexOf[id]
    }

    private enum Role { case after, before, with }

    /// The occurrence a reference means, in the context of one `for-each` slot; reports
    /// why when there is none, and a cancelled one it is placed relative to.
    private mutating func resolve(
        _ reference: ActivityReference, role: Role, slot: (id: Activity.ID, occurrence: PlacedOccurrence)?,
        in activity: Activity, location: SourceLocation?
    ) -> PlacedOccurrence? {
        if let found = lookup(reference, role: role, slot: slot) {
            if reference.occurrence != nil, found.status == .cancelled, activity.status != .cancelled {
                report(
                    .cancelledDependency, .warning, activity,
                    .placedRelativeToCancelled(activity: activity.id.rawValue, reference: "\(reference)"),
                    others: [reference.activity], at: location)
            }
            return found
        }
        let candidates = occurrences(of: reference.activity)
        // The target's own error says why it has too few occurrences.
        if let target = position(of: reference.activity), erred[target] {
            erred[current] = true
            return nil
        }
        if reference.occurrence != nil {
            report(
                .missingOccurrence, .error, activity,
                .referencePastLastOccurrence(
                    activity: activity.id.rawValue, reference: "\(reference)", target: reference.activity.rawValue, count: candidates.count),
                others: [reference.activity], at: location)
        } else if candidates.isEmpty {
            report(
                .missingOccurrence, .error, activity,
                .referenceWithoutOccurrences(activity: activity.id.rawValue, target: reference.activity.rawValue),
                others: [reference.activity], at: location)
        } else {
            report(
                .ambiguousReference, .error, activity,
                .withSeveralOccurrences(activity: activity.id.rawValue, target: reference.activity.rawValue, count: candidates.count),
                others: [reference.activity], at: location)
        }
        return nil
    }

    /// The occurrence a reference means, or nil when there is none (or, for `with`, when
    /// it is ambiguous): the one named, the slot's, the only one, or for `after` the last
    /// and for `before` the first.
    private func lookup(
        _ reference: ActivityReference, role: Role, slot: (id: Activity.ID, occurrence: PlacedOccurrence)?
    ) -> PlacedOccurrence? {
        if let slot, reference.activity == slot.id, reference.occurrence == nil { return slot.occurrence }
        let candidates = occurrences(of: reference.activity)
        if let n = reference.occurrence { return candidates.first { $0.index == n } }
        if candidates.count == 1 { return candidates[0] }
        switch role {
        case .after: return candidates.max { $0.timing.lastDay < $1.timing.lastDay }
        case .before: return candidates.min { $0.timing.firstDay < $1.timing.firstDay }
        case .with: return nil
        }
    }

    /// An activity's `with`/`after`/`before` rules in words, as resolved for `slot`
    /// ("2 workdays after 'vb[1]' and 5 workdays before 'namnd[3]'"), for conflict messages.
    private func describe(_ activity: Activity, slot: (id: Activity.ID, occurrence: PlacedOccurrence)?) -> RuleText {
        func named(_ reference: ActivityReference, _ role: Role) -> String {
            let index = lookup(reference, role: role, slot: slot)?.index
            return "'\(reference.activity)[\(index.map(String.init) ?? "?")]'"
        }
        switch activity.placement {
        case .with(let reference):
            return .sameDay(as: named(reference, .with))
        case .relative(let after, let before):
            var offsets = after.map {
                RuleOffset(amount: $0.amount, unit: $0.unit, after: true, reference: named($0.reference, .after))
            }
            if let before {
                offsets.append(RuleOffset(amount: before.amount, unit: before.unit, after: false, reference: named(before.reference, .before)))
            }
            return .offsets(offsets)
        default:
            return .offsets([])
        }
    }

    private func shifted(_ day: Day, by amount: Int, _ unit: OffsetUnit, forward: Bool) -> Day {
        // Saturating: an amount beyond the reader's limits ends at the end of the days there are.
        switch unit {
        case .workdays:
            let moved = calendar.adding(workdays: forward ? amount : amount.saturatingNegated, to: day)
            return forward ? calendar.nextWorkingDay(onOrAfter: moved) : calendar.previousWorkingDay(onOrBefore: moved)
        case .days, .weeks:
            let days = amount.saturatingMultiplied(by: unit == .weeks ? 7 : 1)
            let moved = day.adding(days: forward ? days : days.saturatingNegated)
            return forward ? calendar.nextWorkingDay(onOrAfter: moved) : calendar.previousWorkingDay(onOrBefore: moved)
        }
    }

    /// The last day of an occurrence starting on `start` with the activity's duration.
    private func lastDay(startingOn start: Day, _ activity: Activity) -> Day {
        switch activity.duration {
        case .workdays(let n) where n > 1: return calendar.adding(workdays: n - 1, to: start)
        case .weeks(let n) where n > 0: return start.adding(days: n.saturatingMultiplied(by: 7) - 1)
        default: return start
        }
    }

    /// The first day of an occurrence that must end on `last`.
    private func firstDay(endingOn last: Day, _ activity: Activity) -> Day {
        switch activity.duration {
        case .workdays(let n) where n > 1: return calendar.adding(workdays: -(n - 1), to: last)
        case .weeks(let n) where n > 0: return last.adding(days: 1 - n.saturatingMultiplied(by: 7))
        default: return last
        }
    }

    private func timing(start: Day, time: TimeOfDay?, minutes: Int?, _ activity: Activity) -> OccurrenceTiming {
        let last = lastDay(startingOn: start, activity)
        guard let time else { return .allDay(first: start, last: last) }
        let begin = LocalDateTime(day: start, time: time)
        if case .minutes(let m) = activity.duration { return .timed(start: begin, end: begin.adding(minutes: m)) }
        // A multi-day activity with a time ends an hour after that time on its last day.
        return .timed(start: begin, end: LocalDateTime(day: last, time: time).adding(minutes: minutes ?? 60))
    }

    /// The candidate of a `with` or `after`/`before` activity, for one `for-each` slot (or
    /// none). A method, not a function nested in ``place(_:at:)``: a nested one copied the
    /// whole pass at every call (155,571 times in `validate` of the 20,000-activity bench plan
    /// with its journal: 4,588 M instructions with the copies, 4,328 M without; callgrind).
    private mutating func relativeCandidate(_ activity: Activity, slot: (id: Activity.ID, occurrence: PlacedOccurrence)?) -> Candidate? {
        var requirements = Requirements(slot: slot)
        var time = activity.time
        switch activity.placement {
        case .with(let reference):
            guard let target = resolve(reference, role: .with, slot: slot, in: activity, location: activity.placementLocation ?? activity.location)
            else { return nil }
            requirements.sameDay = target.timing.firstDay
            if time == nil, case .timed(let start, _) = target.timing, activity.duration.isMinutes { time = start.time }
            return Candidate(index: 0, start: target.timing.firstDay, time: time, fixed: false, requirements: requirements)
        case .relative(let after, let before):
            var earliest: Day?
            for offset in after {
                guard let target = resolve(offset.reference, role: .after, slot: slot, in: activity, location: offset.location) else {
                    return nil
                }
                let day = shifted(target.timing.lastDay, by: offset.amount, offset.unit, forward: true)
                if earliest == nil || day > earliest! { earliest = day }
            }
            var deadline: Day?
            if let before {
                guard let target = resolve(before.reference, role: .before, slot: slot, in: activity, location: before.location) else {
                    return nil
                }
                deadline = shifted(target.timing.firstDay, by: before.amount, before.unit, forward: false)
            }
            requirements.earliest = earliest
            requirements.deadline = deadline
            let start = earliest ?? firstDay(endingOn: deadline!, activity)
            return Candidate(index: 0, start: start, time: time, fixed: false, requirements: requirements)
        default:
            return nil
        }
    }

    /// The occurrences of `activity`, or nil when it cannot be placed: more occurrences
    /// than ``PlanLimits`` allows, or one outside ``allowedDays`` (each reported).
    private mutating func place(_ activity: Activity, at activityIndex: Int) -> [PlacedOccurrence]? {
        var candidates: [Candidate] = []

        switch activity.placement {
        case .date(let day):
            candidates = [Candidate(index: 1, start: day, time: activity.time, fixed: true)]
        case .dates(let days):
            candidates = Array(Set(days)).sorted().enumerated().map {
                Candidate(index: $0.offset + 1, start: $0.element, time: activity.time, fixed: true)
            }
        case .imported(let source, let dates):
            let sorted = dates.sorted {
                ($0.day, $0.time?.minutesSinceMidnight ?? -1, $0.key ?? "") < ($1.day, $1.time?.minutesSinceMidnight ?? -1, $1.key ?? "")
            }
            // Keys are unique within the activity (a source that repeats an event gets -2, -3).
            var seenKeys: [String: Int] = [:]
            candidates = sorted.enumerated().map { offset, date in
                var key = date.key
                if let k = key {
                    seenKeys[k, default: 0] += 1
                    if seenKeys[k]! > 1 { key = "\(k)-\(seenKeys[k]!)" }
                }
                return Candidate(
                    index: offset + 1, key: key, start: date.day, time: date.time ?? activity.time,
                    minutes: date.time == nil ? nil : date.length, days: date.time == nil ? date.length : nil, fixed: true)
            }
            if candidates.isEmpty {
                report(.emptyRecurrence, .error, activity, .datesFromEmpty(activity: activity.id.rawValue, source: source, year: plan.year))
            }
        case .recurrence(let rule):
            let expansion = RecurrenceExpansion(rule: rule, year: plan.year)
            // Counted before it is expanded: a rule over centuries is refused, not listed.
            guard expansion.maximumCount <= PlanLimits.maxOccurrencesPerActivity else {
                report(
                    .tooManyOccurrences, .error, activity,
                    .repeatOverLimit(
                        activity: activity.id.rawValue, count: expansion.maximumCount, limit: PlanLimits.maxOccurrencesPerActivity))
                return nil
            }
            let days = expansion.days()
            var seen = Set<Day>()
            var moved: [Day] = []
            for day in days {
                let working = calendar.nextWorkingDay(onOrAfter: day)
                if seen.insert(working).inserted { moved.append(working) }
            }
            candidates = moved.enumerated().map { Candidate(index: $0.offset + 1, start: $0.element, time: activity.time, fixed: false) }
            if candidates.isEmpty {
                report(.emptyRecurrence, .error, activity, .repeatNeverMatches(activity: activity.id.rawValue))
            }
        case .with, .relative:
            if let forEach = activity.forEach {
                let slots = occurrences(of: forEach)
                candidates.reserveCapacity(slots.count)
                for slot in slots {
                    guard var candidate = relativeCandidate(activity, slot: (id: forEach, occurrence: slot)) else { continue }
                    candidate.index = slot.index
                    candidate.key = slot.key
                    // An occurrence for a cancelled meeting is cancelled with it.
                    if slot.status == .cancelled { candidate.status = .cancelled }
                    candidates.append(candidate)
                }
            } else if var candidate = relativeCandidate(activity, slot: nil) {
                // One occurrence, without an array of one empty slot to go through first (an
                // allocation per placement: 77,037 of them in `validate` on the 20,000-activity
                // bench plan with its 1,000-entry journal).
                candidate.index = 1
                candidates = [candidate]
            }
        }

        guard candidates.count <= PlanLimits.maxOccurrencesPerActivity else {
            report(
                .tooManyOccurrences, .error, activity,
                .occurrencesOverLimit(
                    activity: activity.id.rawValue, count: candidates.count, limit: PlanLimits.maxOccurrencesPerActivity))
            return nil
        }
        guard placedCount + candidates.count <= PlanLimits.maxOccurrencesPerPlan else {
            if !reportedPlanLimit {
                reportedPlanLimit = true
                report(
                    .tooManyOccurrences, .error, activity,
                    .planOccurrencesOverLimit(activity: activity.id.rawValue, limit: PlanLimits.maxOccurrencesPerPlan))
            }
            return nil
        }

        var result: [PlacedOccurrence] = []
        result.reserveCapacity(candidates.count)
        var outOfRange = false
        for var candidate in candidates {
            let override = activity.overrides.isEmpty ? nil : activity.overrides[candidate.index]
            // How messages name the occurrence; made only for a message.
            var label: String { candidates.count > 1 ? "'\(activity.id)[\(candidate.index)]'" : "'\(activity.id)'" }

            if !candidate.fixed, let notBefore = activity.notBefore, candidate.start < notBefore {
                candidate.start = calendar.nextWorkingDay(onOrAfter: notBefore)
            }
            // Pinned: keep the place the plan as written gives it.
            if activity.pinned, override?.day == nil, let baseline, candidate.index - 1 < baseline[activityIndex].count {
                let written = baseline[activityIndex][candidate.index - 1]
                if written != candidate.start && !candidate.fixed {
                    let r = candidate.requirements
                    let last = lastDay(startingOn: written, activity)
                    if (r.earliest.map { written < $0 } ?? false) || (r.deadline.map { last > $0 } ?? false)
                        || (r.sameDay.map { written != $0 } ?? false)
                    {
                        report(
                            .pinnedPushed, .error, activity,
                            .pinnedPushed(label: label, pinned: written, rule: describe(activity, slot: r.slot), to: candidate.start),
                            occurrence: candidate.index, day: candidate.start, limit: written)
                    }
                    candidate.start = written
                }
            }
            if let override {
                if let day = override.day {
                    candidate.start = day
                    candidate.fixed = true
                    let r = candidate.requirements
                    if let earliest = r.earliest, day < earliest {
                        report(
                            .dependencyViolated, .warning, activity,
                            .placedBeforeRule(label: label, day: day, rule: describe(activity, slot: r.slot), earliest: earliest),
                            occurrence: candidate.index, day: day, limit: earliest)
                    }
                    if let same = r.sameDay, day != same {
                        report(
                            .dependencyViolated, .warning, activity,
                            .placedApartFromWith(label: label, day: day, rule: describe(activity, slot: r.slot), sameDay: same),
                            occurrence: candidate.index, day: day, limit: same)
                    }
                }
                if let time = override.time { candidate.time = time }
                if let status = override.status { candidate.status = status }
            }

            var timing = timing(start: candidate.start, time: candidate.time, minutes: candidate.minutes, activity)
            // An imported all-day event keeps its own span (unless the plan gives a duration).
            if let days = candidate.days, days > 1, activity.duration == nil, case .allDay(let first, _) = timing {
                timing = .allDay(first: first, last: first.adding(days: days - 1))
            }
            if let deadline = candidate.requirements.deadline, timing.lastDay > deadline {
                report(
                    .windowViolated, .error, activity,
                    .windowMissed(
                        label: label, ends: timing.lastDay, deadline: deadline, rule: describe(activity, slot: candidate.requirements.slot)),
                    occurrence: candidate.index, day: timing.lastDay, limit: deadline)
            }
            if candidate.fixed, let notBefore = activity.notBefore, timing.firstDay < notBefore {
                report(
                    .notBeforeViolated, .error, activity, .beforeNotBefore(label: label, day: timing.firstDay, notBefore: notBefore),
                    occurrence: candidate.index, day: timing.firstDay, limit: notBefore)
            }
            if let notAfter = activity.notAfter, timing.lastDay > notAfter {
                report(
                    .notAfterViolated, .error, activity, .afterNotAfter(label: label, ends: timing.lastDay, notAfter: notAfter),
                    occurrence: candidate.index, day: timing.lastDay, limit: notAfter)
            }
            if candidate.fixed, let reason = calendar.reasonOff(timing.firstDay) {
                report(
                    .fixedDateOnDayOff, .warning, activity, .onDayOff(label: label, day: timing.firstDay, reason: reason),
                    occurrence: candidate.index, day: timing.firstDay)
            }
            if !allowedDays.contains(timing.firstDay) || !allowedDays.contains(timing.lastDay) {
                let day = allowedDays.contains(timing.firstDay) ? timing.lastDay : timing.firstDay
                if !outOfRange {
                    report(
                        .dateOutOfRange, .error, activity,
                        .outsideReachableYears(
                            label: label, day: day, year: plan.year, from: allowedDays.lowerBound.year,
                            to: allowedDays.upperBound.year, around: PlanLimits.yearsAroundPlanYear,
                            first: PlanLimits.years.lowerBound, last: PlanLimits.years.upperBound))
                }
                outOfRange = true
                continue
            }
            // An imported event that runs into the plan year from the year before is kept quietly.
            let runsIntoYear = candidate.days != nil || candidate.minutes != nil ? planYearDays.contains(timing.lastDay) : false
            if !planYearDays.contains(timing.firstDay) && !runsIntoYear {
                report(
                    .outsidePlanYear, .warning, activity, .outsidePlanYear(label: label, day: timing.firstDay, year: plan.year),
                    occurrence: candidate.index, day: timing.firstDay)
            }
            result.append(PlacedOccurrence(index: candidate.index, key: candidate.key, timing: timing, status: candidate.status ?? activity.status))
        }
        return outOfRange ? nil : result
    }
}

extension Optional where Wrapped == ActivityDuration {
    /// True when the duration is absent or a number of minutes (an event within a day).
    var isMinutes: Bool {
        switch self {
        case .none, .minutes: return true
        default: return false
        }
    }
}

/// The smallest rank first: the pending activities of ``PlacementPass/replace(_:at:)`` in
/// dependency order. (A binary heap of integers: the core imports nothing, not even
/// swift-collections' `Heap`.)
private struct RankQueue {
    private var items: [Int]

    init(_ items: [Int]) { self.items = items.sorted() }

    mutating func insert(_ item: Int) {
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMin() -> Int? {
        guard let first = items.first else { return nil }
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { break }
            let right = left + 1
            let smaller = right < items.count && items[right] < items[left] ? right : left
            guard items[smaller] < items[parent] else { break }
            items.swapAt(smaller, parent)
            parent = smaller
        }
        return first
    }
}
