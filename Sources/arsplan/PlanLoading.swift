import Arsplan
import ArgumentParser
import ArsplanJournal
import ArsplanPlanFile
import Foundation

/// The plan-file argument every plan command takes, and where its change journal is.
struct PlanArgument: ParsableArguments {
    @Argument(help: "The plan file (YAML), e.g. Plans/serviceforvaltningen-2027.yaml.", completion: .file(extensions: ["yaml", "yml"]))
    var plan: String

    @Option(
        name: .customLong("journal"),
        help: ArgumentHelp("The plan's change journal (default: beside the plan file, <plan>.journal.jsonl).", valueName: "file"),
        completion: .file(extensions: ["jsonl"]))
    var journal: String?

    /// The journal file this plan uses.
    var journalFile: JournalFile { journal.map { JournalFile(path: $0) } ?? JournalFile(forPlan: plan) }

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: plan, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError("No plan file at '\(plan)'.")
        }
        if let journal, journal.isEmpty { throw ValidationError("--journal must name a file.") }
    }
}

/// A plan file read and parsed, before its journal is applied.
struct PlanSource {
    var path: String
    /// The file's bytes as read, for its content hash.
    var bytes: [UInt8]
    /// The content hash of the file's bytes (recorded with every journal entry). Computed on
    /// use: only commands that record or compare need it, and hashing a large plan costs.
    var planHash: String { ContentHash.sha256(bytes) }
    /// The plan as the file writes it.
    var plan: Plan
    /// The reader's diagnostics (warnings only: a file with errors stops at reading).
    var diagnostics: [Diagnostic]
}

/// A plan read from disk, its journal replayed, and scheduled, with everything found on the way.
struct LoadedPlan {
    var source: PlanSource
    var path: String { source.path }
    var planHash: String { source.planHash }
    var journal: JournalFile
    var contents: JournalContents
    /// The plan file plus the journal: the effective plan and its schedule.
    var replay: JournalReplay
    /// Diagnostics from the plan file, then the journal, then the schedule's conflicts.
    var diagnostics: [Diagnostic]

    /// The effective plan (the plan file with the journal applied).
    var plan: Plan { replay.plan }
    var schedule: Schedule { replay.schedule }
    /// The journal's own diagnostics: an incomplete last line, entries that no longer apply.
    var journalDiagnostics: [Diagnostic] { diagnostics.filter { $0.file == journal.path } }

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

enum PlanLoading {
    /// Reads, parses and schedules the plan `argument` names, with its journal applied.
    static func load(_ argument: PlanArgument) throws -> LoadedPlan {
        try load(argument.plan, journal: argument.journalFile)
    }

    /// Reads, parses and schedules the plan at `path` with its journal (by default the one
    /// beside it) applied. Throws exit code 1, after printing why, when the plan file has
    /// errors or the journal cannot be read; other diagnostics are returned, not printed.
    static func load(_ path: String, journal: JournalFile? = nil) throws -> LoadedPlan {
        let source = try read(path)
        let journal = journal ?? JournalFile(forPlan: path)
        let contents: JournalContents
        do {
            contents = try journal.read()
        } catch {
            Terminal.print(error.diagnostic)
            throw ExitCode(1)
        }
        return apply(contents, to: source, journal: journal)
    }

    /// Reads and parses the plan file. Prints every diagnostic to standard error and throws
    /// exit code 1 when the plan file itself has errors (nothing to schedule).
    static func read(_ path: String) throws -> PlanSource {
        let bytes: [UInt8]
        do {
            bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            Terminal.print(Diagnostic(severity: .error, code: "unreadable_file", message: "cannot read the plan file: \(error.localizedDescription)", file: path))
            throw ExitCode(1)
        }
        let text: String
        switch PlanFile.decodeText(bytes, file: path) {
        case .success(let decoded): text = decoded
        case .failure(let unreadable):
            Terminal.print(unreadable.diagnostic)
            throw ExitCode(1)
        }
        let parsed = PlanFile.parse(text, file: path)
        guard let plan = parsed.plan, !parsed.hasErrors else {
            parsed.diagnostics.forEach(Terminal.print)
            Terminal.summary(path: path, diagnostics: parsed.diagnostics)
            throw ExitCode(1)
        }
        // `dates-from:` calendars are read here, relative to the plan file, before the journal is applied.
        let (resolved, importDiagnostics) = DatesFrom.resolve(plan, planPath: path)
        guard !importDiagnostics.contains(where: { $0.severity == .error }) else {
            let all = parsed.diagnostics + importDiagnostics
            all.forEach(Terminal.print)
            Terminal.summary(path: path, diagnostics: all)
            throw ExitCode(1)
        }
        return PlanSource(path: path, bytes: bytes, plan: resolved, diagnostics: parsed.diagnostics + importDiagnostics)
    }

    /// The plan with the journal `contents` replayed, scheduled. Pure apart from naming files.
    static func apply(_ contents: JournalContents, to source: PlanSource, journal: JournalFile) -> LoadedPlan {
        let replay = JournalReplay(plan: source.plan, entries: contents.entries)
        let notes = replay.notes.map { note in
            Diagnostic(
                severity: note.severity, code: note.code, message: note.message, file: journal.path,
                location: contents.line(ofPosition: note.position).map { SourceLocation(line: $0, column: 1) })
        }
        let diagnostics = source.diagnostics + contents.warnings + notes + replay.schedule.conflicts.map { $0.diagnostic(file: source.path) }
        return LoadedPlan(source: source, journal: journal, contents: contents, replay: replay, diagnostics: diagnostics)
    }
}

/// Writing to the terminal: results to standard output, diagnostics to standard error.
enum Terminal {
    static func print(_ diagnostic: Diagnostic) {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("error: " + text + "\n").utf8))
    }

    /// `Plans/x.yaml: 2 fel, 1 varning` on standard error.
    static func summary(path: String, diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        FileHandle.standardError.write(Data("\(path): \(errors) fel, \(warnings) varning\(warnings == 1 ? "" : "ar")\n".utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func output(bytes: [UInt8]) {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
            FileHandle.standardOutput.write(Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: buffer.count, deallocator: .none))
        }
    }
}
