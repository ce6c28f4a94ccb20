import Testing

@testable import Arsplan

/// What changed between two placements of one activity, as the replay counts it: the merge
/// over occurrence numbers against the dictionaries by number it replaced, on placements in
/// number order (as the scheduler makes them) and out of it, with a number twice.
@Suite("Journal replay: the changes between two placements")
struct ChangeMergeTests {
    static func placed(_ index: Int, _ day: String, key: String? = nil, status: OccurrenceStatus = .planned) -> PlacedOccurrence {
        let d = Day(iso: day)!
        return PlacedOccurrence(index: index, key: key, timing: .allDay(first: d, last: d), status: status)
    }

    struct Change: Hashable {
        var index: Int
        var key: String?
        var rescheduling: Bool
    }

    /// The replay's way, collected.
    static func merged(_ before: [PlacedOccurrence], _ after: [PlacedOccurrence], owners: (Owner.ID?, Owner.ID?)) -> Set<Change> {
        var changes = Set<Change>()
        JournalReplay.forEachChange(from: before, ownedBy: (owners.0, []), to: after, ownedBy: (owners.1, [])) {
            changes.insert(Change(index: $0, key: $1, rescheduling: $2))
        }
        return changes
    }

    /// The way it was: a dictionary by number on each side (the first of a number kept).
    static func byDictionaries(_ before: [PlacedOccurrence], _ after: [PlacedOccurrence], owners: (Owner.ID?, Owner.ID?)) -> Set<Change> {
        func states(_ placed: [PlacedOccurrence], _ owner: Owner.ID?) -> [Int: (String?, OccurrenceState)] {
            Dictionary(placed.map { ($0.index, ($0.key, OccurrenceState(timing: $0.timing, status: $0.status, owner: owner))) }) { first, _ in first }
        }
        let (b, a) = (states(before, owners.0), states(after, owners.1))
        var changes = Set<Change>()
        for (index, (key, state)) in b where a[index]?.1 != state {
            changes.insert(Change(index: index, key: key, rescheduling: StateChange(before: state, after: a[index]?.1).isRescheduling))
        }
        for (index, (key, _)) in a where b[index] == nil { changes.insert(Change(index: index, key: key, rescheduling: true)) }
        return changes
    }

    static let cases: [([PlacedOccurrence], [PlacedOccurrence], (Owner.ID?, Owner.ID?))] = [
        // In number order: one moved, one gone, one new.
        (
            [placed(1, "2027-02-01"), placed(2, "2027-03-01"), placed(3, "2027-04-01")],
            [placed(1, "2027-02-01"), placed(3, "2027-04-08"), placed(4, "2027-05-03")], ("hr", "hr")
        ),
        // Out of number order (imported keys), a number twice on each side, one cancelled.
        (
            [placed(3, "2027-04-01", key: "c"), placed(1, "2027-02-01", key: "a"), placed(3, "2027-06-01", key: "x"), placed(2, "2027-03-01")],
            [
                placed(2, "2027-03-01", status: .cancelled), placed(3, "2027-04-01", key: "c"), placed(1, "2027-02-02", key: "a"),
                placed(1, "2027-09-01"),
            ],
            ("hr", "hr")
        ),
        // The same days, handed to another owner: every occurrence changed.
        ([placed(1, "2027-02-01"), placed(2, "2027-03-01")], [placed(1, "2027-02-01"), placed(2, "2027-03-01")], ("hr", "kommunikation")),
        // Nothing before, nothing after.
        ([], [placed(1, "2027-02-01")], (nil, nil)),
        ([placed(1, "2027-02-01")], [], (nil, nil)),
    ]

    @Test(arguments: 0..<cases.count)
    func theMergeCountsWhatTheDictionariesCounted(_ n: Int) {
        let (before, after, owners) = Self.cases[n]
        let merged = Self.merged(before, after, owners: owners)
        #expect(merged == Self.byDictionaries(before, after, owners: owners))
        #expect(!merged.isEmpty)
    }

    @Test func placementsAreTakenInNumberOrderTheFirstOfANumberKept() {
        let out = [Self.placed(3, "2027-04-01", key: "c"), Self.placed(1, "2027-02-01"), Self.placed(3, "2027-06-01", key: "x")]
        #expect(JournalReplay.inNumberOrder(out).map(\.index) == [1, 3])
        #expect(JournalReplay.inNumberOrder(out).last?.key == "c")
        let ordered = [Self.placed(1, "2027-02-01"), Self.placed(2, "2027-03-01")]
        #expect(JournalReplay.inNumberOrder(ordered) == ordered)
    }
}
