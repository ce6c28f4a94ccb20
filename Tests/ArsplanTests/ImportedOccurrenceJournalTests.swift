import Arsplan
import Testing

/// Occurrences taken from another calendar are named by their source event: journal entries
/// and approvals follow them when the source calendar adds or removes a meeting before them.
@Suite("Imported occurrences in the journal")
struct ImportedOccurrenceJournalTests {
    static func day(_ m: Int, _ d: Int) -> Day { Day(year: 2027, month: m, day: d)! }
    static let february = ImportedDate(day: day(2, 10), time: nil, length: 1, key: "aaaaaaaaaa")
    static let march = ImportedDate(day: day(3, 10), time: nil, length: 1, key: "bbbbbbbbbb")
    static let added = ImportedDate(day: day(1, 20), time: nil, length: 1, key: "cccccccccc")

    static func plan(_ dates: [ImportedDate]) -> Plan {
        Plan(
            id: "p", title: "P", year: 2027,
            activities: [
                Activity(id: "kf", title: "KF", placement: .imported(source: "kf.ics", dates: dates)),
                Activity(
                    id: "notis", title: "Notis", placement: .with(ActivityReference(activity: "kf", occurrence: 2)),
                    location: SourceLocation(line: 9, column: 5)),
            ])
    }

    static func entry(_ sequence: Int, _ action: JournalAction, target: OccurrenceMark? = nil) -> JournalEntry {
        JournalEntry(
            sequence: sequence, at: Timestamp(secondsSince1970: 1_800_000_000 + sequence * 60), by: "Anna", reason: "test",
            planHash: nil, action: action, target: target)
    }

    @Test func aMoveFollowsTheMeetingWhenOneIsAddedBeforeIt() throws {
        // Recorded when March was kf[2]; the source calendar then gained a January meeting.
        let move = Self.entry(
            1, .move(activity: "kf", occurrence: 2, day: Self.day(3, 12), time: nil),
            target: OccurrenceMark(uid: "p-kf-bbbbbbbbbb", day: Self.day(3, 10)))
        let replay = JournalReplay(plan: Self.plan([Self.added, Self.february, Self.march]), entries: [move])
        #expect(replay.notes.isEmpty)
        let byUID = Dictionary(uniqueKeysWithValues: replay.schedule.occurrences.map { ($0.uid, $0) })
        #expect(byUID["p-kf-bbbbbbbbbb"]?.timing.firstDay == Self.day(3, 12))
        #expect(byUID["p-kf-bbbbbbbbbb"]?.sequence == 1)
        #expect(byUID["p-kf-aaaaaaaaaa"]?.timing.firstDay == Self.day(2, 10))
        #expect(byUID["p-kf-aaaaaaaaaa"]?.sequence == 0)
        #expect(byUID["p-kf-cccccccccc"]?.sequence == 0)
    }

    @Test func aNumberedReferenceWhoseMeetingChangedSinceTheApprovalIsWarnedAbout() throws {
        let approvedPlan = Self.plan([Self.february, Self.march])
        let approval = Self.entry(1, .approve(Approval(of: Scheduler.schedule(approvedPlan), ref: "FL 2026-12-10 §4")))
        // The same journal, the source calendar unchanged: nothing to say.
        #expect(JournalReplay(plan: approvedPlan, entries: [approval]).shiftedImportReferences.isEmpty)
        // A January meeting added: 'kf[2]' is now February, and March (what it meant) is kf[3].
        let replay = JournalReplay(plan: Self.plan([Self.added, Self.february, Self.march]), entries: [approval])
        let warnings = replay.shiftedImportReferences
        #expect(warnings.map(\.kind) == [.referenceTargetChanged])
        #expect(warnings.first?.location == SourceLocation(line: 9, column: 5))
        #expect(warnings.first?.english.contains("2027-03-10") == true)
        #expect(warnings.first?.english.contains("now 'kf[3]'") == true)
        // Without an approval there is nothing to compare with.
        #expect(JournalReplay(plan: Self.plan([Self.added, Self.february, Self.march]), entries: []).shiftedImportReferences.isEmpty)
    }
}
