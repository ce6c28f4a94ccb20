import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: tr(.statusAbstract))

    @OptionGroup var plan: PlanArgument

    func run() throws {
        let loaded = try plan.loadHashingPlan()
        loaded.journalDiagnostics.forEach(Terminal.print)
        let report = DeviationReport(replay: loaded.replay, planHash: loaded.planHash)
        Terminal.output(
            StatusReport.render(
                loaded.replay, deviations: report, journal: loaded.journal.path, journalExists: loaded.journal.exists, language: Lang.current))
    }
}
