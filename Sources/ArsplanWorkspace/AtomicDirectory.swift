import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a whole folder at once: the new files are written into a temporary folder beside
/// it, which is then swapped into place with a rename. Until the swap nothing in the old
/// folder is touched, so a failed export leaves it exactly as it was.
enum AtomicDirectory {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Writes files into the staging folder; handed to the `content` of `replace`.
    struct Staging: FolderStaging {
        let directory: URL

        func write(_ name: String, _ bytes: [UInt8]) throws {
            try bytes.withUnsafeBytes { try write(name, pieces: [$0]) }
        }

        /// Writes the hidden marker file that says who wrote the folder.
        func writeMarker(_ name: String, _ text: String) throws {
            do {
                try Data(text.utf8).write(to: directory.appendingPathComponent(name), options: .withoutOverwriting)
            } catch {
                throw Failure(description: "cannot write '\(name)' in '\(directory.path)': \(error.localizedDescription)")
            }
        }

        /// Writes a file given as pieces in order, with `writev` (no copying into a buffer).
        func write(_ name: String, pieces: [UnsafeRawBufferPointer]) throws {
            guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
                throw Failure(description: "refusing to write the file name '\(name)'")
            }
            let path = directory.appendingPathComponent(name).path
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw Failure(description: "cannot create '\(path)': \(String(cString: strerror(errno)))") }
            var closed = false
            defer { if !closed { close(descriptor) } }
            var vectors = pieces.filter { $0.count > 0 }.map {
                iovec(iov_base: UnsafeMutableRawPointer(mutating: $0.baseAddress), iov_len: $0.count)
            }
            var first = 0
            while first < vectors.count {
                let batch = min(vectors.count - first, 1024)  // IOV_MAX on Linux
                let written = vectors[first..<(first + batch)].withUnsafeBufferPointer { writev(descriptor, $0.baseAddress, Int32(batch)) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw Failure(description: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
                // Skip what was written; a short write leaves part of a vector for the next call.
                var remaining = written
                while remaining > 0 && first < vectors.count {
                    if remaining >= vectors[first].iov_len {
                        remaining -= vectors[first].iov_len
                        first += 1
                    } else {
                        vectors[first].iov_base = vectors[first].iov_base! + remaining
                        vectors[first].iov_len -= remaining
                        remaining = 0
                    }
                }
            }
            closed = true
            guard close(descriptor) == 0 else { throw Failure(description: "cannot write '\(path)': \(String(cString: strerror(errno)))") }
        }
    }

    /// Makes the files that `content` writes into the staging folder the complete content of
    /// the folder `path`.
    static func replace(_ path: String, content: (Staging) throws -> Void) throws {
        let manager = FileManager.default
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: target.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            throw Failure(description: "'\(path)' exists and is not a folder")
        }
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create the folder '\(parent.path)': \(error.localizedDescription)")
        }

        removeAbandoned(besides: target)
        let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(suffix)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(suffix)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            try content(Staging(directory: staging))
            // Readable by a web server running as another user.
            try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: staging.path)
        } catch {
            try? manager.removeItem(at: staging)
            if let failure = error as? Failure { throw failure }
            throw Failure(description: "cannot write the new files beside '\(path)': \(error.localizedDescription)")
        }

        guard manager.fileExists(atPath: target.path) else {
            guard rename(staging.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? manager.removeItem(at: staging)
                throw Failure(description: "cannot move the new files into '\(path)': \(reason)")
            }
            return
        }
        // Linux: swap the two folders in one step (renameat2 with RENAME_EXCHANGE).
        if exchange(staging.path, target.path) {
            try? manager.removeItem(at: staging)  // now holds the previous files
            return
        }
        // Elsewhere: two renames; the old folder comes back if the second one fails.
        guard rename(target.path, retired.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: staging)
            throw Failure(description: "cannot replace '\(path)': \(reason)")
        }
        guard rename(staging.path, target.path) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retired.path, target.path)
            try? manager.removeItem(at: staging)
            throw Failure(description: "cannot replace '\(path)': \(reason)")
        }
        try? manager.removeItem(at: retired)
    }

    /// Removes the temporary folders of earlier replacements of `target` whose process is
    /// gone (an export killed midway): `.<name>.new-<pid>-<n>` and `.<name>.old-<pid>-<n>`
    /// beside it, named so by this type only. A folder whose process still runs is left.
    static func removeAbandoned(besides target: URL) {
        let parent = target.deletingLastPathComponent()
        let name = target.lastPathComponent
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return }
        for entry in entries {
            guard let pid = abandonedPID(entry, of: name), pid != getpid() else { continue }
            guard kill(pid, 0) != 0 && errno == ESRCH else { continue }  // still running
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry))
        }
    }

    /// The process id in a temporary folder name of `name`, or nil for any other name.
    static func abandonedPID(_ entry: String, of name: String) -> pid_t? {
        for kind in [".new-", ".old-"] {
            let prefix = "." + name + kind
            guard entry.hasPrefix(prefix) else { continue }
            let parts = entry.dropFirst(prefix.count).split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, let pid = pid_t(parts[0]), pid > 0, UInt32(parts[1]) != nil else { return nil }
            return pid
        }
        return nil
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// renameat2(…, RENAME_EXCHANGE), looked up at run time (glibc 2.28+); false when the
    /// system or the file system does not offer it.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if os(Linux)
            guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
            let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
            let atFDCWD: Int32 = -100
            let renameExchange: UInt32 = 1 << 1
            return renameat2(atFDCWD, a, atFDCWD, b, renameExchange) == 0
        #else
            return false
        #endif
    }
}
