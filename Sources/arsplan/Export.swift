import ArgumentParser
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

    func validate() throws {
        if let baseURL, let problem = FeedIndexPage.baseURLProblem(baseURL) { throw ValidationError(problem) }
        if let out, out.isEmpty { throw ValidationError(tr(.outMustNameFolder)) }
    }

    func run() throws {
        let loaded = try plan.load()
        loaded.diagnostics.forEach(Terminal.print)
        let today = try Recording.today(in: loaded.plan)
        let summary: ExportSummary
        do throws(ExportError) {
            summary = try Workspace().export(loaded, to: out, options: ExportOptions(baseURL: baseURL, keepCancelled: keepCancelled, today: today))
        } catch {
            try Self.fail(error, loaded: loaded)
        }
        Terminal.output(tr(.exported(directory: summary.directory, feeds: summary.feedCount, events: summary.events)) + "\n")
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
            Terminal.error("\(refusal)")
        case .feeds(let diagnostic):
            Terminal.print(diagnostic)
        case .writing(let directory, let reason):
            Terminal.error(tr(.exportWriteFailed(reason: "\(reason)", directory: directory)))
        }
        throw ExitCode(1)
    }
}
