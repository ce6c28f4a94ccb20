import Arsplan
import ArsplanICal
import ArsplanJournal
import ArsplanPlanFile
import ArsplanSupport

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
    /// use: only commands that record or compare need it, and hashing a large plan costs
    /// (unless ``Workspace/read(_:journalBeside:twoCoresFrom:)`` worked it out on a second core).
    public var planHash: String { knownPlanHash ?? ContentHash.sha256(bytes) }
    var knownPlanHash: String? = nil
    /// The journal as read beside the plan file, for a change to take up again under the
    /// journal's lock (``Workspace/read(_:journalBeside:twoCoresFrom:)``); nil when not read.
    public var journalSnapshot: JournalSnapshot? = nil
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
    ///
    /// The journal is read on a second core while the plan file is parsed, when the plan file
    /// is at least `twoCoresFrom` bytes (tests force both ways). Reading the journal does not
    /// depend on the plan, and a plan that size comes with a parse long enough to hide it:
    /// on the 20,000-activity bench plan with its 1,000-entry journal (3.1 and 5.7 MB), the
    /// journal's 356 M instructions, and the 290 M of checking its approval's hash, come off
    /// the critical path of every command (callgrind).
    ///
    /// `hashingPlan`: the plan file's hash (``PlanSource/planHash``) is made there too, for a
    /// caller that compares it with the approval's (`status`, `deviations`: 263 M instructions
    /// for the 3 MB bench plan, off the critical path).
    public func load(
        _ path: String, journal: String? = nil, hashingPlan: Bool = false, twoCoresFrom threshold: Int = journalBesideThreshold
    ) throws(LoadError) -> LoadedPlan {
        let bytes = try contents(ofPlan: path)
        let journal = files.journal(at: journal ?? Self.defaultJournalPath(forPlan: path))
        let (source, beside) = TwoCores.run(
            size: bytes.count, threshold: threshold,
            { () -> Result<PlanSource, LoadError> in
                do throws(LoadError) { return .success(try read(path, bytes: bytes)) } catch { return .failure(error) }
            },
            { () -> Result<(JournalContents, String?), JournalFileError> in
                do throws(JournalFileError) {
                    var contents = try journal.read()
                    contents.approvalsIntact = Self.approvalsIntact(contents.entries)
                    return .success((contents, hashingPlan ? ContentHash.sha256(bytes) : nil))
                } catch {
                    return .failure(error)
                }
            })
        switch (source, beside) {
        case (.failure(let error), _): throw error
        case (_, .failure(let error)): throw .journal(error)
        case (.success(var source), .success(let (contents, planHash))):
            source.knownPlanHash = planHash
            return apply(contents, to: source, journal: journal)
        }
    }

    /// ``read(_:)`` for recording a change: the journal at `journal` is read, its approvals
    /// checked and the plan file hashed on a second core while the plan file is parsed (from
    /// `twoCoresFrom` bytes of plan file; tests force both ways). Under the journal's lock the
    /// change is then decided on the journal as read here when it is still the same bytes,
    /// instead of reading it again after the plan. A journal that cannot be read here is read
    /// again, and its error reported, under the lock.
    ///
    /// `move` on the 20,000-activity bench plan with its 1,000-entry journal: the journal's
    /// 356 M instructions, its approval's hash and the plan file's hash move off the critical path.
    public func read(_ path: String, journalBeside journal: String, twoCoresFrom threshold: Int = journalBesideThreshold) throws(LoadError)
        -> PlanSource
    {
        let bytes = try contents(ofPlan: path)
        let store = files.journal(at: journal)
        let (source, beside) = TwoCores.run(
            size: bytes.count, threshold: threshold,
            { () -> Result<PlanSource, LoadError> in
                do throws(LoadError) { return .success(try read(path, bytes: bytes)) } catch { return .failure(error) }
            },
            { () -> (JournalSnapshot?, String) in
                var snapshot = try? store.snapshot()
                if let entries = snapshot?.contents.entries { snapshot?.contents.approvalsIntact = Self.approvalsIntact(entries) }
                return (snapshot, ContentHash.sha256(bytes))
            })
        var planSource = try source.get()
        (planSource.journalSnapshot, planSource.knownPlanHash) = beside
        return planSource
    }

    /// The plan-file size from which ``load(_:journal:twoCoresFrom:)`` reads the journal on a
    /// second core: starting a thread costs about 0.1 ms, parsing 64 KiB of plan about 15.
    public static let journalBesideThreshold = 64 * 1024

    /// Reads and parses the plan file, and reads the calendars its `dates-from` placements
    /// name (relative to the plan file). Throws when the plan file cannot be read or it or a
    /// calendar has errors: a plan is returned only with all its dates.
    public func read(_ path: String) throws(LoadError) -> PlanSource {
        try read(path, bytes: try contents(ofPlan: path))
    }

    /// The bytes of the plan file at `path`.
    private func contents(ofPlan path: String) throws(LoadError) -> [UInt8] {
        do throws(FileSystemError) {
            return try files.contents(of: path)
        } catch {
            throw .unreadable(Diagnostic(severity: .error, code: .unreadableFile, text: .file(.planUnreadable(reason: "\(error)")), file: path))
        }
    }

    /// ``read(_:)`` of the plan file's `bytes`, as read from `path`.
    private func read(_ path: String, bytes: [UInt8]) throws(LoadError) -> PlanSource {
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

    /// Whether each entry is an intact approval (true for other entries), for
    /// ``JournalReplay/init(plan:entries:approvalsIntact:placingAgain:)``.
    static func approvalsIntact(_ entries: [JournalEntry]) -> [Bool] {
        entries.map { entry in
            if case .approve(let approval) = entry.action { return approval.isIntact }
            return true
        }
    }

    /// The plan with the journal `contents` replayed, scheduled. Pure apart from naming files.
    /// The approvals' hashes are checked here unless `contents` says already
    /// (``JournalContents/approvalsIntact``, worked out where the journal was read).
    public func apply(_ contents: JournalContents, to source: PlanSource, journal: any JournalStore) -> LoadedPlan {
        let replay = JournalReplay(plan: source.plan, entries: contents.entries, approvalsIntact: contents.approvalsIntact)
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
