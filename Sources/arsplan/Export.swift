import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: tr(.exportAbstract),
        discussion: tr(.exportDiscussion))

    @OptionGroup var plan: PlanArgument

    @Option(name: .customLong("out"), help: ArgumentHelp(tr(.exportOut), valueName: "dir"))
    var out: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(tr(.exportBaseURL), valueName: "url"))
    var baseURL: String?

    @Flag(name: .customLong("keep-cancelled"), help: ArgumentHelp(tr(.exportKeepCancelled)))
    var keepCancelled = false

    @Option(
        name: .customLong("state"),
        help: ArgumentHelp(tr(.exportState), valueName: "file"))
    var state: String?

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(tr(.exportDryRun)))
    var dryRun = false

    func validate() throws {
        if let baseURL, let problem = FeedIndexPage.baseURLProblem(baseURL) { throw ValidationError(problem) }
        if let out, out.isEmpty { throw ValidationError(tr(.outMustNameFolder)) }
        if let state, state.isEmpty { throw ValidationError(tr(.stateMustNameFile)) }
    }

    func run() throws {
        let (loaded, stateReadAhead) = try plan.loadForExport(statePath: state)
        loaded.diagnostics.forEach(Terminal.print)
        let now = try Recording.now()
        let options = ExportOptions(baseURL: baseURL, keepCancelled: keepCancelled, statePath: state, today: try Recording.today(in: loaded.plan))
        if dryRun {
            do throws(ExportError) {
                Terminal.output(Self.describe(try Workspace().previewExport(loaded, options: options, at: now)))
                Terminal.output("\nProvkörning (--dry-run): ingenting har skrivits.\n")
            } catch {
                try Self.fail(error, loaded: loaded)
            }
            return
        }
        let summary: ExportSummary
        do throws(ExportError) {
            summary = try Workspace().export(loaded, to: out, options: options, at: now, stateReadAhead: stateReadAhead)
        } catch {
            try Self.fail(error, loaded: loaded)
        }
        let wrote =
            summary.folderUnchanged
            ? tr(.exportUnchanged(directory: summary.directory, feeds: summary.feedCount, events: summary.events))
            : tr(.exported(directory: summary.directory, feeds: summary.feedCount, events: summary.events))
        Terminal.output(wrote + "\n")
        Terminal.output(Self.changeCount(summary.preview, stateWritten: summary.stateWritten))
    }

    /// One line: how many events changed for subscribers, and whether the state was saved.
    static func changeCount(_ preview: ExportPreview, stateWritten: Bool) -> String {
        let path = TerminalText.line(preview.statePath)
        guard preview.hadState else { return "Publiceringsstatus sparad i \(path) (första exporten: alla händelser räknas som nya).\n" }
        guard !preview.changes.isEmpty else { return "Inga ändringar för prenumeranterna sedan förra exporten; \(path) är oförändrad.\n" }
        let count = { (kind: PublicationChangeKind) in preview.changes.filter { $0.kind == kind }.count }
        return "För prenumeranterna: \(count(.added)) nya, \(count(.changed)) ändrade, \(count(.removed)) borttagna händelser; "
            + "\(stateWritten ? "sparat i" : "inte sparat i") \(path).\n"
    }

    /// What would change for subscribers, one line per event, in Swedish.
    static func describe(_ preview: ExportPreview) -> String {
        let path = TerminalText.line(preview.statePath)
        guard preview.hadState else {
            return "Ingen publiceringsstatus ännu (\(path)): alla \(preview.changes.count) händelser räknas som nya och stämplas med exportens tid; "
                + "SEQUENCE tas från journalen.\n"
        }
        guard !preview.changes.isEmpty else { return "Inga ändringar för prenumeranterna: kalendrarna blir desamma som vid förra exporten.\n" }
        func when(_ start: String) -> String {
            let parts = start.split(separator: "T", maxSplits: 1)
            guard let first = parts.first, let day = Day(iso: first) else { return TerminalText.line(start) }
            return Swedish.shortDate(day) + " \(day.year)" + (parts.count == 2 ? " kl. \(TerminalText.line(String(parts[1])))" : "")
        }
        var out = "Så här ändras kalendrarna för prenumeranterna (\(preview.changes.count) händelse\(preview.changes.count == 1 ? "" : "r")):\n"
        for change in preview.changes {
            let title = preview.titles[change.uid].map { "  " + TerminalText.line($0) } ?? ""
            let uid = TerminalText.line(change.uid)
            switch change.kind {
            case .added:
                out += "  ny         \(uid)  \(change.after.map { when($0.start) } ?? "")\(title)\n"
            case .changed:
                guard let before = change.before, let after = change.after else { continue }
                let what =
                    before.start == after.start ? "ändrat innehåll, \(when(after.start))" : "flyttas \(when(before.start)) → \(when(after.start))"
                out += "  ändrad     \(uid)  \(what)\(title) (SEQUENCE \(before.sequence) → \(after.sequence))\n"
            case .removed:
                let why = preview.titles[change.uid] == nil ? "" : " (inställd)"
                out += "  borttagen  \(uid)  \(change.before.map { when($0.start) } ?? "")\(title)\(why)\n"
            }
        }
        return out
    }

    /// Prints why nothing was exported, and exits 1.
    private static func fail(_ error: ExportError, loaded: LoadedPlan) throws -> Never {
        switch error {
        case .planHasErrors:
            Terminal.summary(path: loaded.path, diagnostics: loaded.diagnostics)
            Terminal.error(tr(.exportPlanHasErrors))
        case .unusablePlanID(let id):
            Terminal.error(tr(.exportUnusablePlanID(id: id)))
        case .refused(let refusal):
            Terminal.error(tr(.file(refusal.text)))
        case .feeds(let diagnostic):
            Terminal.print(diagnostic)
        case .writing(let directory, let reason):
            Terminal.error(tr(.exportWriteFailed(reason: "\(reason)", directory: directory)))
        case .publicationState(let diagnostic):
            Terminal.print(diagnostic)
        case .publicationStateNotSaved(let diagnostic, _):
            Terminal.print(diagnostic)
        }
        throw ExitCode(1)
    }
}
