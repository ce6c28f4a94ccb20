import ArgumentParser
import ArsplanReport
import ArsplanWorkspace

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the iCalendar feeds and their index page for subscribers.",
        discussion: """
            Writes alla.ics, one feed per target group (malgrupp-<id>.ics), owner (agare-<id>.ics), \
            channel (kanal-<id>.ics) and unit (enhet-<id>.ics), index.html and the year overview \
            oversikt.html (see 'arsplan report'), to Exports/<plan id>/ \
            or --out. The folder is replaced as a whole, in one step: a failed export leaves the \
            previous files exactly as they were. Only a new or empty folder, or one an earlier export \
            of the same plan wrote (it holds a .arsplan-export marker), is replaced; a symlink is \
            followed. A plan with errors is not exported. \
            See docs/feeds.md for publishing the folder on a web server.
            """)

    @OptionGroup var plan: PlanArgument

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write (default: Exports/<plan id>/).", valueName: "dir"))
    var out: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "Where the folder will be published, e.g. https://intranat.example.se/arsplan/; index.html then shows webcal:// subscribe links.",
            valueName: "url"))
    var baseURL: String?

    @Flag(name: .customLong("keep-cancelled"), help: "Keep cancelled occurrences in the feeds, marked INSTÄLLT, instead of removing them.")
    var keepCancelled = false

    func validate() throws {
        if let baseURL, let problem = FeedIndexPage.baseURLProblem(baseURL) { throw ValidationError(problem) }
        if let out, out.isEmpty { throw ValidationError("--out must name a folder.") }
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
        Terminal.output("\(summary.directory): \(summary.feedCount) kalendrar och index.html, \(summary.events) händelser i alla.ics\n")
    }

    /// Prints why nothing was exported, and exits 1.
    private static func fail(_ error: ExportError, loaded: LoadedPlan) throws -> Never {
        switch error {
        case .planHasErrors:
            Terminal.summary(path: loaded.path, diagnostics: loaded.diagnostics)
            Terminal.error("nothing exported: the plan has errors; the previous feeds are left as they were.")
        case .unusablePlanID(let id):
            Terminal.error("the plan id '\(id)' cannot be used as a folder name; choose the folder with --out.")
        case .refused(let refusal):
            Terminal.error("\(refusal)")
        case .feeds(let diagnostic):
            Terminal.print(diagnostic)
        case .writing(let directory, let reason):
            Terminal.error("\(reason) — the previous files in '\(directory)' are left as they were.")
        }
        throw ExitCode(1)
    }
}
