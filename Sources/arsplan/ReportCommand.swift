import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: tr(.reportAbstract),
        discussion: tr(.reportDiscussion))

    @OptionGroup var plan: PlanArgument

    @Option(name: .customLong("out"), help: ArgumentHelp(tr(.reportOut), valueName: "file.html"))
    var out: String?

    @Option(
        name: .customLong("wheel-svg"),
        help: ArgumentHelp(tr(.reportWheelSVG), valueName: "file.svg"))
    var wheelSVG: String?

    @Option(help: ArgumentHelp(tr(.reportRings)))
    var rings: YearOverview.Rings = .audiences

    @Flag(help: ArgumentHelp(tr(.reportApproved)))
    var approved = false

    @Option(help: ArgumentHelp(tr(.reportFrom), valueName: "date"))
    var from: String?

    @Option(help: ArgumentHelp(tr(.reportTo), valueName: "date"))
    var to: String?

    func validate() throws {
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError(tr(.optionNotADate(option: name, text: value))) }
        }
        if let from = from.flatMap(Day.init(iso:)), let to = to.flatMap(Day.init(iso:)), from > to {
            throw ValidationError(tr(.fromAfterTo))
        }
        if out?.isEmpty == true || wheelSVG?.isEmpty == true { throw ValidationError(tr(.outAndWheelMustNameFile)) }
    }

    func run() throws {
        let loaded = try plan.loadHashingPlan()
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
                Terminal.error(tr(.notApprovedYet))
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
            Terminal.error(tr(.cannotWrite(path: path, reason: error.localizedDescription)))
            throw ExitCode(1)
        }
        Terminal.output("\(path)\n")
    }
}

extension YearOverview.Rings: ExpressibleByArgument {}
