import Arsplan
import ArsplanJournal
import ArsplanWorkspace
import Synchronization

/// A file system held in memory, as a server or a test hands the workspace its own: files by
/// path, a journal appended to under one lock, folders replaced as a whole.
@available(macOS 15, *)  // Mutex
final class MemoryFileSystem: FileSystem {
    private let files: Mutex<[String: [UInt8]]>

    init(_ files: [String: [UInt8]]) { self.files = Mutex(files) }

    subscript(path: String) -> [UInt8]? { files.withLock { $0[path] } }

    /// The paths below `folder`, sorted.
    func paths(in folder: String) -> [String] {
        files.withLock { $0.keys.filter { $0.hasPrefix(folder + "/") }.sorted() }
    }

    func contents(of path: String) throws(FileSystemError) -> [UInt8] {
        guard let bytes = self[path] else { throw FileSystemError("no such file: \(path)") }
        return bytes
    }

    func contentsIfPresent(of path: String) throws(FileSystemError) -> [UInt8]? { self[path] }

    func replaceFile(_ path: String, with bytes: [UInt8]) throws(FileSystemError) { files.withLock { $0[path] = bytes } }

    func journal(at path: String) -> any JournalStore { MemoryJournal(files: self, path: path) }

    func exportFolder(_ path: String, planID: String, protected: [String]) throws(ExportFolder.Refusal) -> String {
        let marker = self[path + "/" + ExportFolder.markerName].map { String(decoding: $0, as: UTF8.self) }
        if !paths(in: path).isEmpty && marker.flatMap(ExportFolder.markedPlan(in:)) != planID {
            throw ExportFolder.Refusal(
                .exportFolderOfAnotherPlan(path: path, owner: marker.flatMap(ExportFolder.markedPlan(in:)) ?? "?", plan: planID))
        }
        return path
    }

    func replaceFolder(_ path: String, content: (any FolderStaging) throws -> Void) throws {
        let staging = Staging()
        try content(staging)
        let written = staging.files.withLock { $0 }
        files.withLock { files in
            for key in files.keys where key.hasPrefix(path + "/") { files[key] = nil }
            for (name, bytes) in written { files[path + "/" + name] = bytes }
        }
    }

    func fileSizes(in path: String) -> [String: Int] {
        files.withLock { files in
            var sizes: [String: Int] = [:]
            for (key, bytes) in files where key.hasPrefix(path + "/") {
                let name = String(key.dropFirst(path.count + 1))
                if !name.contains("/") && !name.hasPrefix(".") { sizes[name] = bytes.count }
            }
            return sizes
        }
    }

    /// Appends under the file system's lock: the entry is decided against the journal as it stands.
    fileprivate func append(_ path: String, _ make: (JournalContents) throws -> JournalEntry?) throws -> AppendedEntry? {
        try files.withLock { files throws -> AppendedEntry? in
            let bytes = files[path] ?? []
            let contents = try JournalContents.parse(bytes, file: path)
            guard let entry = try make(contents) else { return nil }
            files[path] = bytes + Array((try JournalFile.encode(entry) + "\n").utf8)
            return AppendedEntry(entry: entry, line: (contents.lines.last ?? 0) + 1, warnings: contents.warnings)
        }
    }

    private final class Staging: FolderStaging {
        let files = Mutex<[String: [UInt8]]>([:])

        func write(_ name: String, _ bytes: [UInt8]) throws { files.withLock { $0[name] = bytes } }

        func write(_ name: String, pieces: [UnsafeRawBufferPointer]) throws {
            try write(name, pieces.flatMap { Array($0) })
        }

        func writeMarker(_ name: String, _ text: String) throws { try write(name, Array(text.utf8)) }
    }
}

@available(macOS 15, *)
private struct MemoryJournal: JournalStore {
    let files: MemoryFileSystem
    let path: String

    var exists: Bool { files[path] != nil }

    func read() throws(JournalFileError) -> JournalContents {
        try JournalContents.parse(files[path] ?? [], file: path)
    }

    func appendEntry(_ make: (JournalContents) throws -> JournalEntry?) throws -> AppendedEntry? {
        try files.append(path, make)
    }
}
