import Testing

@testable import Arsplan

/// What a proposed change would do (`move --dry-run` and every change's preview): one
/// look-up table per schedule against the dictionaries of states it replaced, on seeded
/// changes to the example plan and on schedules with an occurrence added, removed and
/// repeated.
@Suite("Rescheduling: a change's impact")
struct ImpactTests {
    static func same(_ a: Impact, _ b: Impact, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(a.occurrences == b.occurrences, sourceLocation: sourceLocation)
        #expect(a.newConflicts == b.newConflicts, sourceLocation: sourceLocation)
        #expect(a.resolvedConflicts == b.resolvedConflicts, sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func seededChangesToTheExamplePlan(seed: UInt64) {
        let plan = ExamplePlanJournalTests.plan
        let replay = JournalReplay(plan: plan, entries: [])
        var generator = NaiveReplayTests.Generator(state: seed)
        var changed = 0
        for _ in 0..<12 {
            let o = replay.schedule.occurrences.randomElement(using: &generator)!
            let action: JournalAction =
                Bool.random(using: &generator)
                ? .move(
                    activity: o.activity, occurrence: o.index, day: o.timing.firstDay.adding(days: Int.random(in: -20...40, using: &generator)),
                    time: nil)
                : .cancel(activity: o.activity, occurrence: Bool.random(using: &generator) ? o.index : nil)
            let after = replay.whatIfSchedule(dropping: nil, adding: action, stamp: nil)
            let impact = Rescheduling.impact(of: action, undoing: nil, before: replay.schedule, after: after)
            Self.same(impact, Rescheduling.impactByDictionaries(of: action, undoing: nil, before: replay.schedule, after: after))
            changed += impact.occurrences.count
        }
        #expect(changed > 12)
    }

    @Test func addedRemovedAndRepeatedOccurrences() {
        let before = Scheduler.schedule(ExamplePlanJournalTests.plan)
        var after = before
        after.occurrences.removeFirst()
        after.occurrences[3].timing = .allDay(first: Day(iso: "2027-08-02")!, last: Day(iso: "2027-08-02")!)
        after.occurrences.append(after.occurrences[10])  // the same uid twice
        after.occurrences[10].status = .cancelled
        var added = after.occurrences[20]
        added.uid += "-ny"
        after.occurrences.append(added)
        let action = JournalAction.move(
            activity: after.occurrences[3].activity, occurrence: after.occurrences[3].index, day: Day(iso: "2027-08-02")!, time: nil)
        let impact = Rescheduling.impact(of: action, undoing: nil, before: before, after: after)
        Self.same(impact, Rescheduling.impactByDictionaries(of: action, undoing: nil, before: before, after: after))
        #expect(impact.occurrences.count == 3)
        #expect(impact.occurrences.first?.direct == true)
    }
}
