import Arsplan
import ArsplanICal
import ArsplanJournal
import ArsplanPlanFile

/// One plan on disk and everything beside it: reads the plan with its `dates-from` calendars,
/// replays its journal, records changes under the journal's lock and exports its feeds. It
/// returns values and diagnostics; it never prints and never exits. The file system is handed
/// in, and "now" is a parameter of every call that records.
public struct Workspace: Sendable {
    /// Where the plan, its calendars, its journal and its exports are read and written.
    public let files: any FileSystem

    public init(files: any FileSystem = LocalFileSystem()) { self.files = files }

    /// The journal a plan uses by default: `Plans/x.yaml` → `Plans/x.journal.jsonl`.
    public static func defaultJournalPath(forPlan planPath: String) -> String { JournalFile(forPlan: planPath).path }
}

/// A plan file read and parsed, its `dates-from` calendars read, before its journal is applied.
public struct PlanSource: Sendable {
    public var path: String
    /// The file's bytes as read, for its content hash.
    public var bytes: [UInt8]
    /// The content hash of the file's bytes (recorded with every journal entry). Computed on
    /// use: only commands that record or compare need it, and hashing a large plan costs.
    public var planHash: String { ContentHash.sha256(bytes) }
    /// The plan as the file writes it, with the dates of its `dates-from` calendars.
    public var plan: Plan
    /// The reader's diagnostics (warnings only: a file with errors stops at reading).
    public var diagnostics: [Diagnostic]
    /// The `dates-from` calendars read, with the bytes the plan's dates came from.
    public var calendars: [CalendarSource] = []
}

/// A `dates-from` calendar file as it was read.
public struct CalendarSource: Sendable {
    public var path: String
    public var bytes: [UInt8]
}

/// A plan read from disk, its journal replayed, and scheduled, with everything found on the way.
public struct LoadedPlan: Sendable {
    public var source: PlanSource
    public var path: String { source.path }
    public var planHash: String { source.planHash }
    public var journal: any JournalStore
    public var contents: JournalContents
    /// The plan file plus the journal: the effective plan and its schedule.
    public var replay: JournalReplay
    /// Diagnostics from the plan file, then the journal, then the schedule's conflicts.
    public var diagnostics: [Diagnostic]

    /// The effective plan (the plan file with the journal applied).
    public var plan: Plan { replay.plan }
    public var schedule: Schedule { replay.schedule }
    /// The journal's own diagnostics: an incomplete last line, entries that no longer apply.
    public var journalDiagnostics: [Diagnostic] { diagnostics.filter { $0.file == journal.path } }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Why a plan could not be loaded; nothing to schedule.
public enum LoadError: Error, Sendable {
    /// The plan file cannot be read (`unreadable_file`).
    case unreadable(Diagnostic)
    /// The plan file, or a calendar it takes dates from, has errors: every diagnostic found.
    case invalid(file: String, diagnostics: [Diagnostic])
    /// The journal cannot be read.
    case journal(JournalFileError)
}

extension Workspace {
    /// Reads, parses and schedules the plan at `path` with its journal (by default the one
    /// beside it) applied. Throws when the plan file has errors or the journal cannot be
    /// read; other diagnostics are in the result.
    public func load(_ path: String, journal: String? = nil) throws(LoadError) -> LoadedPlan {
        let source = try read(path)
        let journal = files.journal(at: journal ?? Self.defaultJournalPath(forPlan: path))
        let contents: JournalContents
        do throws(JournalFileError) {
            contents = try journal.read()
        } catch {
            throw .journal(error)
        }
        return apply(contents, to: source, journal: journal)
    }

    /// Reads and parses the plan file, and reads the calendars its `dates-from` placements
    /// name (relative to the plan file). Throws when the plan file cannot be read or it or a
    /// calendar has errors: a plan is returned only with all its dates.
    public func read(_ path: String) throws(LoadError) -> PlanSource {
        let bytes: [UInt8]
        do throws(FileSystemError) {
            bytes = try files.contents(of: path)
        } catch {
            throw .unreadable(Diagnostic(severity: .error, code: .unreadableFile, text: .file(.planUnreadable(reason: "\(error)")), file: path))
        }
        let text: String
        switch PlanFile.decodeText(bytes, file: path) {
        case .success(let decoded): text = decoded
        case .failure(let unreadable): throw .unreadable(unreadable.diagnostic)
        }
        let parsed = PlanFile.parse(text, file: path)
        guard let document = parsed.document, !parsed.hasErrors else {
            throw .invalid(file: path, diagnostics: parsed.diagnostics)
        }
        // `dates-from:` calendars are read here, relative to the plan file, before the journal is applied.
        let resolved = DatesFrom(files: files).resolve(document, planPath: path)
        guard let plan = resolved.plan else {
            throw .invalid(file: path, diagnostics: parsed.diagnostics + resolved.diagnostics)
        }
        return PlanSource(
            path: path, bytes: bytes, plan: plan, diagnostics: parsed.diagnostics + resolved.diagnostics, calendars: resolved.calendars)
    }

    /// The plan with the journal `contents` replayed, scheduled. Pure apart from naming files.
    public func apply(_ contents: JournalContents, to source: PlanSource, journal: any JournalStore) -> LoadedPlan {
        let replay = JournalReplay(plan: source.plan, entries: contents.entries)
        let notes = replay.notes.map { note in
            Diagnostic(
                severity: note.severity, code: note.code, text: .file(note.text), file: journal.path,
                location: contents.line(ofPosition: note.position).map { SourceLocation(line: $0, column: 1) })
        }
        // Times in the spring-forward gap or the repeated autumn hour (libical's zone data).
        let clocks = (try? ClockCheck.conflicts(in: replay.schedule)) ?? []
        let diagnostics =
            source.diagnostics + contents.warnings + notes
            + (replay.schedule.conflicts + replay.shiftedImportReferences + clocks).map { $0.diagnostic(file: source.path) }
        return LoadedPlan(source: source, journal: journal, contents: contents, replay: replay, diagnostics: diagnostics)
    }
}
