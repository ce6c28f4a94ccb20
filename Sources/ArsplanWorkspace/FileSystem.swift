import Arsplan
import ArsplanJournal
import Foundation

/// Everything the workspace reads and writes, behind one type: tests and the feed server can
/// hand in their own, the command line uses ``LocalFileSystem``. Paths are as the user named
/// them (relative ones relative to the file system's working folder).
public protocol FileSystem: Sendable {
    /// The bytes of the file at `path`.
    func contents(of path: String) throws(FileSystemError) -> [UInt8]

    /// The bytes of the file at `path`, or nil when there is no file there.
    func contentsIfPresent(of path: String) throws(FileSystemError) -> [UInt8]?

    /// Makes `bytes` the content of the file at `path` in one step (a temporary file beside
    /// it, then a rename): a reader sees the old file or the new one, never half of it.
    func replaceFile(_ path: String, with bytes: [UInt8]) throws(FileSystemError)

    /// The change journal at `path` (which need not exist yet).
    func journal(at path: String) -> any JournalStore

    /// The folder an export of the plan `planID` may replace for `path`, or why not. An export
    /// replaces its folder as a whole, so it may only replace what an export wrote; `protected`
    /// are files it must never put at risk (the plan file, its journal).
    func exportFolder(_ path: String, planID: String, protected: [String]) throws(ExportFolder.Refusal) -> String

    /// Makes the files that `content` writes the complete content of the folder `path`, in one
    /// step: until then nothing in the old folder is touched.
    func replaceFolder(_ path: String, content: (any FolderStaging) throws -> Void) throws

    /// The plain files directly in the folder `path` (hidden ones left out) with their sizes;
    /// empty when there is no such folder.
    func fileSizes(in path: String) -> [String: Int]
}

/// Why a file could not be read.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}

/// A plan's change journal wherever it is kept: read whole, appended to under its lock.
public protocol JournalStore: Sendable {
    /// Where the journal is, as diagnostics name it.
    var path: String { get }
    /// Whether the journal exists yet.
    var exists: Bool { get }
    /// The journal's entries; an absent journal has none.
    func read() throws(JournalFileError) -> JournalContents
    /// Appends the entry `make` returns, deciding it from the journal as it stands under the
    /// lock (nil: write nothing). `make` may be called more than once; only the last call's
    /// entry is written.
    func appendEntry(_ make: (JournalContents) throws -> JournalEntry?) throws -> AppendedEntry?
    /// The journal as it is now, to be taken up again by ``appendEntry(reusing:_:)``.
    func snapshot() throws(JournalFileError) -> JournalSnapshot
    /// ``appendEntry(_:)``, taking the entries from `known` when the journal under the lock
    /// is still what `known` was read from.
    func appendEntry(reusing known: JournalSnapshot?, _ make: (JournalContents) throws -> JournalEntry?) throws -> AppendedEntry?
}

extension JournalStore {
    /// The journal's entries, without the bytes: never taken up again.
    public func snapshot() throws(JournalFileError) -> JournalSnapshot { JournalSnapshot(path: path, contents: try read()) }

    /// ``appendEntry(_:)``: the journal is read again under the lock.
    public func appendEntry(reusing known: JournalSnapshot?, _ make: (JournalContents) throws -> JournalEntry?) throws -> AppendedEntry? {
        try appendEntry(make)
    }
}

/// A journal as read at one moment: its entries, and the bytes they came from when the
/// store can compare them with the journal under its lock (``JournalStore/appendEntry(reusing:_:)``).
public struct JournalSnapshot: Sendable {
    public var path: String
    public var contents: JournalContents
    var bytes: [UInt8]?

    public init(path: String, contents: JournalContents) {
        self.path = path
        self.contents = contents
    }

    init(path: String, bytes: [UInt8], contents: JournalContents) {
        self.init(path: path, contents: contents)
        self.bytes = bytes
    }
}

/// An entry a ``JournalStore`` appended.
public struct AppendedEntry: Sendable {
    public var entry: JournalEntry
    /// The line the entry was written on.
    public var line: Int
    /// Warnings from reading the journal, and about an incomplete last line that was removed.
    public var warnings: [Diagnostic]

    public init(entry: JournalEntry, line: Int, warnings: [Diagnostic]) {
        self.entry = entry
        self.line = line
        self.warnings = warnings
    }
}

/// Writes the files of a folder being replaced (see ``FileSystem/replaceFolder(_:content:)``).
/// Files may be written from several threads at once.
public protocol FolderStaging: Sendable {
    /// Writes the file `name` (a plain name, not hidden).
    func write(_ name: String, _ bytes: [UInt8]) throws
    /// Writes the file `name` given as pieces in order.
    func write(_ name: String, pieces: [UnsafeRawBufferPointer]) throws
    /// Writes the hidden marker file that says who wrote the folder.
    func writeMarker(_ name: String, _ text: String) throws
}

/// The computer's own disk: journals locked with `flock`, folders swapped with a rename.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func contents(of path: String) throws(FileSystemError) -> [UInt8] {
        do {
            return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FileSystemError(error.localizedDescription)
        }
    }

    public func contentsIfPresent(of path: String) throws(FileSystemError) -> [UInt8]? {
        var info = stat()
        if lstat(path, &info) != 0 && errno == ENOENT { return nil }
        return try contents(of: path)
    }

    public func replaceFile(_ path: String, with bytes: [UInt8]) throws(FileSystemError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FileSystemError(error.localizedDescription)
        }
    }

    public func journal(at path: String) -> any JournalStore { JournalFile(path: path) }

    public func exportFolder(_ path: String, planID: String, protected: [String]) throws(ExportFolder.Refusal) -> String {
        try ExportFolder.check(path, planID: planID, protected: protected)
    }

    public func replaceFolder(_ path: String, content: (any FolderStaging) throws -> Void) throws {
        try AtomicDirectory.replace(path) { try content($0) }
    }

    public func fileSizes(in path: String) -> [String: Int] {
        var sizes: [String: Int] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !name.hasPrefix(".") {
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            // Anything but a plain file (a folder, a link) never matches an export.
            sizes[name] = info.st_mode & S_IFMT == S_IFREG ? Int(info.st_size) : -1
        }
        return sizes
    }
}

extension JournalFile: JournalStore {
    public func appendEntry(_ make: (JournalContents) throws -> JournalEntry?) throws -> AppendedEntry? {
        try appendEntry(reusing: nil, make)
    }

    public func snapshot() throws(JournalFileError) -> JournalSnapshot {
        let (bytes, contents) = try readWithBytes()
        return JournalSnapshot(path: path, bytes: bytes, contents: contents)
    }

    public func appendEntry(reusing known: JournalSnapshot?, _ make: (JournalContents) throws -> JournalEntry?) throws -> AppendedEntry? {
        let reusable = known.flatMap { known in known.path == path ? known.bytes.map { ($0, known.contents) } : nil }
        let appended = try append(reusing: reusable, make)
        return appended.map { AppendedEntry(entry: $0.entry, line: $0.line, warnings: $0.warnings) }
    }
}
