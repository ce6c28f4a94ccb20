import ArsplanPlanFile
import ArsplanReport
import Foundation
import Testing

@testable import Arsplan

/// The journal on the real example plan: what management and communicators would see.
@Suite("Journal on the example plan")
struct ExamplePlanJournalTests {
    static let planPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Plans/serviceforvaltningen-2027.yaml").path
    static let text = try! String(contentsOfFile: planPath, encoding: .utf8)
    static let plan: Plan = {
        let parsed = PlanFile.parse(text, file: planPath)
        precondition(!parsed.hasErrors, "the example plan has errors")
        // The council calendar (`dates-from`) left unread: these tests are about the journal.
        return parsed.document!.resolved { _ in [] }
    }()
    static let planHash = ContentHash.sha256(text: text)

    /// Applies `request` as the commands do: propose against the journal so far, append the entry.
    @discardableResult
    func record(
        _ request: ChangeRequest, to entries: inout [JournalEntry], at time: String, by: String = "Anna Berg", reason: String? = "skäl",
        plan: Plan = Self.plan
    ) throws -> ChangeProposal {
        let replay = JournalReplay(plan: plan, entries: entries)
        let proposal = try Rescheduling.propose(
            request, on: replay, context: ChangeContext(at: Timestamp(iso: time)!, by: by, reason: reason, planHash: Self.planHash))
        entries.append(proposal.entry)
        return proposal
    }

    func uids(_ impact: Impact) -> [String] { impact.occurrences.map { $0.uid.replacingOccurrences(of: "sf-2027-", with: "") } }

    @Test func movingABoardMeetingMovesEveryKindOfDependent() throws {
        var entries: [JournalEntry] = []
        // The meeting that decides VB moves a week later: with, after, before and for-each all follow.
        let proposal = try record(
            .move(activity: "namnd", occurrence: 2, day: Day(iso: "2027-03-02")!, time: nil), to: &entries, at: "2027-02-01T09:00:00Z")
        #expect(
            uids(proposal.impact) == [
                "namnd-2", "fsg-2", "vb-underlag-1", "namnd-handlingar-2", "vb-1", "vb-intranat-1", "protokoll-2", "vb-apt-1", "vb-kunder-1",
            ])
        #expect(proposal.impact.occurrences.filter(\.direct).map(\.uid) == ["sf-2027-namnd-2"])
        #expect(proposal.refusals.isEmpty)
        let s = JournalReplay(plan: Self.plan, entries: entries).schedule
        let vb = s.occurrences.first { $0.uid == "sf-2027-vb-1" }!
        #expect(vb.timing.firstDay == Day(iso: "2027-03-02"))
        #expect(vb.sequence == 1)
        #expect(vb.lastModified == Timestamp(iso: "2027-02-01T09:00:00Z"))
    }

    @Test func thePinnedSurveyIsNotMovedAndDaysOffAreRefused() throws {
        var entries: [JournalEntry] = []
        let pinned = try record(
            .move(activity: "medarbetarenkat", occurrence: nil, day: Day(iso: "2027-09-20")!, time: nil), to: &entries, at: "2027-02-01T09:00:00Z")
        #expect(pinned.refusals == [.pinned("medarbetarenkat")])
        let midsummer = try record(
            .move(activity: "forvaltningsdag", occurrence: nil, day: Day(iso: "2027-06-25")!, time: nil), to: &entries, at: "2027-02-01T09:00:00Z")
        #expect(midsummer.refusals == [.dayOff(Day(iso: "2027-06-25")!, reason: "Midsommarafton")])
        #expect(ChangeReport.refusals(midsummer.refusals, in: Self.plan).contains("fredag 25 juni 2027 är ledig dag (Midsommarafton)."))
    }

    @Test func cancellingAMeetingCancelsItsForEachActivitiesInTheFeedsAndJSON() throws {
        var entries: [JournalEntry] = []
        try record(.cancel(activity: "namnd", occurrence: 5), to: &entries, at: "2027-04-01T09:00:00Z", reason: "Inga ärenden")
        let s = JournalReplay(plan: Self.plan, entries: entries).schedule
        let cancelled = s.occurrences.filter { $0.status == .cancelled }.map(\.uid).sorted()
        #expect(cancelled == ["sf-2027-fsg-5", "sf-2027-namnd-5", "sf-2027-namnd-handlingar-5", "sf-2027-protokoll-5"])
        let json = ScheduleJSON.render(s)
        #expect(json.contains(#""status" : "cancelled""#))
        let document = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        let namnd5 = (document["occurrences"] as! [[String: Any]]).first { $0["uid"] as? String == "sf-2027-namnd-5" }!
        #expect(namnd5["status"] as? String == "cancelled")
        #expect(namnd5["sequence"] as? Int == 1)
    }

    @Test func approveMoveDeviationsApproveAsManagementWould() throws {
        var entries: [JournalEntry] = []
        try record(.approve(ref: "FL-protokoll 2026-12-10 §4"), to: &entries, at: "2026-12-10T13:00:00Z", by: "Förvaltningsledningen", reason: nil)
        try record(
            .move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil), to: &entries, at: "2027-03-01T10:00:00Z",
            reason: "Ordföranden är bortrest")
        try record(
            .cancel(activity: "kc-informationsblad", occurrence: 2), to: &entries, at: "2027-03-02T09:00:00Z", by: "Mikael Öberg",
            reason: "Inget nytt att berätta")
        try record(
            .assign(activity: "vb-kunder", owner: "kommunikator"), to: &entries, at: "2027-03-02T09:30:00Z", by: "Maria Holm",
            reason: "Johan är föräldraledig")
        try record(.move(activity: "gemensam-it", occurrence: 4, day: Day(iso: "2027-04-16")!, time: nil), to: &entries, at: "2027-03-03T09:30:00Z")
        try record(.undo, to: &entries, at: "2027-03-03T09:45:00Z", reason: nil)

        let replay = JournalReplay(plan: Self.plan, entries: entries)
        let report = try #require(DeviationReport(replay: replay, planHash: Self.planHash))
        #expect(
            report.deviations.map {
                "\($0.uid.dropFirst(8)) \($0.kinds.map(\.rawValue).joined()) \($0.causes.map { "#\($0.sequence)\($0.direct ? "" : "~")" }.joined())"
            } == [
                "vb-kunder-1 reassigned #4",
                "fsg-3 moved #2~",
                "namnd-handlingar-3 moved #2~",
                "namnd-3 moved #2",
                "protokoll-3 moved #2~",
                "kc-informationsblad-2 cancelled #3",
            ])
        #expect(!report.planFileChanged)

        let markdown = DeviationsReport.markdown(report, replay: replay)
        #expect(markdown.hasPrefix("## Avvikelser från fastställd årsplan – Kommunikationsplan Serviceförvaltningen 2027\n"))
        #expect(
            markdown.contains(
                "Årsplanen fastställdes 2026-12-10 av Förvaltningsledningen (FL-protokoll 2026-12-10 §4). Sedan dess avviker 6 tillfällen"))
        #expect(markdown.contains("### 1. Servicenämndens sammanträde (3/11) flyttas till tisdag 30 mars 2027\n"))
        #expect(markdown.contains("Ändring #2, registrerad 2027-03-01 11:00 av Anna Berg. Skäl: Ordföranden är bortrest."))
        #expect(markdown.contains("| Servicenämndens sammanträde (3/11) | flyttad | tis 23 mar 17:00–19:00 | tis 30 mar 17:00–19:00 |"))
        #expect(markdown.contains("| följer med: Nämndens protokoll justeras och publiceras (3/11) | flyttad | tis 30 mar | fre 2 apr |"))
        #expect(markdown.contains("### 2. Kontaktcenter Stockholms informationsblad till kunder (2/3) ställs in"))
        #expect(markdown.contains("### 3. Verksamhetsberättelse 2026 till kunderna och på stockholm.se får ny ansvarig: Anna Berg"))
        #expect(!markdown.contains("Gemensam IT"), "a change undone since the approval is no deviation")
        #expect(markdown.hasSuffix("**Förslag till beslut:** att godkänna avvikelserna ovan och fastställa den justerade årsplanen.\n"))

        let json = try JSONSerialization.jsonObject(with: Data(DeviationsReport.json(report, replay: replay).utf8)) as! [String: Any]
        #expect((json["deviations"] as! [Any]).count == 6)
        #expect((json["approval"] as! [String: Any])["ref"] as? String == "FL-protokoll 2026-12-10 §4")

        // Management approves the deviations at its next meeting: nothing deviates any more.
        try record(.approve(ref: "FL-protokoll 2027-03-10 §3"), to: &entries, at: "2027-03-10T13:00:00Z", by: "Förvaltningsledningen", reason: nil)
        let after = JournalReplay(plan: Self.plan, entries: entries)
        let clean = try #require(DeviationReport(replay: after, planHash: Self.planHash))
        #expect(clean.isEmpty)
        #expect(DeviationsReport.markdown(clean, replay: after).contains("Sedan dess har inget tillfälle ändrats."))
        #expect(
            StatusReport.render(after, deviations: clean, journal: "j", journalExists: true).contains(
                "Avvikelser:  inga – schemat är som det fastställdes"))
    }

    @Test func handEditsOfThePlanFileAreDeviationsAndOldEntriesAreReported() throws {
        var entries: [JournalEntry] = []
        try record(.approve(ref: "FL 1"), to: &entries, at: "2026-12-10T13:00:00Z", by: "Förvaltningsledningen", reason: nil)
        try record(.cancel(activity: "kc-chatt", occurrence: nil), to: &entries, at: "2027-03-02T09:00:00Z")
        // Someone then edits the file: kc-chatt is deleted and the open house moves a day.
        let edited = Self.text.replacingOccurrences(of: "date: 2027-10-06\n    time: \"13:00\"", with: "date: 2027-10-07\n    time: \"13:00\"")
            .replacingOccurrences(of: "  - id: kc-chatt\n", with: "  - id: kc-chatt-lansering\n")
        let plan = try #require(PlanFile.parse(edited, file: "x.yaml").document).resolved { _ in [] }
        let replay = JournalReplay(plan: plan, entries: entries)
        #expect(replay.notes.map(\.code) == [.journalEntryNotApplied])
        let report = try #require(DeviationReport(replay: replay, planHash: ContentHash.sha256(text: edited)))
        #expect(report.planFileChanged)
        #expect(
            report.deviations.map { "\($0.uid.dropFirst(8)) \($0.kinds.map(\.rawValue).joined()) \($0.editedInPlanFile)" } == [
                "kc-chatt-1 removed true", "kc-chatt-lansering-1 added true", "oppet-hus-1 moved true",
            ])
        let markdown = DeviationsReport.markdown(report, replay: replay)
        #expect(markdown.contains("### 1. Ändrat direkt i planfilen"))
        #expect(markdown.contains("| Öppet hus för kunder | flyttad | ons 6 okt 13:00–17:00 | tor 7 okt 13:00–17:00 |"))
    }

    @Test func historyListsEveryEntryWithItsFate() throws {
        var entries: [JournalEntry] = []
        try record(
            .move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil), to: &entries, at: "2027-03-01T10:00:00Z",
            reason: "Ordföranden är bortrest")
        try record(.undo, to: &entries, at: "2027-03-01T11:00:00Z", reason: nil)
        let replay = JournalReplay(plan: Self.plan, entries: entries)
        let table = HistoryReport.table(replay, lines: [1, 2], journal: "j.jsonl")
        #expect(table.contains("#1  2027-03-01 11:00  Anna Berg  flyttar namnd (3) till tis 30 mar 2027 [ångrad av #2]  Ordföranden är bortrest"))
        #expect(table.contains("#2  2027-03-01 12:00  Anna Berg  ångrar #1"))
        let json = try JSONSerialization.jsonObject(with: Data(HistoryReport.json(replay, lines: [1, 2], journal: "j.jsonl").utf8)) as! [String: Any]
        let first = (json["entries"] as! [[String: Any]])[0]
        #expect(first["undoneBy"] as? Int == 2)
        #expect(first["day"] as? String == "2027-03-30")
        #expect(first["line"] as? Int == 1)
    }

    @Test func replayingAYearOfChangesStaysCheap() throws {
        // Not a timing assertion (see bench/), just that a long journal replays consistently.
        let entries = (1...24).map { n in
            JournalEntry(
                sequence: n, at: Timestamp(secondsSince1970: 1_800_000_000 + n), by: "Anna Berg", reason: "skäl", planHash: nil,
                action: n % 2 == 0
                    ? .cancel(activity: "personalblad", occurrence: n)
                    : .move(activity: "namnd", occurrence: n % 11 + 1, day: Day(iso: "2027-06-0\(n % 5 + 1)")!, time: nil))
        }
        let replay = JournalReplay(plan: Self.plan, entries: entries)
        #expect(replay.schedule.occurrences.filter { $0.activity == "personalblad" && $0.status == .cancelled }.count == 12)
        #expect(replay.notes.isEmpty)
        #expect(replay.schedule.stamp == Timestamp(secondsSince1970: 1_800_000_024))
        // The effective plan alone schedules to the same occurrences, revisions included.
        #expect(Scheduler.schedule(replay.plan, stamp: replay.stamp).occurrences == replay.schedule.occurrences)
    }
}

/// Replay places only what a change can reach; this checks it against placing the whole
/// plan after every entry, on the example plan with a long, varied journal.
@Suite("Journal replay against the naive replay")
struct NaiveReplayTests {
    /// A small deterministic generator (SplitMix64), so the journal is the same every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test(arguments: [1, 2, 3])
    func sequencesMatchPlacingTheWholePlanEachTime(seed: UInt64) throws {
        let plan = ExamplePlanJournalTests.plan
        let written = Scheduler.schedule(plan)
        var generator = Generator(state: seed)
        let occurrences = written.occurrences
        var entries: [JournalEntry] = []
        for n in 1...60 {
            let o = occurrences.randomElement(using: &generator)!
            let action: JournalAction
            switch Int.random(in: 0..<10, using: &generator) {
            case 0..<6:
                let day = Day(iso: "2027-01-04")!.adding(days: Int.random(in: 0..<360, using: &generator))
                action = .move(activity: o.activity, occurrence: o.index, day: day, time: nil)
            case 6..<9:
                action = .cancel(activity: o.activity, occurrence: Bool.random(using: &generator) ? o.index : nil)
            default:
                action = .assign(activity: o.activity, owner: plan.owners.randomElement(using: &generator)!.id)
            }
            entries.append(
                JournalEntry(
                    sequence: n, at: Timestamp(secondsSince1970: 1_800_000_000 + 60 * n), by: "x", reason: "r", planHash: nil, action: action))
        }
        let replay = JournalReplay(plan: plan, entries: entries)

        // Naive: the whole plan scheduled after every entry, states compared by uid.
        var sequence: [String: Int] = [:]
        var modified: [String: Timestamp] = [:]
        var previous = Dictionary(uniqueKeysWithValues: written.occurrences.map { ($0.uid, $0) })
        var current = plan
        var index: [Activity.ID: Int] = [:]
        for (i, a) in plan.activities.enumerated() { index[a.id] = i }
        for entry in entries {
            JournalReplay.apply(entry.action, to: &current, index: index, numbers: replay.occurrenceNumbers(of:))
            let next = Dictionary(uniqueKeysWithValues: Scheduler.schedule(current).occurrences.map { ($0.uid, $0) })
            for (uid, o) in next {
                let before = previous[uid]!
                if before.timing != o.timing || before.status != o.status { sequence[uid, default: 0] += 1 }
                if before.timing != o.timing || before.status != o.status || before.owner != o.owner { modified[uid] = entry.at }
            }
            previous = next
        }
        for o in replay.schedule.occurrences {
            #expect(o.sequence == sequence[o.uid] ?? 0, "\(o.uid)")
            #expect(o.lastModified == modified[o.uid], "\(o.uid)")
            let naive = previous[o.uid]!
            #expect(o.timing == naive.timing && o.status == naive.status && o.owner == naive.owner, "\(o.uid)")
        }
        #expect(replay.notes.isEmpty)
    }

    /// An approved uid is compared with an occurrence's byte by byte without forming the
    /// occurrence's uid, and as a `String` (canonical equivalence) when the bytes differ: the
    /// same activity id written decomposed still matches, another number or key does not.
    @Test func approvedUIDsComparedByBytesThenAsStrings() {
        var plan = ExamplePlanJournalTests.plan
        plan.activities[0].id = "m\u{F6}te"  // "möte", composed
        let prefix = plan.id + "-"
        #expect(JournalReplay.uid(prefix + "m\u{F6}te-1", isOf: plan, 0, 1, nil))
        #expect(JournalReplay.uid(prefix + "mo\u{308}te-1", isOf: plan, 0, 1, nil))
        #expect(!JournalReplay.uid(prefix + "m\u{F6}te-2", isOf: plan, 0, 1, nil))
        #expect(!JournalReplay.uid(prefix + "m\u{F6}te-12", isOf: plan, 0, 1, nil))
        #expect(JournalReplay.uid(prefix + "m\u{F6}te-a1b2", isOf: plan, 0, 1, "a1b2"))
        #expect(!JournalReplay.uid(prefix + "m\u{F6}te-1", isOf: plan, 0, 1, "a1b2"))
        #expect(!JournalReplay.uid("m\u{F6}te-1", isOf: plan, 0, 1, nil))
        #expect(JournalReplay.uid(plan: plan, 0, 1, nil) == prefix + "mo\u{308}te-1")
    }

    /// What each entry changed and the states at the approval, kept by occurrence slot, against
    /// the whole plan scheduled after every entry and compared by uid. The approval names one
    /// occurrence under another number (found by its uid) and one the plan does not have.
    @Test(arguments: [4, 5, 6])
    func effectsAndApprovedStatesMatchPlacingTheWholePlanEachTime(seed: UInt64) throws {
        let plan = ExamplePlanJournalTests.plan
        let written = Scheduler.schedule(plan)
        var generator = Generator(state: seed)
        var index: [Activity.ID: Int] = [:]
        for (i, a) in plan.activities.enumerated() { index[a.id] = i }
        var entries: [JournalEntry] = []
        var current = plan
        var schedules = [written]
        let numbers = Dictionary(grouping: written.occurrences, by: \.activity).mapValues { $0.map(\.index).sorted() }
        func numbersOf(_ id: Activity.ID) -> [Int] { numbers[id] ?? [] }
        for n in 1...50 {
            let o = written.occurrences.randomElement(using: &generator)!
            let action: JournalAction
            if n == 25 {
                var approval = Approval(of: Scheduler.schedule(current), ref: "§25")
                approval.occurrences[3].index += 100
                approval.occurrences[7].uid += "-borta"
                action = .approve(approval)
            } else {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<6:
                    let day = Day(iso: "2027-01-04")!.adding(days: Int.random(in: 0..<360, using: &generator))
                    action = .move(activity: o.activity, occurrence: o.index, day: day, time: nil)
                case 6..<8:
                    action = .cancel(activity: o.activity, occurrence: Bool.random(using: &generator) ? o.index : nil)
                default:
                    let from = Bool.random(using: &generator) ? Day(iso: "2027-06-01") : nil
                    action = .assign(activity: o.activity, owner: plan.owners.randomElement(using: &generator)!.id, from: from)
                }
            }
            entries.append(
                JournalEntry(
                    sequence: n, at: Timestamp(secondsSince1970: 1_800_000_000 + 60 * n), by: "x", reason: "r", planHash: nil, action: action))
            JournalReplay.apply(action, to: &current, index: index, numbers: numbersOf)
            schedules.append(Scheduler.schedule(current))
        }
        let replay = JournalReplay(plan: plan, entries: entries)
        #expect(replay.notes.map(\.code) == [.journalApprovalAltered])
        var changed = 0
        for (position, entry) in entries.enumerated() {
            let naive = JournalReplay.diff(JournalReplay.states(of: schedules[position]), JournalReplay.states(of: schedules[position + 1]))
            if case .approve(let approval) = entry.action {
                let point = try #require(replay.latestApproval)
                #expect(point.position == position)
                let states = JournalReplay.states(of: schedules[position])
                #expect(point.replayedStates == approval.occurrences.map { states[$0.uid] })
                #expect(point.replayedStates[3] != nil && point.replayedStates[7] == nil)
                #expect(replay.effects[position] == nil)
                continue
            }
            let effects = replay.effects[position] ?? []
            #expect(Dictionary(uniqueKeysWithValues: effects.map { (replay.uid(of: $0), $0.isRescheduling) }) == naive.mapValues(\.isRescheduling))
            changed += effects.count
        }
        #expect(changed > 50)
    }
}
