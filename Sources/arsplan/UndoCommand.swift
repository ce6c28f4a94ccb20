import ArgumentParser

struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: tr(.undoAbstract),
        discussion: tr(.undoDiscussion))

    @OptionGroup var plan: PlanArgument

    @Option(help: ArgumentHelp(tr(.undoBy), valueName: "name"))
    var by: String?

    @Option(help: ArgumentHelp(tr(.undoReason)))
    var reason: String?

    @Flag(name: .customLong("dry-run"), help: ArgumentHelp(tr(.undoDryRun)))
    var dryRun = false

    func run() throws {
        let reason = reason.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
        try Recording.record(.undo, plan: plan, by: try Recording.who(by), reason: reason, dryRun: dryRun)
    }
}
