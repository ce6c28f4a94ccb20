import ArsplanSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why a new file was not created (``Workspace/createFile(_:bytes:)``).
public enum NewFileError: Error, Hashable, Sendable {
    /// Something is already at the path; it was left as it was.
    case exists(path: String)
    /// The file could not be written (no folder, permissions, a full disk); nothing was left behind.
    case cannotWrite(path: String, reason: String)
}

extension Workspace {
    /// Creates the file `path` with `bytes`, never replacing anything: the bytes go to a
    /// temporary file beside it (written and synced), which is then hard-linked to `path` —
    /// `link` fails when `path` exists, however many processes try at once — and removed.
    /// A reader sees either no file or the whole of it.
    public func createFile(_ path: String, bytes: [UInt8]) throws(NewFileError) {
        if FileManager.default.fileExists(atPath: path) || (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
            throw .exists(path: path)
        }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp").path
        func failure(_ what: Int32) -> NewFileError { .cannotWrite(path: path, reason: String(cString: strerror(what))) }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(errno) }
        defer { unlink(temporary) }
        var error = POSIXWrite.all(bytes, to: descriptor) ?? 0
        if error == 0 && fsync(descriptor) != 0 { error = errno }
        if close(descriptor) != 0 && error == 0 { error = errno }
        if error != 0 { throw failure(error) }
        guard link(temporary, path) == 0 else {
            let reason = errno
            if reason == EEXIST { throw .exists(path: path) }
            throw failure(reason)
        }
    }
}
