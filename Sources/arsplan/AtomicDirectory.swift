import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Replaces a whole folder at once: the new files are written into a temporary folder beside
/// it, which is then swapped into place with a rename. Until the swap nothing in the old
/// folder is touched, so a failed export leaves it exactly as it was.
enum AtomicDirectory {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Makes the files that `content` writes (through the function it is given, one file at a
    /// time) the complete content of the folder `path`.
    static func replace(_ path: String, content: (_ write: (_ name: String, _ bytes: [UInt8]) throws -> Void) throws -> Void) throws {
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

        let suffix = "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).new-\(suffix)")
        let retired = parent.appendingPathComponent(".\(target.lastPathComponent).old-\(suffix)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            try content { name, bytes in
                guard !name.isEmpty, !name.contains("/"), !name.hasPrefix(".") else {
                    throw Failure(description: "refusing to write the file name '\(name)'")
                }
                try Data(bytes).write(to: staging.appendingPathComponent(name))
            }
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
