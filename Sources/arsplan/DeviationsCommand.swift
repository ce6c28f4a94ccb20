import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace

struct DeviationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deviations",
        abstract: tr(.deviationsAbstract),
        discussion: tr(.deviationsDiscussion))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, markdown
    }

    @OptionGroup var plan: PlanArgument

    @Option(help: ArgumentHelp(tr(.deviationsFormat)))
    var format: Format = .table

    func run() throws {
        let loaded = try plan.loadHashingPlan()
        loaded.journalDiagnostics.forEach(Terminal.print)
        let report = DeviationReport(replay: loaded.replay, planHash: loaded.planHash)
        switch format {
        case .table: Terminal.output(DeviationsReport.table(report, replay: loaded.replay, language: Lang.current))
        case .json: Terminal.output(bytes: DeviationsReport.jsonBytes(report, replay: loaded.replay))
        case .markdown: Terminal.output(DeviationsReport.markdown(report, replay: loaded.replay, language: Lang.current))
        }
    }
}
