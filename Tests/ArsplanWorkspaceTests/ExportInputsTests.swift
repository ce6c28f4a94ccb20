import Arsplan
import ArsplanWorkspace
import Foundation
import Testing

/// An export whose folder was written from exactly the same inputs makes nothing
/// (``ExportOptions/skipWhenInputsUnchanged``): it must leave what the full export would
/// write, and every input — the plan's bytes, its `dates-from` calendar, the journal, the
/// publication state, the options, the day, the files in the folder — must make it work again.
@Suite("Exports with unchanged inputs")
struct ExportInputsTests {
    static let plan = WorkspaceTests.plan
    static let calendar = WorkspaceTests.calendar
    static let now = WorkspaceTests.now
    static let folder = "Exports/sf-2027"
    static let state = "Plans/serviceforvaltningen-2027.published.json"

    /// Every file below the export folder and the publication state, by path.
    static func written(_ files: MemoryFileSystem) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        for path in files.paths(in: folder) + [state] { result[path] = files[path] }
        return result
    }

    /// Exports after a change of some input: the full export runs (whatever it writes), then
    /// one with nothing changed makes nothing and leaves exactly the same files, which an
    /// export forced to make everything writes again byte for byte.
    static func exportAfterAChange(
        _ files: MemoryFileSystem, options: ExportOptions = ExportOptions(today: Day(iso: "2027-03-01")), at now: Timestamp = now
    ) throws -> ExportSummary {
        let workspace = Workspace(files: files)
        let changed = try workspace.export(try workspace.load(plan), options: options, at: now)
        #expect(!changed.inputsUnchanged)
        let after = written(files)
        #expect(after.keys.contains(folder + "/alla.ics") && after[state] != nil)

        let again = try workspace.export(try workspace.load(plan), options: options, at: now)
        #expect(again.inputsUnchanged && again.folderUnchanged && !again.stateWritten && again.preview.changes.isEmpty)
        #expect(again.feedCount == changed.feedCount && again.events == changed.events)
        #expect(written(files) == after)

        var full = options
        full.skipWhenInputsUnchanged = false
        let made = try workspace.export(try workspace.load(plan), options: full, at: now)
        #expect(!made.inputsUnchanged && made.folderUnchanged && !made.stateWritten && made.preview.changes.isEmpty)
        #expect(written(files) == after)
        return changed
    }

    static func replacing(_ files: MemoryFileSystem, _ path: String, _ old: String, with new: String) throws {
        let text = String(decoding: try #require(files[path]), as: UTF8.self)
        #expect(text.contains(old))
        try files.replaceFile(path, with: Array(text.replacingOccurrences(of: old, with: new).utf8))
    }

    @Test func everyInputMakesTheExportWorkAgain() throws {
        let files = MemoryFileSystem([
            Self.plan: Array(try Data(contentsOf: WorkspaceTests.repository.appendingPathComponent(Self.plan))),
            Self.calendar: Array(try Data(contentsOf: WorkspaceTests.repository.appendingPathComponent(Self.calendar))),
        ])
        let first = try Self.exportAfterAChange(files)
        #expect(first.preview.changes.count == first.events)

        // The plan's bytes, without a visible change (a comment): the same feeds.
        let plan = String(decoding: try #require(files[Self.plan]), as: UTF8.self)
        try files.replaceFile(Self.plan, with: Array((plan + "# en kommentar\n").utf8))
        #expect(try Self.exportAfterAChange(files).preview.changes.isEmpty)

        // The plan's title: every feed's name.
        try Self.replacing(files, Self.plan, "title: Kommunikationsplan ", with: "title: Ändrad kommunikationsplan ")
        _ = try Self.exportAfterAChange(files)

        // The dates-from calendar: a meeting moved a day.
        let calendar = String(decoding: try #require(files[Self.calendar]), as: UTF8.self)
        let start = try #require(calendar.range(of: "DTSTART;TZID=Europe/Stockholm:2027"))
        let line = calendar[start.lowerBound...].prefix { $0 != "\r" && $0 != "\n" }
        try Self.replacing(files, Self.calendar, String(line), with: line.replacingOccurrences(of: "T160000", with: "T170000"))
        #expect(try Self.exportAfterAChange(files).preview.changes.contains { $0.kind == .changed })

        // The journal: a move recorded.
        let workspace = Workspace(files: files)
        let outcome = try workspace.record(
            .move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil), in: try workspace.read(Self.plan),
            by: "Anna Berg", reason: nil, at: Self.now)
        #expect(outcome.appended != nil)
        #expect(try Self.exportAfterAChange(files).preview.changes.contains { $0.kind == .changed })
        // Its bytes without a new entry (a blank line): the journal is told by its bytes, so the
        // export is made again, and changes nothing.
        let journal = "Plans/serviceforvaltningen-2027.journal.jsonl"
        try files.replaceFile(journal, with: try #require(files[journal]) + Array("\n".utf8))
        #expect(try Self.exportAfterAChange(files).preview.changes.isEmpty)

        // The publication state, edited: the event whose fingerprint no longer matches changes.
        let state = String(decoding: try #require(files[Self.state]), as: UTF8.self)
        let fingerprint = try #require(state.range(of: "\"fingerprint\": \""))
        let digit = state[fingerprint.upperBound]
        try files.replaceFile(
            Self.state,
            with: Array(state.replacingCharacters(in: fingerprint.upperBound...fingerprint.upperBound, with: digit == "0" ? "1" : "0").utf8))
        #expect(try Self.exportAfterAChange(files).preview.changes.count == 1)

        // The options, the day of the export and the overview's today.
        _ = try Self.exportAfterAChange(files, options: ExportOptions(baseURL: "https://intranat.example.se/arsplan/", today: Day(iso: "2027-03-01")))
        _ = try Self.exportAfterAChange(files, options: ExportOptions(keepCancelled: true, today: Day(iso: "2027-03-01")))
        _ = try Self.exportAfterAChange(files, options: ExportOptions(today: Day(iso: "2027-03-02")))
        _ = try Self.exportAfterAChange(files, options: ExportOptions(today: Day(iso: "2027-03-02")), at: Timestamp(iso: "2027-03-02T08:00:00Z")!)

        // A file in the folder changed by hand is put right.
        try files.replaceFile(Self.folder + "/alla.ics", with: Array("trasig".utf8))
        let repaired = try Self.exportAfterAChange(
            files, options: ExportOptions(today: Day(iso: "2027-03-02")), at: Timestamp(iso: "2027-03-02T08:00:00Z")!)
        #expect(!repaired.folderUnchanged)
    }
}
