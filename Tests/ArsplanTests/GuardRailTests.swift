import Foundation
import Testing

@testable import Arsplan

/// `cancel` and `assign` refuse to rewrite what has already taken place; `assign --from`
/// hands over only the occurrences from a day on, in journal format 2.
@Suite("Guard rails and assign --from")
struct GuardRailTests {
    /// Four meetings owned by anna, minutes after each, and a single report.
    static func testPlan() -> Plan {
        var p = plan(
            [
                activity(
                    "namnd", .dates(["2027-01-27", "2027-02-24", "2027-03-24", "2027-12-15"].map { day($0) }), time: "17:00",
                    duration: .minutes(120), owner: "anna"),
                activity("protokoll", .relative(after: [after("namnd", 3)], before: nil), forEach: "namnd", owner: "anna"),
                activity("blad", .date(day("2027-05-04")), owner: "anna"),
            ],
            owners: [Owner(id: "anna", name: "Anna Berg"), Owner(id: "johan", name: "Johan Sandberg")])
        p.id = "t"
        return p
    }

    static func context(_ time: String) -> ChangeContext {
        ChangeContext(at: Timestamp(iso: time)!, by: "Anna Berg", reason: "skäl", planHash: "sha256:x")
    }

    static func owners(_ schedule: Schedule, _ activity: Activity.ID) -> [String] {
        schedule.occurrences.filter { $0.activity == activity }.sorted { $0.index < $1.index }.map { $0.owner?.rawValue ?? "-" }
    }

    @Test func assignFromHandsOverOnlyTheOccurrencesFromThatDayOn() throws {
        let replay = JournalReplay(plan: Self.testPlan(), entries: [])
        let proposal = try Rescheduling.propose(
            .assign(activity: "namnd", owner: "johan", from: day("2027-03-01")), on: replay, context: Self.context("2027-03-01T10:00:00Z"))
        #expect(proposal.refusals.isEmpty)
        #expect(proposal.entry.version == 2)
        #expect(proposal.impact.occurrences.map(\.index).sorted() == [3, 4])
        #expect(Self.owners(proposal.after, "namnd") == ["anna", "anna", "johan", "johan"])
        let after = JournalReplay(plan: Self.testPlan(), entries: [proposal.entry])
        #expect(Self.owners(after.schedule, "namnd") == ["anna", "anna", "johan", "johan"])
        // Only the owner changed: no SEQUENCE raised, the minutes keep theirs.
        #expect(after.schedule.occurrences.allSatisfy { $0.sequence == 0 })
        #expect(Self.owners(after.schedule, "protokoll") == ["anna", "anna", "anna", "anna"])
        // A later assign without --from hands over everything; one with --from keeps the earlier days.
        let all = try Rescheduling.propose(.assign(activity: "namnd", owner: "anna"), on: after, context: Self.context("2027-01-02T10:00:00Z"))
        #expect(Self.owners(all.after, "namnd") == ["anna", "anna", "anna", "anna"])
        let later = try Rescheduling.propose(
            .assign(activity: "namnd", owner: "anna", from: day("2027-12-01")), on: after, context: Self.context("2027-03-01T10:00:00Z"))
        #expect(Self.owners(later.after, "namnd") == ["anna", "anna", "johan", "anna"])
        // Undo takes it back.
        let undo = try Rescheduling.propose(.undo, on: after, context: Self.context("2027-03-02T10:00:00Z"))
        #expect(Self.owners(undo.after, "namnd") == ["anna", "anna", "anna", "anna"])
        let undone = JournalReplay(plan: Self.testPlan(), entries: [proposal.entry, undo.entry])
        #expect(Self.owners(undone.schedule, "namnd") == ["anna", "anna", "anna", "anna"])
    }

    @Test func assignFromADayWithNothingLeftOrTheSameOwnerChangesNothing() {
        let replay = JournalReplay(plan: Self.testPlan(), entries: [])
        #expect(throws: JournalError.nothingToChange(.noOccurrenceFrom(activity: "blad", day: day("2027-06-01")))) {
            try Rescheduling.propose(
                .assign(activity: "blad", owner: "johan", from: day("2027-06-01")), on: replay, context: Self.context("2027-03-01T10:00:00Z"))
        }
        #expect(throws: JournalError.nothingToChange(.alreadyOwned(activity: "namnd", owner: "anna"))) {
            try Rescheduling.propose(
                .assign(activity: "namnd", owner: "anna", from: day("2027-03-01")), on: replay, context: Self.context("2027-03-01T10:00:00Z"))
        }
    }

    @Test func cancellingAPastOccurrenceIsRefusedButAFutureOneIsNot() throws {
        let replay = JournalReplay(plan: Self.testPlan(), entries: [])
        let may = Self.context("2027-05-10T10:00:00Z")
        let past = try Rescheduling.propose(.cancel(activity: "namnd", occurrence: 2), on: replay, context: may)
        #expect(past.refusals == [.alreadyPast(occurrence: "namnd[2]", day: day("2027-02-24"), today: day("2027-05-10"))])
        #expect(past.refusals.map(\.code) == [.changeAlreadyPast])
        let future = try Rescheduling.propose(.cancel(activity: "namnd", occurrence: 4), on: replay, context: may)
        #expect(future.refusals.isEmpty)
        // Every occurrence: one refusal for all those already past, with their span.
        let all = try Rescheduling.propose(.cancel(activity: "namnd", occurrence: nil), on: replay, context: may)
        #expect(all.refusals.count == 1)
        guard case .cancelsPast(let activity, let count, let first, let last, let today)? = all.refusals.first else {
            Issue.record("expected one cancelsPast refusal, got \(all.refusals)")
            return
        }
        #expect(activity == "namnd" && count == 3 && first == day("2027-01-27") && today == day("2027-05-10"))
        #expect(last > day("2027-02-24") && last < today)
        #expect(all.refusals.map(\.code) == [.changeAlreadyPast])
        let text = Message.change(.refusedCancelsPast(activity: "namnd", count: 3, first: first, last: last, today: today))
        #expect(text.text(in: .swedish).contains("3 tillfällen av 'namnd'") && text.text(in: .swedish).contains("--occurrence N"))
        #expect(text.text(in: .english).contains("3 occurrences of 'namnd'") && text.text(in: .english).contains("--force"))
        // On the day itself it has not passed yet.
        let sameDay = try Rescheduling.propose(.cancel(activity: "namnd", occurrence: 2), on: replay, context: Self.context("2027-02-24T08:00:00Z"))
        #expect(sameDay.refusals.isEmpty)
    }

    @Test func assigningOverPastOccurrencesIsRefusedAndFromTodayIsNot() throws {
        let replay = JournalReplay(plan: Self.testPlan(), entries: [])
        let march = Self.context("2027-03-01T10:00:00Z")
        let everything = try Rescheduling.propose(.assign(activity: "namnd", owner: "johan"), on: replay, context: march)
        #expect(everything.refusals == [.reassignsPast(activity: "namnd", count: 2, first: day("2027-01-27"), today: day("2027-03-01"))])
        #expect(everything.refusals.map(\.code) == [.changeReassignsPast])
        let text = Message.change(.refusedReassignsPast(activity: "namnd", count: 2, first: day("2027-01-27"), today: day("2027-03-01")))
        #expect(text.text(in: .swedish).contains("--from 2027-03-01"))
        #expect(text.text(in: .english).contains("--from 2027-03-01"))
        #expect(
            try Rescheduling.propose(.assign(activity: "namnd", owner: "johan", from: day("2027-03-01")), on: replay, context: march).refusals.isEmpty
        )
        let fromJanuary = try Rescheduling.propose(.assign(activity: "namnd", owner: "johan", from: day("2027-02-01")), on: replay, context: march)
        #expect(fromJanuary.refusals == [.reassignsPast(activity: "namnd", count: 1, first: day("2027-02-24"), today: day("2027-03-01"))])
        // An activity that has not started yet: nothing to refuse.
        #expect(try Rescheduling.propose(.assign(activity: "blad", owner: "johan"), on: replay, context: march).refusals.isEmpty)
    }

    @Test func everyRefusalAndJournalErrorHasItsOwnCode() {
        let refusals: [Refusal] = [
            .dayOff(day("2027-06-25"), reason: "x"), .beforeDependency(sampleConflict), .pinned("a"),
            .alreadyPast(occurrence: "a", day: day("2027-01-01"), today: day("2027-02-01")), .outsidePlanYear(day("2028-01-01"), planYear: 2027),
            .newErrors([]), .reassignsPast(activity: "a", count: 1, first: day("2027-01-01"), today: day("2027-02-01")),
        ]
        let errors: [JournalError] = [
            .unknownActivity("a", suggestion: nil), .unknownOccurrence("a", 2, count: 1), .occurrenceRequired("a", occurrences: []),
            .noOccurrences("a"), .unknownOwner("o", suggestion: nil), .nothingToChange(.alreadyCancelled(occurrence: "a")), .nothingToUndo,
            .dayOutOfRange(day("2027-01-01")), .journalFull,
        ]
        let codes = refusals.map(\.code) + errors.map(\.code)
        #expect(Set(codes).count == codes.count)
        #expect(codes.allSatisfy { $0.rawValue.hasPrefix("change_") })
    }
}

@Suite("Journal format 2")
struct JournalFormatTests {
    static func encode(_ entry: JournalEntry) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entry), as: UTF8.self)
    }

    /// A journal as arsplan wrote it before format 2 (docs/journal.md's example, hashes shortened).
    static let formatOneLines = [
        #"{"action":"move","activity":"namnd","at":"2027-03-01T10:00:00Z","by":"Anna Berg","day":"2027-03-30","occurrence":3,"occurrenceDay":"2027-03-24","occurrenceUID":"t-namnd-3","planHash":"sha256:a9fd","reason":"Ordföranden är bortrest","seq":1,"v":1}"#,
        #"{"action":"cancel","activity":"blad","at":"2027-03-02T09:00:00Z","by":"Mikael Öberg","occurrence":1,"planHash":"sha256:a9fd","reason":"Inget nytt","seq":2,"v":1}"#,
        #"{"action":"assign","activity":"namnd","at":"2027-03-02T09:30:00Z","by":"Maria Holm","owner":"johan","planHash":"sha256:a9fd","reason":"Föräldraledig","seq":3,"v":1}"#,
        #"{"action":"undo","at":"2027-03-03T08:00:00Z","by":"Maria Holm","planHash":"sha256:a9fd","seq":4,"undoes":2,"v":1}"#,
    ]

    @Test func aFormatOneJournalReadsAndWritesBackByteForByteAndReplaysAsBefore() throws {
        let entries = try Self.formatOneLines.map { try JSONDecoder().decode(JournalEntry.self, from: Data($0.utf8)) }
        #expect(try entries.map(Self.encode) == Self.formatOneLines)
        #expect(entries.allSatisfy { $0.version == 1 })
        // An assign without `from` still hands every occurrence over, past ones included.
        let replay = JournalReplay(plan: GuardRailTests.testPlan(), entries: entries)
        #expect(GuardRailTests.owners(replay.schedule, "namnd") == ["johan", "johan", "johan", "johan"])
        #expect(replay.notes.isEmpty)
        // And a new entry of the old kinds is still written as format 1.
        let written = JournalEntry(
            sequence: 5, at: Timestamp(iso: "2027-03-04T08:00:00Z")!, by: "x", reason: nil, planHash: nil,
            action: .assign(activity: "namnd", owner: "anna"))
        #expect(try Self.encode(written).hasSuffix(#""v":1}"#))
    }

    @Test func assignFromIsWrittenAsFormatTwoAndReadBack() throws {
        let entry = JournalEntry(
            sequence: 7, at: Timestamp(iso: "2027-03-04T08:00:00Z")!, by: "Anna Berg", reason: "Ny chef", planHash: "sha256:x",
            action: .assign(activity: "namnd", owner: "johan", from: day("2027-04-01")))
        let text = try Self.encode(entry)
        #expect(
            text
                == #"{"action":"assign","activity":"namnd","at":"2027-03-04T08:00:00Z","by":"Anna Berg","from":"2027-04-01","owner":"johan","planHash":"sha256:x","reason":"Ny chef","seq":7,"v":2}"#
        )
        #expect(try JSONDecoder().decode(JournalEntry.self, from: Data(text.utf8)) == entry)
    }

    @Test func fromInAFormatOneLineOrOutOfRangeIsAnError() {
        let formatOne =
            #"{"action":"assign","activity":"namnd","at":"2027-03-04T08:00:00Z","by":"x","from":"2027-04-01","owner":"johan","seq":7,"v":1}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(JournalEntry.self, from: Data(formatOne.utf8)) }
        let outOfRange =
            #"{"action":"assign","activity":"namnd","at":"2027-03-04T08:00:00Z","by":"x","from":"1800-04-01","owner":"johan","seq":7,"v":2}"#
        #expect(throws: JournalLineProblem.dayOutOfRange(key: "from", from: 1900, to: 2200, day: day("1800-04-01"))) {
            try JSONDecoder().decode(JournalEntry.self, from: Data(outOfRange.utf8))
        }
    }
}

/// A conflict to refuse with: a fixed date on a Saturday.
private let sampleConflict = Scheduler.schedule(plan([activity("a", .date(day("2027-06-26")))])).conflicts.first!
