import ArgumentParser
import Arsplan

struct AssignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign",
        abstract: "Hand an activity to another owner.",
        discussion: "The owner is an id declared under 'owners:' in the plan. Recorded in the plan's journal.")

    @OptionGroup var plan: PlanArgument

    @Argument(help: "The activity's id, e.g. vb-kunder.")
    var activity: String

    @Argument(help: "The new owner's id, e.g. kommunikator.")
    var owner: String

    @OptionGroup var change: ChangeOptions

    @Flag(name: .customLong("dry-run"), help: "Print the impact and write nothing.")
    var dryRun = false

    func run() throws {
        try Recording.record(
            .assign(activity: Activity.ID(activity), owner: Owner.ID(owner)), plan: plan, by: try Recording.who(change.by),
            reason: change.reason, dryRun: dryRun)
    }
}
