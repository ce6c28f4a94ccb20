import ArgumentParser
import Arsplan

struct CancelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cancel",
        abstract: "Cancel an occurrence, or every occurrence of an activity.",
        discussion: """
            Without --occurrence, every occurrence of the activity that is not already cancelled \
            is cancelled. Occurrences that exist once per cancelled one (for-each) are cancelled \
            with it. Prints the impact, then records the cancellation in the plan's journal; \
            feeds drop cancelled occurrences. 'arsplan undo' takes it back.
            """)

    @OptionGroup var plan: PlanArgument

    @Argument(help: "The activity's id, e.g. namnd.")
    var activity: String

    @Option(help: ArgumentHelp("Which occurrence, 1 for the first (default: all of them).", valueName: "n"))
    var occurrence: Int?

    @OptionGroup var change: ChangeOptions

    @Flag(name: .customLong("dry-run"), help: "Print the impact and write nothing.")
    var dryRun = false

    func validate() throws {
        if let occurrence, occurrence < 1 { throw ValidationError("--occurrence counts from 1.") }
    }

    func run() throws {
        try Recording.record(
            .cancel(activity: Activity.ID(activity), occurrence: occurrence), plan: plan, by: try Recording.who(change.by),
            reason: change.reason, dryRun: dryRun)
    }
}
