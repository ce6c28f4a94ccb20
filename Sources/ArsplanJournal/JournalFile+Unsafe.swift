// The journal file's byte-level reads and writes: the pointers of this module, kept in a
// file whose name says so.

import Arsplan
import ArsplanSupport
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension JournalFile {
    /// Writes every byte and syncs; on failure truncates back to `rollbackTo` (when given) and throws.
    func write(_ data: [UInt8], to fd: Int32, rollbackTo length: Int?) throws(JournalFileError) {
        var failure = POSIXWrite.all(data, to: fd)
        if failure == nil, fsync(fd) != 0 { failure = errno }
        if let failure {
            if let length { _ = ftruncate(fd, off_t(length)) }
            throw .cannotWrite(file: path, reason: .system(Self.reason(failure)))
        }
    }

    func readAll(_ fd: Int32, size: Int? = nil) throws(JournalFileError) -> [UInt8] {
        var total = size
        if total == nil {
            var st = stat()
            guard fstat(fd, &st) == 0 else { throw .cannotRead(file: path, reason: .system(Self.reason(errno))) }
            total = Int(st.st_size)
        }
        let count = total!
        var bytes = [UInt8](repeating: 0, count: count)
        var offset = 0
        var failure: Int32?
        bytes.withUnsafeMutableBytes { buffer in
            while offset < count {
                let n = pread(fd, buffer.baseAddress! + offset, count - offset, off_t(offset))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if n == 0 { break }
                offset += n
            }
        }
        if let failure { throw .cannotRead(file: path, reason: .system(Self.reason(failure))) }
        return Array(bytes[..<offset])
    }
}
