import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the year overview with the årshjul, for management to approve the plan from.",
        discussion: """
            One self-contained HTML page in Swedish (styles and the wheel inline, nothing \
            fetched): approval state and conflicts, the årshjul, every occurrence month by \
            month with its ISO week and why it lies there, the load per target group and \
            channel per week, goal coverage per tertial and the deviations since the last \
            approval. It prints the wheel on A3 landscape and the lists on A4 portrait. \
            Without --out the page goes to standard output. The today marker takes today from \
            $ARSPLAN_NOW, else the clock.
            """)

    @OptionGroup var plan: PlanArgument

    @Option(name: .customLong("out"), help: ArgumentHelp("Write the page to this file (default: standard output).", valueName: "file.html"))
    var out: String?

    @Option(
        name: .customLong("wheel-svg"),
        help: ArgumentHelp("Write the wheel alone to this SVG file (the page only with --out).", valueName: "file.svg"))
    var wheelSVG: String?

    @Option(help: "What the wheel's rings are: audiences, channels, units, owners or goals.")
    var rings: YearOverview.Rings = .audiences

    @Flag(help: "Show the schedule as it stood at the last approval, rebuilt from the journal.")
    var approved = false

    @Option(help: ArgumentHelp("Show only occurrences from this day (YYYY-MM-DD).", valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp("Show only occurrences up to this day (YYYY-MM-DD).", valueName: "date"))
    var to: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(name) must be a date like 2027-03-01, not '\(value)'.") }
        }
        if let from = from.flatMap(Day.init(iso:)), let to = to.flatMap(Day.init(iso:)), from > to {
            throw ValidationError("--from must not be after --to.")
        }
        if out?.isEmpty == true || wheelSVG?.isEmpty == true { throw ValidationError("--out and --wheel-svg must name a file.") }
    }

    func run() throws {
        let loaded = try plan.load()
        loaded.diagnostics.forEach(Terminal.print)
        let planYear = loaded.plan.year
        let range: ClosedRange<Day>? =
            from == nil && to == nil
            ? nil
            : (from.flatMap(Day.init(iso:)) ?? Day(year: planYear - 1, month: 1, day: 1)!)...(to.flatMap(Day.init(iso:)) ?? Day(
                year: planYear + 1, month: 12, day: 31)!)
        // The plan file's hash only tells whether it changed since an approval: not computed without one.
        let planHash = loaded.replay.latestApproval == nil ? nil : loaded.planHash
        let today = try Recording.today(in: loaded.plan)
        let overview: YearOverview
        if approved {
            guard let version = YearOverview.approved(loaded.replay, planHash: planHash, today: today, rings: rings, range: range) else {
                Terminal.error("the plan has not been approved yet, so there is no approved version to show (arsplan approve).")
                throw ExitCode(1)
            }
            overview = version
        } else {
            overview = YearOverview.current(loaded.replay, planHash: planHash, today: today, rings: rings, range: range)
        }
        if let wheelSVG { try write(YearOverviewPage.wheelSVG(overview), to: wheelSVG) }
        if let out {
            try write(YearOverviewPage.render(overview), to: out)
        } else if wheelSVG == nil {
            Terminal.output(YearOverviewPage.render(overview))
        }
        if loaded.hasErrors { throw ExitCode(1) }
    }

    /// Writes `text` to `path` through a temporary file and a rename: never half-written.
    private func write(_ text: String, to path: String) throws {
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Terminal.error("cannot write '\(path)': \(error.localizedDescription)")
            throw ExitCode(1)
        }
        Terminal.output("\(path)\n")
    }
}

extension YearOverview.Rings: ExpressibleByArgument {}
