import ArgumentParser
import Arsplan
import ArsplanJournal
import ArsplanWorkspace

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Record that management approved the schedule as it stands.",
        discussion: """
            The approval is a journal entry with the resolved schedule, its hash, who approved \
            and the minutes reference. 'arsplan deviations' lists what differs from the latest \
            approval. A schedule with errors is not approved unless --force.
            """)

    @OptionGroup var plan: PlanArgument

    @Option(help: ArgumentHelp("Who approves, e.g. \"Förvaltningsledningen\".", valueName: "name"))
    var by: String

    @Option(help: ArgumentHelp("The minutes reference, e.g. \"FL-protokoll 2026-12-10 §4\".", valueName: "text"))
    var ref: String

    @Flag(help: "Approve even when the schedule has errors.")
    var force = false

    func validate() throws {
        if by.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--by must name who approves.") }
        if ref.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--ref must give the minutes reference.") }
    }

    func run() throws {
        let source = try plan.read()
        let now = try Recording.now()
        let outcome = try Recording.journal { () throws(JournalFileError) in
            try Workspace().approve(ref: ref, in: source, journal: plan.journal, by: by, at: now, force: force)
        }
        if let refused = outcome.refusedForErrors {
            let count = refused.count
            refused.diagnostics.forEach(Terminal.print)
            Terminal.error(
                "the schedule has \(count) error\(count == 1 ? "" : "s"); fix them first (arsplan validate) or approve anyway with --force. Nothing was recorded."
            )
            throw ExitCode(1)
        }
        if let record = outcome.record { try Recording.report(record, force: force, dryRun: false) }
        if let deviations = outcome.deviationsBefore {
            Terminal.output(
                "Därmed godkänt: \(deviations.deviations.count) avvikelse\(deviations.deviations.count == 1 ? "" : "r") från fastställelsen #\(deviations.approval.entry.sequence).\n"
            )
        }
    }
}
