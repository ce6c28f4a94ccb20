import Foundation
import Testing

/// `export --out` only ever replaces what an export wrote: never the plan's folder, a folder
/// with other files, another plan's feeds or what a symlink stands for.
@Suite("arsplan export --out: what may be replaced")
struct ExportFolderTests {
    typealias Run = CommandRunner.Result

    /// A temporary working folder with a copy of the example plan (and its council calendar)
    /// in `Plans/`, and a `notes.txt` that is nobody's export.
    static func workspace() throws -> URL {
        let directory = try CommandRunner.temporaryDirectory()
        let plans = directory.appendingPathComponent("Plans")
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Plans"), to: plans)
        try Data("mina anteckningar\n".utf8).write(to: directory.appendingPathComponent("notes.txt"))
        return directory
    }

    static func export(_ out: String, in directory: URL) throws -> Run {
        try CommandRunner.run(["export", "Plans/serviceforvaltningen-2027.yaml", "--out", out], in: directory)
    }

    /// Every file below `directory` with its bytes.
    static func snapshot(_ directory: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: directory.path))
        while let path = enumerator.nextObject() as? String {
            let url = directory.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[path] = try Data(contentsOf: url)
            }
        }
        return result
    }

    @Test(arguments: [
        ("Plans", "den innehåller 'Plans/serviceforvaltningen-2027.yaml'"),
        (".", "den innehåller 'Plans/serviceforvaltningen-2027.yaml'"),
        ("Plans/..", "den innehåller 'Plans/serviceforvaltningen-2027.yaml'"),
        ("/", "det är rotmappen"),
    ])
    func thePlansFolderAndTheFoldersAboveItAreRefused(out: String, reason: String) throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let before = try Self.snapshot(directory)
        let run = try Self.export(out, in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("exporterar inte till '\(out)': \(reason)"), "\(run.stderr)")
        #expect(try Self.snapshot(directory) == before)
    }

    @Test func aFolderWithOtherFilesIsRefusedAndKept() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("webb")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try Data("<h1>startsida</h1>".utf8).write(to: out.appendingPathComponent("start.html"))
        try Data("BEGIN:VCALENDAR".utf8).write(to: out.appendingPathComponent("alla.ics"))
        let before = try Self.snapshot(directory)
        let run = try Self.export("webb", in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("den innehåller filer som ingen export skrev ('start.html')"), "\(run.stderr)")
        #expect(try Self.snapshot(directory) == before)
    }

    @Test func anotherPlansExportIsRefused() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("flode")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: false)
        try Data("plan: annan-plan\n".utf8).write(to: out.appendingPathComponent(".arsplan-export"))
        let run = try Self.export("flode", in: directory)
        #expect(run.status == 1)
        #expect(run.stderr.contains("den innehåller flödena för planen 'annan-plan', inte 'sf-2027'"), "\(run.stderr)")
    }

    @Test func aNewAnEmptyAndItsOwnEarlierFolderAreReplaced() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("tom"), withIntermediateDirectories: false)
        for out in ["ny/flode", "tom", "ny/flode"] {
            let run = try Self.export(out, in: directory)
            #expect(run.status == 0, "\(out): \(run.stderr)")
        }
        let marker = try String(contentsOf: directory.appendingPathComponent("ny/flode/.arsplan-export"), encoding: .utf8)
        #expect(marker.contains("plan: sf-2027\n"))
        // A folder an earlier version wrote (export files only, no marker) is replaced too.
        let old = directory.appendingPathComponent("gammal")
        try FileManager.default.copyItem(at: directory.appendingPathComponent("tom"), to: old)
        try FileManager.default.removeItem(at: old.appendingPathComponent(".arsplan-export"))
        #expect(try Self.export("gammal", in: directory).status == 0)
        #expect(FileManager.default.fileExists(atPath: old.appendingPathComponent(".arsplan-export").path))
    }

    @Test func aSymlinkIsFollowedNotReplaced() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let real = directory.appendingPathComponent("publicerat")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("lank").path, withDestinationPath: "publicerat")
        let run = try Self.export("lank", in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: directory.appendingPathComponent("lank").path)
        #expect(link == "publicerat")
        #expect(FileManager.default.fileExists(atPath: real.appendingPathComponent("alla.ics").path))
    }

    @Test func theTemporaryFoldersOfAKilledExportAreRemovedNextTime() throws {
        let directory = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A process id that does not run (above Linux's pid_max), and pid 1, which always runs.
        let abandoned = [".flode.new-99999999-17", ".flode.old-99999999-18"]
        let kept = [".flode.new-1-19", ".flode.new-x", ".annat.new-99999999-20"]
        for name in abandoned + kept {
            try FileManager.default.createDirectory(at: directory.appendingPathComponent(name), withIntermediateDirectories: false)
            try Data("x".utf8).write(to: directory.appendingPathComponent(name).appendingPathComponent("alla.ics"))
        }
        #expect(try Self.export("flode", in: directory).status == 0)
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        for name in abandoned { #expect(!left.contains(name), "\(name) left behind") }
        for name in kept { #expect(left.contains(name), "\(name) removed") }
    }
}
