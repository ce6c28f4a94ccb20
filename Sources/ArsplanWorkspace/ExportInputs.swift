import Arsplan
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Everything an export's output is made from, as one digest: when the folder's marker names
/// the same digest (and the folder holds files of the sizes it wrote), an export would write
/// exactly what is there and leave the publication state as it is, so it need not make the
/// feeds or the overview at all.
///
/// Why that is sound: the feeds, `index.html` and `oversikt.html` are a function of the
/// schedule and plan (from the plan file's bytes, the `dates-from` calendars' bytes and the
/// journal's entries), the publication state read, the options, the day of the export (the
/// index's "next events", the overview's today marker) and the program (arsplan's build,
/// libical, the time-zone data). The digest recorded by an export holds the state *as that
/// export leaves it*; an export that reads that state with the same other inputs finds every
/// event's fingerprint as recorded, so it changes no SEQUENCE or stamp, uses no clock time in
/// a feed, writes no state and produces the same bytes. A test forces both paths and
/// compares them byte for byte, and changes each input in turn.
///
/// Measured (callgrind, release, the 100,000-occurrence bench plan with its state and folder,
/// 7 Dec 2026): an export that changes nothing took 7.44 G instructions (the feeds 2.75 G
/// and the overview 3.29 G among them); with this 1.03 G, of which reading and scheduling
/// the plan 0.74 G and this digest 0.04 G (the 14 MB state and the plan hashed), 0.22 s and
/// 98 MB instead of 1.45 s and 215 MB wall (one run each on the shared machine).
struct ExportInputs {
    /// The program: this executable's build, the libical library it runs with and the
    /// system's time-zone data. Nil where they cannot be told (then every export does the work).
    static let program: String? = {
        #if os(Linux)
            guard let executable = fileIdentity("/proc/self/exe"),
                // /proc files have no size: read to the end.
                let maps = FileHandle(forReadingAtPath: "/proc/self/maps").map({ String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) }),
                let tzdata = FileManager.default.contents(atPath: "/usr/share/zoneinfo/tzdata.zi")
            else { return nil }
            // Every libical file mapped into the process, by path, size and modification time.
            var libraries = Set<String>()
            for line in maps.split(separator: "\n") {
                guard let slash = line.firstIndex(of: "/") else { continue }
                let path = String(line[slash...])
                if path.contains("libical") { libraries.insert(path) }
            }
            guard !libraries.isEmpty else { return nil }
            var identity = "arsplan-export-inputs-1 " + executable
            for path in libraries.sorted() {
                guard let library = fileIdentity(path) else { return nil }
                identity += " " + library
            }
            var digest = OutputDigest()
            digest.add(bytes: [UInt8](tzdata))
            return identity + " tzdata " + digest.hex
        #else
            return nil
        #endif
    }()

    /// `path size mtime` of a file (symlinks followed), or nil.
    private static func fileIdentity(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        #if os(Linux)
            let modified = "\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
        #else
            let modified = "\(info.st_mtimespec.tv_sec).\(info.st_mtimespec.tv_nsec)"
        #endif
        return "\(path) \(info.st_size) \(modified)"
    }

    /// The digest of an export's inputs with the publication state `state` (the file's bytes,
    /// nil when there is none), or nil when the program cannot be identified.
    static func digest(
        _ loaded: LoadedPlan, options: ExportOptions, statePath: String, state: [UInt8]?, now: Timestamp, program: String? = program
    ) -> String? {
        guard let program else { return nil }
        var digest = OutputDigest()
        digest.add(program)
        digest.add(loaded.path)
        digest.add(bytes: loaded.source.bytes)
        digest.add(loaded.source.calendars.count)
        for calendar in loaded.source.calendars {
            digest.add(calendar.path)
            digest.add(bytes: calendar.bytes)
        }
        // The journal as replayed: the bytes its entries were read from (not the file, which
        // may have grown since). Encoding the entries again with JSONEncoder instead was 3.4 G
        // instructions on the 20,000-activity bench plan's journal (32,073 approved occurrences).
        digest.add(loaded.journal.path)
        digest.add(loaded.contents.entries.count)
        if !loaded.contents.entries.isEmpty {
            guard let journal = loaded.contents.bytesDigest else { return nil }
            digest.add(journal)
        }
        digest.add(statePath)
        if let state {
            digest.add(1)
            digest.add(bytes: state)
        } else {
            digest.add(0)
        }
        digest.add(options.baseURL ?? "")
        digest.add(options.baseURL == nil ? 0 : 1)
        digest.add(options.keepCancelled ? 1 : 0)
        digest.add(options.today?.description ?? "")
        // The index page's "next events" start at the export's day.
        digest.add(now.day.description)
        return digest.hex
    }

    /// The marker's `indata:` value: the inputs' digest with the files the folder holds (name
    /// and size), so that a file changed or removed by hand makes the export write again.
    static func markerValue(inputs: String, sizes: [String: Int]) -> String {
        var digest = OutputDigest()
        digest.add(inputs)
        for (name, size) in sizes.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            digest.add(name)
            digest.add(size)
        }
        return digest.hex
    }
}
