import Foundation
import Testing

@testable import Arsplan

/// The journal core on small plans: entries, replay, revisions, rescheduling and deviations.

private func at(_ text: String) -> Timestamp { Timestamp(iso: text)! }

private func entry(
    _ sequence: Int, _ action: JournalAction, at time: String = "2027-03-01T10:00:00Z", by: String = "Anna Berg", reason: String? = "skäl"
) -> JournalEntry {
    JournalEntry(sequence: sequence, at: at(time), by: by, reason: reason, planHash: "sha256:x", action: action)
}

/// namnd (4 meetings), protokoll for each, vb with namnd[2], a pinned survey after namnd[3], an activity with a window.
private func journalPlan(meetings: [String] = ["2027-01-27", "2027-02-24", "2027-03-24", "2027-12-15"]) -> Plan {
    var p = plan(
        [
            activity("namnd", .dates(meetings.map { day($0) }), time: "17:00", duration: .minutes(120), owner: "anna"),
            activity("protokoll", .relative(after: [after("namnd", 3)], before: nil), forEach: "namnd", owner: "anna"),
            activity("vb", .with(ActivityReference(activity: "namnd", occurrence: 2)), owner: "anna"),
            activity("enkat", .relative(after: [after("namnd", 1, occurrence: 3)], before: nil), pinned: true),
            activity("underlag", .relative(after: [], before: after("namnd", 2, occurrence: 4))),
            activity("blad", .date(day("2027-05-04")), owner: "anna"),
        ],
        owners: [Owner(id: "anna", name: "Anna Berg"), Owner(id: "johan", name: "Johan Sandberg")])
    p.id = "t"
    return p
}

private func occurrence(_ schedule: Schedule, _ uid: String) -> Occurrence { schedule.occurrences.first { $0.uid == uid }! }

private func context(_ time: String = "2027-03-01T10:00:00Z", reason: String? = "skäl") -> ChangeContext {
    ChangeContext(at: at(time), by: "Anna Berg", reason: reason, planHash: "sha256:x")
}

@Suite("Content hash")
struct ContentHashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256TestVectors(input: String, digest: String) {
        #expect(ContentHash.sha256(text: input) == "sha256:" + digest)
    }

    @Test func aMillionBytesAndEveryPaddingLength() {
        #expect(
            ContentHash.sha256(Array(repeating: UInt8(ascii: "a"), count: 1_000_000))
                == "sha256:cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        // Lengths around the 55/56/64-byte padding boundaries all differ and are stable.
        let hashes = (50...130).map { ContentHash.sha256(Array(repeating: UInt8(0x61), count: $0)) }
        #expect(Set(hashes).count == hashes.count)
    }
}

@Suite("Journal entries")
struct JournalEntryTests {
    @Test(arguments: [
        JournalAction.move(activity: "namnd", occurrence: 3, day: day("2027-03-30"), time: TimeOfDay(hour: 16, minute: 30)),
        .move(activity: "blad", occurrence: 1, day: day("2027-05-05"), time: nil),
        .cancel(activity: "namnd", occurrence: 2),
        .cancel(activity: "namnd", occurrence: nil),
        .assign(activity: "vb", owner: "johan"),
        .undo(entry: 4),
        .approve(Approval(of: Scheduler.schedule(journalPlan()), ref: "FL-protokoll 2026-12-10 §4")),
    ])
    func roundTripsThroughJSON(action: JournalAction) throws {
        let original = entry(7, action, reason: "Ordföranden är bortrest.\nNy rad \"citat\"")
        let data = try JSONEncoder().encode(original)
        let text = String(decoding: data, as: UTF8.self)
        #expect(!text.contains("\n"), "one entry, one line")
        #expect(try JSONDecoder().decode(JournalEntry.self, from: data) == original)
    }

    @Test func theFormatIsFlatAndNamed() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let text = String(
            decoding: try encoder.encode(entry(3, .move(activity: "namnd", occurrence: 3, day: day("2027-03-30"), time: nil))), as: UTF8.self)
        #expect(
            text
                == #"{"action":"move","activity":"namnd","at":"2027-03-01T10:00:00Z","by":"Anna Berg","day":"2027-03-30","occurrence":3,"planHash":"sha256:x","reason":"skäl","seq":3,"v":1}"#
        )
    }

    @Test func aNewerVersionIsATypedError() {
        let line = #"{"v":3,"seq":1,"at":"2027-03-01T10:00:00Z","by":"x","action":"teleport","where":"moon"}"#
        #expect(throws: UnsupportedJournalVersion(version: 3)) { try JSONDecoder().decode(JournalEntry.self, from: Data(line.utf8)) }
    }

    @Test func unknownActionsAndBadTimesAreErrors() {
        for line in [
            #"{"v":1,"seq":1,"at":"2027-03-01T10:00:00Z","by":"x","action":"teleport"}"#,
            #"{"v":1,"seq":1,"at":"2027-03-01 10:00","by":"x","action":"undo","undoes":1}"#,
            #"{"v":1,"seq":1,"at":"2027-03-01T10:00:00Z","by":"x","action":"move","activity":"a","day":"2027-02-30"}"#,
        ] {
            #expect(throws: (any Error).self) { try JSONDecoder().decode(JournalEntry.self, from: Data(line.utf8)) }
        }
    }

    @Test func timestampsParseOnlyUTC() {
        #expect(Timestamp(iso: "2027-03-01T10:00:00Z")?.description == "2027-03-01T10:00:00Z")
        #expect(Timestamp(iso: "1970-01-01T00:00:00Z")?.secondsSince1970 == 0)
        for bad in ["2027-03-01T10:00:00", "2027-03-01T24:00:00Z", "2027-02-30T10:00:00Z", "2027-03-01T10:00:00+01:00", ""] {
            #expect(Timestamp(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func approvalHashIgnoresOrderTitlesAndSequence() {
        let schedule = Scheduler.schedule(journalPlan())
        let approval = Approval(of: schedule, ref: "FL")
        #expect(approval.isIntact)
        var shuffled = approval.occurrences.reversed().map { $0 }
        shuffled[0].title = "Ny titel"
        shuffled[1].sequence = 9
        #expect(Approval.hash(of: shuffled) == approval.scheduleHash)
        var tampered = approval
        tampered.occurrences[0].status = .cancelled
        #expect(!tampered.isIntact)
        #expect(Approval.hash(of: schedule) == approval.scheduleHash)
    }
}

@Suite("Journal replay")
struct JournalReplayTests {
    @Test func anEmptyJournalIsThePlanAsWritten() {
        let replay = JournalReplay(plan: journalPlan(), entries: [])
        let written = Scheduler.schedule(journalPlan())
        #expect(replay.schedule.occurrences == written.occurrences)
        #expect(replay.stamp == nil)
        #expect(replay.schedule.stamp == written.stamp)
        #expect(replay.nextSequence == 1)
    }

    @Test func aMoveFixesTheOccurrenceAndItsDependentsFollowWithTheirOwnSequence() {
        let replay = JournalReplay(
            plan: journalPlan(),
            entries: [entry(1, .move(activity: "namnd", occurrence: 3, day: day("2027-03-31"), time: nil), at: "2027-03-01T10:00:00Z")])
        let s = replay.schedule
        #expect(s.days("namnd") == ["2027-01-27", "2027-02-24", "2027-03-31", "2027-12-15"])
        #expect(s.days("protokoll")[2] == "2027-04-05")
        // The pinned survey keeps its place; the push is a conflict.
        #expect(s.days("enkat") == ["2027-03-25"])
        #expect(s.kinds().contains(.pinnedPushed))
        for uid in ["t-namnd-3", "t-protokoll-3"] {
            #expect(occurrence(s, uid).sequence == 1, "\(uid)")
            #expect(occurrence(s, uid).lastModified == at("2027-03-01T10:00:00Z"))
        }
        #expect(occurrence(s, "t-namnd-2").sequence == 0)
        #expect(occurrence(s, "t-namnd-2").lastModified == nil)
        #expect(s.stamp == at("2027-03-01T10:00:00Z"))
        // The effective plan alone gives the same schedule: the revisions live in its overrides.
        #expect(Scheduler.schedule(replay.plan, stamp: replay.stamp).occurrences == s.occurrences)
    }

    @Test func undoRestoresTheDateAndKeepsCountingUp() {
        let replay = JournalReplay(
            plan: journalPlan(),
            entries: [
                entry(
                    1, .move(activity: "namnd", occurrence: 3, day: day("2027-03-31"), time: TimeOfDay(hour: 9, minute: 0)),
                    at: "2027-03-01T10:00:00Z"),
                entry(2, .undo(entry: 1), at: "2027-03-02T10:00:00Z"),
            ])
        let s = replay.schedule
        #expect(s.days("namnd")[2] == "2027-03-24")
        #expect(occurrence(s, "t-namnd-3").timing.isAllDay == false)
        #expect(occurrence(s, "t-namnd-3").sequence == 2)
        #expect(occurrence(s, "t-namnd-3").lastModified == at("2027-03-02T10:00:00Z"))
        #expect(occurrence(s, "t-protokoll-3").sequence == 2)
        #expect(replay.undoneBy == [1: 2])
        #expect(replay.activeChanges.isEmpty)
        #expect(!s.kinds().contains(.pinnedPushed))
    }

    @Test func cancellingAMeetingCancelsItsForEachOccurrenceAndAMoveReinstatesIt() {
        let cancelled = JournalReplay(plan: journalPlan(), entries: [entry(1, .cancel(activity: "namnd", occurrence: 2))])
        #expect(cancelled.schedule.occurrences.filter { $0.status == .cancelled }.map(\.uid).sorted() == ["t-namnd-2", "t-protokoll-2"])
        #expect(occurrence(cancelled.schedule, "t-protokoll-2").sequence == 1)

        let all = JournalReplay(plan: journalPlan(), entries: [entry(1, .cancel(activity: "namnd", occurrence: nil))])
        #expect(all.schedule.occurrences.filter { $0.status == .cancelled }.count == 8)

        let reinstated = JournalReplay(
            plan: journalPlan(),
            entries: [
                entry(1, .cancel(activity: "namnd", occurrence: 2)),
                entry(2, .move(activity: "namnd", occurrence: 2, day: day("2027-02-25"), time: nil)),
            ])
        #expect(occurrence(reinstated.schedule, "t-namnd-2").status == .planned)
        #expect(occurrence(reinstated.schedule, "t-namnd-2").sequence == 2)
        #expect(occurrence(reinstated.schedule, "t-protokoll-2").status == .planned)
    }

    @Test func aNewOwnerChangesModifiedButNotSequence() {
        let replay = JournalReplay(plan: journalPlan(), entries: [entry(1, .assign(activity: "namnd", owner: "johan"), at: "2027-04-01T08:00:00Z")])
        let first = occurrence(replay.schedule, "t-namnd-1")
        #expect(first.owner == "johan")
        #expect(first.sequence == 0)
        #expect(first.lastModified == at("2027-04-01T08:00:00Z"))
        #expect(occurrence(replay.schedule, "t-protokoll-1").owner == "anna")
    }

    @Test func entriesThatNoLongerApplyAreReportedAndSkipped() {
        let replay = JournalReplay(
            plan: journalPlan(),
            entries: [
                entry(1, .move(activity: "borttagen", occurrence: 1, day: day("2027-03-30"), time: nil)),
                entry(2, .cancel(activity: "namnd", occurrence: 14)),
                entry(3, .assign(activity: "vb", owner: "okand")),
                entry(4, .undo(entry: 1)),
                entry(5, .undo(entry: 99)),
                entry(6, .cancel(activity: "blad", occurrence: nil)),
            ])
        #expect(replay.notes.map(\.sequence) == [1, 2, 3, 4, 5])
        #expect(replay.notes[0].english.contains("'borttagen' is no longer in the plan file"))
        #expect(replay.notes[1].english.contains("no occurrence 14"))
        #expect(replay.notes[3].code == .journalUndoNotApplied)
        #expect(replay.applied == [false, false, false, false, false, true])
        #expect(occurrence(replay.schedule, "t-blad-1").status == .cancelled)
    }

    @Test func undoIsAStackAndAnUndoIsNotUndone() throws {
        var entries = [
            entry(1, .move(activity: "blad", occurrence: 1, day: day("2027-05-05"), time: nil)),
            entry(2, .move(activity: "blad", occurrence: 1, day: day("2027-05-06"), time: nil)),
        ]
        var replay = JournalReplay(plan: journalPlan(), entries: entries)
        let first = try Rescheduling.propose(.undo, on: replay, context: context())
        #expect(first.entry.action == .undo(entry: 2))
        #expect(first.after.days("blad") == ["2027-05-05"])
        entries.append(first.entry)
        replay = JournalReplay(plan: journalPlan(), entries: entries)
        let second = try Rescheduling.propose(.undo, on: replay, context: context())
        #expect(second.entry.action == .undo(entry: 1))
        #expect(second.entry.sequence == 4)
        entries.append(second.entry)
        replay = JournalReplay(plan: journalPlan(), entries: entries)
        #expect(replay.schedule.days("blad") == ["2027-05-04"])
        #expect(occurrence(replay.schedule, "t-blad-1").sequence == 4)
        #expect(throws: JournalError.nothingToUndo) { try Rescheduling.propose(.undo, on: replay, context: context()) }
    }

    @Test func sequenceNeverGoesBackWhenThePlanFileIsEditedAfterAnApproval() {
        let moved = entry(1, .move(activity: "blad", occurrence: 1, day: day("2027-05-05"), time: nil))
        let approvedSchedule = JournalReplay(plan: journalPlan(), entries: [moved]).schedule
        let approval = entry(2, .approve(Approval(of: approvedSchedule, ref: "FL")), at: "2027-05-01T10:00:00Z")
        #expect(occurrence(approvedSchedule, "t-blad-1").sequence == 1)

        // Someone edits the meetings by hand afterwards: namnd[3] moves without a journal entry.
        let edited = journalPlan(meetings: ["2027-01-27", "2027-02-24", "2027-03-30", "2027-12-15"])
        let replay = JournalReplay(plan: edited, entries: [moved, approval])
        #expect(occurrence(replay.schedule, "t-namnd-3").sequence == 1, "hand edit counted once against the approval")
        #expect(occurrence(replay.schedule, "t-protokoll-3").sequence == 1)
        #expect(occurrence(replay.schedule, "t-namnd-1").sequence == 0)
        #expect(occurrence(replay.schedule, "t-blad-1").sequence == 1)
    }
}

@Suite("Rescheduling")
struct ReschedulingTests {
    let replay = JournalReplay(plan: journalPlan(), entries: [])

    @Test func aMoveListsEveryOccurrenceThatFollowsAndNewConflicts() throws {
        let proposal = try Rescheduling.propose(
            .move(activity: "namnd", occurrence: 3, day: day("2027-03-31"), time: nil), on: replay, context: context())
        #expect(proposal.entry.action == .move(activity: "namnd", occurrence: 3, day: day("2027-03-31"), time: nil))
        #expect(proposal.entry.sequence == 1)
        #expect(proposal.entry.by == "Anna Berg")
        let moved = proposal.impact.occurrences.map { "\($0.uid) \($0.direct)" }
        #expect(moved == ["t-namnd-3 true", "t-protokoll-3 false"])
        #expect(proposal.impact.occurrences[1].change.before?.timing.firstDay == day("2027-03-31"))
        #expect(proposal.impact.occurrences[1].change.after?.timing.firstDay == day("2027-04-05"))
        #expect(proposal.impact.newConflicts.map(\.kind) == [.pinnedPushed])
        #expect(proposal.refusals == [.newErrors(proposal.impact.newConflicts)])
    }

    @Test func movesOntoADayOffBeforeADependencyOrOfAPinnedActivityAreRefused() throws {
        let dayOff = try Rescheduling.propose(
            .move(activity: "blad", occurrence: nil, day: day("2027-06-06"), time: nil), on: replay, context: context())
        #expect(dayOff.refusals == [.dayOff(day("2027-06-06"), reason: "Sveriges nationaldag")])

        let early = try Rescheduling.propose(
            .move(activity: "protokoll", occurrence: 1, day: day("2027-01-28"), time: nil), on: replay,
            context: context("2027-01-04T10:00:00Z"))
        guard case .beforeDependency(let conflict) = early.refusals.first else {
            Issue.record("expected a dependency refusal, got \(early.refusals)")
            return
        }
        #expect(conflict.english.contains("allows (2027-02-01)"))
        #expect(conflict.occurrence == 1 && conflict.day == day("2027-01-28") && conflict.limit == day("2027-02-01"))

        let pinned = try Rescheduling.propose(
            .move(activity: "enkat", occurrence: nil, day: day("2027-04-07"), time: nil), on: replay, context: context())
        #expect(pinned.refusals == [.pinned("enkat")])

        let window = try Rescheduling.propose(
            .move(activity: "underlag", occurrence: nil, day: day("2027-12-14"), time: nil), on: replay, context: context())
        #expect(window.refusals.count == 1)
        guard case .newErrors(let errors) = window.refusals.first else {
            Issue.record("expected new errors")
            return
        }
        #expect(errors.map(\.kind) == [.windowViolated])

        let fine = try Rescheduling.propose(
            .move(activity: "blad", occurrence: nil, day: day("2027-05-05"), time: nil), on: replay, context: context())
        #expect(fine.refusals.isEmpty)
    }

    @Test func requestsThatCannotMeanAnythingAreErrors() {
        #expect(throws: JournalError.unknownActivity("namd", suggestion: "namnd")) {
            try Rescheduling.propose(.move(activity: "namd", occurrence: 1, day: day("2027-03-30"), time: nil), on: replay, context: context())
        }
        #expect(throws: JournalError.unknownOccurrence("namnd", 12, count: 4)) {
            try Rescheduling.propose(.move(activity: "namnd", occurrence: 12, day: day("2027-03-30"), time: nil), on: replay, context: context())
        }
        do {
            _ = try Rescheduling.propose(.move(activity: "namnd", occurrence: nil, day: day("2027-03-30"), time: nil), on: replay, context: context())
            Issue.record("a move of a repeating activity needs an occurrence")
        } catch {
            #expect(error.description.contains("har 4 tillfällen; ange ett med --occurrence N"))
            #expect(error.description.contains("3: 2027-03-24T17:00"))
            let english = Message.journal(error).text(in: .english)
            #expect(english.contains("has 4 occurrences; name one with --occurrence N"))
        }
        #expect(throws: JournalError.nothingToChange(.alreadyOn(occurrence: "namnd[3]", day: day("2027-03-24"), time: nil))) {
            try Rescheduling.propose(.move(activity: "namnd", occurrence: 3, day: day("2027-03-24"), time: nil), on: replay, context: context())
        }
        #expect(throws: JournalError.unknownOwner("johann", suggestion: "johan")) {
            try Rescheduling.propose(.assign(activity: "vb", owner: "johann"), on: replay, context: context())
        }
        #expect(throws: JournalError.nothingToChange(.alreadyOwned(activity: "vb", owner: "anna"))) {
            try Rescheduling.propose(.assign(activity: "vb", owner: "anna"), on: replay, context: context())
        }
        #expect(throws: JournalError.nothingToUndo) { try Rescheduling.propose(.undo, on: replay, context: context()) }
    }

    @Test func cancelWithoutAnOccurrenceCancelsAllAndASingleOneIsNamed() throws {
        let all = try Rescheduling.propose(.cancel(activity: "namnd", occurrence: nil), on: replay, context: context())
        #expect(all.entry.action == .cancel(activity: "namnd", occurrence: nil))
        #expect(all.impact.occurrences.filter(\.direct).count == 4)
        #expect(all.impact.occurrences.filter { !$0.direct }.count == 4)
        let single = try Rescheduling.propose(.cancel(activity: "blad", occurrence: nil), on: replay, context: context())
        #expect(single.entry.action == .cancel(activity: "blad", occurrence: 1))
        let cancelled = JournalReplay(plan: journalPlan(), entries: [single.entry])
        #expect(throws: JournalError.nothingToChange(.alreadyCancelled(occurrence: "blad"))) {
            try Rescheduling.propose(.cancel(activity: "blad", occurrence: nil), on: cancelled, context: context())
        }
    }

    @Test func approvalRecordsTheScheduleAsItStands() throws {
        let proposal = try Rescheduling.propose(.approve(ref: "FL-protokoll 2026-12-10 §4"), on: replay, context: context(reason: nil))
        guard case .approve(let approval) = proposal.entry.action else {
            Issue.record("not an approval")
            return
        }
        #expect(approval.occurrences.count == replay.schedule.occurrences.count)
        #expect(approval.scheduleHash == Approval.hash(of: replay.schedule))
        #expect(proposal.refusals.isEmpty)
    }
}

@Suite("Deviations")
struct DeviationTests {
    func approved(_ entries: [JournalEntry] = [], plan: Plan = journalPlan(), sequence: Int = 1) -> JournalEntry {
        let schedule = JournalReplay(plan: plan, entries: entries).schedule
        return entry(sequence, .approve(Approval(of: schedule, ref: "FL 1")), at: "2027-01-10T10:00:00Z", by: "Förvaltningsledningen", reason: nil)
    }

    @Test func nothingApprovedMeansNoReport() {
        #expect(DeviationReport(replay: JournalReplay(plan: journalPlan(), entries: []), planHash: nil) == nil)
    }

    @Test func aMoveAfterApprovalIsADeviationWithItsDependents() throws {
        let entries = [
            approved(), entry(2, .move(activity: "namnd", occurrence: 2, day: day("2027-02-25"), time: nil), reason: "Ordföranden är sjuk"),
        ]
        let report = try #require(DeviationReport(replay: JournalReplay(plan: journalPlan(), entries: entries), planHash: "sha256:x"))
        #expect(report.deviations.map(\.uid) == ["t-namnd-2", "t-vb-1", "t-protokoll-2"])
        #expect(report.deviations.map(\.kinds) == [[.moved], [.moved], [.moved]])
        #expect(report.deviations[0].causes == [DeviationCause(sequence: 2, direct: true)])
        #expect(report.deviations[1].causes == [DeviationCause(sequence: 2, direct: false)])
        #expect(report.deviations.allSatisfy { !$0.editedInPlanFile })
        #expect(!report.planFileChanged)
        #expect(report.laterEntries.map(\.sequence) == [2])
    }

    @Test func aChangeUndoneAfterApprovalLeavesNoDeviation() throws {
        let entries = [
            approved(), entry(2, .move(activity: "blad", occurrence: 1, day: day("2027-05-05"), time: nil)), entry(3, .undo(entry: 2)),
        ]
        let report = try #require(DeviationReport(replay: JournalReplay(plan: journalPlan(), entries: entries), planHash: nil))
        #expect(report.isEmpty)
    }

    @Test func undoingAnApprovedChangeIsADeviationCausedByTheUndo() throws {
        let move = entry(1, .move(activity: "blad", occurrence: 1, day: day("2027-05-05"), time: nil))
        let entries = [move, approved([move], sequence: 2), entry(3, .undo(entry: 1))]
        let report = try #require(DeviationReport(replay: JournalReplay(plan: journalPlan(), entries: entries), planHash: nil))
        #expect(report.deviations.map(\.uid) == ["t-blad-1"])
        #expect(report.deviations[0].causes == [DeviationCause(sequence: 3, direct: true)])
    }

    @Test func handEditsShowUpAsDeviationsFromThePlanFile() throws {
        let entries = [approved(), entry(2, .cancel(activity: "blad", occurrence: nil)), entry(3, .assign(activity: "vb", owner: "johan"))]
        var edited = journalPlan(meetings: ["2027-01-27", "2027-02-24", "2027-03-24", "2027-12-16"])
        edited.activities.removeAll { $0.id == "underlag" }
        edited.activities.append(activity("nytt", .date(day("2027-06-01"))))
        let report = try #require(DeviationReport(replay: JournalReplay(plan: edited, entries: entries), planHash: "sha256:y"))
        let summary = report.deviations.map {
            "\($0.uid) \($0.kinds.map(\.rawValue).joined(separator: "+")) \($0.editedInPlanFile) \($0.causes.map(\.sequence))"
        }
        #expect(
            summary == [
                "t-vb-1 reassigned false [3]",
                "t-blad-1 cancelled false [2]",
                "t-nytt-1 added true []",
                "t-underlag-1 removed true []",
                "t-namnd-4 moved true []",
                "t-protokoll-4 moved true []",
            ])
        #expect(report.planFileChanged)
    }
}

@Suite("Rescheduling: with")
struct ReschedulingWithTests {
    @Test func movingAWithActivityAwayFromItsDayIsRefused() throws {
        let replay = JournalReplay(plan: journalPlan(), entries: [])
        let proposal = try Rescheduling.propose(
            .move(activity: "vb", occurrence: nil, day: day("2027-02-25"), time: nil), on: replay,
            context: context("2027-01-04T10:00:00Z"))
        guard case .beforeDependency(let conflict) = proposal.refusals.first else {
            Issue.record("expected a dependency refusal, got \(proposal.refusals)")
            return
        }
        #expect(conflict.english == "'vb' on 2027-02-25 is not the same day as 'namnd[2]' (2027-02-24)")
        #expect(conflict.message == "'vb' den 2027-02-25 ligger inte på samma dag som 'namnd[2]' (2027-02-24)")
        #expect(conflict.occurrence == 1 && conflict.day == day("2027-02-25") && conflict.limit == day("2027-02-24"))
    }
}

@Suite("Rescheduling: undo")
struct ReschedulingUndoTests {
    @Test func anUndoIsNeverRefusedEvenWhenItBringsBackAnError() throws {
        // A forced move that pushed the pinned survey, then a move that resolved it; undoing
        // the second brings the error back, and is still allowed.
        let entries = [
            entry(1, .move(activity: "namnd", occurrence: 3, day: day("2027-03-31"), time: nil)),
            entry(2, .move(activity: "namnd", occurrence: 3, day: day("2027-03-24"), time: nil)),
        ]
        let replay = JournalReplay(plan: journalPlan(), entries: entries)
        #expect(!replay.schedule.kinds().contains(.pinnedPushed))
        let undo = try Rescheduling.propose(.undo, on: replay, context: context())
        #expect(undo.impact.newConflicts.map(\.kind) == [.pinnedPushed])
        #expect(undo.refusals.isEmpty)
    }
}

@Suite("Journal: which occurrence an entry meant")
struct OccurrenceIdentityTests {
    @Test func aMoveAndACancelRecordTheOccurrenceTheyMeant() throws {
        let replay = JournalReplay(plan: journalPlan(), entries: [])
        let move = try Rescheduling.propose(
            .move(activity: "namnd", occurrence: 3, day: day("2027-03-31"), time: nil), on: replay, context: context())
        #expect(move.entry.target == OccurrenceMark(uid: "t-namnd-3", day: day("2027-03-24")))
        let cancel = try Rescheduling.propose(.cancel(activity: "protokoll", occurrence: 2), on: replay, context: context())
        #expect(cancel.entry.target == OccurrenceMark(uid: "t-protokoll-2", day: occurrence(replay.schedule, "t-protokoll-2").timing.firstDay))
        // Every occurrence, or an owner: no single occurrence to record.
        #expect(try Rescheduling.propose(.cancel(activity: "namnd", occurrence: nil), on: replay, context: context()).entry.target == nil)
        #expect(try Rescheduling.propose(.assign(activity: "vb", owner: "johan"), on: replay, context: context()).entry.target == nil)
        // A later entry records the day the occurrence has after the earlier ones.
        let moved = JournalReplay(plan: journalPlan(), entries: [move.entry])
        let again = try Rescheduling.propose(.cancel(activity: "namnd", occurrence: 3), on: moved, context: context())
        #expect(again.entry.target == OccurrenceMark(uid: "t-namnd-3", day: day("2027-03-31")))
        let both = JournalReplay(plan: journalPlan(), entries: [move.entry, again.entry])
        #expect(both.notes.isEmpty)
        #expect(occurrence(both.schedule, "t-namnd-3").status == .cancelled)
    }

    @Test func aHandEditThatShiftsPositionsIsReportedNotAppliedToAnotherMeeting() throws {
        let replay = JournalReplay(plan: journalPlan(), entries: [])
        let move = try Rescheduling.propose(
            .move(activity: "namnd", occurrence: 3, day: day("2027-03-31"), time: nil), on: replay, context: context()
        ).entry
        let cancel = try Rescheduling.propose(.cancel(activity: "namnd", occurrence: 4), on: replay, context: context()).entry
        var second = cancel
        second.sequence = 2
        // The February meeting is removed from the plan file by hand: number 3 is now December's.
        let edited = journalPlan(meetings: ["2027-01-27", "2027-03-24", "2027-12-15"])
        let after = JournalReplay(plan: edited, entries: [move, second])
        #expect(after.applied == [false, false])
        #expect(after.notes.map(\.code) == [.journalEntryOccurrenceChanged, .journalEntryNotApplied])
        #expect(
            after.notes[0].english
                == "entry #1 (move) was recorded for occurrence 3 of 'namnd' on 2027-03-24 (t-namnd-3), but occurrence 3 is now on 2027-12-15 "
                + "(the plan file was edited); it is skipped rather than applied to another occurrence; the occurrence on 2027-03-24 is now number 2: "
                + "record the change again with --occurrence 2 if it still holds")
        #expect(after.schedule.days("namnd") == ["2027-01-27", "2027-03-24", "2027-12-15"])
        // The same entry without the new fields (as written before) still applies by number.
        var old = move
        old.target = nil
        #expect(JournalReplay(plan: edited, entries: [old]).schedule.days("namnd") == ["2027-01-27", "2027-03-24", "2027-03-31"])
        // A date changed by hand for that very occurrence is reported too; with no other
        // occurrence on the recorded day, the message says so.
        let moved = JournalReplay(plan: journalPlan(meetings: ["2027-01-27", "2027-02-24", "2027-03-25", "2027-12-15"]), entries: [move])
        #expect(moved.notes.map(\.code) == [.journalEntryOccurrenceChanged])
        #expect(
            moved.notes[0].english.hasSuffix("it is skipped rather than applied to another occurrence; record the change again if it still holds"))
        // A move written into the plan file by hand: the occurrence is where the move leads; it applies, unreported.
        let baked = JournalReplay(plan: journalPlan(meetings: ["2027-01-27", "2027-02-24", "2027-03-31", "2027-12-15"]), entries: [move])
        #expect(baked.notes.isEmpty)
        #expect(baked.applied == [true])
        #expect(baked.schedule.days("namnd") == ["2027-01-27", "2027-02-24", "2027-03-31", "2027-12-15"])
        // A plan whose id changed gives other UIDs.
        var renamed = journalPlan()
        renamed.id = "u"
        #expect(
            JournalReplay(plan: renamed, entries: [move]).notes.first?.english.contains("but occurrence 3 is now u-namnd-3 on 2027-03-24") == true)
    }

    @Test func movesOutsideTheYearsAJournalHoldsAndAFullJournalAreRefused() throws {
        let replay = JournalReplay(plan: journalPlan(), entries: [])
        #expect(throws: JournalError.dayOutOfRange(day("0000-01-01"))) {
            try Rescheduling.propose(.move(activity: "blad", occurrence: 1, day: day("0000-01-01"), time: nil), on: replay, context: context())
        }
        #expect(throws: JournalError.dayOutOfRange(day("9999-12-31"))) {
            try Rescheduling.propose(.move(activity: "blad", occurrence: 1, day: day("9999-12-31"), time: nil), on: replay, context: context())
        }
        let last = JournalReplay(plan: journalPlan(), entries: [entry(JournalEntry.maximumSequence, .cancel(activity: "blad", occurrence: 1))])
        #expect(throws: JournalError.journalFull) { try Rescheduling.propose(.undo, on: last, context: context()) }
        let almost = JournalReplay(plan: journalPlan(), entries: [entry(JournalEntry.maximumSequence - 1, .cancel(activity: "blad", occurrence: 1))])
        #expect(try Rescheduling.propose(.undo, on: almost, context: context()).entry.sequence == JournalEntry.maximumSequence)
    }

    @Test func theNewFieldsRoundTripAndOldEntriesStayTheSameBytes() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var moved = entry(2, .move(activity: "namnd", occurrence: 3, day: day("2027-03-31"), time: nil))
        let old = String(decoding: try encoder.encode(moved), as: UTF8.self)
        #expect(!old.contains("occurrence" + "UID"))
        moved.target = OccurrenceMark(uid: "t-namnd-3", day: day("2027-03-24"))
        let new = try encoder.encode(moved)
        #expect(String(decoding: new, as: UTF8.self).contains(#""occurrenceDay":"2027-03-24","occurrenceUID":"t-namnd-3""#))
        #expect(try JSONDecoder().decode(JournalEntry.self, from: new) == moved)
    }
}
