import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: "Place every activity on the calendar and print the year.",
        discussion: "Conflicts go to standard error; the exit status is 1 when any is an error.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var plan: PlanArgument

    @Option(help: "Output format: table (month by month), json (for scripts) or csv.")
    var format: Format = .table

    @Option(help: "CSV field separator: ',' (default) or ';' (spreadsheets set to Swedish).")
    var separator: String = ","

    func validate() throws {
        guard separator == "," || separator == ";" else { throw ValidationError("--separator must be ',' or ';'.") }
        if separator != "," && format != .csv { throw ValidationError("--separator only applies to --format csv.") }
    }

    func run() throws {
        let loaded = try plan.load()
        loaded.diagnostics.forEach(Terminal.print)
        switch format {
        case .table: Terminal.output(ScheduleTable.render(loaded.schedule))
        case .json: ScheduleJSON.renderChunks(loaded.schedule).forEach(Terminal.output(bytes:))
        case .csv: Terminal.output(ScheduleCSV.render(loaded.schedule, separator: separator.first!))
        }
        if loaded.hasErrors { throw ExitCode(1) }
    }
}
