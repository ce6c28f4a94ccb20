import Foundation
import Testing

/// `arsplan export` run as a user would: the built binary on real plan files.
@Suite("arsplan export")
struct ExportCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let examplePlan = packageRoot.appendingPathComponent("Plans/serviceforvaltningen-2027.yaml").path
    static let checkScript = packageRoot.appendingPathComponent("Tests/ArsplanICalTests/check_ics.py").path
    static let icalFixtures = packageRoot.appendingPathComponent("Tests/ArsplanICalTests/Fixtures")

    typealias Run = CommandRunner.Result

    static func run(_ arguments: [String], executable: String? = nil, in directory: URL? = nil) throws -> Run {
        try CommandRunner.run(arguments, executable: executable, in: directory)
    }

    static func temporaryDirectory() throws -> URL { try CommandRunner.temporaryDirectory() }

    static func contents(of directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            result[name] = try Data(contentsOf: directory.appendingPathComponent(name))
        }
        return result
    }

    /// A small plan whose first activity takes its dates from `calendar` (a path relative to the plan).
    static func planText(datesFrom calendar: String, brokenReference: Bool = false) -> String {
        """
        format: 1
        plan:
          id: import-test
          title: Importtest 2027
          year: 2027
        owners:
          sekreterare: {name: Ingrid Falk}
        audiences:
          namnden: {name: Servicenämnden}
        channels:
          mote: {name: Möte}
        activities:
          - id: namnd
            title: Servicenämndens sammanträde
            owner: sekreterare
            audiences: [namnden]
            channels: [mote]
            dates-from: \(calendar)
          - id: protokoll
            title: Protokoll publiceras
            owner: sekreterare
            audiences: [namnden]
            for-each: namnd
            after: \(brokenReference ? "namd" : "namnd") + 3 workdays

        """
    }

    @Test func exportsTheExamplePlan() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("sf-2027")
        let run = try Self.run([
            "export", Self.examplePlan, "--out", out.path, "--base-url", "https://intranat.example.se/arsplan/", "--state",
            directory.appendingPathComponent("published.json").path,
        ])
        #expect(run.status == 0, "\(run.stderr)")
        let files = try Self.contents(of: out)
        #expect(files["alla.ics"] != nil)
        #expect(files["index.html"] != nil)
        #expect(files.keys.contains { $0.hasPrefix("malgrupp-") })
        #expect(files.keys.contains { $0.hasPrefix("agare-") })
        #expect(files.keys.contains { $0.hasPrefix("kanal-") })
        #expect(files.keys.contains { $0.hasPrefix("enhet-") })
        let index = String(decoding: files["index.html"]!, as: UTF8.self)
        #expect(index.contains("webcal://intranat.example.se/arsplan/alla.ics"))
        // No temporary folders left beside the export.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["published.json", "sf-2027"])

        // Byte-identical the second time.
        let again = try Self.run([
            "export", Self.examplePlan, "--out", out.path, "--base-url", "https://intranat.example.se/arsplan/", "--state",
            directory.appendingPathComponent("published.json").path,
        ])
        #expect(again.status == 0)
        #expect(try Self.contents(of: out) == files)
    }

    /// Each file of `directory` (and the folder itself, as ".") with its inode and modification time.
    static func identities(of directory: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) + ["."] {
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
            let inode = attributes[.systemFileNumber].map { "\($0)" } ?? "?"
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? -1
            result[name] = "\(inode) \(modified)"
        }
        return result
    }

    /// An export that would write the same bytes leaves the folder alone — the same files,
    /// inodes and modification times, so a web server's ETag stays — and says so; one that
    /// changes anything (here only the overview's today marker) replaces the folder.
    @Test func anExportThatChangesNothingRewritesNothing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("sf-2027")
        let arguments = ["export", Self.examplePlan, "--out", out.path, "--state", directory.appendingPathComponent("published.json").path]
        let monday: [String: String?] = ["ARSPLAN_NOW": "2027-03-01T10:00:00Z", "ARSPLAN_LANG": nil]
        let first = try CommandRunner.run(arguments, environment: monday)
        try #require(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.contains("ingenting skrevs om"))
        let files = try Self.contents(of: out)
        let marker = String(decoding: try Data(contentsOf: out.appendingPathComponent(".arsplan-export")), as: UTF8.self)
        #expect(marker.contains("plan: sf-2027\n"))
        #expect(marker.range(of: #"utdata: [0-9a-f]{32}\n"#, options: .regularExpression) != nil, "\(marker)")
        let identities = try Self.identities(of: out)
        Thread.sleep(forTimeInterval: 0.05)  // a rewrite would show in the modification times

        let again = try CommandRunner.run(arguments, environment: monday)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("\(out.path): oförändrad sedan förra exporten"), "\(again.stdout)")
        #expect(again.stdout.contains("ingenting skrevs om"), "\(again.stdout)")
        #expect(try Self.identities(of: out) == identities)
        #expect(try Self.contents(of: out) == files)
        // Nothing left beside it either.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["published.json", "sf-2027"])

        let english = try CommandRunner.run(arguments, environment: ["ARSPLAN_NOW": "2027-03-01T10:00:00Z", "ARSPLAN_LANG": "en"])
        #expect(english.stdout.contains("\(out.path): unchanged since the last export"), "\(english.stdout)")
        #expect(try Self.identities(of: out) == identities)

        // A file in the folder changed by hand: the export puts it right.
        try Data("ändrad för hand\n".utf8).write(to: out.appendingPathComponent("index.html"))
        let repaired = try CommandRunner.run(arguments, environment: monday)
        #expect(repaired.status == 0 && !repaired.stdout.contains("ingenting skrevs om"), "\(repaired.stdout)")
        #expect(try Self.contents(of: out) == files)

        // The next day the overview's today marker moves: the folder is replaced, the feeds the same.
        let tuesday = try CommandRunner.run(arguments, environment: ["ARSPLAN_NOW": "2027-03-02T10:00:00Z", "ARSPLAN_LANG": nil])
        #expect(tuesday.status == 0, "\(tuesday.stderr)")
        #expect(!tuesday.stdout.contains("ingenting skrevs om"), "\(tuesday.stdout)")
        let replaced = try Self.contents(of: out)
        #expect(replaced["oversikt.html"] != files["oversikt.html"])
        #expect(replaced["alla.ics"] == files["alla.ics"])
        #expect(try Self.identities(of: out)["alla.ics"] != identities["alla.ics"])
    }

    /// Whether ARSPLAN_PYTHON is set (`make test` sets it): plain `swift test` skips the check
    /// by the independent Python parsers, saying so; when set, it must run and pass.
    static let pythonIsSet = !(ProcessInfo.processInfo.environment["ARSPLAN_PYTHON"] ?? "").isEmpty

    @Test(.enabled(if: pythonIsSet, "ARSPLAN_PYTHON is not set: the exported feeds are not read by the Python parsers; `make test` runs this"))
    func everyExportedFeedReadsBackInPython() throws {
        let python = ProcessInfo.processInfo.environment["ARSPLAN_PYTHON"] ?? ""
        try #require(FileManager.default.isExecutableFile(atPath: python), "ARSPLAN_PYTHON is '\(python)', not an executable: run `make test`.")
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("sf-2027")
        let run = try Self.run([
            "export", Self.examplePlan, "--out", out.path, "--base-url", "https://intranat.example.se/arsplan/", "--state",
            directory.appendingPathComponent("published.json").path,
        ])
        try #require(run.status == 0, "\(run.stderr)")
        let files = try Self.contents(of: out)
        let feeds = files.keys.filter { $0.hasSuffix(".ics") }.sorted().map { out.appendingPathComponent($0).path }
        let check = try Self.run([Self.checkScript] + feeds, executable: python)
        #expect(check.status == 0, "check_ics.py: \(check.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any]
        let checked = report?["files"] as? [[String: Any]] ?? []
        #expect(checked.count == feeds.count)
        let all = checked.first { ($0["file"] as? String)?.hasSuffix("/alla.ics") == true }
        #expect(((all?["events"] as? [Any])?.count ?? 0) >= 100)
    }

    @Test func aFailedExportLeavesThePreviousFilesAsTheyWere() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("feeds")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("gammal\n".utf8).write(to: out.appendingPathComponent("alla.ics"))
        // A feed an earlier export wrote that the next one does not (an owner no longer in the plan).
        try Data("gammal\n".utf8).write(to: out.appendingPathComponent("agare-gammal.ics"))
        let before = try Self.contents(of: out)

        // A plan with an error is not exported.
        let plan = directory.appendingPathComponent("trasig-plan.yaml")
        try FileManager.default.copyItem(
            at: Self.icalFixtures.appendingPathComponent("namnd-2027.ics"), to: directory.appendingPathComponent("namnd.ics"))
        try Data(Self.planText(datesFrom: "namnd.ics", brokenReference: true).utf8).write(to: plan)
        let failed = try Self.run(["export", plan.path, "--out", out.path])
        #expect(failed.status == 1)
        #expect(try Self.contents(of: out) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["feeds", "namnd.ics", "trasig-plan.yaml"])

        // A successful export replaces the folder as a whole.
        try Data(Self.planText(datesFrom: "namnd.ics").utf8).write(to: plan)
        let succeeded = try Self.run(["export", plan.path, "--out", out.path])
        #expect(succeeded.status == 0, "\(succeeded.stderr)")
        let after = try Self.contents(of: out)
        #expect(after["agare-gammal.ics"] == nil)
        #expect(after["alla.ics"] != before["alla.ics"])
        // Beside the plan: what the feeds published (written only by the export that succeeded).
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
                "feeds", "namnd.ics", "trasig-plan.published.json", "trasig-plan.yaml",
            ])
    }

    @Test func datesFromReadsTheCalendarBesideThePlan() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("kalendrar"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.icalFixtures.appendingPathComponent("namnd-2027.ics"),
            to: directory.appendingPathComponent("kalendrar/namnd.ics"))
        try Data(Self.planText(datesFrom: "kalendrar/namnd.ics").utf8).write(to: directory.appendingPathComponent("plan.yaml"))
        let run = try Self.run(["export", "plan.yaml"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let feed = try String(contentsOf: directory.appendingPathComponent("Exports/import-test/alla.ics"), encoding: .utf8)
        // Imported occurrences are named by their source event (a hash of its UID and instance), not by position.
        #expect(!feed.contains("UID:import-test-namnd-1@import-test"))
        #expect(feed.range(of: #"UID:import-test-namnd-[0-9a-f]{10}@import-test"#, options: .regularExpression) != nil)
        #expect(feed.contains("DTSTART;TZID=Europe/Stockholm:20270127T170000"))
        #expect(feed.contains("DTSTART;TZID=Europe/Stockholm:20270303T090000"))  // the moved instance
        #expect(!feed.contains("20270428T170000"))  // EXDATE
        #expect(feed.components(separatedBy: "SUMMARY:Servicenämndens sammanträde").count - 1 == 12)
        #expect(feed.components(separatedBy: "SUMMARY:Protokoll publiceras").count - 1 == 12)
    }

    @Test(arguments: [
        ("trasig.ics", "är inte giltig iCalendar", "ics_parse_error"),
        ("annat-ar.ics", "har inga händelser 2027", "ics_no_events_in_year"),
        ("finns-inte.ics", "kan inte läsa kalenderfilen", "ics_unreadable"),
    ])
    func aBadCalendarIsADiagnosticAtTheDatesFromLine(fixture: String, message: String, code: String) throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = Self.icalFixtures.appendingPathComponent(fixture)
        if FileManager.default.fileExists(atPath: source.path) {
            try FileManager.default.copyItem(at: source, to: directory.appendingPathComponent(fixture))
        }
        try Data(Self.planText(datesFrom: fixture).utf8).write(to: directory.appendingPathComponent("plan.yaml"))
        for command in ["validate", "export"] {
            let run = try Self.run([command, "plan.yaml"], in: directory)
            #expect(run.status == 1)
            #expect(run.stderr.contains("plan.yaml:18:5: fel: 'dates-from' för 'namnd': "), "\(run.stderr)")
            #expect(run.stderr.contains("'\(fixture)'"), "\(run.stderr)")
            #expect(run.stderr.contains(message), "\(run.stderr)")
            #expect(run.stderr.contains("[\(code)]"), "\(run.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("Exports").path))
    }

    @Test func anEventThatRepeatsTooOftenToFollowIsAWarningAtItsUID() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let calendar =
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:minut@example.se\r\nDTSTAMP:20260101T000000Z\r\n"
            + "SUMMARY:Var trettonde minut\r\nDTSTART:20190329T023000\r\nRRULE:FREQ=MINUTELY;INTERVAL=13\r\nEND:VEVENT\r\n"
            + "BEGIN:VEVENT\r\nUID:namnd-feb@example.se\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Nämnd\r\n"
            + "DTSTART:20270210T170000\r\nDTEND:20270210T190000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        try Data(calendar.utf8).write(to: directory.appendingPathComponent("kalender.ics"))
        try Data(Self.planText(datesFrom: "kalender.ics").utf8).write(to: directory.appendingPathComponent("plan.yaml"))
        let run = try Self.run(["validate", "plan.yaml"], in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let output = run.stdout + run.stderr
        #expect(
            output.contains(
                "kalender.ics:5:1: varning: händelsen 'Var trettonde minut' (UID 'minut@example.se') upprepas oftare eller från längre tillbaka än arsplan följer"
            ), "\(output)")
        #expect(output.contains("dess tillfällen 2027 lästes inte [ics_warning]"), "\(output)")
        #expect(output.contains("läst för 'dates-from' för 'namnd' på plan.yaml:18:5; händelsens övriga datum är kända"), "\(output)")
        #expect(!output.contains("libical"), "\(output)")
        let english = try Self.run(["--lang", "en", "validate", "plan.yaml"], in: directory)
        #expect(
            english.stderr.contains(
                "kalender.ics:5:1: warning: event 'Var trettonde minut' (UID 'minut@example.se') repeats more often or from longer ago than arsplan follows"
            ), "\(english.stderr)")
        #expect(english.stderr.contains("its instances in 2027 were not read [ics_warning]"), "\(english.stderr)")
    }

    @Test func aBaseURLThatIsNotHttpIsAUsageError() throws {
        let run = try Self.run(["export", Self.examplePlan, "--base-url", "intranat.example.se/arsplan"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--base-url must be an http:// or https:// address"))
    }
}
