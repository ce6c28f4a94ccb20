// Writing a whole byte array to a file descriptor: the loop the journal and new files share.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

package enum POSIXWrite {
    /// Writes every byte of `bytes` to `fd` (again after an interrupted or short write).
    /// Returns the `errno` of a failure, or nil when everything was written.
    package static func all(_ bytes: [UInt8], to fd: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return nil
        }
    }
}
