import ArgumentParser
import Arsplan
import ArsplanJournal
import ArsplanWorkspace

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: tr(.approveAbstract),
        discussion: tr(.approveDiscussion))

    @OptionGroup var plan: PlanArgument

    @Option(help: ArgumentHelp(tr(.approveBy), valueName: "name"))
    var by: String

    @Option(help: ArgumentHelp(tr(.approveRef), valueName: "text"))
    var ref: String

    @Flag(help: ArgumentHelp(tr(.approveForce)))
    var force = false

    func validate() throws {
        if by.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError(tr(.approveByMissing)) }
        if ref.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError(tr(.approveRefMissing)) }
    }

    func run() throws {
        let source = try plan.readForChange()
        let now = try Recording.now()
        let outcome = try Recording.journal { () throws(JournalFileError) in
            try Workspace().approve(ref: ref, in: source, journal: plan.journal, by: by, at: now, force: force)
        }
        KeptUntilExit.keep(outcome)
        if let refused = outcome.refusedForErrors {
            let count = refused.count
            refused.diagnostics.forEach(Terminal.print)
            Terminal.error(tr(.approvalRefusedForErrors(count: count)), code: .approvalHasErrors)
            throw ExitCode(1)
        }
        if let unchanged = outcome.refusedUnchanged {
            Terminal.error(tr(.approvalUnchanged(approval: unchanged.entry.sequence, ref: unchanged.approval.ref)), code: .approvalUnchanged)
            throw ExitCode(1)
        }
        if let record = outcome.record { try Recording.report(record, force: force, dryRun: false) }
        if let deviations = outcome.deviationsBefore {
            Terminal.output(
                tr(.approvedDeviations(count: deviations.deviations.count, approval: deviations.approval.entry.sequence)) + "\n")
        }
    }
}
