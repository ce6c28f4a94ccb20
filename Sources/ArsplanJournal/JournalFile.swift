import Arsplan
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A plan's change journal on disk: `<plan>.journal.jsonl` beside the plan file, one JSON
/// object a line (see `docs/journal.md`).
///
/// * Appends are serialized with an exclusive `flock` on the journal file and `fsync`ed, so
///   any number of processes appending at once each get their entry, intact and numbered
///   one after the other. Readers take a shared lock and never see half an entry.
/// * A new journal appears with its first entry in one step: the entry is written to a
///   temporary file beside it, synced, and linked into place (`link` never replaces a
///   journal another process created meanwhile).
/// * A failed write is rolled back (truncated to the previous length): nothing half-written.
public struct JournalFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The journal beside `planPath`: `Plans/x.yaml` → `Plans/x.journal.jsonl`.
    public init(forPlan planPath: String) {
        var base = planPath
        for ext in [".yaml", ".yml"] where base.hasSuffix(ext) {
            base.removeLast(ext.count)
            break
        }
        self.init(path: base + ".journal.jsonl")
    }

    public var exists: Bool { access(path, F_OK) == 0 }

    // MARK: Reading

    /// Reads the journal under a shared lock; an absent journal has no entries.
    public func read() throws(JournalFileError) -> JournalContents {
        try readWithBytes().contents
    }

    /// ``read()``, with the bytes the entries were read from: what ``append(reusing:_:)``
    /// can take up again when the journal is still those bytes. An absent journal has no bytes.
    public func readWithBytes() throws(JournalFileError) -> (bytes: [UInt8], contents: JournalContents) {
        guard let fd = try openJournal(O_RDONLY, failure: { .cannotRead(file: path, reason: .system(Self.reason($0))) }) else {
            return ([], .empty)
        }
        defer { close(fd) }
        // Best effort: a file system without locks can still be read.
        _ = Self.lock(fd, LOCK_SH)
        let bytes = try readAll(fd)
        return (bytes, try JournalContents.parse(bytes, file: path))
    }

    // MARK: Appending

    /// What ``append(_:)`` did.
    public struct Appended: Sendable {
        public var entry: JournalEntry
        /// The line the entry was written on.
        public var line: Int
        /// Warnings from reading the journal, and about an incomplete last line that was removed.
        public var warnings: [Diagnostic]
    }

    /// Appends the entry `make` returns, under an exclusive lock.
    ///
    /// `make` gets the journal as it stands once the lock is held — so an entry's number and
    /// anything worked out from earlier entries (the change an undo reverses) cannot race with
    /// another process — and returns the entry to append, or nil to write nothing. It may be
    /// called more than once (when another process creates the journal at the same moment);
    /// only the last call's entry is written.
    @discardableResult
    ///
    /// `known`: the journal as read before (``readWithBytes()``); when the journal under the lock
    /// is still exactly those bytes, its entries are taken from it rather than parsed again.
    public func append(reusing known: (bytes: [UInt8], contents: JournalContents)? = nil, _ make: (JournalContents) throws -> JournalEntry?)
        throws -> Appended?
    {
        for _ in 0..<64 {
            let opened = try openJournal(O_RDWR | O_APPEND) { .cannotWrite(file: path, reason: .openForAppending(Self.reason($0))) }
            guard let fd = opened else {
                guard let entry = try make(.empty) else { return nil }
                if try create(with: entry) { return Appended(entry: entry, line: 1, warnings: []) }
                continue  // Another process created it first: append to theirs.
            }
            defer { close(fd) }
            guard Self.lock(fd, LOCK_EX) == 0 else { throw JournalFileError.cannotWrite(file: path, reason: .lock(Self.reason(errno))) }
            // The journal may have been replaced (renamed over) while we waited for the lock.
            var held = stat()
            var named = stat()
            guard fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_dev == named.st_dev, held.st_ino == named.st_ino else { continue }

            let bytes = try readAll(fd, size: Int(held.st_size))
            let contents = try known.flatMap { $0.bytes == bytes && !bytes.isEmpty ? $0.contents : nil } ?? JournalContents.parse(bytes, file: path)
            guard let entry = try make(contents) else { return nil }

            var warnings = contents.warnings
            var length = bytes.count
            var data = Array(try Self.encode(entry).utf8) + [UInt8(ascii: "\n")]
            var line = (contents.lines.last ?? 0) + 1
            if let torn = contents.tornTail {
                let removed = String(decoding: bytes[torn], as: UTF8.self)
                guard ftruncate(fd, off_t(torn.lowerBound)) == 0 else {
                    throw JournalFileError.cannotWrite(file: path, reason: .removeTornLine(Self.reason(errno)))
                }
                length = torn.lowerBound
                line = bytes[..<torn.lowerBound].filter { $0 == UInt8(ascii: "\n") }.count + 1
                warnings.append(
                    Diagnostic(
                        severity: .warning, code: .journalTornLineRemoved,
                        text: .file(.journalTornLineRemoved(bytes: torn.count, removed: String(removed.debugDescription.dropFirst().dropLast()))),
                        file: path, location: SourceLocation(line: line, column: 1)))
            } else if contents.endsWithoutNewline {
                data.insert(UInt8(ascii: "\n"), at: 0)
            } else {
                line = bytes.filter { $0 == UInt8(ascii: "\n") }.count + 1
            }
            try write(data, to: fd, rollbackTo: length)
            return Appended(entry: entry, line: line, warnings: warnings)
        }
        throw JournalFileError.cannotWrite(file: path, reason: .keptBeingReplaced)
    }

    /// The entry as one line of JSON (no newline): keys sorted, so the same entry always gives the same bytes.
    ///
    /// `directWriting` (on but in tests) writes it without `JSONEncoder` when it can
    /// (``JournalLineWriter``): the same bytes.
    public static func encode(_ entry: JournalEntry, directWriting: Bool = true) throws -> String {
        if directWriting, let line = JournalLineWriter.line(entry) { return String(decoding: line, as: UTF8.self) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entry), as: UTF8.self)
    }

    // MARK: Internals

    /// Opens the journal with `flags`; nil when there is none. Refuses anything but a regular
    /// file (a named pipe would block the read forever, a device never holds a journal) and a
    /// symbolic link that leads nowhere — each with its own reason — without ever blocking:
    /// the file is opened with `O_NONBLOCK` and checked with `fstat` before it is read.
    private func openJournal(_ flags: Int32, failure: (Int32) -> JournalFileError) throws(JournalFileError) -> Int32? {
        let fd = open(path, flags | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT {
                var link = stat()
                if lstat(path, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK {
                    throw .danglingLink(file: path, target: Self.linkTarget(path) ?? "?")
                }
                return nil
            }
            if code == ENXIO { throw .notAFile(file: path, kind: .socket) }
            throw failure(code)
        }
        var st = stat()
        guard fstat(fd, &st) == 0 else {
            let code = errno
            close(fd)
            throw failure(code)
        }
        let kind: JournalFileKind?
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = nil
        case S_IFDIR: kind = .folder
        case S_IFIFO: kind = .namedPipe
        case S_IFCHR, S_IFBLK: kind = .device
        case S_IFSOCK: kind = .socket
        default: kind = .other
        }
        if let kind {
            close(fd)
            throw .notAFile(file: path, kind: kind)
        }
        // A regular file never blocks; clear the flag all the same so writes behave as usual.
        let current = fcntl(fd, F_GETFL)
        if current >= 0 { _ = fcntl(fd, F_SETFL, current & ~O_NONBLOCK) }
        return fd
    }

    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buffer, buffer.count - 1)
        guard n >= 0 else { return nil }
        return String(decoding: buffer[..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates the journal holding `entry` in one step; false when it already exists.
    private func create(with entry: JournalEntry) throws(JournalFileError) -> Bool {
        let data: [UInt8]
        do { data = Array(try Self.encode(entry).utf8) + [UInt8(ascii: "\n")] } catch {
            throw .cannotWrite(file: path, reason: .encode("\(error)"))
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw .cannotWrite(file: path, reason: .create(directory: directory.isEmpty ? "." : directory, Self.reason(errno)))
        }
        do {
            try write(data, to: fd, rollbackTo: nil)
        } catch {
            close(fd)
            unlink(temporary)
            throw error
        }
        close(fd)
        defer { unlink(temporary) }
        if link(temporary, path) != 0 {
            if errno == EEXIST {
                // A link that appeared meanwhile and leads nowhere is not a journal to append to.
                var st = stat()
                if stat(path, &st) != 0, lstat(path, &st) == 0 { throw .danglingLink(file: path, target: Self.linkTarget(path) ?? "?") }
                return false
            }
            throw .cannotWrite(file: path, reason: .system(Self.reason(errno)))
        }
        // Make the new directory entry durable too.
        let dirfd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_CLOEXEC)
        if dirfd >= 0 {
            fsync(dirfd)
            close(dirfd)
        }
        return true
    }

    private static func lock(_ fd: Int32, _ operation: Int32) -> Int32 {
        while true {
            let result = flock(fd, operation)
            if result == 0 || errno != EINTR { return result }
        }
    }

    static func reason(_ code: Int32) -> SystemReason {
        switch code {
        case EACCES, EPERM: return .permissionDenied
        case EROFS: return .readOnly
        case ENOSPC: return .noSpace
        case ENOTDIR: return .notAFolderInPath
        case ENOENT: return .folderMissing
        case EISDIR: return .isAFolder
        case EFBIG: return .tooLarge
        case ELOOP: return .symlinkLoop
        default: return .other(String(cString: strerror(code)))
        }
    }
}
