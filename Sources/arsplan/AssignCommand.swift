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

    @Option(help: ArgumentHelp(tr(.assignFrom), valueName: "date"))
    var from: String?

    @OptionGroup var change: ChangeOptions

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(tr(.dryRun)))
    var dryRun = false

    @Flag(help: ArgumentHelp(tr(.assignForce)))
    var force = false

    func run() throws {
        let day = try from.map(Recording.day)
        try Recording.record(
            .assign(activity: Activity.ID(activity), owner: Owner.ID(owner), from: day), plan: plan, by: try Recording.who(change.by),
            reason: change.reason, force: force, dryRun: dryRun)
    }
}
