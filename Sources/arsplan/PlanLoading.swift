import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace
import Foundation

/// The plan-file argument every plan command takes, and where its change journal is.
struct PlanArgument: ParsableArguments {
    @Argument(help: ArgumentHelp(tr(.planArgument)), completion: .file(extensions: ["yaml", "yml"]))
    var plan: String

    @Option(
        name: .customLong("journal"),
        help: ArgumentHelp(tr(.journalOption), valueName: "file"),
        completion: .file(extensions: ["jsonl"]))
    var journal: String?

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: plan, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError(tr(.noPlanFile(path: plan)))
        }
        if let journal, journal.isEmpty { throw ValidationError(tr(.journalMustNameFile)) }
    }

    /// The plan with its journal applied, scheduled; exit 1 after printing why it cannot be.
    func load() throws -> LoadedPlan { try Terminal.load(plan, journal: journal) }

    /// ``load()`` with the plan file's hash made while it loads, for commands that compare it
    /// with the approval's.
    func loadHashingPlan() throws -> LoadedPlan { try Terminal.load(plan, journal: journal, hashingPlan: true) }

    /// ``loadHashingPlan()`` with the publication state (at `statePath`, by default beside
    /// the plan) read and decoded meanwhile, for `export`.
    func loadForExport(statePath: String?) throws -> (LoadedPlan, StateReadAhead) {
        let statePath = statePath ?? PublicationFile.defaultPath(forPlan: plan)
        do throws(LoadError) {
            let loaded = try Workspace().loadForExport(plan, journal: journal, statePath: statePath)
            KeptUntilExit.keep(loaded)
            return loaded
        } catch {
            try Terminal.fail(error)
        }
    }

    /// The plan file read, with its calendars; exit 1 after printing why it cannot be.
    func read() throws -> PlanSource {
        do throws(LoadError) { return try Workspace().read(plan) } catch { try Terminal.fail(error) }
    }

    /// ``read()`` for recording a change: the journal read beside the plan file (see
    /// `Workspace.read(_:journalBeside:)`); kept until the process exits (``KeptUntilExit``).
    func readForChange() throws -> PlanSource {
        let journal = journal ?? Workspace.defaultJournalPath(forPlan: plan)
        do throws(LoadError) {
            let source = try Workspace().read(plan, journalBeside: journal)
            KeptUntilExit.keep(source)
            return source
        } catch {
            try Terminal.fail(error)
        }
    }
}

/// Writing to the terminal: results to standard output, diagnostics to standard error.
enum Terminal {
    static func print(_ diagnostic: Diagnostic) {
        FileHandle.standardError.write(Data((TerminalText.safe(diagnostic.description(in: Lang.current)) + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((Lang.current.catalogue.severity(.error) + ": " + TerminalText.safe(text) + "\n").utf8))
    }

    /// `fel: … [code]`: a refusal, with the code scripts match on.
    static func error(_ text: String, code: DiagnosticCode) {
        error(text + " [\(code)]")
    }

    /// `Plans/x.yaml: 2 fel, 1 varning` on standard error.
    static func summary(path: String, diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        FileHandle.standardError.write(Data((tr(.problemSummary(path: TerminalText.line(path), errors: errors, warnings: warnings)) + "\n").utf8))
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

    /// The plan at `path` loaded by the workspace; exit 1 after printing why it cannot be.
    /// The loaded plan is kept until the process exits (``KeptUntilExit``).
    static func load(_ path: String, journal: String? = nil, hashingPlan: Bool = false) throws -> LoadedPlan {
        do throws(LoadError) {
            let loaded = try Workspace().load(path, journal: journal, hashingPlan: hashingPlan)
            KeptUntilExit.keep(loaded)
            return loaded
        } catch {
            try fail(error)
        }
    }

    /// Prints why a plan could not be loaded, and exits 1.
    static func fail(_ error: LoadError) throws -> Never {
        switch error {
        case .unreadable(let diagnostic):
            print(diagnostic)
        case .invalid(let file, let diagnostics):
            diagnostics.forEach(print)
            summary(path: file, diagnostics: diagnostics)
        case .journal(let error):
            print(error.diagnostic)
        }
        throw ExitCode(1)
    }
}
