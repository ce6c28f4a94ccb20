import ArgumentParser
import Arsplan

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: tr(.cancelAbstract),
        discussion: tr(.cancelDiscussion))

    @OptionGroup var plan: PlanArgument

    @Argument(help: ArgumentHelp(tr(.activityArgument)))
    var activity: String

    @Option(help: ArgumentHelp(tr(.cancelOccurrence), valueName: "n"))
    var occurrence: Int?

    @OptionGroup var change: ChangeOptions

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(tr(.dryRun)))
    var dryRun = false

    @Flag(help: ArgumentHelp(tr(.cancelForce)))
    var force = false

    func validate() throws {
        if let occurrence, occurrence < 1 { throw ValidationError(tr(.occurrenceCountsFromOne)) }
    }

    func run() throws {
        try Recording.record(
            .cancel(activity: Activity.ID(activity), occurrence: occurrence), plan: plan, by: try Recording.who(change.by),
            reason: change.reason, force: force, dryRun: dryRun)
    }
}
