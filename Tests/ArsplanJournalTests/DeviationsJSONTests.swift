import Arsplan
import Testing

@testable import ArsplanReport

/// `deviations --format json` is written directly (``JSONWriter``); it must be what
/// `JSONEncoder` wrote, byte for byte: after a journal of every kind of change (an entry
/// without a reason, an owner removed, a cancelled occurrence with no owner), a plan
/// edited by hand since the approval, no approval, and an approval with nothing since.
@Suite("Deviations as JSON: written directly, as JSONEncoder wrote them")
struct DeviationsJSONTests {
    static let plan = ExamplePlanJournalTests.plan
    static let approval = Approval(of: Scheduler.schedule(plan), ref: "FL-protokoll 2026-12-10 §4 \"justerad\" / bilaga")

    static func entry(_ n: Int, _ action: JournalAction, reason: String? = "skäl \\ \"citat\"\n") -> JournalEntry {
        JournalEntry(
            sequence: n, at: Timestamp(secondsSince1970: 1_800_000_000 + 3600 * n), by: n == 1 ? "Förvaltningsledningen" : "Anna Berg",
            reason: n % 3 == 0 ? nil : reason, planHash: nil, action: action)
    }

    /// A seeded journal after the approval: moves, cancellations, reassignments, undos.
    static func journal(seed: UInt64) -> [JournalEntry] {
        var generator = NaiveReplayTests.Generator(state: seed)
        let occurrences = Scheduler.schedule(plan).occurrences
        var entries = [entry(1, .approve(approval), reason: nil)]
        for n in 2...40 {
            let o = occurrences.randomElement(using: &generator)!
            let action: JournalAction
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<5:
                action = .move(
                    activity: o.activity, occurrence: o.index, day: o.timing.firstDay.adding(days: Int.random(in: 1..<30, using: &generator)),
                    time: nil)
            case 5..<7: action = .cancel(activity: o.activity, occurrence: Bool.random(using: &generator) ? o.index : nil)
            case 7..<9: action = .assign(activity: o.activity, owner: plan.owners.randomElement(using: &generator)!.id)
            default: action = .undo(entry: Int.random(in: 2..<n, using: &generator))
            }
            entries.append(entry(n, action))
        }
        return entries
    }

    static func same(_ replay: JournalReplay, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let report = DeviationReport(replay: replay, planHash: "sha256:0")
        let direct = DeviationsReport.json(report, replay: replay)
        #expect(direct == DeviationsReport.jsonByEncoder(report, replay: replay), sourceLocation: sourceLocation)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aJournalOfEveryKindOfChange(seed: UInt64) throws {
        let replay = JournalReplay(plan: Self.plan, entries: Self.journal(seed: seed))
        #expect((DeviationReport(replay: replay, planHash: nil)?.deviations.count ?? 0) > 5)
        Self.same(replay)
    }

    @Test func aPlanEditedByHandNoApprovalAndNothingSince() throws {
        var edited = Self.plan
        edited.activities.removeLast()
        edited.activities[0].title += " <ändrad> & \"omdöpt\""
        edited.activities[1].owner = nil
        Self.same(JournalReplay(plan: edited, entries: Self.journal(seed: 4)))
        Self.same(JournalReplay(plan: Self.plan, entries: []))
        Self.same(JournalReplay(plan: Self.plan, entries: [Self.entry(1, .approve(Self.approval), reason: nil)]))
    }
}
