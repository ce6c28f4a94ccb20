import ArgumentParser
import ArsplanReport
import ArsplanWorkspace

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: tr(.historyAbstract))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @OptionGroup var plan: PlanArgument

    @Option(help: ArgumentHelp(tr(.formatTableJSON)))
    var format: Format = .table

    func run() throws {
        let loaded = try plan.load()
        loaded.journalDiagnostics.forEach(Terminal.print)
        switch format {
        case .table:
            Terminal.output(HistoryReport.table(loaded.replay, lines: loaded.contents.lines, journal: loaded.journal.path, language: Lang.current))
        case .json: Terminal.output(HistoryReport.json(loaded.replay, lines: loaded.contents.lines, journal: loaded.journal.path))
        }
    }
}
