import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace

struct ScheduleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schedule",
        abstract: tr(.scheduleAbstract),
        discussion: tr(.scheduleDiscussion))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv
    }

    @OptionGroup var plan: PlanArgument

    @Option(help: ArgumentHelp(tr(.scheduleFormat)))
    var format: Format = .table

    @Option(help: ArgumentHelp(tr(.scheduleSeparator)))
    var separator: String?

    @Flag(help: ArgumentHelp(tr(.view(.helpExcel))))
    var excel = false

    @Flag(help: ArgumentHelp(tr(.view(.helpWide))))
    var wide = false

    @OptionGroup var filters: FilterOptions

    func validate() throws {
        if let separator {
            guard separator == "," || separator == ";" else { throw ValidationError(tr(.separatorValues)) }
            if separator != "," && format != .csv { throw ValidationError(tr(.separatorOnlyForCSV)) }
            if excel { throw ValidationError(tr(.view(.excelUsesSemicolon))) }
        }
        if excel && format != .csv { throw ValidationError(tr(.view(.excelOnlyForCSV))) }
        if wide && format != .table { throw ValidationError(tr(.view(.wideOnlyForTable))) }
    }

    func run() throws {
        let loaded = try plan.load()
        let filter = filters.filter
        // An id the plan does not have is a mistake on the command line, not an empty view.
        let problems = filter.problems(in: loaded.plan)
        if !problems.isEmpty {
            for problem in problems { Terminal.error(tr(.view(problem.text))) }
            throw ExitCode(64)
        }
        loaded.diagnostics.forEach(Terminal.print)
        let catalogue = Lang.current.catalogue
        switch format {
        case .table:
            Terminal.output(
                ScheduleTable.render(loaded.schedule, filter: filter, width: wide ? nil : ScheduleTable.standardWidth, catalogue: catalogue))
        case .json:
            ScheduleJSON.renderChunks(filter.apply(to: loaded.schedule), language: Lang.current).forEach(Terminal.output(bytes:))
        case .csv:
            Terminal.output(
                ScheduleCSV.render(filter.apply(to: loaded.schedule), separator: separator?.first ?? ",", excel: excel, catalogue: catalogue))
        }
        if loaded.hasErrors { throw ExitCode(1) }
    }
}
