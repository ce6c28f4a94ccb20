import Arsplan
import ArsplanJournal
import Foundation

/// What recording a change did (``Workspace/record(_:in:journal:by:reason:at:force:dryRun:)``).
public struct RecordOutcome: Sendable {
    /// The change worked out against the plan and every earlier entry: its impact, its
    /// refusals and the entry; nil when the request cannot apply (see ``failure``).
    public var proposal: ChangeProposal?
    /// Why the request cannot apply at all (an unknown activity, nothing to undo …).
    public var failure: JournalError?
    /// The entry as appended; nil for a dry run, a refused change not forced, or a failure.
    public var appended: AppendedEntry?
    /// Warnings about the journal file: an incomplete last line, ignored or removed.
    public var warnings: [Diagnostic]
    /// Problems of the journal's entries: ones that no longer apply to the plan, and the like.
    public var journalNotes: [Diagnostic]
    /// The plan and its journal as they stood when the change was decided.
    public var loaded: LoadedPlan?
    /// The journal's path.
    public var journal: String

    /// Whether the change has refusals (a day off, a dependency, new errors …).
    public var isRefused: Bool { !(proposal?.refusals.isEmpty ?? true) }
}

/// What approving did (``Workspace/approve(ref:in:journal:by:at:force:)``).
public struct ApprovalOutcome: Sendable {
    /// The schedule's errors when it has some and the approval was not forced: nothing was recorded.
    public var refusedForErrors: ScheduleErrors?
    /// The latest approval, when nothing has changed since it (no deviation, the plan file as
    /// it was) and the approval was not forced: nothing was recorded.
    public var refusedUnchanged: ApprovalPoint?
    /// The recording, when the approval was not refused for errors.
    public var record: RecordOutcome?
    /// What differed from the previous approval when this one was decided; nil when there was none.
    public var deviationsBefore: DeviationReport?
}

/// Why a schedule is not approved.
public struct ScheduleErrors: Sendable {
    /// Every error-severity diagnostic of the plan, its journal and its schedule.
    public var diagnostics: [Diagnostic]
    /// How many of the schedule's conflicts are errors.
    public var count: Int
}

extension Workspace {
    /// Checks `request` against the plan and its journal and — unless `dryRun`, or it is
    /// refused and not `force`d — appends its entry to the journal.
    ///
    /// The journal is read and the change worked out while holding the journal's lock, so
    /// the entry's number and what it does are decided against every earlier entry, however
    /// many communicators record changes at once. `now` is when the change is made. Throws
    /// only when the journal cannot be read or written.
    public func record(
        _ request: ChangeRequest, in source: PlanSource, journal: String? = nil, by: String, reason: String?, at now: Timestamp,
        force: Bool = false, dryRun: Bool = false
    ) throws(JournalFileError) -> RecordOutcome {
        try record(request, in: source, journal: journal, by: by, reason: reason, at: now, force: force, dryRun: dryRun) { _ in true }
    }

    /// Records management's approval of the schedule as it stands (plan and journal read
    /// once, under the journal's lock). A schedule with errors is not approved unless `force`.
    public func approve(
        ref: String, in source: PlanSource, journal: String? = nil, by: String, at now: Timestamp, force: Bool = false
    ) throws(JournalFileError) -> ApprovalOutcome {
        var outcome = ApprovalOutcome()
        // Hashed once: the plan file's hash is recorded and compared (about 270 M instructions
        // each time for the 3 MB of the 20,000-activity bench plan; callgrind).
        let planHash = source.planHash
        let record = try record(
            .approve(ref: ref), in: source, journal: journal, by: by, reason: nil, at: now, force: force, dryRun: false, planHash: planHash
        ) { current in
            outcome.refusedForErrors = nil
            let errors = current.schedule.conflicts.filter { $0.severity == .error }
            if !errors.isEmpty && !force {
                outcome.refusedForErrors = ScheduleErrors(diagnostics: current.diagnostics.filter { $0.severity == .error }, count: errors.count)
                return false
            }
            outcome.refusedUnchanged = nil
            let deviations = DeviationReport(replay: current.replay, planHash: planHash)
            if let deviations, deviations.deviations.isEmpty, !deviations.planFileChanged, !force {
                outcome.refusedUnchanged = deviations.approval
                return false
            }
            outcome.deviationsBefore = deviations
            return true
        }
        if outcome.refusedForErrors == nil && outcome.refusedUnchanged == nil { outcome.record = record }
        return outcome
    }

    /// `record` with `check`, called with the plan and journal as they stand under the lock:
    /// false records nothing (and leaves the outcome without a proposal).
    private func record(
        _ request: ChangeRequest, in source: PlanSource, journal path: String?, by: String, reason: String?, at now: Timestamp,
        force: Bool, dryRun: Bool, planHash: String? = nil, check: (LoadedPlan) -> Bool
    ) throws(JournalFileError) -> RecordOutcome {
        let journal = files.journal(at: path ?? Self.defaultJournalPath(forPlan: source.path))
        let context = ChangeContext(at: now, by: by, reason: reason, planHash: planHash ?? source.planHash)

        var proposal: ChangeProposal?
        var failure: JournalError?
        var loaded: LoadedPlan?
        func decide(_ contents: JournalContents) -> JournalEntry? {
            let current = apply(contents, to: source, journal: journal)
            loaded = current
            (proposal, failure) = (nil, nil)
            guard check(current) else { return nil }
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

        var appended: AppendedEntry?
        do {
            // The journal as read beside the plan file, when it was (see `Workspace.read(_:journalBeside:)`).
            let snapshot = source.journalSnapshot.flatMap { $0.path == journal.path ? $0 : nil }
            if dryRun {
                _ = decide(try snapshot?.contents ?? journal.read())
            } else {
                appended = try journal.appendEntry(reusing: snapshot, decide)
            }
        } catch let error as JournalFileError {
            throw error
        } catch {
            throw .cannotWrite(file: journal.path, reason: .system(.other("\(error)")))
        }
        let notes = loaded?.journalDiagnostics.filter(\.code.isJournalEntryProblem) ?? []
        return RecordOutcome(
            proposal: proposal, failure: failure, appended: appended, warnings: appended?.warnings ?? loaded?.contents.warnings ?? [],
            journalNotes: notes, loaded: loaded, journal: journal.path)
    }
}

/// The system clock, to the second: "now" for a caller that has no other.
public enum SystemClock {
    public static func now() -> Timestamp {
        Timestamp(secondsSince1970: Int(Date().timeIntervalSince1970.rounded(.down)))
    }
}
