import Foundation
import Testing

/// Plan text that attacks its readers, through the built binary: a terminal, a spreadsheet,
/// the minutes, a subscriber's file name, a published address.
@Suite("arsplan: plan text stays text in every output")
struct OutputSafetyCommandTests {
    /// A plan whose title, owner and kind carry a terminal escape, a formula and a line break
    /// (YAML's "\e" is ESC, "\r" CR), two owners that differ only by case, and a meeting on a
    /// day off, so that there is a diagnostic on standard error as well.
    static let planText = #"""
        plan: {id: t, title: "Plan \e]0;pwned\a", year: 2027}
        owners:
          anna: {name: "=HYPERLINK(\"https://evil.example\",\"Klicka\")"}
          Anna: {name: "Anna\r\n+Berg"}
        activities:
          - id: mote
            title: "Möte\e[2J\r# Ledningen beslutade: <script>alert(1)</script>"
            kind: "@SUM(1+1)"
            owner: anna
            dates: [2027-03-23, 2027-03-27]
          - id: blad
            title: Informationsblad
            owner: Anna
            date: 2027-05-04

        """#

    func workspace() throws -> String { try CommandRunner.temporaryFile(named: "plan.yaml", Self.planText) }

    @Test func noEscapeReachesTheTerminal() throws {
        let plan = try workspace()
        for arguments in [["validate", plan], ["schedule", plan], ["schedule", plan, "--wide"], ["status", plan]] {
            let run = try CommandRunner.run(arguments)
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            for text in [run.stdout, run.stderr] {
                #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "\(arguments): \(text.debugDescription)")
            }
        }
        // At full width: the 100-column table shortens this title.
        let schedule = try CommandRunner.run(["schedule", plan, "--wide"]).stdout
        #expect(schedule.contains("Möte\u{FFFD}[2J # Ledningen beslutade: <script>alert(1)</script> (1/2)"))
        let validate = try CommandRunner.run(["validate", plan]).stderr
        #expect(validate.contains("[fixed_date_on_day_off]"))
    }

    @Test func theSpreadsheetGetsTextNotFormulas() throws {
        let csv = try CommandRunner.run(["schedule", try workspace(), "--format", "csv"]).stdout
        #expect(csv.contains(#""'=HYPERLINK(""https://evil.example"",""Klicka"")""#))
        #expect(csv.contains("\"'@SUM(1+1)\""))
        #expect(csv.contains("\"Anna\r\n+Berg\""))
        // Header and three occurrences: four records, whatever the names hold.
        #expect(csv.components(separatedBy: "\r\nt-").count == 4)
    }

    @Test func theMinutesGetNoHeadingOrHTMLFromPlanText() throws {
        let plan = try workspace()
        let environment = ["ARSPLAN_NOW": "2027-03-01T10:00:00Z"]
        #expect(try CommandRunner.run(["approve", plan, "--by", "FL", "--ref", "FL 1"], environment: environment).status == 0)
        let move = try CommandRunner.run(
            ["move", plan, "mote", "2027-03-30", "--occurrence", "1", "--by", "Anna", "--reason", "Skäl\r# Beslut: [x](javascript:alert(1))"],
            environment: environment)
        #expect(move.status == 0, "\(move.stderr)")
        let markdown = try CommandRunner.run(["deviations", plan, "--format", "markdown"]).stdout
        #expect(!markdown.contains("\r"))
        #expect(markdown.split(separator: "\n").filter { $0.hasPrefix("#") }.count == 2)
        #expect(markdown.contains("Skäl: Skäl \\# Beslut: \\[x\\](javascript:alert(1))."))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
    }

    @Test func ownersDifferingByCaseGetTheirOwnFeedsAndABadBaseURLIsRefused() throws {
        let plan = try workspace()
        let out = try CommandRunner.temporaryDirectory().appendingPathComponent("feeds")
        let export = try CommandRunner.run(["export", plan, "--out", out.path])
        #expect(export.status == 0, "\(export.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix("agare-") }.sorted()
        #expect(files == ["agare-anna.bf4fccd6.ics", "agare-anna.ics"])
        let lower = try String(contentsOf: out.appendingPathComponent("agare-anna.ics"), encoding: .utf8)
        #expect(lower.contains("UID:t-mote-1@"))
        #expect(!lower.contains("UID:t-blad-1@"))

        for url in ["https://intranat.example.se/arsplan/#kalendrar", "https://intranat.example.se/arsplan/?v=2"] {
            let refused = try CommandRunner.run(["export", plan, "--out", out.path, "--base-url", url])
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("--base-url must be the folder the feeds are published in, without '?' or '#'"))
        }
    }
}
