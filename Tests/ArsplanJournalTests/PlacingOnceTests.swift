import Arsplan
import Testing

/// The replay reads the effective plan's schedule off the one placement pass it keeps up to
/// date; this checks it against scheduling the effective plan from scratch (`placingAgain`),
/// occurrence by occurrence and conflict by conflict, in order.
@Suite("Journal replay: placing once against placing again")
struct PlacingOnceTests {
    /// The example plan, and the same with a duplicate id, an unknown reference, a cycle and
    /// an activity that waits on the cycle added, so every kind of placement conflict is there.
    static let plans: [Plan] = {
        let plan = ExamplePlanJournalTests.plan
        var broken = plan
        var duplicate = plan.activities[3]
        duplicate.location = nil
        var unknown = plan.activities[5]
        unknown.id = "okand-referens"
        unknown.placement = .relative(after: [DependencyOffset(reference: ActivityReference(activity: "finns-inte"), amount: 2)], before: nil)
        var first = plan.activities[6]
        first.id = "cykel-a"
        first.placement = .relative(after: [DependencyOffset(reference: ActivityReference(activity: "cykel-b"), amount: 1)], before: nil)
        var second = plan.activities[7]
        second.id = "cykel-b"
        second.placement = .relative(after: [DependencyOffset(reference: ActivityReference(activity: "cykel-a"), amount: 1)], before: nil)
        var waiting = plan.activities[8]
        waiting.id = "vantar"
        waiting.forEach = nil
        waiting.placement = .relative(after: [DependencyOffset(reference: ActivityReference(activity: "cykel-a"), amount: 1)], before: nil)
        broken.activities += [duplicate, unknown, first, second, waiting]
        return [plan, broken]
    }()

    func same(_ a: Schedule, _ b: Schedule, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.occurrences == b.occurrences, sourceLocation: sourceLocation)
        #expect(a.conflicts == b.conflicts, sourceLocation: sourceLocation)
        #expect(a.stamp == b.stamp, sourceLocation: sourceLocation)
        #expect(a.plan == b.plan, sourceLocation: sourceLocation)
    }

    /// The replay both ways, and what-if schedules (as `move --dry-run` and `undo` show them)
    /// of `proposed` and of undoing the latest change, both ways.
    func compare(_ plan: Plan, _ entries: [JournalEntry], proposed: [JournalAction] = []) {
        let once = JournalReplay(plan: plan, entries: entries)
        let again = JournalReplay(plan: plan, entries: entries, placingAgain: true)
        same(once.schedule, again.schedule)
        #expect(once.plan == again.plan)
        let stamp = Timestamp(secondsSince1970: 1_900_000_000)
        for action in proposed {
            same(
                once.whatIfSchedule(dropping: nil, adding: action, stamp: stamp),
                once.whatIfSchedule(dropping: nil, adding: action, stamp: stamp, placingAgain: true))
        }
        if let latest = once.activeChanges.last {
            same(
                once.whatIfSchedule(dropping: latest, adding: nil, stamp: stamp),
                once.whatIfSchedule(dropping: latest, adding: nil, stamp: stamp, placingAgain: true))
        }
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6], [0, 1])
    func randomJournals(seed: UInt64, which: Int) {
        let plan = Self.plans[which]
        let occurrences = Scheduler.schedule(plan).occurrences
        var generator = NaiveReplayTests.Generator(state: seed)
        var entries: [JournalEntry] = []
        func randomAction(_ n: Int) -> JournalAction {
            let o = occurrences.randomElement(using: &generator)!
            let action: JournalAction
            switch Int.random(in: 0..<20, using: &generator) {
            case 0..<10:
                let day = Day(iso: "2027-01-04")!.adding(days: Int.random(in: -20..<380, using: &generator))
                let time = Bool.random(using: &generator) ? TimeOfDay(hour: Int.random(in: 6..<20, using: &generator), minute: 15) : nil
                action = .move(activity: o.activity, occurrence: o.index, day: day, time: time)
            case 10..<14:
                action = .cancel(activity: o.activity, occurrence: Bool.random(using: &generator) ? o.index : nil)
            case 14..<16:
                action = .assign(activity: o.activity, owner: plan.owners.randomElement(using: &generator)!.id)
            case 16..<19:
                action = .undo(entry: Int.random(in: 1..<n + 1, using: &generator))
            default:
                action = .approve(Approval(of: JournalReplay(plan: plan, entries: entries).schedule, ref: "§\(n)"))
            }
            return action
        }
        for n in 1...80 {
            entries.append(
                JournalEntry(
                    sequence: n, at: Timestamp(secondsSince1970: 1_800_000_000 + 60 * n), by: "x", reason: "r", planHash: nil,
                    action: randomAction(n)))
            if n % 20 == 0 || n < 4 {
                compare(plan, entries, proposed: (0..<6).map { _ in randomAction(n) }.filter { $0.activity != nil })
            }
        }
    }

    @Test func noJournalAndApprovalsOnly() {
        for plan in Self.plans {
            let first = Scheduler.schedule(plan).occurrences[7]
            compare(plan, [], proposed: [.move(activity: first.activity, occurrence: first.index, day: Day(iso: "2027-06-01")!, time: nil)])
            let approval = Approval(of: Scheduler.schedule(plan), ref: "§1")
            compare(
                plan,
                [
                    JournalEntry(
                        sequence: 1, at: Timestamp(secondsSince1970: 1_800_000_000), by: "x", reason: nil, planHash: nil, action: .approve(approval))
                ])
        }
    }
}
