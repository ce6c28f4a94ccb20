/// A change someone asks for from the command line, before it is checked.
public enum ChangeRequest: Hashable, Sendable {
    /// Move an occurrence; `occurrence` may be left out only for an activity with one occurrence.
    case move(activity: Activity.ID, occurrence: Int?, day: Day, time: TimeOfDay?)
    /// Cancel one occurrence, or every occurrence that is not already cancelled when `occurrence` is nil.
    case cancel(activity: Activity.ID, occurrence: Int?)
    /// Hand the activity to another owner: every occurrence, or with `from` those starting on or after that day.
    case assign(activity: Activity.ID, owner: Owner.ID, from: Day? = nil)
    /// Reverse the latest change still in effect.
    case undo
    /// Approve the schedule as it stands, with a minutes reference.
    case approve(ref: String)
}

/// Who asks, when and why — everything of a journal entry that does not come from the plan.
public struct ChangeContext: Hashable, Sendable {
    public var at: Timestamp
    public var by: String
    public var reason: String?
    /// The content hash of the plan file as it was read (``ContentHash``).
    public var planHash: String?

    public init(at: Timestamp, by: String, reason: String?, planHash: String?) {
        self.at = at
        self.by = by
        self.reason = reason
        self.planHash = planHash
    }
}

/// Why a requested change is not made unless forced.
public enum Refusal: Hashable, Sendable {
    /// The new day is not a working day.
    case dayOff(Day, reason: String)
    /// The new day comes before what the occurrence depends on allows, or is not the day
    /// it is `with`.
    case beforeDependency(Conflict)
    /// The activity is pinned: its date is set from outside and never moved.
    case pinned(Activity.ID)
    /// The occurrence changed lies before today (``ChangeContext/at``): it has already taken place.
    case alreadyPast(occurrence: String, day: Day, today: Day)
    /// The new day lies outside the plan's year (a typo in the year, most often).
    case outsidePlanYear(Day, planYear: Int)
    /// The change gives the schedule new errors (a window or not-after date missed, a pinned activity pushed, …).
    case newErrors([Conflict])
    /// A new owner would also be written into occurrences already past (`count` of them, the
    /// first on `first`); `assign … --from` today leaves them as they were.
    case reassignsPast(activity: String, count: Int, first: Day, today: Day)
    /// Cancelling every occurrence would also cancel `count` already past (the first on
    /// `first`, the last on `last`): one refusal for them all, not one line each.
    case cancelsPast(activity: String, count: Int, first: Day, last: Day, today: Day)

    /// The stable code printed in brackets after the refusal.
    public var code: DiagnosticCode {
        switch self {
        case .dayOff: return .changeOnDayOff
        case .beforeDependency: return .changeBeforeDependency
        case .pinned: return .changePinned
        case .alreadyPast: return .changeAlreadyPast
        case .outsidePlanYear: return .changeOutsidePlanYear
        case .newErrors: return .changeNewErrors
        case .reassignsPast: return .changeReassignsPast
        case .cancelsPast: return .changeAlreadyPast
        }
    }
}

/// One occurrence a change affects.
public struct OccurrenceImpact: Hashable, Sendable {
    public var uid: String
    public var activity: Activity.ID
    public var index: Int
    /// How many occurrences the activity has (to write "3/11").
    public var count: Int
    /// True for the occurrence(s) the change names; false for those that follow from it.
    public var direct: Bool
    public var change: StateChange
}

/// What a change does to the schedule: every occurrence that moves, is cancelled or
/// reinstated, or changes owner; the conflicts it brings and the ones it resolves.
public struct Impact: Sendable {
    /// The named occurrences first, then those that follow, in date order.
    public var occurrences: [OccurrenceImpact]
    /// Conflicts in the new schedule that were not in the old one.
    public var newConflicts: [Conflict]
    /// Conflicts of the old schedule that the change resolves.
    public var resolvedConflicts: [Conflict]

    public init(occurrences: [OccurrenceImpact] = [], newConflicts: [Conflict] = [], resolvedConflicts: [Conflict] = []) {
        self.occurrences = occurrences
        self.newConflicts = newConflicts
        self.resolvedConflicts = resolvedConflicts
    }
}

/// A checked change: the entry to append, what it does, and why it would be refused.
public struct ChangeProposal: Sendable {
    /// The journal entry for the caller to append (nothing is written here).
    public var entry: JournalEntry
    public var impact: Impact
    /// Reasons not to make the change; the caller appends only when this is empty or the user forces it.
    public var refusals: [Refusal]
    /// The schedule before and after the change.
    public var before: Schedule
    public var after: Schedule
}

/// Checks requested changes against the effective plan and works out their impact.
///
/// Every function is pure: given the journal replayed so far and a request, it returns the
/// journal entry for the caller to append — or throws ``JournalError`` when the request
/// cannot mean anything (unknown activity, no such occurrence, nothing to change). Moving
/// onto a day off, before a dependency allows, or moving a pinned activity, and a move
/// that gives the schedule new errors, come back as ``Refusal``s; the caller decides
/// (`--force`).
public enum Rescheduling {
    public static func propose(_ request: ChangeRequest, on replay: JournalReplay, context: ChangeContext) throws(JournalError) -> ChangeProposal {
        let plan = replay.plan
        let before = replay.schedule
        var refusals: [Refusal] = []
        let action: JournalAction
        var dropping: Int?
        var target: OccurrenceMark?
        guard replay.nextSequence <= JournalEntry.maximumSequence else { throw .journalFull }

        switch request {
        case .move(let id, let requested, let day, let time):
            guard JournalEntry.years.contains(day.year) else { throw .dayOutOfRange(day) }
            let activity = try resolve(id, in: plan)
            let occurrence = try pick(activity, requested, in: before, required: true)!
            let current = before.occurrences.first { $0.uid == occurrence.uid }!
            target = OccurrenceMark(uid: current.uid, day: current.timing.firstDay)
            var sameTime = true
            if let time, case .timed(let start, _) = current.timing { sameTime = start.time == time } else if time != nil { sameTime = false }
            if current.timing.firstDay == day && sameTime && current.status != .cancelled {
                throw .nothingToChange(.alreadyOn(occurrence: label(activity.id, occurrence.index, in: before), day: day, time: time))
            }
            action = .move(activity: activity.id, occurrence: occurrence.index, day: day, time: time)
            if day.year != plan.year { refusals.append(.outsidePlanYear(day, planYear: plan.year)) }
            if current.timing.firstDay < context.at.day {
                refusals.append(
                    .alreadyPast(occurrence: label(activity.id, occurrence.index, in: before), day: current.timing.firstDay, today: context.at.day))
            }
            if activity.pinned { refusals.append(.pinned(activity.id)) }
            let calendar = WorkingCalendar(plan: plan)
            if let reason = calendar.reasonOff(day) { refusals.append(.dayOff(day, reason: reason)) }
        case .cancel(let id, let requested):
            let activity = try resolve(id, in: plan)
            let chosen = try pick(activity, requested, in: before, required: false)
            let targets = before.occurrences.filter { $0.activity == activity.id && (chosen == nil || $0.index == chosen!.index) }
            if targets.allSatisfy({ $0.status == .cancelled }) {
                throw .nothingToChange(
                    chosen.map { .alreadyCancelled(occurrence: label(activity.id, $0.index, in: before)) }
                        ?? .allAlreadyCancelled(activity: activity.id.rawValue))
            }
            // An activity with one occurrence names it, so that dates added to the plan file later stay.
            let count = replay.occurrenceNumbers(of: activity.id).count
            action = .cancel(activity: activity.id, occurrence: chosen?.index ?? (count == 1 ? targets.first?.index : nil))
            if case .cancel(_, .some(let n)) = action, let named = targets.first(where: { $0.index == n }) {
                target = OccurrenceMark(uid: named.uid, day: named.timing.firstDay)
            }
        case .assign(let id, let owner, let from):
            let activity = try resolve(id, in: plan)
            guard plan.owner(owner) != nil else {
                throw .unknownOwner(owner.rawValue, suggestion: closestMatch(to: owner.rawValue, in: plan.owners.map(\.id.rawValue)))
            }
            if let from {
                guard JournalEntry.years.contains(from.year) else { throw .dayOutOfRange(from) }
                let reached = before.occurrences.filter { $0.activity == activity.id && $0.timing.firstDay >= from }
                if reached.isEmpty { throw .nothingToChange(.noOccurrenceFrom(activity: activity.id.rawValue, day: from)) }
                if reached.allSatisfy({ $0.owner == owner }) {
                    throw .nothingToChange(.alreadyOwned(activity: activity.id.rawValue, owner: owner.rawValue))
                }
            } else if activity.owner == owner && activity.ownerChanges.allSatisfy({ $0.owner == owner }) {
                throw .nothingToChange(.alreadyOwned(activity: activity.id.rawValue, owner: owner.rawValue))
            }
            action = .assign(activity: activity.id, owner: owner, from: from)
        case .undo:
            guard let position = replay.activeChanges.last else { throw .nothingToUndo }
            dropping = position
            action = .undo(entry: replay.entries[position].sequence)
        case .approve(let ref):
            let entry = JournalEntry(
                sequence: replay.nextSequence, at: context.at, by: context.by, reason: context.reason, planHash: context.planHash,
                action: .approve(Approval(of: before, ref: ref)))
            return ChangeProposal(entry: entry, impact: Impact(), refusals: [], before: before, after: before)
        }

        let entry = JournalEntry(
            sequence: replay.nextSequence, at: context.at, by: context.by, reason: context.reason, planHash: context.planHash, action: action,
            target: target)
        let after = replay.whatIfSchedule(dropping: dropping, adding: dropping == nil ? action : nil, stamp: context.at)
        let impact = impact(of: action, undoing: dropping.map { replay.entries[$0].action }, before: before, after: after)

        // A cancellation or a new owner changes no dates, but rewriting what has already taken
        // place is refused; an undo must always be possible (it returns to a state someone
        // already recorded).
        let today = context.at.day
        let pastDirect = impact.occurrences.filter { $0.direct && ($0.change.before?.timing.firstDay).map { $0 < today } == true }
        switch action {
        case .cancel(let id, _):
            let pastDays = pastDirect.map { $0.change.before!.timing.firstDay }
            if pastDirect.count == 1 {
                refusals.append(.alreadyPast(occurrence: label(id, pastDirect[0].index, in: before), day: pastDays[0], today: today))
            } else if let first = pastDays.min(), let last = pastDays.max() {
                refusals.append(.cancelsPast(activity: id.rawValue, count: pastDirect.count, first: first, last: last, today: today))
            }
        case .assign(let id, _, _):
            if let first = pastDirect.compactMap({ $0.change.before?.timing.firstDay }).min() {
                refusals.append(.reassignsPast(activity: id.rawValue, count: pastDirect.count, first: first, today: today))
            }
        default: break
        }
        if case .move(let id, let n, _, _) = action {
            if let violated = impact.newConflicts.first(where: { $0.kind == .dependencyViolated && $0.activities.first == id && $0.occurrence == n })
            {
                refusals.append(.beforeDependency(violated))
            }
            let newErrors = impact.newConflicts.filter { $0.severity == .error }
            if !newErrors.isEmpty { refusals.append(.newErrors(newErrors)) }
        }
        return ChangeProposal(entry: entry, impact: impact, refusals: refusals, before: before, after: after)
    }

    /// The impact of going from `before` to `after` by `action` (or by undoing `undoing`).
    ///
    /// One look-up table per schedule (by uid: the first occurrence before, the first and last
    /// after), where there were five; `move --dry-run` on the 20,000-activity bench plan with
    /// its 1,000-entry journal: 298 M -> 172 M instructions (callgrind).
    /// ``impactByDictionaries(of:undoing:before:after:)``, the way it was, stays for the tests.
    static func impact(of action: JournalAction, undoing: JournalAction?, before: Schedule, after: Schedule) -> Impact {
        var beforeIndex: [String: Int] = [:]
        beforeIndex.reserveCapacity(before.occurrences.count)
        for i in before.occurrences.indices where beforeIndex[before.occurrences[i].uid] == nil { beforeIndex[before.occurrences[i].uid] = i }
        var afterIndex: [String: (first: Int, last: Int)] = [:]
        afterIndex.reserveCapacity(after.occurrences.count)
        var counts: [Activity.ID: Int] = [:]
        for i in after.occurrences.indices {
            let o = after.occurrences[i]
            counts[o.activity, default: 0] += 1
            afterIndex[o.uid] = (afterIndex[o.uid]?.first ?? i, i)
        }
        let named = undoing ?? action
        var occurrences: [(impact: OccurrenceImpact, position: Int)] = []
        for (uid, at) in afterIndex {
            let o = after.occurrences[at.first]
            let now = OccurrenceState(o)
            let was = beforeIndex[uid].map { OccurrenceState(before.occurrences[$0]) }
            guard was != now else { continue }
            occurrences.append(
                (
                    OccurrenceImpact(
                        uid: uid, activity: o.activity, index: o.index, count: counts[o.activity] ?? 1,
                        direct: named.targets(activity: o.activity, index: o.index), change: StateChange(before: was, after: now)),
                    at.last
                ))
        }
        occurrences.sort { a, b in
            if a.impact.direct != b.impact.direct { return a.impact.direct }
            return a.position < b.position
        }
        let old = Set(before.conflicts)
        let new = Set(after.conflicts)
        return Impact(
            occurrences: occurrences.map(\.impact), newConflicts: after.conflicts.filter { !old.contains($0) },
            resolvedConflicts: before.conflicts.filter { !new.contains($0) })
    }

    /// ``impact(of:undoing:before:after:)`` as it was computed before, through a dictionary
    /// of states per schedule and their difference; for the tests, which compare the two.
    static func impactByDictionaries(of action: JournalAction, undoing: JournalAction?, before: Schedule, after: Schedule) -> Impact {
        let changes = JournalReplay.diff(JournalReplay.states(of: before), JournalReplay.states(of: after))
        var counts: [Activity.ID: Int] = [:]
        for o in after.occurrences { counts[o.activity, default: 0] += 1 }
        let named = undoing ?? action
        var occurrences: [OccurrenceImpact] = []
        var position: [String: Int] = [:]
        for (i, o) in after.occurrences.enumerated() { position[o.uid] = i }
        let byUID = Dictionary(after.occurrences.map { ($0.uid, $0) }, uniquingKeysWith: { first, _ in first })
        for (uid, change) in changes {
            guard let o = byUID[uid] else { continue }
            occurrences.append(
                OccurrenceImpact(
                    uid: uid, activity: o.activity, index: o.index, count: counts[o.activity] ?? 1,
                    direct: named.targets(activity: o.activity, index: o.index), change: change))
        }
        occurrences.sort { a, b in
            if a.direct != b.direct { return a.direct }
            return (position[a.uid] ?? 0) < (position[b.uid] ?? 0)
        }
        let old = Set(before.conflicts)
        let new = Set(after.conflicts)
        return Impact(
            occurrences: occurrences, newConflicts: after.conflicts.filter { !old.contains($0) },
            resolvedConflicts: before.conflicts.filter { !new.contains($0) })
    }

    private static func resolve(_ id: Activity.ID, in plan: Plan) throws(JournalError) -> Activity {
        if let activity = plan.activity(id) { return activity }
        throw .unknownActivity(id.rawValue, suggestion: closestMatch(to: id.rawValue, in: plan.activities.map(\.id.rawValue)))
    }

    /// The occurrence `requested` names; nil for "all" when not `required` and not given.
    private static func pick(_ activity: Activity, _ requested: Int?, in schedule: Schedule, required: Bool) throws(JournalError) -> Occurrence? {
        let occurrences = schedule.occurrences.filter { $0.activity == activity.id }.sorted { $0.index < $1.index }
        if let requested {
            guard let found = occurrences.first(where: { $0.index == requested }) else {
                throw .unknownOccurrence(activity.id.rawValue, requested, count: occurrences.count)
            }
            return found
        }
        if occurrences.count == 1 { return occurrences[0] }
        if occurrences.isEmpty { throw .noOccurrences(activity.id.rawValue) }
        if !required { return nil }
        throw .occurrenceRequired(
            activity.id.rawValue,
            occurrences: occurrences.map {
                JournalError.OccurrenceChoice(index: $0.index, start: $0.timing.journalText.start, cancelled: $0.status == .cancelled)
            })
    }

    private static func label(_ id: Activity.ID, _ n: Int, in schedule: Schedule) -> String {
        schedule.occurrences.filter { $0.activity == id }.count > 1 ? "\(id)[\(n)]" : id.rawValue
    }
}

extension JournalAction {
    /// Whether the action names the occurrence `index` of `activity` itself (not a dependent).
    public func targets(activity: Activity.ID, index: Int) -> Bool {
        switch self {
        case .move(let a, let n, _, _): return a == activity && n == index
        case .cancel(let a, let n): return a == activity && (n == nil || n == index)
        case .assign(let a, _, _): return a == activity
        case .undo, .approve: return false
        }
    }
}

/// A request that cannot mean anything for this plan; nothing is written.
public enum JournalError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownActivity(String, suggestion: String?)
    case unknownOccurrence(String, Int, count: Int)
    case occurrenceRequired(String, occurrences: [OccurrenceChoice])
    case noOccurrences(String)
    case unknownOwner(String, suggestion: String?)
    case nothingToChange(Unchanged)
    case nothingToUndo
    /// A move to a day outside the years a journal holds (``JournalEntry/years``).
    case dayOutOfRange(Day)
    /// The journal's entry numbers have reached ``JournalEntry/maximumSequence``.
    case journalFull

    /// The text in Swedish (the default language); ``Message/journal(_:)`` in any.
    public var description: String { Message.journal(self).text(in: .swedish) }

    /// The stable code printed in brackets after the message.
    public var code: DiagnosticCode {
        switch self {
        case .unknownActivity: return .changeUnknownActivity
        case .unknownOccurrence: return .changeUnknownOccurrence
        case .occurrenceRequired: return .changeOccurrenceRequired
        case .noOccurrences: return .changeNoOccurrences
        case .unknownOwner: return .changeUnknownOwner
        case .nothingToChange: return .changeNothingToChange
        case .nothingToUndo: return .changeNothingToUndo
        case .dayOutOfRange: return .changeDayOutOfRange
        case .journalFull: return .changeJournalFull
        }
    }

    /// A change that would change nothing.
    public enum Unchanged: Hashable, Sendable {
        /// `occurrence` names it as the plan does: `namnd[3]`, or `vb` for an activity with one.
        case alreadyOn(occurrence: String, day: Day, time: TimeOfDay?)
        case alreadyCancelled(occurrence: String)
        case allAlreadyCancelled(activity: String)
        case alreadyOwned(activity: String, owner: String)
        /// `assign … --from` a day after the activity's last occurrence.
        case noOccurrenceFrom(activity: String, day: Day)
    }

    /// One occurrence to choose from with `--occurrence N`.
    public struct OccurrenceChoice: Hashable, Sendable {
        public var index: Int
        /// `2027-03-23` or `2027-03-23T17:00`.
        public var start: String
        public var cancelled: Bool

        public init(index: Int, start: String, cancelled: Bool) {
            self.index = index
            self.start = start
            self.cancelled = cancelled
        }
    }
}
