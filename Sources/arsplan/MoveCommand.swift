import ArgumentParser
import Arsplan

struct MoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "move",
        abstract: tr(.moveAbstract),
        discussion: tr(.moveDiscussion))

    @OptionGroup var plan: PlanArgument

    @Argument(help: ArgumentHelp(tr(.activityArgument)))
    var activity: String

    @Argument(help: ArgumentHelp(tr(.moveDate), valueName: "date"))
    var date: String

    @Option(help: ArgumentHelp(tr(.moveOccurrence), valueName: "n"))
    var occurrence: Int?

    @Option(help: ArgumentHelp(tr(.moveTime), valueName: "HH:MM"))
    var time: String?

    @OptionGroup var change: ChangeOptions

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(tr(.dryRun)))
    var dryRun = false

    @Flag(help: ArgumentHelp(tr(.moveForce)))
    var force = false

    func validate() throws {
        if let occurrence, occurrence < 1 { throw ValidationError(tr(.occurrenceCountsFromOne)) }
    }

    func run() throws {
        let day = try Recording.day(date)
        let startTime = try time.map { text -> TimeOfDay in
            guard let parsed = TimeOfDay(written: text) else {
                Terminal.error(tr(.notATime(text: text)), code: .invalidTime)
                throw ExitCode(1)
            }
            return parsed
        }
        try Recording.record(
            .move(activity: Activity.ID(activity), occurrence: occurrence, day: day, time: startTime), plan: plan,
            by: try Recording.who(change.by), reason: change.reason, force: force, dryRun: dryRun)
    }
}
