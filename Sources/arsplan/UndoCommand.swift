import ArgumentParser

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Reverse the latest change still in effect, as a new journal entry.",
        discussion: """
            Nothing is deleted: the undo is itself an entry, and history shows both. Undoing \
            again reverses the change before that; an undo is not itself undone (to redo, make \
            the change again).
            """)

    @OptionGroup var plan: PlanArgument

    @Option(help: ArgumentHelp("Who undoes (default: $ARSPLAN_USER, then $USER).", valueName: "name"))
    var by: String?

    @Option(help: "Why (optional).")
    var reason: String?

    @Flag(name: .customLong("dry-run"), help: "Print what would be undone and write nothing.")
    var dryRun = false

    func run() throws {
        let reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        try Recording.record(.undo, plan: plan, by: try Recording.who(by), reason: reason, dryRun: dryRun)
    }
}
