import ArgumentParser
import Arsplan

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: tr(.assignAbstract),
        discussion: tr(.assignDiscussion))

    @OptionGroup var plan: PlanArgument

    @Argument(help: ArgumentHelp(tr(.assignActivity)))
    var activity: String

    @Argument(help: ArgumentHelp(tr(.assignOwner)))
    var owner: String

    @OptionGroup var change: ChangeOptions

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(tr(.dryRun)))
    var dryRun = false

    func run() throws {
        try Recording.record(
            .assign(activity: Activity.ID(activity), owner: Owner.ID(owner)), plan: plan, by: try Recording.who(change.by),
            reason: change.reason, dryRun: dryRun)
    }
}
