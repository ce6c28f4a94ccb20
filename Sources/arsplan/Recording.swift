import Arsplan
import ArgumentParser
import ArsplanJournal
import ArsplanReport
import Foundation

/// Who records a change and why: the options every journal-writing command takes.
struct ChangeOptions: ParsableArguments {
    @Option(help: "Why the change is made; recorded in the journal and shown to management.")
    var reason: String

    @Option(help: ArgumentHelp("Who makes the change (default: $ARSPLAN_USER, then $USER).", valueName: "name"))
    var by: String?

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--reason must say why.") }
        if let by, by.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--by must name someone.") }
    }
}

/// Records changes in a plan's journal: the one place commands write it.
enum Recording {
    /// "Now", read once per command: `ARSPLAN_NOW` (`2027-03-01T10:00:00Z`, for tests and
    /// demonstrations) or the system clock. The core never reads the clock.
    static func now() throws -> Timestamp {
        if let text = ProcessInfo.processInfo.environment["ARSPLAN_NOW"], !text.isEmpty {
            guard let timestamp = Timestamp(iso: text) else {
                Terminal.error("ARSPLAN_NOW must be a UTC time like 2027-03-01T10:00:00Z, not '\(text)'.")
                throw ExitCode(1)
            }
            return timestamp
        }
        return Timestamp(secondsSince1970: Int(Date().timeIntervalSince1970.rounded(.down)))
    }

    /// `--by`, else `$ARSPLAN_USER`, else `$USER`.
    static func who(_ by: String?) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        for candidate in [by, environment["ARSPLAN_USER"], environment["USER"]] {
            if let name = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { return name }
        }
        Terminal.error("say who makes the change with --by NAME (or set ARSPLAN_USER).")
        throw ExitCode(1)
    }

    /// Checks `request` against the plan and its journal, prints its impact, and — unless
    /// `dryRun`, or it is refused and not forced — appends its entry to the journal.
    ///
    /// The journal is read and the change worked out while holding the journal's lock, so
    /// the entry's number and what it does are decided against every earlier entry, however
    /// many communicators record changes at once. Exit 1 (nothing written) for a request that
    /// cannot apply, a refused change, or a journal that cannot be read or written.
    static func record(_ request: ChangeRequest, plan: PlanArgument, by: String, reason: String?, force: Bool = false, dryRun: Bool = false) throws {
        let source = try PlanLoading.read(plan.plan)
        // A day the plan may not reach is refused even with --force (see PlanLimits).
        if case .move(_, _, let day, _) = request, !PlanLimits.allowedDays(planYear: source.plan.year).contains(day) {
            let allowed = PlanLimits.allowedYears(planYear: source.plan.year)
            Terminal.error(
                "\(day) is outside the years a plan for \(source.plan.year) may reach (\(allowed.lowerBound)–\(allowed.upperBound)); nothing was recorded.")
            throw ExitCode(1)
        }
        let journal = plan.journalFile
        let context = ChangeContext(at: try now(), by: by, reason: reason, planHash: source.planHash)

        var proposal: ChangeProposal?
        var failure: JournalError?
        var loaded: LoadedPlan?
        func decide(_ contents: JournalContents) -> JournalEntry? {
            let current = PlanLoading.apply(contents, to: source, journal: journal)
            loaded = current
            (proposal, failure) = (nil, nil)
            do throws(JournalError) {
                let checked = try Rescheduling.propose(request, on: current.replay, context: context)
                proposal = checked
                if dryRun || (!checked.refusals.isEmpty && !force) { return nil }
                return checked.entry
            } catch {
                failure = error
                return nil
            }
        }

        var appended: JournalFile.Appended?
        do {
            if dryRun { _ = decide(try journal.read()) } else { appended = try journal.append(decide) }
        } catch let error as JournalFileError {
            Terminal.print(error.diagnostic)
            throw ExitCode(1)
        }
        (appended?.warnings ?? loaded?.contents.warnings ?? []).forEach(Terminal.print)
        loaded?.journalDiagnostics.filter { $0.code.hasPrefix("journal_") && $0.code != "journal_torn_line" }.forEach(Terminal.print)
        if let failure {
            Terminal.error(failure.description)
            throw ExitCode(1)
        }
        guard let proposal else { throw ExitCode(1) }
        Terminal.output(ChangeReport.render(proposal))
        if !proposal.refusals.isEmpty && !force {
            Terminal.output(ChangeReport.refusals(proposal.refusals, in: proposal.after.plan))
            throw ExitCode(1)
        }
        if dryRun {
            Terminal.output("\nProvkörning (--dry-run): ingenting har skrivits.\n")
        } else if let appended {
            if !proposal.refusals.isEmpty { Terminal.output("\nGjort trots invändningarna ovan (--force).\n") }
            Terminal.output("\nSparat som post #\(appended.entry.sequence) i \(journal.path).\n")
        }
    }
}
