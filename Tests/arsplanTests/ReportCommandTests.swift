import Foundation
import Testing

/// `arsplan report` as a user runs it, and the page in a real browser.
@Suite("report command")
struct ReportCommandTests {
    static let plan = "Plans/serviceforvaltningen-2027.yaml"

    @Test func writesThePageAndTheWheelAtomicallyAndNamesThem() throws {
        let dir = try CommandRunner.temporaryDirectory()
        let page = dir.appendingPathComponent("oversikt.html").path
        let svg = dir.appendingPathComponent("arshjul.svg").path
        let result = try CommandRunner.run(
            ["report", Self.plan, "--out", page, "--wheel-svg", svg], environment: ["ARSPLAN_NOW": "2027-03-01T10:00:00Z"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "\(svg)\n\(page)\n")
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        #expect(html.contains("<g class=\"today\">"))
        #expect(html.contains("I dag: måndag 1 mars 2027"))
        let wheel = try String(contentsOfFile: svg, encoding: .utf8)
        #expect(wheel.hasPrefix("<?xml"))
        #expect(wheel.components(separatedBy: "<g class=\"occ\"").count - 1 == 170)
        // No temporary files left beside them.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["arshjul.svg", "oversikt.html"])
        // Today outside the plan year: no marker; the same clock, the same bytes.
        let again = try CommandRunner.run(["report", Self.plan], environment: ["ARSPLAN_NOW": "2026-11-30T10:00:00Z"])
        #expect(!again.stdout.contains("<g class=\"today\">"))
        #expect(try CommandRunner.run(["report", Self.plan], environment: ["ARSPLAN_NOW": "2026-11-30T10:00:00Z"]).stdout == again.stdout)
    }

    static let snapshot = CommandRunner.repository.appendingPathComponent("Tests/arsplanTests/Snapshots/serviceforvaltningen-2027-oversikt.html")

    /// The example plan's page, byte for byte; re-recorded with `ARSPLAN_RECORD_SNAPSHOTS=1`.
    @Test func theExamplePlansPageIsTheSnapshotByteForByte() throws {
        // Today outside the plan year, so the page does not depend on the clock.
        let result = try CommandRunner.run(["report", Self.plan], environment: ["ARSPLAN_NOW": "2026-11-30T10:00:00Z", "ARSPLAN_USER": nil])
        #expect(result.status == 0)
        if ProcessInfo.processInfo.environment["ARSPLAN_RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.snapshot.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(result.stdout.utf8).write(to: Self.snapshot)
        }
        let expected = try String(contentsOf: Self.snapshot, encoding: .utf8)
        #expect(
            result.stdout == expected,
            "the page differs from \(Self.snapshot.path); re-record with ARSPLAN_RECORD_SNAPSHOTS=1 if the change is intended")
    }

    @Test func refusesWhatItCannotShow() throws {
        let notApproved = try CommandRunner.run(["report", Self.plan, "--approved", "--journal", "/nonexistent/journal.jsonl"])
        #expect(notApproved.status == 1)
        #expect(notApproved.stderr.contains("har inte fastställts än"))
        let badDate = try CommandRunner.run(["report", Self.plan, "--from", "2027-13-01"])
        #expect(badDate.status == 64)
        #expect(badDate.stderr.contains("--from måste vara ett datum som 2027-03-01"))
        let backwards = try CommandRunner.run(["report", Self.plan, "--from", "2027-05-01", "--to", "2027-04-01"])
        #expect(backwards.status == 64)
        let rings = try CommandRunner.run(["report", Self.plan, "--rings", "colours"])
        #expect(rings.status == 64)
    }

    @Test func exportWritesTheOverviewBesideTheFeedsAndLinksIt() throws {
        let temporary = try CommandRunner.temporaryDirectory()
        let dir = temporary.appendingPathComponent("ut")
        // The publication state in the temporary folder, not beside the repository's plan.
        let result = try CommandRunner.run([
            "export", Self.plan, "--out", dir.path, "--state", temporary.appendingPathComponent("published.json").path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let index = try String(contentsOf: dir.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("<a href=\"oversikt.html\">Årsöversikt med årshjul</a>"))
        let overview = try String(contentsOf: dir.appendingPathComponent("oversikt.html"), encoding: .utf8)
        #expect(overview.components(separatedBy: "<g class=\"occ\"").count - 1 == 170)
    }

    // MARK: In a real browser

    /// Headless Chromium: `$ARSPLAN_CHROMIUM` (set by `make test`, which then requires it),
    /// else `chromium` on the PATH; nil when there is none.
    static let chromium: String? = {
        if let path = ProcessInfo.processInfo.environment["ARSPLAN_CHROMIUM"], !path.isEmpty { return path }
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        return paths.map { "\($0)/chromium" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    static func runChromium(_ arguments: [String]) throws -> CommandRunner.Result {
        let browser = try #require(chromium)
        let profile = try CommandRunner.temporaryDirectory()
        return try CommandRunner.run(
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)", "--enable-logging=stderr", "--v=0"]
                + arguments, executable: browser, in: nil)
    }

    @Test(.enabled(if: chromium != nil, "chromium is not installed: apt-get install chromium, or run make test"))
    func loadsInChromiumWithoutConsoleErrorsWithOneMarkPerOccurrenceAndAPicture() throws {
        let required = ProcessInfo.processInfo.environment["ARSPLAN_CHROMIUM"]
        if let required, !required.isEmpty {
            #expect(FileManager.default.isExecutableFile(atPath: required), "ARSPLAN_CHROMIUM=\(required) is not an executable")
        }
        let dir = try CommandRunner.temporaryDirectory()
        let page = dir.appendingPathComponent("oversikt.html")
        let made = try CommandRunner.run(["report", Self.plan, "--out", page.path])
        #expect(made.status == 0)
        let uids = try CommandRunner.run(["schedule", Self.plan, "--format", "json"]).stdout
            .components(separatedBy: "\"uid\" : \"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(uids.count == 170)

        // The DOM as the browser built it: every occurrence has exactly one mark on the wheel.
        let dom = try Self.runChromium(["--virtual-time-budget=2000", "--dump-dom", page.absoluteString])
        #expect(dom.status == 0)
        let marks = dom.stdout.components(separatedBy: "<g class=\"occ\" data-uid=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(marks.count == 170)
        #expect(Set(marks) == Set(uids))
        #expect(dom.stdout.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let consoleErrors = dom.stderr.split(separator: "\n").filter {
            $0.contains("CONSOLE") || $0.contains("Uncaught") || $0.contains("Failed to load")
        }
        #expect(consoleErrors.isEmpty, "\(consoleErrors)")

        // A screenshot of the page top (the wheel): a real picture, not a blank page.
        let png = dir.appendingPathComponent("arshjul.png")
        let shot = try Self.runChromium(["--hide-scrollbars", "--window-size=1300,1500", "--screenshot=\(png.path)", page.absoluteString])
        #expect(shot.status == 0)
        let bytes = try Data(contentsOf: png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        // A blank 1300×1500 PNG is a few kilobytes; the wheel with 170 marks and its labels is far more.
        #expect(bytes.count > 100_000, "screenshot is only \(bytes.count) bytes")
    }
}
