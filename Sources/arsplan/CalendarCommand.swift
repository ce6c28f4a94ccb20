import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: tr(.calendarAbstract),
        discussion: tr(.calendarDiscussion))

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: ArgumentHelp(tr(.calendarYear)))
    var year: Int

    @Option(help: ArgumentHelp(tr(.calendarPlan)), completion: .file(extensions: ["yaml", "yml"]))
    var plan: String?

    @Option(help: ArgumentHelp(tr(.formatTableJSON)))
    var format: Format = .table

    func validate() throws {
        guard (1900...2200).contains(year) else { throw ValidationError(tr(.yearOutOfRange(year: year))) }
    }

    func run() throws {
        var settings = CalendarSettings()
        if let plan {
            try PlanArgument.parse([plan]).validate()
            settings = try Terminal.load(plan).plan.calendar
        }
        let calendar = WorkingCalendar(settings: settings, years: year...year)
        switch format {
        case .table: Terminal.output(DaysOffReport.table(calendar, year: year, catalogue: Lang.current.catalogue))
        case .json: Terminal.output(DaysOffReport.json(calendar, year: year, catalogue: Lang.current.catalogue))
        }
    }
}
