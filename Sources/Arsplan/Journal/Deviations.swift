/// How an occurrence differs from the approved schedule.
public enum DeviationKind: String, Hashable, Codable, Sendable, CaseIterable {
    /// Another day or time.
    case moved
    case cancelled
    /// Approved as cancelled, now taking place again.
    case reinstated
    /// Another status than cancelled/planned changed (planned ↔ tentative).
    case statusChanged = "status_changed"
    /// Another owner.
    case reassigned
    /// Not in the approved schedule (a new activity or date in the plan file).
    case added
    /// In the approved schedule but no longer in the plan.
    case removed
}

/// A journal entry that caused a deviation.
public struct DeviationCause: Hashable, Sendable {
    /// The entry's number.
    public var sequence: Int
    /// True when the entry names this occurrence; false when the occurrence follows from it
    /// (a dependent that moved with what it depends on).
    public var direct: Bool

    public init(sequence: Int, direct: Bool) {
        self.sequence = sequence
        self.direct = direct
    }
}

/// One occurrence that differs from the last approved schedule.
public struct Deviation: Hashable, Sendable {
    public var uid: String
    public var activity: Activity.ID
    public var index: Int
    /// The activity's title now, or as approved when it was removed.
    public var title: String
    public var kinds: [DeviationKind]
    public var approved: OccurrenceState?
    public var current: OccurrenceState?
    /// The journal entries since the approval that changed it, in journal order.
    public var causes: [DeviationCause]
    /// The plan file was edited by hand in a way that changed this occurrence.
    public var editedInPlanFile: Bool

    /// The entry the deviation is listed under: the latest that named it, else the latest that changed it.
    public var primaryCause: DeviationCause? { causes.last { $0.direct } ?? causes.last }
}

/// Everything that differs from the last approved schedule, with what caused it.
///
/// The approved schedule is the one recorded in the latest approval entry, so a change made
/// by editing the plan file by hand shows up as well as those made with the commands; each
/// deviation names the journal entries (who, when, why) that caused it — directly, or
/// because it depends on what they moved — and whether the plan file changed it.
public struct DeviationReport: Sendable {
    public var approval: ApprovalPoint
    /// In date order (the approved date, else the current one).
    public var deviations: [Deviation]
    /// Entries recorded after the approval, in journal order.
    public var laterEntries: [JournalEntry]
    /// The plan file's content differs from when the approval was recorded (which may or may
    /// not change the schedule: a comment edit does not).
    public var planFileChanged: Bool

    /// The deviations of `replay`'s schedule from its latest approval; nil when nothing has been approved.
    /// `planHash` is the plan file's content hash now.
    public init?(replay: JournalReplay, planHash: String?) {
        self.init(replay: replay, planHash: planHash, pairing: .byCurrentUIDs)
    }

    /// How approved and current occurrences are paired by uid (``pairs(_:_:)``).
    enum Pairing {
        /// By one dictionary, of the current uids, where every uid is approved and scheduled
        /// at most once (else as ``byBothUIDs``).
        case byCurrentUIDs
        /// By a dictionary of each side's uids, the way it was done first; for the tests.
        case byBothUIDs
    }

    init?(replay: JournalReplay, planHash: String?, pairing: Pairing) {
        guard let point = replay.latestApproval else { return nil }
        approval = point
        laterEntries = Array(replay.entries[(point.position + 1)...])
        planFileChanged = planHash != nil && point.entry.planHash != nil && planHash != point.entry.planHash

        let approved = point.approval.occurrences
        let occurrences = replay.schedule.occurrences

        // Entries after the approval that count: changes and undos in effect, leaving out a
        // change and its undo when both came after the approval (they cancel out).
        let sequencePosition = Dictionary(replay.entries.enumerated().map { ($1.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        var counting: [Int] = []
        for position in (point.position + 1)..<replay.entries.count where replay.applied[position] {
            let entry = replay.entries[position]
            switch entry.action {
            case .move, .cancel, .assign:
                if let undo = replay.undoneBy[entry.sequence], let p = sequencePosition[undo], p > point.position { continue }
            case .undo(let target):
                if let p = sequencePosition[target], p > point.position { continue }
            case .approve:
                continue
            }
            counting.append(position)
        }

        // Which counted entries changed each occurrence, in journal order: one pass over the
        // entries' effects, not one per deviation.
        // By occurrence slot first, each changed occurrence's uid then formed once.
        var changedAt: [OccurrenceSlot: (key: String?, positions: [Int])] = [:]
        for position in counting {
            for effect in replay.effects[position] ?? [] {
                changedAt[OccurrenceSlot(effect.activityPosition, effect.index), default: (effect.key, [])].positions.append(position)
            }
        }
        var changedBy: [String: [Int]] = [:]
        changedBy.reserveCapacity(changedAt.count)
        for (slot, changed) in changedAt {
            let uid = JournalReplay.uid(plan: replay.writtenPlan, slot.activity, slot.index, changed.key)
            if let earlier = changedBy[uid] {
                changedBy[uid] = (earlier + changed.positions).sorted()  // two slots, one uid: journal order kept
            } else {
                changedBy[uid] = changed.positions
            }
        }
        // Each counted entry's number and the action it names (for an undo, the change it
        // reverses), worked out once instead of copying the entries out per deviation; by
        // position, looked up without hashing.
        var named = [(sequence: Int, action: JournalAction)?](repeating: nil, count: replay.entries.count)
        for position in counting {
            var action = replay.entries[position].action
            if case .undo(let target) = action, let p = sequencePosition[target] { action = replay.entries[p].action }
            named[position] = (replay.entries[position].sequence, action)
        }
        let plan = replay.plan
        let replayedStates = point.replayedStates
        var result: [Deviation] = []
        // An approved and a current occurrence with one uid (either missing), by position:
        // nothing is copied out of the two lists for the occurrences that did not change.
        func consider(approvedPosition: Int?, currentPosition: Int?) {
            let before = approvedPosition.map { approved[$0].state }
            let after = currentPosition.map { OccurrenceState(occurrences[$0]) }
            guard before != after else { return }
            var kinds: [DeviationKind] = []
            if let before, let after {
                if before.timing != after.timing { kinds.append(.moved) }
                if before.status != after.status {
                    if after.status == .cancelled {
                        kinds.append(.cancelled)
                    } else if before.status == .cancelled {
                        kinds.append(.reinstated)
                    } else {
                        kinds.append(.statusChanged)
                    }
                }
                if before.owner != after.owner { kinds.append(.reassigned) }
            } else {
                kinds.append(before == nil ? .added : .removed)
            }
            // The uid as approved, else as scheduled; the activity and number as scheduled, else as approved.
            let uid = approvedPosition.map { approved[$0].uid } ?? occurrences[currentPosition!].uid
            let activity = currentPosition.map { occurrences[$0].activity } ?? approved[approvedPosition!].activity
            let index = currentPosition.map { occurrences[$0].index } ?? approved[approvedPosition!].index
            let changers = changedBy[uid] ?? []
            var causes: [DeviationCause] = []
            causes.reserveCapacity(changers.count)
            for position in changers {
                causes.append(
                    DeviationCause(sequence: named[position]!.sequence, direct: named[position]!.action.targets(activity: activity, index: index)))
            }
            let edited = before == nil || after == nil || replayedStates[approvedPosition!] != before || causes.isEmpty
            result.append(
                Deviation(
                    uid: uid, activity: activity, index: index,
                    title: plan.activityTitle(activity) ?? approvedPosition.map { approved[$0].title } ?? activity.rawValue, kinds: kinds,
                    approved: before, current: after, causes: causes, editedInPlanFile: edited))
        }
        // Every uid approved or scheduled now, once (the order does not matter: the
        // deviations are sorted below).
        let pairs: [(approved: Int?, current: Int?)]
        switch pairing {
        case .byCurrentUIDs: pairs = Self.pairs(approved, occurrences)
        case .byBothUIDs: pairs = Self.pairsByBothUIDs(approved, occurrences)
        }
        for pair in pairs { consider(approvedPosition: pair.approved, currentPosition: pair.current) }
        // In date order by keys made once, the deviations moved once: sorting the deviations
        // themselves (copied at every swap, their timing read twice per comparison) was 494 M
        // instructions of `deviations` on the 20,000-activity bench plan with its 1,000-entry
        // journal (14,610 deviations; callgrind). Uids are unique: the order is total.
        let keys = result.map { d -> (day: Int, minute: Int) in
            let timing = (d.approved ?? d.current)!.timing
            return (timing.firstDay.dayNumber, timing.startMinute)
        }
        let order = result.indices.sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            return result[a].uid < result[b].uid
        }
        deviations = order.map { result[$0] }
    }

    /// Every uid approved or scheduled now, once, as its first position among the approved
    /// occurrences and among the current ones (nil where it has none).
    ///
    /// One dictionary, of the current uids: each approved uid is looked up in it, and the
    /// current occurrences none of them found are the ones only scheduled now. With a
    /// dictionary of the approved uids as well (``pairsByBothUIDs(_:_:)``, kept for the tests
    /// to compare) and each approved occurrence copied out to compare it, the report took
    /// 383 M instructions of `status` on the 20,000-activity bench plan with its 1,000-entry
    /// journal (32,073 occurrences, 14,610 deviations); now 293 M (release build, main
    /// thread; callgrind). When a uid is scheduled twice, or approved twice, it pairs them as
    /// that does.
    static func pairs(_ approved: [ApprovedOccurrence], _ occurrences: [Occurrence]) -> [(approved: Int?, current: Int?)] {
        var currentAt: [String: Int] = [:]
        currentAt.reserveCapacity(occurrences.count)
        for k in occurrences.indices where currentAt.updateValue(k, forKey: occurrences[k].uid) != nil {
            return pairsByBothUIDs(approved, occurrences)
        }
        var found = [Bool](repeating: false, count: occurrences.count)
        var removed: Set<String> = []
        var pairs: [(approved: Int?, current: Int?)] = []
        pairs.reserveCapacity(max(approved.count, occurrences.count))
        for k in approved.indices {
            if let c = currentAt[approved[k].uid] {
                if found[c] { return pairsByBothUIDs(approved, occurrences) }
                found[c] = true
                pairs.append((k, c))
            } else {
                if !removed.insert(approved[k].uid).inserted { return pairsByBothUIDs(approved, occurrences) }
                pairs.append((k, nil))
            }
        }
        for c in occurrences.indices where !found[c] { pairs.append((nil, c)) }
        return pairs
    }

    /// ``pairs(_:_:)`` by a dictionary of each side's uids.
    static func pairsByBothUIDs(_ approved: [ApprovedOccurrence], _ occurrences: [Occurrence]) -> [(approved: Int?, current: Int?)] {
        // Each uid's first position on each side (an approved one's replayed state is kept by position).
        let approvedAt = Dictionary(approved.enumerated().map { ($1.uid, $0) }, uniquingKeysWith: { first, _ in first })
        let currentAt = Dictionary(occurrences.indices.map { (occurrences[$0].uid, $0) }, uniquingKeysWith: { first, _ in first })
        var pairs: [(approved: Int?, current: Int?)] = []
        // The approved ones, then those only scheduled now (a set of both was 42 M
        // instructions of `deviations` on the 20,000-activity bench plan with its 1,000-entry
        // journal; callgrind).
        let approvedOnce = approvedAt.count == approved.count
        for k in approved.indices where approvedOnce || approvedAt[approved[k].uid] == k {
            pairs.append((k, currentAt[approved[k].uid]))
        }
        let currentOnce = currentAt.count == occurrences.count
        for k in occurrences.indices where approvedAt[occurrences[k].uid] == nil && (currentOnce || currentAt[occurrences[k].uid] == k) {
            pairs.append((nil, k))
        }
        return pairs
    }

    /// Whether the schedule is exactly as approved.
    public var isEmpty: Bool { deviations.isEmpty }
}
