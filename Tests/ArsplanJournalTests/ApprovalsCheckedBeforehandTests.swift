import Testing

@testable import Arsplan

/// An approval's hash checked beforehand (as the workspace does on the core that read the
/// journal) or during the replay: the same notes either way, and an altered approval is
/// reported whichever way it was checked.
@Suite("Journal replay: approvals checked beforehand")
struct ApprovalsCheckedBeforehandTests {
    @Test func theSameNotesWhicheverWayTheHashIsChecked() {
        let plan = ExamplePlanJournalTests.plan
        let approval = Approval(of: Scheduler.schedule(plan), ref: "FL 1")
        var altered = approval
        altered.occurrences[0].status = .cancelled
        let at = Timestamp(iso: "2026-12-10T13:00:00Z")!
        let entries = [approval, altered].enumerated().map { n, approval in
            JournalEntry(sequence: n + 1, at: at, by: "Förvaltningsledningen", reason: nil, planHash: nil, action: .approve(approval))
        }
        #expect(approval.isIntact && !altered.isIntact)
        let during = JournalReplay(plan: plan, entries: entries)
        let beforehand = JournalReplay(
            plan: plan, entries: entries,
            approvalsIntact: entries.map {
                if case .approve(let approval) = $0.action { return approval.isIntact }
                return true
            })
        #expect(during.notes == beforehand.notes)
        #expect(during.notes.map(\.code) == [.journalApprovalAltered])
        #expect(during.notes.first?.sequence == 2)
        #expect(during.schedule.occurrences == beforehand.schedule.occurrences)
    }
}
