import Testing

@testable import Arsplan

/// ``DeviationReport`` pairs approved and current occurrences by one dictionary, of the
/// current uids; it must find what pairing by a dictionary of each side's uids found: on the
/// example plan after journals of every kind of change, edited by hand since the approval,
/// and with a uid approved or scheduled twice.
@Suite("Deviations: paired by one dictionary, as by two")
struct DeviationPairingTests {
    static let plan = ExamplePlanJournalTests.plan

    static func same(_ replay: JournalReplay, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = DeviationReport(replay: replay, planHash: "sha256:0", pairing: .byCurrentUIDs)
        let reference = DeviationReport(replay: replay, planHash: "sha256:0", pairing: .byBothUIDs)
        #expect(fast?.deviations == reference?.deviations, sourceLocation: sourceLocation)
        #expect(fast?.deviations == DeviationReport(replay: replay, planHash: "sha256:0")?.deviations, sourceLocation: sourceLocation)
    }

    /// The pairs as text, in one order: the two functions may list them differently.
    static func pairs(_ pairs: [(approved: Int?, current: Int?)]) -> [String] {
        pairs.map { "\($0.approved.map(String.init) ?? "-") \($0.current.map(String.init) ?? "-")" }.sorted()
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aJournalOfEveryKindOfChange(seed: UInt64) throws {
        let replay = JournalReplay(plan: Self.plan, entries: DeviationsJSONTests.journal(seed: seed))
        #expect((DeviationReport(replay: replay, planHash: nil)?.deviations.count ?? 0) > 5)
        Self.same(replay)
    }

    @Test func aPlanEditedByHandSinceTheApproval() throws {
        var edited = Self.plan
        edited.activities.removeLast()
        edited.activities.removeFirst()
        edited.activities[0].title += " (omdöpt)"
        let replay = JournalReplay(plan: edited, entries: DeviationsJSONTests.journal(seed: 4))
        let report = try #require(DeviationReport(replay: replay, planHash: nil))
        #expect(report.deviations.contains { $0.kinds == [.removed] })
        Self.same(replay)
    }

    /// An approval line edited by hand can name a uid twice, scheduled now or not.
    @Test func aUIDApprovedTwice() throws {
        var approval = DeviationsJSONTests.approval
        var again = approval.occurrences[3]
        again.timing = .allDay(first: again.timing.firstDay.adding(days: 2), last: again.timing.firstDay.adding(days: 2))
        approval.occurrences.append(again)
        var gone = approval.occurrences[5]
        gone.uid += "-borttagen"
        approval.occurrences += [gone, gone]
        approval.scheduleHash = Approval.hash(of: approval.occurrences)
        let entries = [DeviationsJSONTests.entry(1, .approve(approval), reason: nil)] + DeviationsJSONTests.journal(seed: 5).dropFirst()
        let replay = JournalReplay(plan: Self.plan, entries: Array(entries))
        let report = try #require(DeviationReport(replay: replay, planHash: nil))
        #expect(report.deviations.contains { $0.uid == gone.uid && $0.kinds == [.removed] })
        Self.same(replay)
    }

    /// The pairs themselves, with uids twice on either side (the scheduler never places two
    /// occurrences with one uid, so the lists are made here).
    @Test func pairsWithAUIDTwiceOnEitherSide() throws {
        let schedule = Scheduler.schedule(Self.plan)
        let current = schedule.occurrences
        let approved = Array(current.prefix(20).map { ApprovedOccurrence($0, in: Self.plan) })
        #expect(Self.pairs(DeviationReport.pairs(approved, current)) == Self.pairs(DeviationReport.pairsByBothUIDs(approved, current)))
        let twiceNow = current + [current[2]]
        #expect(Self.pairs(DeviationReport.pairs(approved, twiceNow)) == Self.pairs(DeviationReport.pairsByBothUIDs(approved, twiceNow)))
        var gone = approved[1]
        gone.uid = "x"
        for list in [approved + [approved[4]], approved + [gone, gone], [gone] + approved + [gone]] {
            #expect(Self.pairs(DeviationReport.pairs(list, current)) == Self.pairs(DeviationReport.pairsByBothUIDs(list, current)))
            #expect(Self.pairs(DeviationReport.pairs(list, twiceNow)) == Self.pairs(DeviationReport.pairsByBothUIDs(list, twiceNow)))
        }
        // Every uid once: each approved one is paired, and each current one not approved stands alone.
        let pairs = DeviationReport.pairs(approved, current)
        #expect(pairs.count == current.count)
        #expect(pairs.filter { $0.approved != nil }.allSatisfy { approved[$0.approved!].uid == current[$0.current!].uid })
    }
}
