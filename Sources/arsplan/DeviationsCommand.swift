import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace

struct DeviationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deviations",
        abstract: "List what differs from the last approved schedule, for management to decide on.",
        discussion: """
            Compares the schedule now with the one recorded at the latest 'arsplan approve': \
            moves, cancellations, new owners, and changes made by editing the plan file by hand, \
            each with the journal entry (who, when, why) that caused it and what followed from \
            it. --format markdown is ready to paste into the management minutes.
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, markdown
    }

    @OptionGroup var plan: PlanArgument

    @Option(help: "Output format: table, json or markdown (Swedish, for the minutes).")
    var format: Format = .table

    func run() throws {
        let loaded = try plan.load()
        loaded.journalDiagnostics.forEach(Terminal.print)
        let report = DeviationReport(replay: loaded.replay, planHash: loaded.planHash)
        switch format {
        case .table: Terminal.output(DeviationsReport.table(report, replay: loaded.replay))
        case .json: Terminal.output(DeviationsReport.json(report, replay: loaded.replay))
        case .markdown: Terminal.output(DeviationsReport.markdown(report, replay: loaded.replay))
        }
    }
}
