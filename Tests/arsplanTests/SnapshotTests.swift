import Foundation
import Testing

/// Golden files: what the built binary prints and writes for the example plan, compared
/// byte for byte with `Tests/arsplanTests/Snapshots/`. They pin the byte-level writers
/// (table, JSON, CSV, iCalendar, HTML, markdown) down, so that a faster writer cannot
/// change an output unnoticed.
///
/// After a change that is meant to alter an output, record them again and review the diff:
///
///     ARSPLAN_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests
///     git diff Tests/arsplanTests/Snapshots
@Suite("Golden files of the example plan")
struct SnapshotTests {
    static let folder = CommandRunner.repository.appendingPathComponent("Tests/arsplanTests/Snapshots")
    static let plan = "Plans/serviceforvaltningen-2027.yaml"
    static var recording: Bool { ProcessInfo.processInfo.environment["ARSPLAN_RECORD_SNAPSHOTS"] == "1" }

    /// Compares `actual` with the golden file `name`, or writes it when recording.
    static func check(_ actual: Data, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let file = folder.appendingPathComponent(name)
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try actual.write(to: file, options: .atomic)
            print("recorded \(file.path)")
            return
        }
        guard let expected = FileManager.default.contents(atPath: file.path) else {
            Issue.record(
                "no golden file Tests/arsplanTests/Snapshots/\(name); record it with ARSPLAN_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests",
                sourceLocation: sourceLocation)
            return
        }
        guard expected != actual else { return }
        // Where they part: the first line that differs, and the whole output to diff against.
        let saved = FileManager.default.temporaryDirectory.appendingPathComponent("arsplan-snapshot-\(name)")
        try actual.write(to: saved, options: .atomic)
        let old = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let new = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(old, new).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(old.count, new.count)
        func shown(_ lines: [Substring]) -> String { line < lines.count ? "\"\(lines[line])\"" : "(end of file)" }
        Issue.record(
            """
            Snapshots/\(name) differs first at line \(line + 1) (\(expected.count) bytes expected, \(actual.count) written):
              expected: \(shown(old))
              actual:   \(shown(new))
            see: diff -u \(file.path) \(saved.path)
            if the change is intended: ARSPLAN_RECORD_SNAPSHOTS=1 swift test --filter SnapshotTests
            """,
            sourceLocation: sourceLocation)
    }

    /// Runs `arsplan arguments…` in the repository and returns its standard output; it must succeed.
    static func output(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> Data {
        let run = try CommandRunner.run(arguments)
        try #require(run.status == 0, "arsplan \(arguments.joined(separator: " ")): \(run.stderr)", sourceLocation: sourceLocation)
        return Data(run.stdout.utf8)
    }

    @Test(arguments: [
        (["schedule", plan], "schedule.txt"),
        (["schedule", plan, "--format", "json"], "schedule.json"),
        (["schedule", plan, "--format", "csv"], "schedule.csv"),
        (["calendar", "2027", "--plan", plan], "calendar-2027.txt"),
    ])
    func printedOutput(arguments: [String], name: String) throws {
        try Self.check(try Self.output(arguments), name)
    }

    @Test func exportedFeedsAndIndexPage() throws {
        let directory = try CommandRunner.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("feeds")
        // A fresh publication state and a fixed clock: every event first published at ARSPLAN_NOW.
        let run = try CommandRunner.run(
            [
                "export", Self.plan, "--out", out.path, "--base-url", "https://intranat.example.se/arsplan/", "--state",
                directory.appendingPathComponent("published.json").path,
            ],
            environment: ["ARSPLAN_NOW": "2026-11-20T10:00:00Z"])
        try #require(run.status == 0, "\(run.stderr)")
        for name in ["alla.ics", "malgrupp-medarbetare.ics", "index.html"] {
            let data = try #require(FileManager.default.contents(atPath: out.appendingPathComponent(name).path), "export wrote no \(name)")
            try Self.check(data, "export-\(name)")
        }
    }

    /// Approve, move the third board meeting, list the deviations for the minutes: on a copy
    /// of the plan, with the clock and the names fixed.
    @Test func deviationsAfterApprovalAndAMove() throws {
        let w = try JournalCommandTests.Workspace()
        let plan = JournalCommandTests.planName
        let approve = try w.run(
            "approve", plan, "--by", "Förvaltningsledningen", "--ref", "FL-protokoll 2026-12-10 §4", now: "2026-12-10T13:00:00Z")
        try #require(approve.status == 0, "\(approve.stderr)")
        let move = try w.run(
            "move", plan, "namnd", "2027-03-30", "--occurrence", "3", "--reason", "Ordföranden är bortrest", "--by", "Anna Berg",
            now: "2027-03-01T10:00:00Z")
        try #require(move.status == 0, "\(move.stderr)")
        let deviations = try w.run("deviations", plan, "--format", "markdown", now: "2027-03-02T08:00:00Z")
        try #require(deviations.status == 0, "\(deviations.stderr)")
        try Self.check(Data(deviations.stdout.utf8), "deviations.md")
    }
}
