/// Something about a journal entry that the replay could not apply, or that looks wrong.
/// Reported, never fatal: the rest of the journal still applies.
public struct ReplayNote: Hashable, Sendable {
    /// Position of the entry in the journal (0-based; the I/O layer turns it into a line).
    public var position: Int
    /// The entry's number.
    public var sequence: Int
    public var severity: Severity
    /// `journal_entry_not_applied`, `journal_entry_occurrence_changed`, `journal_undo_not_applied` or `journal_approval_altered`.
    public var code: DiagnosticCode
    public var text: FileText

    public init(position: Int, sequence: Int, severity: Severity, code: DiagnosticCode, text: FileText) {
        self.position = position
        self.sequence = sequence
        self.severity = severity
        self.code = code
        self.text = text
    }

    /// The message in Swedish (the default language).
    public var message: String { Message.file(text).text(in: .swedish) }
}

/// How one occurrence changed: before and after (nil when it did not exist on that side).
public struct StateChange: Hashable, Sendable {
    public var before: OccurrenceState?
    public var after: OccurrenceState?

    public init(before: OccurrenceState?, after: OccurrenceState?) {
        self.before = before
        self.after = after
    }

    /// Whether its time or status changed (what iCalendar's SEQUENCE counts).
    public var isRescheduling: Bool { before?.timing != after?.timing || before?.status != after?.status }
}

/// The latest approval in a journal and the schedule as the journal stood at that point.
public struct ApprovalPoint: Sendable {
    /// Position of the approval entry in the journal.
    public var position: Int
    public var entry: JournalEntry
    public var approval: Approval
    /// The schedule replayed up to the approval against the plan file as it is now: for each of
    /// `approval.occurrences`, the state of the occurrence with its uid then (nil when there was
    /// none). Where it differs from the approved one, the plan file was edited by hand since.
    public var replayedStates: [OccurrenceState?]
}

/// One occurrence a journal entry changed, known by where it is rather than by its uid:
/// ``JournalReplay/uid(of:)`` forms the uid for a caller that needs it.
public struct OccurrenceEffect: Hashable, Sendable {
    /// The position of its activity in the plan.
    public var activityPosition: Int
    /// Its number.
    public var index: Int
    /// What ends its uid instead of the number (the source event's key of an imported
    /// occurrence), on the side it was on before (after, when it is new).
    public var key: String?
    /// Whether its time or status changed (it counts in its SEQUENCE); false when only its
    /// owner did.
    public var isRescheduling: Bool

    public init(activityPosition: Int, index: Int, key: String?, isRescheduling: Bool) {
        self.activityPosition = activityPosition
        self.index = index
        self.key = key
        self.isRescheduling = isRescheduling
    }
}

/// An occurrence of the replay by where it is: its activity's position in the plan and its
/// number. A plan's placed activities have distinct ids, so this stands for its uid, without
/// forming or hashing the string (see ``JournalReplay/init(plan:entries:approvalsIntact:placingAgain:)``).
struct OccurrenceSlot: Hashable {
    var activity: Int
    var index: Int

    init(_ activity: Int, _ index: Int) {
        self.activity = activity
        self.index = index
    }

    /// One word hashed instead of two: numbers stay below ``PlanLimits/maxOccurrencesPerActivity``.
    func hash(into hasher: inout Hasher) { hasher.combine(activity &<< 32 ^ index) }
}

/// The plan file plus its journal: the effective plan, its schedule, and what each entry did.
///
/// Entries are applied in journal order. A move fixes the occurrence at its new day (its
/// dependents follow, per occurrence), a cancel sets its status, an assign hands the
/// activity to another owner, an undo takes the entry it reverses out of effect, an
/// approval changes nothing. An entry that no longer applies — its activity, occurrence or
/// owner was removed from the plan file by hand — is reported in ``notes`` and skipped.
///
/// Every occurrence's revision is counted as iCalendar wants it: its `sequence` is the
/// number of entries that changed its time or status — directly or because it depends on
/// what moved — and its `modified` the time of the latest entry that changed it (a new
/// owner changes `modified` but not `sequence`). Pure: no I/O, no clock.
public struct JournalReplay: Sendable {
    /// The plan as the plan file writes it.
    public let writtenPlan: Plan
    public let entries: [JournalEntry]
    /// The effective plan: the plan file with the journal applied (as ``OccurrenceOverride``s
    /// with their sequence and modification time, and reassigned owners).
    public private(set) var plan: Plan
    /// The effective plan scheduled, stamped with the latest entry's time.
    public private(set) var schedule: Schedule
    public private(set) var notes: [ReplayNote] = []
    /// The time of the latest entry; nil for an empty journal.
    public let stamp: Timestamp?
    /// Positions of the changes in effect (applied and not undone), in journal order.
    public private(set) var activeChanges: [Int] = []
    /// Whether each entry was applied (false for those reported in ``notes``).
    public private(set) var applied: [Bool]
    /// For an undone change: the sequence number of the undo that reversed it.
    public private(set) var undoneBy: [Int: Int] = [:]
    /// For each entry that changed the schedule: every occurrence it changed, by the position
    /// of its activity, in the order the entry placed them again.
    public private(set) var effects: [Int: [OccurrenceEffect]] = [:]
    public private(set) var latestApproval: ApprovalPoint?
    /// Entries for imported occurrences whose number changed since they were recorded: the
    /// action renumbered to where the occurrence (its UID) is now, by position.
    public private(set) var followedActions: [Int: JournalAction] = [:]
    /// Where each activity of the plan as written is placed, by position: what
    /// ``occurrenceNumbers(of:)`` reads.
    private let writtenPlaced: [[PlacedOccurrence]?]
    /// The pass that placed the effective plan (its revisions, which place nothing
    /// differently, included), for what-if schedules
    /// (``whatIfSchedule(dropping:adding:stamp:placingAgain:)``); nil when it cannot stand
    /// for a new run over such a plan.
    private var pass: PlacementPass?

    /// The occurrence numbers of an activity in the plan as written, in order (none for an
    /// activity the plan does not have or place). Read off the placement when asked: a
    /// dictionary of every activity's numbers was 36 M instructions of `validate` on the
    /// 20,000-activity bench plan with its 1,000-entry journal (callgrind).
    public func occurrenceNumbers(of id: Activity.ID) -> [Int] {
        Self.occurrenceNumbers(of: id, placed: writtenPlaced, in: writtenPlan)
    }

    static func occurrenceNumbers(of id: Activity.ID, placed: [[PlacedOccurrence]?], in plan: Plan) -> [Int] {
        guard let i = plan.activityPosition(id), let occurrences = placed[i] else { return [] }
        return occurrences.map(\.index).sorted()
    }

    /// Replays `entries` against `plan` (the plan file as it is now).
    ///
    /// The plan is placed once; each change places again only what it reaches, and the
    /// schedules of the plan as written and of the effective plan are read off that one pass.
    /// `placingAgain` (for tests) schedules the effective plan from scratch instead, as
    /// arsplan did before: the tests compare the two. Before, the plan was placed three times
    /// (as written, for the replay, the effective plan): 1,112 M instructions of `validate`
    /// on the 20,000-activity bench plan with its 1,000-entry journal; once, 402 M (callgrind).
    ///
    /// `approvalsIntact`, when given, says for each entry whether it is an intact approval
    /// (``Approval/isIntact``; true for other entries), worked out beforehand: the workspace
    /// checks the approvals' hashes on the core that read the journal, while the plan file is
    /// still being parsed (290 M instructions of every command on the 20,000-activity bench
    /// plan with its 1,000-entry journal, off the critical path). Nil: checked here.
    public init(plan written: Plan, entries: [JournalEntry], approvalsIntact: [Bool]? = nil, placingAgain: Bool = false) {
        self.writtenPlan = written
        self.entries = entries
        self.applied = Array(repeating: false, count: entries.count)
        self.stamp = entries.map(\.at).max()
        let scheduler = Scheduler(plan: written)
        self.plan = written
        // No journal (the usual case for a plan just written): the plan as written is the plan.
        let pinned = written.activities.contains(where: \.pinned)
        guard !entries.isEmpty else {
            var pass = PlacementPass(plan: written, calendar: scheduler.calendar, baseline: scheduler.baseline(for: written))
            pass.run()
            let writtenSchedule = Scheduler.schedule(placedBy: pass, plan: written, stamp: nil)
            self.schedule = writtenSchedule
            self.writtenPlaced = pass.placed
            // A change to a plan with pinned activities needs them placed as the plan writes them.
            if !pinned || pass.baseline != nil { self.pass = pass }
            return
        }

        var positionOf: [Int: Int] = [:]
        for (position, entry) in entries.enumerated() where positionOf[entry.sequence] == nil { positionOf[entry.sequence] = position }
        // The plan as written places pinned activities the same way for every entry.
        let baseline = pinned ? scheduler.writtenStartDays(of: written) : nil
        // Where each activity's occurrences are, by the activity's position in the plan; each
        // change places only what it reaches again (see `PlacementPass.replace`). The pass's
        // plan is the effective plan: the plan file with the changes in effect applied.
        var pass = PlacementPass(plan: written, calendar: scheduler.calendar, baseline: baseline)
        pass.run()
        // The plan as written, placed (its schedule is read off the pass when nothing changes).
        let writtenPlaced = pass.placed
        self.writtenPlaced = writtenPlaced
        func numbers(_ id: Activity.ID) -> [Int] { Self.occurrenceNumbers(of: id, placed: writtenPlaced, in: written) }
        self.schedule = Schedule(plan: written, occurrences: [], conflicts: [])
        // Revisions, effects and the approval's states are kept by occurrence slot (activity
        // position and number), not by uid: forming and hashing a uid string per changed
        // occurrence was about 370 M instructions of `validate` on the 20,000-activity bench
        // plan with its 1,000-entry journal (callgrind). Uids are formed only where a caller
        // reads them (entries recorded with a target here, ``uid(of:)`` for deviations).
        var revisions: [OccurrenceSlot: (sequence: Int, modified: Timestamp?)] = [:]
        func uid(_ activity: Int, _ index: Int, _ key: String?) -> String {
            Self.uid(plan: written, activity, index, key)
        }
        // The position of the activity a change names, when it is still in the plan.
        var changedPosition: Int?
        // The changes in effect by the position of the activity they name, in journal order:
        // picking them out of ``activeChanges`` for each entry was quadratic in the journal
        // (480,000 id comparisons, 60 M instructions of `validate` on the 20,000-activity bench
        // plan with its 1,000-entry journal; callgrind).
        var activeOf: [Int: [Int]] = [:]

        for (position, recorded) in entries.enumerated() {
            var changed = false
            changedPosition = nil
            var entry = recorded
            // An imported occurrence is known by its source event, not its position: an entry
            // recorded for it follows it when the source calendar has since added or removed
            // meetings before it (its number changed, its UID did not).
            if let followed = Self.following(
                entry, placed: { pass.placed[$0]?.map { ($0.index, $0.key) } ?? [] }, position: written.activityPosition, uid: uid)
            {
                entry.action = followed
                followedActions[position] = followed
            }
            switch entry.action {
            case .move, .cancel, .assign:
                if let problem = Self.problem(applying: entry.action, to: written, numbers: numbers) {
                    note(
                        position, entry, .warning, .journalEntryNotApplied,
                        .entryNotApplied(sequence: entry.sequence, action: entry.action.name, problem: problem))
                } else if let changed = Self.occurrenceChanged(
                    entry, placed: { pass.placed[$0]?.map { ($0.index, $0.key, $0.timing.firstDay) } ?? [] }, position: written.activityPosition,
                    uid: uid)
                {
                    note(position, entry, .warning, .journalEntryOccurrenceChanged, changed)
                } else if let id = entry.action.activity, let i = written.activityPosition(id) {
                    applied[position] = true
                    activeChanges.append(position)
                    activeOf[i, default: []].append(position)
                    changedPosition = i
                    changed = true
                }
            case .undo(let target):
                guard let targetPosition = positionOf[target], targetPosition < position else {
                    note(
                        position, entry, .warning, .journalUndoNotApplied, .undoNotEarlier(sequence: entry.sequence, target: target))
                    break
                }
                guard let active = activeChanges.firstIndex(of: targetPosition) else {
                    let text: FileText =
                        undoneBy[target].map { .undoAlreadyUndone(sequence: entry.sequence, target: target, by: $0) }
                        ?? (entries[targetPosition].isChange
                            ? .undoNotApplied(sequence: entry.sequence, target: target)
                            : .undoNotAChange(sequence: entry.sequence, target: target))
                    note(position, entry, .warning, .journalUndoNotApplied, text)
                    break
                }
                activeChanges.remove(at: active)
                undoneBy[target] = entry.sequence
                applied[position] = true
                changedPosition = entries[targetPosition].action.activity.flatMap { written.activityPosition($0) }
                if let i = changedPosition { activeOf[i]?.removeAll { $0 == targetPosition } }
                changed = changedPosition != nil
            case .approve(let approval):
                applied[position] = true
                let intact = approvalsIntact.map { position < $0.count ? $0[position] : approval.isIntact } ?? approval.isIntact
                if !intact {
                    note(
                        position, entry, .warning, .journalApprovalAltered, .approvalAltered(sequence: entry.sequence))
                }
                // Each approved occurrence found where its activity and number say, its uid
                // compared byte by byte; by a table of every uid when it is not there.
                var byUID: [String: OccurrenceSlot]?
                var states: [OccurrenceState?] = []
                states.reserveCapacity(approval.occurrences.count)
                var last: (id: Activity.ID, position: Int?)?
                for approved in approval.occurrences {
                    let activity = last?.id == approved.activity ? last!.position : written.activityPosition(approved.activity)
                    last = (approved.activity, activity)
                    var slot = activity.flatMap { a in
                        pass.placed[a]?.first { $0.index == approved.index }
                            .flatMap { Self.uid(approved.uid, isOf: written, a, $0.index, $0.key) ? OccurrenceSlot(a, $0.index) : nil }
                    }
                    if slot == nil {
                        if byUID == nil { byUID = Self.slotsByUID(pass.placed, plan: written) }
                        slot = byUID![approved.uid]
                    }
                    guard let slot, let now = Self.state(at: slot, in: pass) else {
                        states.append(nil)
                        continue
                    }
                    states.append(now)
                    // SEQUENCE never goes back: an occurrence starts from what it was approved with,
                    // plus one when the plan file has since changed its time or status by hand.
                    let handEdited = now.timing != approved.timing || now.status != approved.status
                    let floor = approved.sequence + (handEdited ? 1 : 0)
                    if floor > revisions[slot]?.sequence ?? 0 {
                        // A hand edit becomes known when it is approved: that is its change time.
                        let modified = handEdited ? entry.at : revisions[slot]?.modified
                        revisions[slot] = (floor, modified)
                    }
                }
                latestApproval = ApprovalPoint(position: position, entry: entry, approval: approval, replayedStates: states)
            }
            guard changed, let i = changedPosition else { continue }
            // The changed activity: as the plan file writes it, with every change in effect
            // that names it applied in order (an undo takes one out).
            var activity = written.activities[i]
            for p in activeOf[i] ?? [] {
                Self.apply(followedActions[p] ?? entries[p].action, to: &activity, numbers: numbers)
            }
            let ownedBefore = (pass.plan.activities[i].owner, pass.plan.activities[i].ownerChanges)
            var changes: [OccurrenceEffect] = []
            for (j, placedBefore) in pass.replace(activity, at: i) {
                let ownedAfter = (pass.plan.activities[j].owner, pass.plan.activities[j].ownerChanges)
                let ownedThen = j == i ? ownedBefore : ownedAfter
                Self.forEachChange(from: placedBefore ?? [], ownedBy: ownedThen, to: pass.placed[j] ?? [], ownedBy: ownedAfter) {
                    index, key, rescheduling in
                    changes.append(OccurrenceEffect(activityPosition: j, index: index, key: key, isRescheduling: rescheduling))
                    Self.count(&revisions[OccurrenceSlot(j, index), default: (0, nil)], rescheduling: rescheduling, at: entry.at)
                }
            }
            effects[position] = changes
        }
        if activeChanges.isEmpty && revisions.isEmpty {
            self.pass = pass
            // Nothing changes the plan (approvals only): the plan as written.
            self.schedule =
                placingAgain || pass.nearPlanLimit
                ? scheduler.schedule(written, stamp: stamp) : Scheduler.schedule(placedBy: pass, plan: written, stamp: stamp)
            return
        }
        // Each occurrence of the plan as written that the journal changed gets its revision,
        // in the pass's own plan, which the effective plan then shares (see `setRevision`).
        for (slot, revision) in revisions {
            guard writtenPlaced[slot.activity]?.contains(where: { $0.index == slot.index }) == true else { continue }
            pass.setRevision(of: slot.activity, occurrence: slot.index, sequence: revision.sequence, modified: revision.modified)
        }
        self.pass = pass
        let effective = pass.plan
        self.plan = effective
        // The revisions do not move anything: the pass has placed the effective plan already.
        self.schedule =
            placingAgain || pass.nearPlanLimit
            ? scheduler.schedule(effective, stamp: stamp) : Scheduler.schedule(placedBy: pass, plan: effective, stamp: stamp)
    }

    /// One more change of an occurrence, at `at`: in place, so the revision is looked up once.
    private static func count(_ revision: inout (sequence: Int, modified: Timestamp?), rescheduling: Bool, at: Timestamp) {
        if rescheduling { revision.sequence += 1 }
        revision.modified = at
    }

    /// The uid of an occurrence an entry changed (as ``Occurrence/uid``).
    public func uid(of effect: OccurrenceEffect) -> String {
        Self.uid(plan: writtenPlan, effect.activityPosition, effect.index, effect.key)
    }

    /// The uid the scheduler gives the occurrence `index` (with `key`, when imported) of the
    /// activity at position `activity` of `plan`.
    static func uid(plan: Plan, _ activity: Int, _ index: Int, _ key: String?) -> String {
        plan.id + "-" + plan.activities[activity].id.rawValue + "-" + (key ?? String(index))
    }

    /// Whether `uid` is the uid of that occurrence: its bytes compared part by part without
    /// forming the uid, which is formed (and compared as a `String`, by canonical equivalence)
    /// only when the bytes differ.
    static func uid(_ uid: String, isOf plan: Plan, _ activity: Int, _ index: Int, _ key: String?) -> Bool {
        let id = plan.activities[activity].id.rawValue
        let end = key ?? String(index)
        if uid.utf8.count == plan.id.utf8.count + id.utf8.count + end.utf8.count + 2 {
            let bytes = uid.utf8.span
            var at = 0
            if bytes.has(plan.id.utf8.span, at: &at), bytes.has(0x2D, at: &at), bytes.has(id.utf8.span, at: &at), bytes.has(0x2D, at: &at),
                bytes.has(end.utf8.span, at: &at)
            {
                return true
            }
        }
        return uid == Self.uid(plan: plan, activity, index, key)
    }

    /// Every placed occurrence by uid (of two with one uid, the later), for the approved
    /// occurrences not found where their activity and number say.
    static func slotsByUID(_ placed: [[PlacedOccurrence]?], plan: Plan) -> [String: OccurrenceSlot] {
        var result: [String: OccurrenceSlot] = [:]
        for (activity, occurrences) in placed.enumerated() {
            for p in occurrences ?? [] { result[uid(plan: plan, activity, p.index, p.key)] = OccurrenceSlot(activity, p.index) }
        }
        return result
    }

    /// The state of the occurrence at `slot` as `pass` places it (the first with its number).
    static func state(at slot: OccurrenceSlot, in pass: PlacementPass) -> OccurrenceState? {
        guard let p = pass.placed[slot.activity]?.first(where: { $0.index == slot.index }) else { return nil }
        let activity = slot.activity
        return OccurrenceState(
            timing: p.timing, status: p.status,
            owner: OwnerChange.owner(
                pass.plan.activities[activity].owner, handedOver: pass.plan.activities[activity].ownerChanges, on: p.timing.firstDay))
    }

    /// Calls `body` for every occurrence number whose state (time, status, owner) differs
    /// between the placements `before` and `after` of one activity (owned as given on each
    /// side): with its key on the side it was on before (after, when it is new) and whether its
    /// time or status changed (``StateChange/isRescheduling``; false for a new owner only). Of
    /// two occurrences with the same number on one side, the first counts.
    ///
    /// A merge over the placements in number order (they are placed in that order; others are
    /// put in it first). It replaced two dictionaries by number per placed activity: 88,900
    /// dictionaries and 230 M instructions of `validate` on the 20,000-activity bench plan with
    /// its 1,000-entry journal (callgrind). Owners are worked out only where the ownership
    /// differs between the sides and the time and status do not (forming every occurrence's
    /// ``StateChange``, which nothing read, was 60 M more).
    static func forEachChange(
        from before: [PlacedOccurrence], ownedBy ownedBefore: (Owner.ID?, [OwnerChange]), to after: [PlacedOccurrence],
        ownedBy ownedAfter: (Owner.ID?, [OwnerChange]), _ body: (Int, String?, Bool) -> Void
    ) {
        let before = inNumberOrder(before)
        let after = inNumberOrder(after)
        let sameOwners = ownedBefore.0 == ownedAfter.0 && ownedBefore.1 == ownedAfter.1
        var (b, a) = (0, 0)
        while b < before.count || a < after.count {
            if a == after.count || (b < before.count && before[b].index < after[a].index) {
                body(before[b].index, before[b].key, true)
                b += 1
            } else if b == before.count || after[a].index < before[b].index {
                body(after[a].index, after[a].key, true)
                a += 1
            } else {
                if before[b].timing != after[a].timing || before[b].status != after[a].status {
                    body(before[b].index, before[b].key, true)
                } else if !sameOwners {
                    let day = before[b].timing.firstDay
                    if OwnerChange.owner(ownedBefore.0, handedOver: ownedBefore.1, on: day)
                        != OwnerChange.owner(ownedAfter.0, handedOver: ownedAfter.1, on: day)
                    {
                        body(before[b].index, before[b].key, false)
                    }
                }
                b += 1
                a += 1
            }
        }
    }

    /// `placed` ordered by occurrence number, the first of equal numbers only; `placed` itself
    /// when it already is (as the scheduler places them).
    static func inNumberOrder(_ placed: [PlacedOccurrence]) -> [PlacedOccurrence] {
        // By index: the zipped pairs copied each occurrence out (12 M instructions of `validate`
        // on the 20,000-activity bench plan with its 1,000-entry journal; callgrind).
        if placed.indices.dropFirst().allSatisfy({ placed[$0 - 1].index < placed[$0].index }) { return placed }
        var seen = Set<Int>()
        return placed.enumerated().sorted { ($0.element.index, $0.offset) < ($1.element.index, $1.offset) }.map(\.element)
            .filter { seen.insert($0.index).inserted }
    }

    /// The action of `entry` renumbered to the occurrence that now has the UID it was recorded
    /// for, when that is an imported occurrence (named by its source event) now at another number.
    /// `placed` gives the occurrences of the activity at a position (number and key).
    static func following(
        _ entry: JournalEntry, placed occurrencesAt: (Int) -> [(index: Int, key: String?)], position: (Activity.ID) -> Int?,
        uid: (Int, Int, String?) -> String
    ) -> JournalAction? {
        guard let target = entry.target, let id = entry.action.activity, let activity = position(id) else { return nil }
        guard let now = occurrencesAt(activity).first(where: { $0.key != nil && uid(activity, $0.index, $0.key) == target.uid }) else { return nil }
        switch entry.action {
        case .move(let a, let n, let day, let time) where n != now.index: return .move(activity: a, occurrence: now.index, day: day, time: time)
        case .cancel(let a, .some(let n)) where n != now.index: return .cancel(activity: a, occurrence: now.index)
        default: return nil
        }
    }

    /// Why the occurrence an entry names by position is no longer the one it was recorded
    /// for (its ``JournalEntry/target``), or nil when it still is, or the entry does not say.
    /// `placed` gives the occurrences of the activity at a position (number and first day),
    /// `position` an activity's position.
    static func occurrenceChanged(
        _ entry: JournalEntry, placed occurrencesAt: (Int) -> [(index: Int, key: String?, day: Day)], position: (Activity.ID) -> Int?,
        uid: (Int, Int, String?) -> String
    ) -> FileText? {
        guard let target = entry.target, let id = entry.action.activity, let activity = position(id) else { return nil }
        let n: Int
        var destination: Day?
        switch entry.action {
        case .move(_, let number, let day, _): (n, destination) = (number, day)
        case .cancel(_, .some(let number)): n = number
        default: return nil
        }
        let placed = occurrencesAt(activity)
        guard let now = placed.first(where: { $0.index == n }) else { return nil }
        let nowUID = uid(activity, n, now.key)
        let nowDay = now.day
        // Recorded before imported occurrences had UIDs of their own (numbered then): the day decides.
        if now.key != nil, target.uid == uid(activity, n, nil), nowDay == target.day || nowDay == destination { return nil }
        // Still the occurrence it was recorded for — or, for a move, one the plan file itself
        // now places on the day the move leads to (the move was written into the file by hand).
        if nowUID == target.uid && (nowDay == target.day || nowDay == destination) { return nil }
        return .entryOccurrenceChanged(
            sequence: entry.sequence, action: entry.action.name, occurrence: n, activity: id.rawValue, day: target.day,
            uid: target.uid, now: nowUID == target.uid ? nil : nowUID, nowDay: nowDay,
            movedTo: placed.first(where: { $0.index != n && $0.day == target.day })?.index)
    }

    private mutating func note(_ position: Int, _ entry: JournalEntry, _ severity: Severity, _ code: DiagnosticCode, _ text: FileText) {
        notes.append(ReplayNote(position: position, sequence: entry.sequence, severity: severity, code: code, text: text))
    }

    /// The next entry's sequence number.
    public var nextSequence: Int { min(entries.map(\.sequence).max() ?? 0, Int.max - 1) + 1 }

    /// The change an undo would reverse now: the latest change in effect.
    public var latestActiveChange: JournalEntry? { activeChanges.last.map { entries[$0] } }

    /// The plan file with the changes in effect applied — leaving out the change at position
    /// `dropping` and adding `adding` at the end — without revision counts. What-if plans
    /// for ``Rescheduling`` are built with it.
    public func effectivePlan(dropping: Int?, adding: JournalAction?) -> Plan {
        var actions = activeChanges.filter { $0 != dropping }.map { followedActions[$0] ?? entries[$0].action }
        if let adding { actions.append(adding) }
        return Self.apply(actions, to: writtenPlan, numbers: occurrenceNumbers(of:))
    }

    /// The schedule of ``effectivePlan(dropping:adding:)``, stamped `stamp`: what
    /// ``Rescheduling`` shows a change would do. Placed from the replay's own pass, again only
    /// where the change reaches, instead of placing the whole plan once more; `placingAgain`
    /// (for tests) schedules that plan from scratch.
    public func whatIfSchedule(dropping: Int?, adding: JournalAction?, stamp: Timestamp?, placingAgain: Bool = false) -> Schedule {
        let plan = effectivePlan(dropping: dropping, adding: adding)
        let changed = adding?.activity ?? dropping.flatMap { (followedActions[$0] ?? entries[$0].action).activity }
        guard !placingAgain, var pass, let i = changed.flatMap({ writtenPlan.activityPosition($0) }) else {
            return Scheduler.schedule(plan, stamp: stamp)
        }
        _ = pass.replace(plan.activities[i], at: i)
        guard !pass.nearPlanLimit else { return Scheduler.schedule(plan, stamp: stamp) }
        return Scheduler.schedule(placedBy: pass, plan: plan, stamp: stamp)
    }

    /// Why `action` cannot apply to `plan`, or nil when it can.
    static func problem(applying action: JournalAction, to plan: Plan, numbers: (Activity.ID) -> [Int]) -> ReplayProblem? {
        guard let id = action.activity else { return nil }
        guard plan.activity(id) != nil else { return .activityGone(id.rawValue) }
        let indices = numbers(id)
        switch action {
        case .move(_, let n, _, _), .cancel(_, .some(let n)):
            if !indices.contains(n) { return .noOccurrence(activity: id.rawValue, occurrence: n, count: indices.count) }
        case .assign(_, let owner, _):
            if plan.owner(owner) == nil { return .ownerGone(owner.rawValue) }
        default: break
        }
        return nil
    }

    /// `actions` (moves, cancellations, reassignments) applied to `plan` in order; `numbers`
    /// gives an activity's occurrence numbers (what a cancellation of all of them cancels).
    static func apply(_ actions: [JournalAction], to plan: Plan, numbers: (Activity.ID) -> [Int]) -> Plan {
        var plan = plan
        for action in actions {
            // The plan's own index of ids: a dictionary of every activity built here copied each one out.
            guard let id = action.activity, let i = plan.activityPosition(id) else { continue }
            apply(action, to: &plan.activities[i], numbers: numbers)
        }
        return plan
    }

    /// One action applied to `plan`; `index` gives each activity's position.
    static func apply(_ action: JournalAction, to plan: inout Plan, index: [Activity.ID: Int], numbers: (Activity.ID) -> [Int]) {
        guard let id = action.activity, let i = index[id] else { return }
        apply(action, to: &plan.activities[i], numbers: numbers)
    }

    /// One action applied to the activity it names.
    static func apply(_ action: JournalAction, to activity: inout Activity, numbers: (Activity.ID) -> [Int]) {
        switch action {
        case .move(_, let n, let day, let time):
            var override = activity.overrides[n] ?? OccurrenceOverride()
            override.day = day
            if let time { override.time = time }
            // A cancelled occurrence that is moved takes place again, on its new day.
            if override.status == .cancelled { override.status = nil }
            activity.overrides[n] = override
        case .cancel(_, let n):
            for number in n.map({ [$0] }) ?? numbers(activity.id) {
                activity.overrides[number, default: OccurrenceOverride()].status = .cancelled
            }
        case .assign(_, let owner, let from):
            activity.assign(owner, from: from)
        case .undo, .approve:
            break
        }
    }

    static func states(of schedule: Schedule) -> [String: OccurrenceState] {
        Dictionary(schedule.occurrences.map { ($0.uid, OccurrenceState($0)) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every uid whose state differs between `a` and `b`.
    static func diff(_ a: [String: OccurrenceState], _ b: [String: OccurrenceState]) -> [String: StateChange] {
        var result: [String: StateChange] = [:]
        for (uid, before) in a where b[uid] != before { result[uid] = StateChange(before: before, after: b[uid]) }
        for (uid, after) in b where a[uid] == nil { result[uid] = StateChange(before: nil, after: after) }
        return result
    }
}

extension Span where Element == UInt8 {
    /// Whether `part` is here from `offset` on; moves `offset` past it when it is.
    fileprivate func has(_ part: Span<UInt8>, at offset: inout Int) -> Bool {
        guard part.count <= count - offset else { return false }
        for k in 0..<part.count where self[offset + k] != part[k] { return false }
        offset += part.count
        return true
    }

    /// Whether `byte` is at `offset`; moves `offset` past it when it is.
    fileprivate func has(_ byte: UInt8, at offset: inout Int) -> Bool {
        guard offset < count, self[offset] == byte else { return false }
        offset += 1
        return true
    }
}
