import Foundation
import Testing

/// Issue 9, findings 2–4 and 8: numbers, dates and sizes beyond the documented limits give
/// a located error naming the limit and exit 1 — never a signal — and cost no more than a
/// small plan. Each fixture in Tests/arsplanTests/Fixtures/Limits is one reproducer.
@Suite(.serialized)
struct LimitsCommandTests {
    static let fixtures = "Tests/arsplanTests/Fixtures/Limits/"

    /// Each reproducer, the code it must be reported with, and the line it must be reported on.
    static let reproducers: [(file: String, code: String, line: Int)] = [
        ("offset-days", "value_out_of_range", 6),
        ("offset-weeks", "value_out_of_range", 6),
        ("offset-workdays", "value_out_of_range", 6),
        ("offset-before-workdays", "value_out_of_range", 6),
        ("offset-billion-days", "value_out_of_range", 6),
        ("offset-ten-million-workdays", "value_out_of_range", 6),
        ("duration-weeks", "value_out_of_range", 6),
        ("duration-hours", "value_out_of_range", 6),
        ("repeat-every", "value_out_of_range", 6),
        ("repeat-centuries", "too_many_occurrences", 6),
        ("repeat-year-1-to-9999", "date_out_of_range", 6),
        ("date-9999-with-dependant", "date_out_of_range", 6),
        ("dependant-beyond-plan-years", "date_out_of_range", 7),
        ("nested-brackets", "nesting_too_deep", 3),
    ]

    @Test(arguments: reproducers.map(\.file))
    func aReproducerIsALocatedErrorAndExit1(_ name: String) throws {
        let expected = try #require(Self.reproducers.first { $0.file == name })
        let path = Self.fixtures + name + ".yaml"
        for command in ["validate", "schedule", "export"] {
            var arguments = [command, path]
            let out = try CommandRunner.temporaryDirectory()
            if command == "export" { arguments += ["--out", out.appendingPathComponent("ut").path] }
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 1, "\(command) \(name): exit \(result.status)\n\(result.stderr)")
            #expect(result.stderr.contains("\(path):\(expected.line):"), "\(command) \(name): \(result.stderr)")
            #expect(result.stderr.contains("[\(expected.code)]"), "\(command) \(name): \(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("ut/alla.ics").path))
        }
    }

    @Test func aMessageNamesTheLimit() throws {
        let result = try CommandRunner.run(["validate", Self.fixtures + "offset-days.yaml"])
        #expect(result.stderr.contains("gränsen 3660 dagar"), "\(result.stderr)")
        let duration = try CommandRunner.run(["validate", Self.fixtures + "duration-weeks.yaml"])
        #expect(duration.stderr.contains("gränsen 53 veckor"), "\(duration.stderr)")
    }

    @Test func aLongUnknownKeyIsReportedWithoutASuggestion() throws {
        let result = try CommandRunner.run(["validate", Self.fixtures + "long-unknown-key.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(":6:7: fel: okänd nyckel"), "\(result.stderr.prefix(300))")
        #expect(!result.stderr.contains("menade du"))
    }

    /// `move … 0000-01-01 --force` once wrote DTSTART:00000000 into every feed.
    @Test(arguments: ["0000-01-01", "9999-12-31", "2040-03-02"])
    func moveRefusesADayThePlanMayNotReachEvenWithForce(_ day: String) throws {
        let folder = try CommandRunner.temporaryDirectory()
        for file in ["serviceforvaltningen-2027.yaml", "kommunfullmaktige-2027.ics"] {
            try FileManager.default.copyItem(
                at: CommandRunner.repository.appendingPathComponent("Plans/" + file), to: folder.appendingPathComponent(file))
        }
        let plan = folder.appendingPathComponent("serviceforvaltningen-2027.yaml").path
        let result = try CommandRunner.run(["move", plan, "namnd", day, "--occurrence", "2", "--reason", "test", "--by", "Test", "--force"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("utanför de år en plan kan använda"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("serviceforvaltningen-2027.journal.jsonl").path))
    }

    /// A journal entry numbered Int.max once made `undo` trap computing the next number.
    @Test func aJournalEntryNumberBeyondTheLimitIsALocatedError() throws {
        let folder = try CommandRunner.temporaryDirectory()
        for file in ["serviceforvaltningen-2027.yaml", "kommunfullmaktige-2027.ics"] {
            try FileManager.default.copyItem(
                at: CommandRunner.repository.appendingPathComponent("Plans/" + file), to: folder.appendingPathComponent(file))
        }
        let journal = folder.appendingPathComponent("serviceforvaltningen-2027.journal.jsonl")
        let lines = [
            #"{"action":"move","activity":"namnd","at":"2026-11-30T05:53:07Z","by":"Anna","day":"2027-02-10","occurrence":1,"reason":"x","seq":9223372036854775807,"v":1}"#,
            #"{"action":"move","activity":"namnd","at":"2026-11-30T05:54:07Z","by":"Anna","day":"2027-02-11","occurrence":1,"reason":"y","seq":2,"v":1}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(to: journal, atomically: true, encoding: .utf8)
        let plan = folder.appendingPathComponent("serviceforvaltningen-2027.yaml").path
        let result = try CommandRunner.run(["undo", plan, "--by", "Test"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("journal.jsonl:1:1: fel:"), "\(result.stderr)")
        #expect(result.stderr.contains("999999999"), "\(result.stderr)")
    }

    /// Lines as an editor shows them: LF, CRLF and a lone CR end a line; NEL, U+2028 and
    /// U+2029 (line breaks only to YAML 1.1 / libyaml) do not. `inTitle` is written inside
    /// the quoted title on line 1, `between` after a comment on line 2.
    @Test(arguments: [("\u{2028}", "\n"), ("\u{85}", "\n"), ("\u{2029}", "\n"), ("", "\r"), ("", "\r\n"), ("", "\n")])
    func lineNumbersAreAnEditorsAfterUnusualLineBreaks(_ inTitle: String, _ between: String) throws {
        let text =
            "plan: {id: t, title: \"Ett\(inTitle)Två\", year: 2027}\n# kommentar\(between)activities:\n  - {id: a, title: A, date: 2027-02-30}\n"
        let file = try CommandRunner.temporaryFile(named: "rader.yaml", text)
        let result = try CommandRunner.run(["validate", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("rader.yaml:4:29: fel:"), "\(result.stderr)")
        #expect(result.stderr.contains("[invalid_date]"), "\(result.stderr)")
    }

    @Test func aFileThatIsNotUTF8IsReportedAtTheFirstBadByte() throws {
        let folder = try CommandRunner.temporaryDirectory()
        let file = folder.appendingPathComponent("latin1.yaml")
        try Data("plan: {id: t, title: T, year: 2027}\n# Caf".utf8 + [0xE9] + Data(" i Malm\u{F6}\nactivities: []\n".utf8)).write(to: file)
        let result = try CommandRunner.run(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("latin1.yaml:2:6: fel:"), "\(result.stderr)")
        #expect(result.stderr.contains("[not_utf8]"), "\(result.stderr)")
    }
}
