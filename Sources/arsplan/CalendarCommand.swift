import ArgumentParser
import Arsplan
import ArsplanReport
import ArsplanWorkspace

struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "List the days off of a year: holidays, de-facto days off and, with --plan, the plan's closed days.",
        discussion: "Weekends are days off too but are not listed.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    @Argument(help: "The year, 1900–2200.")
    var year: Int

    @Option(help: "A plan file whose closed periods (summer, bridge days) are added.", completion: .file(extensions: ["yaml", "yml"]))
    var plan: String?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    func validate() throws {
        guard (1900...2200).contains(year) else { throw ValidationError("The year must be between 1900 and 2200, not \(year).") }
    }

    func run() throws {
        var settings = CalendarSettings()
        if let plan {
            try PlanArgument.parse([plan]).validate()
            settings = try Terminal.load(plan).plan.calendar
        }
        let calendar = WorkingCalendar(settings: settings, years: year...year)
        switch format {
        case .table: Terminal.output(DaysOffReport.table(calendar, year: year))
        case .json: Terminal.output(DaysOffReport.json(calendar, year: year))
        }
    }
}
