import ArgumentParser
import Arsplan

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: "Move an occurrence to another day; its dependents follow.",
        discussion: """
            Prints the impact first — every occurrence that moves because of it and every new \
            conflict — then records the move in the plan's journal (the plan file is never \
            rewritten). Moving onto a day off, before a dependency allows, moving a pinned \
            activity, or a move that gives the plan new errors is refused unless --force. An \
            activity with several occurrences needs --occurrence N. See docs/journal.md.
            """)

    @OptionGroup var plan: PlanArgument

    @Argument(help: "The activity's id, e.g. namnd.")
    var activity: String

    @Argument(help: ArgumentHelp("The new day, YYYY-MM-DD.", valueName: "date"))
    var date: String

    @Option(help: ArgumentHelp("Which occurrence, 1 for the first (required when the activity has several).", valueName: "n"))
    var occurrence: Int?

    @Option(help: ArgumentHelp("A new start time, HH:MM (default: keep the time).", valueName: "HH:MM"))
    var time: String?

    @OptionGroup var change: ChangeOptions

    @Flag(name: .customLong("dry-run"), help: "Print the impact and write nothing.")
    var dryRun = false

    @Flag(help: "Make the move even when it is refused (day off, dependency, pinned, new errors).")
    var force = false

    func validate() throws {
        if let occurrence, occurrence < 1 { throw ValidationError("--occurrence counts from 1.") }
    }

    func run() throws {
        // Range-checked here, where it is read: no year 0 or 9999 reaches the journal or a feed.
        guard let day = Day(iso: date), PlanLimits.years.contains(day.year) else {
            if date.count == 10, Day(iso: "2000" + date.dropFirst(4)) != nil, date.prefix(4).allSatisfy(\.isNumber) {
                Terminal.error("'\(date)' is outside the years a plan may use (\(PlanLimits.years.lowerBound)–\(PlanLimits.years.upperBound)); nothing was recorded.")
            } else {
                Terminal.error("'\(date)' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-30.")
            }
            throw ExitCode(1)
        }
        let startTime = try time.map { text -> TimeOfDay in
            guard let parsed = TimeOfDay(text: text) else {
                Terminal.error("'\(text)' is not a time; write it as HH:MM, e.g. 17:00.")
                throw ExitCode(1)
            }
            return parsed
        }
        try Recording.record(
            .move(activity: Activity.ID(activity), occurrence: occurrence, day: day, time: startTime), plan: plan,
            by: try Recording.who(change.by), reason: change.reason, force: force, dryRun: dryRun)
    }
}
