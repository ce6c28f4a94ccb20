import ArgumentParser
import Arsplan
import ArsplanJournal
import ArsplanReport
import ArsplanWorkspace
import Foundation

/// Who records a change and why: the options every journal-writing command takes.
struct ChangeOptions: ParsableArguments {
    @Option(help: ArgumentHelp(tr(.reasonOption)))
    var reason: String

    @Option(help: ArgumentHelp(tr(.byOption), valueName: "name"))
    var by: String?

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError(tr(.reasonMustSayWhy)) }
        if let by, by.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError(tr(.byMustNameSomeone)) }
    }
}

/// The journal-writing commands' shared steps: who and when, and printing what was recorded.
enum Recording {
    /// "Now", read once per command: `ARSPLAN_NOW` (`2027-03-01T10:00:00Z`, for tests and
    /// demonstrations) or the system clock. The core never reads the clock.
    static func now() throws -> Timestamp {
        if let text = ProcessInfo.processInfo.environment["ARSPLAN_NOW"], !text.isEmpty {
            guard let timestamp = Timestamp(iso: text) else {
                Terminal.error(tr(.invalidNow(text: text)))
                throw ExitCode(1)
            }
            return timestamp
        }
        return SystemClock.now()
    }

    /// Today in the plan's zone, from ``now()``: the year overview's today marker.
    static func today(in plan: Plan) throws -> Day? {
        Day(iso: JournalText.localTime(try now(), zone: plan.timezone).prefix(10))
    }

    /// `text` read as a day (`--from`, a move's date) within the years a plan may use; exit 1 otherwise.
    static func day(_ text: String) throws -> Day {
        // Range-checked here, where it is read: no year 0 or 9999 reaches the journal or a feed.
        guard let day = Day(iso: text), PlanLimits.years.contains(day.year) else {
            if text.count == 10, Day(iso: "2000" + text.dropFirst(4)) != nil, text.prefix(4).allSatisfy(\.isNumber) {
                Terminal.error(
                    tr(.dateOutsideAllowedYears(text: text, from: PlanLimits.years.lowerBound, to: PlanLimits.years.upperBound)),
                    code: .changeDayOutOfRange)
            } else {
                Terminal.error(tr(.notADate(text: text)), code: .invalidDate)
            }
            throw ExitCode(1)
        }
        return day
    }

    /// `--by`, else `$ARSPLAN_USER`, else `$USER`.
    static func who(_ by: String?) throws -> String {
        let environment = ProcessInfo.processInfo.environment
        for candidate in [by, environment["ARSPLAN_USER"], environment["USER"]] {
            if let name = candidate?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty { return name }
        }
        Terminal.error(tr(.whoMissing))
        throw ExitCode(1)
    }

    /// Records `request` through the workspace and prints its impact; exit 1 (nothing
    /// written) for a request that cannot apply, a refused change, or a journal that cannot
    /// be read or written.
    static func record(_ request: ChangeRequest, plan: PlanArgument, by: String, reason: String?, force: Bool = false, dryRun: Bool = false) throws {
        let source = try plan.readForChange()
        // A day the plan may not reach is refused even with --force (see PlanLimits).
        if case .move(_, _, let day, _) = request, !PlanLimits.allowedDays(planYear: source.plan.year).contains(day) {
            let allowed = PlanLimits.allowedYears(planYear: source.plan.year)
            Terminal.error(tr(.dateOutsideAllowedYears(text: "\(day)", from: allowed.lowerBound, to: allowed.upperBound)), code: .changeDayOutOfRange)
            throw ExitCode(1)
        }
        let now = try now()
        let outcome = try journal { () throws(JournalFileError) in
            try Workspace().record(request, in: source, journal: plan.journal, by: by, reason: reason, at: now, force: force, dryRun: dryRun)
        }
        KeptUntilExit.keep(outcome)
        try report(outcome, force: force, dryRun: dryRun)
    }

    /// Runs `body`; a journal that cannot be read or written is printed, and exit 1.
    static func journal<T>(_ body: () throws(JournalFileError) -> T) throws -> T {
        do throws(JournalFileError) { return try body() } catch {
            Terminal.print(error.diagnostic)
            throw ExitCode(1)
        }
    }

    /// Prints what recording did: warnings, the impact, refusals, and where it was saved.
    static func report(_ outcome: RecordOutcome, force: Bool, dryRun: Bool) throws {
        outcome.warnings.forEach(Terminal.print)
        outcome.journalNotes.forEach(Terminal.print)
        if let failure = outcome.failure {
            Terminal.error(tr(.journal(failure)), code: failure.code)
            throw ExitCode(1)
        }
        guard let proposal = outcome.proposal else { throw ExitCode(1) }
        Terminal.output(ChangeReport.render(proposal, language: Lang.current))
        if !proposal.refusals.isEmpty && !force {
            Terminal.output(ChangeReport.refusals(proposal.refusals, in: proposal.after.plan, language: Lang.current))
            throw ExitCode(1)
        }
        if dryRun {
            Terminal.output("\n" + tr(.dryRunNothingWritten) + "\n")
        } else if let appended = outcome.appended {
            if !proposal.refusals.isEmpty { Terminal.output("\n" + tr(.doneDespiteRefusals) + "\n") }
            Terminal.output("\n" + tr(.savedAsEntry(sequence: appended.entry.sequence, journal: outcome.journal)) + "\n")
        }
    }
}
