import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The journal commands run as a user would: the built `arsplan` binary on a copy of the
/// example plan in a temporary folder.
@Suite("arsplan move, cancel, undo, approve, deviations")
struct JournalCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examplePlan = packageRoot.appendingPathComponent("Plans/serviceforvaltningen-2027.yaml")
    static let planName = "serviceforvaltningen-2027.yaml"
    static let journalName = "serviceforvaltningen-2027.journal.jsonl"

    typealias Run = CommandRunner.Result

    /// A temporary folder holding a copy of the example plan.
    final class Workspace {
        let directory: URL

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("arsplan-journal-cli-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: JournalCommandTests.examplePlan, to: directory.appendingPathComponent(JournalCommandTests.planName))
            // The calendars the plan reads its dates from (`dates-from:`).
            let plans = JournalCommandTests.examplePlan.deletingLastPathComponent()
            for name in try FileManager.default.contentsOfDirectory(atPath: plans.path) where name.hasSuffix(".ics") {
                try FileManager.default.copyItem(at: plans.appendingPathComponent(name), to: directory.appendingPathComponent(name))
            }
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        var plan: URL { directory.appendingPathComponent(JournalCommandTests.planName) }
        var journal: URL { directory.appendingPathComponent(JournalCommandTests.journalName) }
        var journalText: String? { try? String(contentsOf: journal, encoding: .utf8) }

        func process(_ arguments: [String], now: String, user: String?) throws -> Process {
            try CommandRunner.process(arguments, environment: ["ARSPLAN_NOW": now, "ARSPLAN_USER": user], in: directory)
        }

        /// Runs `arsplan arguments…` in the folder, with "now" and the user fixed.
        @discardableResult
        func run(_ arguments: String..., now: String = "2027-03-01T10:00:00Z", user: String? = "Anna Berg") throws -> Run {
            try run(arguments: arguments, now: now, user: user)
        }

        func run(arguments: [String], now: String = "2027-03-01T10:00:00Z", user: String? = "Anna Berg") throws -> Run {
            try CommandRunner.run(process(arguments, now: now, user: user))
        }

        /// `schedule --format json`, occurrences by uid.
        func occurrences() throws -> [String: [String: Any]] {
            let result = try run("schedule", JournalCommandTests.planName, "--format", "json")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let list = try #require(document["occurrences"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ($0["uid"] as! String, $0) })
        }
    }

    let plan = JournalCommandTests.planName

    @Test func moveShowsInScheduleJSONAndUndoBringsItBack() throws {
        let w = try Workspace()
        let move = try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "3", "--reason", "Ordföranden är bortrest")
        #expect(move.status == 0, "\(move.stderr)")
        #expect(move.stdout.hasPrefix("Flytt (ändring #1, Anna Berg): flyttar namnd (3) till tis 30 mar 2027\n"))
        #expect(move.stdout.contains("  Servicenämndens sammanträde (3/11)"))
        #expect(move.stdout.contains("tis 23 mar 17:00–19:00 → tis 30 mar 17:00–19:00"))
        #expect(move.stdout.contains("Följer med (3):"))
        #expect(move.stdout.hasSuffix("Sparat som post #1 i \(JournalCommandTests.journalName).\n"))

        var occurrences = try w.occurrences()
        #expect(occurrences["sf-2027-namnd-3"]?["start"] as? String == "2027-03-30T17:00")
        #expect(occurrences["sf-2027-namnd-3"]?["sequence"] as? Int == 1)
        #expect(occurrences["sf-2027-protokoll-3"]?["start"] as? String == "2027-04-02")
        #expect(occurrences["sf-2027-protokoll-3"]?["sequence"] as? Int == 1)
        #expect(occurrences["sf-2027-namnd-2"]?["sequence"] as? Int == 0)

        let undo = try w.run("undo", plan, now: "2027-03-01T11:00:00Z", user: "Maria Holm")
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.hasPrefix("Ångra #1 (ändring #2, Maria Holm): ångrar #1\n"))
        occurrences = try w.occurrences()
        #expect(occurrences["sf-2027-namnd-3"]?["start"] as? String == "2027-03-23T17:00")
        #expect(occurrences["sf-2027-namnd-3"]?["sequence"] as? Int == 2, "SEQUENCE only grows, so calendars update")

        let history = try w.run("history", plan)
        #expect(history.stdout.contains("flyttar namnd (3) till tis 30 mar 2027 [ångrad av #2]"))
        let nothing = try w.run("undo", plan)
        #expect(nothing.status == 1)
        #expect(nothing.stderr == "fel: Ingenting att ångra: ändringsloggen har ingen ändring som gäller. [change_nothing_to_undo]\n")
    }

    @Test func dryRunPrintsTheImpactAndWritesNothing() throws {
        let w = try Workspace()
        let run = try w.run(
            arguments: ["move", plan, "namnd", "2027-03-02", "--occurrence", "2", "--reason", "Prov", "--dry-run"], now: "2027-02-01T10:00:00Z")
        #expect(run.status == 0)
        #expect(run.stdout.contains("Verksamhetsberättelse 2026 beslutas"))
        #expect(run.stdout.hasSuffix("Provkörning (--dry-run): ingenting har skrivits.\n"))
        #expect(w.journalText == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.directory.path).filter { !$0.hasSuffix(".ics") } == [plan])
    }

    @Test func aYearTypoOrAPastOccurrenceIsRefusedUnlessForced() throws {
        let w = try Workspace()
        let typo = try w.run("move", plan, "namnd", "2028-03-23", "--occurrence", "3", "--reason", "x")
        #expect(typo.status == 1)
        #expect(typo.stdout.contains("tis 23 mar 17:00–19:00 → tor 23 mar 2028 17:00–19:00"))
        #expect(typo.stdout.contains("2028-03-23 ligger utanför planåret 2027"))
        #expect(typo.stdout.contains("Använd --force"))
        #expect(w.journalText == nil)

        let past = try w.run("move", plan, "namnd", "2027-04-06", "--occurrence", "2", "--reason", "x", now: "2027-05-03T10:00:00Z")
        #expect(past.status == 1)
        #expect(past.stdout.contains("'namnd[2]' var 2027-02-23, före i dag (2027-05-03): det har redan ägt rum"))
        #expect(w.journalText == nil)

        let forced = try w.run("move", plan, "namnd", "2028-03-23", "--occurrence", "3", "--reason", "x", "--force")
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("Gjort trots invändningarna ovan (--force)."))
        #expect(w.journalText?.contains("2028-03-23") == true)
    }

    @Test func approvingWithNothingChangedIsRefusedUnlessForced() throws {
        let w = try Workspace()
        let first = try w.run("approve", plan, "--by", "Ledningen", "--ref", "FL 1")
        #expect(first.status == 0, "\(first.stderr)")
        let journal = try #require(w.journalText)
        let again = try w.run("approve", plan, "--by", "Ledningen", "--ref", "FL 2")
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "fel: ingenting har ändrats sedan fastställelsen #1 (FL 1); en ny fastställelse sparas bara med --force. Ingenting sparades. [approval_unchanged]\n"
        )
        #expect(w.journalText == journal)
        try w.run("cancel", plan, "kc-chatt", "--reason", "Skjuts upp")
        let afterChange = try w.run("approve", plan, "--by", "Ledningen", "--ref", "FL 3")
        #expect(afterChange.status == 0, "\(afterChange.stderr)")
        let forced = try w.run("approve", plan, "--by", "Ledningen", "--ref", "FL 4", "--force")
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(w.journalText?.contains("FL 4") == true)
    }

    @Test func aDependantMovedFarOrAcrossAClosedPeriodIsAWarningInThePreview() throws {
        let w = try Workspace()
        let far = try w.run("move", plan, "namnd", "2027-05-04", "--occurrence", "3", "--reason", "x", "--dry-run")
        #expect(far.status == 0, "\(far.stderr)")
        #expect(far.stdout.contains("Varning – följer med långt (3):"))
        #expect(far.stdout.contains("flyttas 28 arbetsdagar senare, över Klämdag (tis 30 mar → tis 11 maj)"))
        let near = try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "3", "--reason", "x", "--dry-run")
        #expect(near.status == 0)
        #expect(!near.stdout.contains("följer med långt"))
    }

    @Test func moveTakesTheTimeAsThePlanFileWritesIt() throws {
        let w = try Workspace()
        let run = try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "3", "--time", "18.30", "--reason", "x", "--dry-run")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("→ tis 30 mar 18:30–20:30"))
        let bad = try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "3", "--time", "18,30", "--reason", "x")
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("'18,30' är ingen tid"))
    }

    @Test func badInputIsAClearErrorAndLeavesTheJournalUntouched() throws {
        let w = try Workspace()
        try w.run("cancel", plan, "kc-chatt", "--reason", "Skjuts upp")
        let before = try #require(w.journalText)

        let unknown = try w.run("move", plan, "namd", "2027-03-30", "--occurrence", "3", "--reason", "x")
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "fel: Det finns ingen aktivitet 'namd' i planen (menade du 'namnd'?). [change_unknown_activity]\n")
        let english = try w.run("move", plan, "namd", "2027-03-30", "--occurrence", "3", "--reason", "x", "--lang", "en")
        #expect(english.status == 1)
        #expect(english.stderr == "error: There is no activity 'namd' in the plan (did you mean 'namnd'?). [change_unknown_activity]\n")

        let occurrence = try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "14", "--reason", "x")
        #expect(occurrence.status == 1)
        #expect(occurrence.stderr == "fel: Aktiviteten 'namnd' har inget tillfälle 14; den har 11 (1–11). [change_unknown_occurrence]\n")

        let needsOccurrence = try w.run("move", plan, "namnd", "2027-03-30", "--reason", "x")
        #expect(needsOccurrence.status == 1)
        #expect(needsOccurrence.stderr.contains("har 11 tillfällen; ange ett med --occurrence N"))

        let date = try w.run("move", plan, "namnd", "2027-02-30", "--occurrence", "3", "--reason", "x")
        #expect(date.status == 1)
        #expect(date.stderr == "fel: '2027-02-30' är inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2027-03-30. [invalid_date]\n")

        let reason = try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "3")
        #expect(reason.status == 64)
        #expect(reason.stderr.contains("Missing expected argument '--reason <reason>'"))

        let owner = try w.run("assign", plan, "vb-kunder", "kommunikatr", "--reason", "x")
        #expect(owner.status == 1)
        #expect(owner.stderr.contains("menade du 'kommunikator'?"))

        // A plan with errors: nothing is recorded.
        let broken = try String(contentsOf: w.plan, encoding: .utf8).replacingOccurrences(
            of: "after: vb + 2 workdays", with: "after: vb2 + 2 workdays")
        try broken.write(to: w.plan, atomically: true, encoding: .utf8)
        let errors = try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "3", "--reason", "x")
        #expect(errors.status == 1)
        #expect(errors.stderr.contains("'vb2'"))
        #expect(w.journalText == before)
    }

    @Test func twentyCommunicatorsAtOnceGiveTwentyEntries() throws {
        let w = try Workspace()
        var processes: [Process] = []
        for n in 1...20 {
            let process = try w.process(
                ["cancel", plan, "personalblad", "--occurrence", "\(n)", "--reason", "Nummer \(n) utgår"], now: "2026-12-01T10:00:00Z",
                user: "Kommunikatör \(n)")
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            processes.append(process)
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.map(\.terminationStatus) == Array(repeating: 0, count: 20))

        let lines = try #require(w.journalText).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 21 && lines.last == "", "twenty complete lines")
        let entries = try lines.dropLast().map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(entries.compactMap { $0["seq"] as? Int } == Array(1...20))
        #expect(Set(entries.compactMap { $0["occurrence"] as? Int }) == Set(1...20))
        let cancelled = try w.occurrences().values.filter { $0["activity"] as? String == "personalblad" && $0["status"] as? String == "cancelled" }
        #expect(cancelled.count == 20)
        let history = try w.run("history", plan, "--format", "json")
        #expect(history.status == 0 && history.stderr.isEmpty)
    }

    @Test func aJournalFromANewerArsplanIsRefused() throws {
        let w = try Workspace()
        try w.run("cancel", plan, "kc-chatt", "--reason", "Skjuts upp")
        let newer = #"{"v":3,"seq":2,"at":"2027-03-02T10:00:00Z","by":"Framtiden","action":"split","activity":"namnd","parts":2}"#
        let text = try #require(w.journalText) + newer + "\n"
        try text.write(to: w.journal, atomically: true, encoding: .utf8)
        let message =
            "\(JournalCommandTests.journalName):2:1: fel: posten skrevs av en nyare arsplan (loggformat 3; den här arsplan läser format 2 och äldre); uppgradera arsplan för att läsa loggen [journal_newer_version]\n"
        for run in [
            try w.run("schedule", plan), try w.run("validate", plan), try w.run("status", plan),
            try w.run("cancel", plan, "oppet-hus", "--reason", "x"),
        ] {
            #expect(run.status == 1)
            #expect(run.stderr == message)
        }
        #expect(w.journalText == text)
    }

    @Test func aTornLastLineIsReportedAndRemovedByTheNextChange() throws {
        let w = try Workspace()
        try w.run("cancel", plan, "kc-chatt", "--reason", "Skjuts upp")
        let good = try #require(w.journalText)
        try (good + #"{"action":"move","activity":"nam"#).write(to: w.journal, atomically: true, encoding: .utf8)
        let schedule = try w.run("schedule", plan, "--format", "json")
        #expect(schedule.status == 0)
        #expect(
            schedule.stderr.contains(
                "\(JournalCommandTests.journalName):2:1: varning: sista raden är ofullständig (den saknar radslut: en avbruten skrivning?) och hoppas över; den 1 post som står före den behålls [journal_torn_line]"
            ))
        #expect(try w.occurrences()["sf-2027-kc-chatt-1"]?["status"] as? String == "cancelled")

        let cancel = try w.run("cancel", plan, "oppet-hus", "--reason", "Lokalen är upptagen")
        #expect(cancel.status == 0)
        #expect(cancel.stderr.contains("[journal_torn_line_removed]"))
        let lines = try #require(w.journalText).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[1].contains(#""seq":2"#))
    }

    @Test func aJournalThatCannotBeWrittenIsAClearErrorAndNothingIsWritten() throws {
        let w = try Workspace()
        let file = w.directory.appendingPathComponent("fil")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let journal = file.appendingPathComponent("j.journal.jsonl").path
        let run = try w.run("cancel", plan, "kc-chatt", "--reason", "x", "--journal", journal)
        #expect(run.status == 1)
        #expect(
            run.stderr
                == "\(journal): fel: kan inte skriva ändringsloggen: kan inte öppna den för att lägga till: en del av sökvägen är ingen mapp; ingenting sparades [journal_unwritable]\n"
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.directory.path).filter { !$0.hasSuffix(".ics") }.sorted() == ["fil", plan])
    }

    @Test func refusedMovesNeedForce() throws {
        let w = try Workspace()
        let sunday = try w.run("move", plan, "oppet-hus", "2027-10-10", "--reason", "Helgöppet")
        #expect(sunday.status == 1)
        #expect(sunday.stdout.contains("Ändringen görs inte:\n  • söndag 10 oktober 2027 är ledig dag (söndag). [change_on_day_off]\n"))
        #expect(w.journalText == nil)
        let forced = try w.run("move", plan, "oppet-hus", "2027-10-10", "--reason", "Helgöppet", "--force")
        #expect(forced.status == 0)
        #expect(forced.stdout.contains("Gjort trots invändningarna ovan (--force)."))
        #expect(try w.occurrences()["sf-2027-oppet-hus-1"]?["start"] as? String == "2027-10-10T13:00")
    }

    @Test func approveMoveDeviationsApprove() throws {
        let w = try Workspace()
        let approve = try w.run("approve", plan, "--by", "Förvaltningsledningen", "--ref", "FL-protokoll 2026-12-10 §4", now: "2026-12-10T13:00:00Z")
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.hasPrefix("Fastställande (post #1): Förvaltningsledningen, FL-protokoll 2026-12-10 §4\n"))
        #expect(try w.run("status", plan).stdout.contains("Avvikelser:  inga – schemat är som det fastställdes"))

        #expect(try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "3", "--reason", "Ordföranden är bortrest").status == 0)
        #expect(try w.run("assign", plan, "vb-kunder", "kommunikator", "--reason", "Johan är föräldraledig", user: "Maria Holm").status == 0)
        let markdown = try w.run("deviations", plan, "--format", "markdown")
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("Sedan dess avviker 5 tillfällen från den fastställda planen."))
        #expect(markdown.stdout.contains("### 1. Servicenämndens sammanträde (3/11) flyttas till tisdag 30 mars 2027"))
        #expect(markdown.stdout.contains("### 2. Verksamhetsberättelse 2026 till kunderna och på stockholm.se får ny ansvarig: Anna Berg"))
        let status = try w.run("status", plan)
        #expect(status.stdout.contains("Fastställd:  2026-12-10 14:00 av Förvaltningsledningen, FL-protokoll 2026-12-10 §4 (#1)"))
        #expect(status.stdout.contains("Avvikelser:  5 tillfällen avviker från den fastställda planen"))

        let again = try w.run("approve", plan, "--by", "Förvaltningsledningen", "--ref", "FL-protokoll 2027-03-10 §3", now: "2027-03-10T13:00:00Z")
        #expect(again.status == 0)
        #expect(again.stdout.contains("Därmed godkänt: 5 avvikelser från fastställelsen #1."))
        let table = try w.run("deviations", plan)
        #expect(table.stdout.hasSuffix("Inga avvikelser: schemat är som det fastställdes.\n"))
        let json = try JSONSerialization.jsonObject(with: Data(try w.run("deviations", plan, "--format", "json").stdout.utf8)) as? [String: Any]
        #expect((json?["deviations"] as? [Any])?.isEmpty == true)
        #expect((json?["approval"] as? [String: Any])?["seq"] as? Int == 4)
    }

    @Test func whoDefaultsToTheEnvironmentAndAnEntryForARemovedActivityIsANote() throws {
        let w = try Workspace()
        try w.run("cancel", plan, "kc-chatt", "--reason", "Skjuts upp", user: "Mikael Öberg")
        #expect(try #require(w.journalText).contains(#""by":"Mikael Öberg""#))
        let text = try String(contentsOf: w.plan, encoding: .utf8).replacingOccurrences(of: "- id: kc-chatt\n", with: "- id: kc-chatt-2028\n")
        try text.write(to: w.plan, atomically: true, encoding: .utf8)
        let validate = try w.run("validate", plan)
        #expect(validate.status == 0)
        #expect(
            validate.stderr.contains(
                "\(JournalCommandTests.journalName):1:1: varning: post #1 ('cancel') gäller inte längre: aktiviteten 'kc-chatt' finns inte längre i planfilen; den hoppas över [journal_entry_not_applied]"
            ))
    }

    @Test func feedsCarryTheJournalMovedEventsUpdateAndCancelledOnesLeave() throws {
        let w = try Workspace()
        #expect(try w.run("move", plan, "namnd", "2027-03-30", "--occurrence", "3", "--reason", "Ordföranden är bortrest").status == 0)
        #expect(try w.run("cancel", plan, "kc-chatt", "--reason", "Skjuts upp", now: "2027-03-02T10:00:00Z").status == 0)
        /// The event with `uid` in the (unfolded) feed, up to its END:VEVENT.
        func event(_ uid: String, in feed: String) -> String? {
            guard let start = feed.range(of: "UID:\(uid)@") else { return nil }
            return feed[start.lowerBound...].components(separatedBy: "END:VEVENT").first
        }
        for keep in [false, true] {
            let out = w.directory.appendingPathComponent("ut-\(keep)")
            let export = try w.run(arguments: ["export", plan, "--out", out.path] + (keep ? ["--keep-cancelled"] : []), now: "2027-03-05T08:00:00Z")
            #expect(export.status == 0, "\(export.stderr)")
            let feed = try String(contentsOf: out.appendingPathComponent("alla.ics"), encoding: .utf8).replacingOccurrences(of: "\r\n ", with: "")
            let moved = try #require(event("sf-2027-namnd-3", in: feed))
            #expect(moved.contains("DTSTART;TZID=Europe/Stockholm:20270330T170000"))
            #expect(moved.contains("SEQUENCE:1\r\n"))
            // No publication state yet: first published by this export, stamped with its clock.
            #expect(moved.contains("LAST-MODIFIED:20270305T080000Z"))
            let follows = try #require(event("sf-2027-protokoll-3", in: feed))
            #expect(follows.contains("SEQUENCE:1\r\n"))
            let untouched = try #require(event("sf-2027-namnd-2", in: feed))
            #expect(untouched.contains("SEQUENCE:0\r\n"))
            // Published by the first export and unchanged since: its stamp, never one in the future.
            #expect(untouched.contains("LAST-MODIFIED:20270305T080000Z"))
            #expect(untouched.contains("DTSTAMP:20270305T080000Z"))
            if keep {
                let cancelled = try #require(event("sf-2027-kc-chatt-1", in: feed))
                #expect(cancelled.contains("STATUS:CANCELLED"))
                #expect(cancelled.contains("SEQUENCE:1\r\n"))
            } else {
                #expect(event("sf-2027-kc-chatt-1", in: feed) == nil)
            }
        }
    }

    /// Runs `arsplan arguments…` under bash with `ulimit -f blocks` (1 KiB blocks): the
    /// process and its children may write no file larger than that.
    func runLimited(_ w: Workspace, blocks: Int, _ arguments: [String]) throws -> Run {
        let binary = try #require(CommandRunner.binary)
        return try CommandRunner.run(
            ["-c", "ulimit -f \(blocks) && exec \"$0\" \"$@\"", binary] + arguments, executable: "/bin/bash",
            environment: ["ARSPLAN_NOW": "2027-03-10T10:00:00Z", "ARSPLAN_USER": "Förvaltningsledningen"], in: w.directory)
    }

    @Test func aJournalLargerThanUlimitAllowsIsAWriteErrorNotASignal() throws {
        let w = try Workspace()
        // An approval line holds the whole schedule (about 40 KB): with an 8 KiB limit the first
        // entry cannot be written; the temporary file is removed and no journal appears.
        let first = try runLimited(w, blocks: 8, ["approve", plan, "--by", "FL", "--ref", "FL 1"])
        #expect(first.status == 1, "killed by a signal? \(first.status) \(first.stderr)")
        #expect(
            first.stderr.contains(
                "kan inte skriva ändringsloggen: filen skulle bli större än den största tillåtna storleken (ulimit -f); ingenting sparades [journal_unwritable]"
            ))
        #expect(w.journalText == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.directory.path).filter { !$0.hasSuffix(".ics") } == [plan])
        // Appending to an existing journal: it is truncated back to what it was.
        #expect(try w.run("cancel", plan, "kc-chatt", "--reason", "x").status == 0)
        let before = try #require(w.journalText)
        let second = try runLimited(w, blocks: 8, ["approve", plan, "--by", "FL", "--ref", "FL 2"])
        #expect(second.status == 1, "\(second.stderr)")
        #expect(second.stderr.contains("[journal_unwritable]"))
        #expect(w.journalText == before)
    }

    @Test func aHugeEntryNumberFollowedByUndoIsALocatedErrorNotACrash() throws {
        let w = try Workspace()
        let line =
            #"{"action":"cancel","activity":"kc-chatt","at":"2027-03-01T10:00:00Z","by":"x","occurrence":1,"seq":9223372036854775807,"v":1}"# + "\n"
        try line.write(to: w.journal, atomically: true, encoding: .utf8)
        for arguments in [["undo", plan], ["validate", plan], ["cancel", plan, "namnd", "--occurrence", "2", "--reason", "x"]] {
            let run = try w.run(arguments: arguments)
            #expect(run.status == 1, "\(arguments): \(run.stderr)")
            #expect(
                run.stderr.hasPrefix(
                    "\(JournalCommandTests.journalName):1:1: fel: raden är ingen giltig post: 'seq' måste vara från 1 till 999999999, inte 9223372036854775807"
                ))
            #expect(run.stderr.hasSuffix("[journal_invalid_line]\n"))
        }
        #expect(w.journalText == line)
    }

    @Test func aNamedPipeOrADanglingLinkAsJournalIsRefusedWithItsReason() throws {
        let w = try Workspace()
        #expect(mkfifo(w.journal.path, 0o644) == 0)
        let pipe = try w.run("validate", plan)
        #expect(pipe.status == 1)
        #expect(
            pipe.stderr
                == "\(JournalCommandTests.journalName): fel: ändringsloggen är ingen vanlig fil: den är en namngiven rörledning (FIFO); ingenting lästes eller sparades (ange en fil med --journal) [journal_not_a_file]\n"
        )
        try FileManager.default.removeItem(at: w.journal)
        #expect(symlink("gone/j.jsonl", w.journal.path) == 0)
        for arguments in [["validate", plan], ["cancel", plan, "kc-chatt", "--reason", "x"]] {
            let run = try w.run(arguments: arguments)
            #expect(run.status == 1)
            #expect(
                run.stderr.hasSuffix(
                    "fel: ändringsloggen är en symbolisk länk till 'gone/j.jsonl', som inte finns; ingenting lästes eller sparades (rätta länken eller ta bort den) [journal_dangling_link]\n"
                ))
        }
        #expect(!FileManager.default.fileExists(atPath: w.directory.appendingPathComponent("gone").path))
    }

    @Test func aHandEditThatShiftsTheMeetingsIsReportedWithTheJournalLine() throws {
        let w = try Workspace()
        #expect(try w.run("cancel", plan, "namnd", "--occurrence", "3", "--reason", "Inställt").status == 0)
        #expect(w.journalText?.contains(#""occurrenceDay":"2027-03-23","occurrenceUID":"sf-2027-namnd-3""#) == true)
        let history = try w.run("history", plan, "--format", "json").stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(history.utf8)) as? [String: Any])
        let recorded = try #require((document["entries"] as? [[String: Any]])?.first)
        #expect(recorded["occurrenceUID"] as? String == "sf-2027-namnd-3")
        #expect(recorded["occurrenceDay"] as? String == "2027-03-23")
        // An extra January meeting is added to the plan file by hand: the 23 March meeting is number 4 now.
        let text = try String(contentsOf: w.plan, encoding: .utf8)
        try text.replacingOccurrences(of: "dates: [2027-01-26, ", with: "dates: [2027-01-12, 2027-01-26, ").write(
            to: w.plan, atomically: true, encoding: .utf8)
        let validate = try w.run("validate", plan)
        #expect(
            validate.stderr.contains(
                "\(JournalCommandTests.journalName):1:1: varning: post #1 ('cancel') sparades för tillfälle 3 av 'namnd' den 2027-03-23"))
        #expect(
            validate.stderr.contains(
                "tillfället den 2027-03-23 har nu nummer 4: spara ändringen igen med --occurrence 4 om den fortfarande gäller [journal_entry_occurrence_changed]"
            ))
        let occurrences = try w.occurrences()
        #expect(occurrences.count > 100)
        #expect(!occurrences.values.contains { $0["activity"] as? String == "namnd" && $0["status"] as? String == "cancelled" })
    }

    @Test func aJournalWrittenInTodaysFormatKeepsWorking() throws {
        let w = try Workspace()
        // Entries as arsplan wrote them before they recorded their occurrence's UID and day.
        let old = """
            {"action":"move","activity":"namnd","at":"2027-03-01T10:00:00Z","by":"Anna Berg","day":"2027-03-30","occurrence":3,"planHash":"sha256:a9fd","reason":"Ordföranden är bortrest","seq":1,"v":1}
            {"action":"cancel","activity":"kc-informationsblad","at":"2027-03-02T09:00:00Z","by":"Mikael Öberg","occurrence":2,"planHash":"sha256:a9fd","reason":"Inget nytt","seq":2,"v":1}

            """
        try old.write(to: w.journal, atomically: true, encoding: .utf8)
        let validate = try w.run("validate", plan)
        #expect(validate.status == 0)
        #expect(!validate.stderr.contains("journal_"))
        let occurrences = try w.occurrences()
        #expect(occurrences["sf-2027-namnd-3"]?["start"] as? String == "2027-03-30T17:00")
        #expect(occurrences["sf-2027-kc-informationsblad-2"]?["status"] as? String == "cancelled")
        // The next change is appended with the new fields; the old lines stay byte for byte.
        #expect(try w.run("cancel", plan, "namnd", "--occurrence", "4", "--reason", "x").status == 0)
        let text = try #require(w.journalText)
        #expect(text.hasPrefix(old))
        #expect(text.dropFirst(old.count).contains(#""occurrenceDay":"2027-04-20","occurrenceUID":"sf-2027-namnd-4","planHash""#))
        #expect(try w.run("undo", plan).status == 0)
        #expect(try w.run("undo", plan).status == 0)
        #expect(try w.occurrences()["sf-2027-kc-informationsblad-2"]?["status"] as? String != "cancelled")
    }
}
