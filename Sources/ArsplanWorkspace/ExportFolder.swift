import Arsplan
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which folders `export` may replace. An export replaces its folder as a whole, so it must
/// only ever replace what an export wrote: a new or empty folder, or one that carries the
/// marker file of an earlier export of the same plan (or, from versions before the marker,
/// holds nothing but the files an export writes). Never the plan's own folder or one above
/// it, the root or the home folder. A symlink is followed: the folder it points to is
/// checked and replaced, the link itself stays.
public enum ExportFolder {
    /// The marker every export writes into its folder.
    public static let markerName = ".arsplan-export"

    /// Why a folder may not be replaced.
    public struct Refusal: Error, Hashable, Sendable, CustomStringConvertible {
        public var text: FileText

        public init(_ text: FileText) { self.text = text }

        /// The refusal in English (for logs and test failures; people read ``text``).
        public var description: String { Message.file(text).text(in: .english) }
    }

    /// The marker's text: says what the folder is, names the plan and, when given, the digest
    /// of every file the export wrote (``OutputDigest``), by which the next export that would
    /// write the same bytes leaves the folder alone; the digest of what the files were made
    /// from (``ExportInputs``), by which the next export with the same inputs need not make
    /// them; and the number of events in `alla.ics`, which that export reports.
    public static func markerText(planID: String, outputs: String? = nil, inputs: String? = nil, events: Int? = nil) -> String {
        """
        Den här mappen skrivs av `arsplan export` och ersätts helt vid nästa export.
        Lägg inga egna filer här.
        plan: \(planID)

        """ + (outputs.map { "utdata: \($0)\n" } ?? "") + (inputs.map { "indata: \($0)\n" } ?? "")
            + (events.map { "händelser: \($0)\n" } ?? "")
    }

    /// The value of a marker's `name: value` line, if it has one.
    static func value(_ name: String, in text: String) -> String? {
        let prefix = name + ": "
        for line in text.split(separator: "\n") where line.hasPrefix(prefix) { return String(line.dropFirst(prefix.count)) }
        return nil
    }

    /// The plan id a marker names, if the text is a marker.
    public static func markedPlan(in text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("plan: ") {
            return String(line.dropFirst("plan: ".count))
        }
        return nil
    }

    /// True for the names an export writes (feeds, the index and overview pages): an
    /// unmarked folder holding only these was written by an earlier version.
    public static func isExportFileName(_ name: String) -> Bool {
        if ["alla.ics", "index.html", "oversikt.html"].contains(name) { return true }
        return name.hasSuffix(".ics") && ["malgrupp-", "agare-", "kanal-", "enhet-"].contains { name.hasPrefix($0) }
    }

    /// The folder to replace for `path` (symlinks followed), or a refusal saying why not.
    /// `protected` are files the export must never put at risk (the plan file, its journal).
    static func check(_ path: String, planID: String, protected: [String]) throws(Refusal) -> String {
        let target = resolved(path)
        let forbidden = ["/", resolved(NSHomeDirectory())]
        if forbidden.contains(target) {
            throw Refusal(.exportIntoRootOrHome(path: path, home: target != "/"))
        }
        for file in protected {
            // The plan's own folder and every folder above it.
            if resolved(file).hasPrefix(target + "/") {
                throw Refusal(.exportFolderHoldsProtected(path: path, file: file))
            }
        }

        var status = stat()
        guard lstat(target, &status) == 0 else {
            if errno == ENOENT { return target }
            throw Refusal(.exportFolderUnexaminable(path: path, reason: String(cString: strerror(errno))))
        }
        guard status.st_mode & S_IFMT == S_IFDIR else {
            throw Refusal(.exportFolderNotAFolder(path: path))
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: target)
        } catch {
            throw Refusal(.exportFolderUnreadable(path: path, reason: error.localizedDescription))
        }
        if entries.isEmpty { return target }
        if entries.contains(markerName) {
            let marker = (try? String(contentsOfFile: (target as NSString).appendingPathComponent(markerName), encoding: .utf8)) ?? ""
            guard let owner = markedPlan(in: marker) else {
                throw Refusal(.exportMarkerInvalid(path: path, marker: markerName))
            }
            guard owner == planID else {
                throw Refusal(.exportFolderOfAnotherPlan(path: path, owner: owner, plan: planID))
            }
            return target
        }
        let foreign = entries.filter { name in
            var entry = stat()
            let isFile = lstat((target as NSString).appendingPathComponent(name), &entry) == 0 && entry.st_mode & S_IFMT == S_IFREG
            return !(isFile && isExportFileName(name))
        }
        guard foreign.isEmpty else {
            throw Refusal(
                .exportFolderHoldsOtherFiles(path: path, files: Array(foreign.sorted().prefix(3)), more: foreign.count > 3))
        }
        return target
    }

    /// `path` made absolute and standardized, with every symlink that exists resolved.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
