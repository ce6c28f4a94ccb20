/// What the journal commands print: the previews of `move`, `cancel`, `assign` and `undo`,
/// their refusals, `history`, `deviations` (table and the markdown for the minutes) and
/// `status`. Text from the plan file and the journal (titles, names, reasons) comes in as
/// values, already made safe for where it is shown.
public enum ChangeText: Hashable, Sendable {
    // What an entry does, in a short phrase.
    case actionMove(activity: String, occurrence: Int, day: Day, time: String?)
    case actionCancel(activity: String, occurrence: Int?)
    case actionAssign(activity: String, owner: String, from: Day?)
    case actionUndo(entry: Int)
    case actionApprove(ref: String)
    /// An occurrence without an owner.
    case noOwner
    case status(OccurrenceStatus)

    // How one occurrence changes (`timing` texts are already formatted).
    case stateNew(timing: String)
    case stateRemoved(timing: String)
    case stateCancelled(timing: String)
    /// `timing` nil when the day did not change.
    case stateReinstated(timing: String?)
    case stateOwner(before: String, after: String)

    // The preview before a change is written.
    case previewApproval(sequence: Int, by: String, ref: String, occurrences: Int, activities: Int, hash: String)
    /// `action` is ``JournalAction/name``; `undoes` the entry an undo reverses.
    case previewHeading(action: String, undoes: Int?, sequence: Int, by: String, what: String)
    case previewFollowing(count: Int)
    case previewNoChanges
    case previewFarHeading(count: Int)
    case previewFar(workdays: Int, later: Bool, across: String?)
    case previewNewConflicts(count: Int)
    case previewResolvedConflicts(count: Int)

    // Why a change is not made (``Refusal``), and how to make it anyway.
    case refusedHeading
    /// A day off: `day` is the long date, `reason` the day off's name.
    case refusedDayOff(day: Day, reason: String)
    case refusedBeforeDependency(conflict: String)
    case refusedAlreadyPast(occurrence: String, day: Day, today: Day)
    case refusedOutsidePlanYear(day: Day, planYear: Int)
    case refusedPinned(activity: String)
    case refusedNewErrors(count: Int)
    case refusedReassignsPast(activity: String, count: Int, first: Day, today: Day)
    case refusedCancelsPast(activity: String, count: Int, first: Day, last: Day, today: Day)
    case refusedFooter

    // `history`.
    case historyTitle(title: String, id: String, journal: String)
    case historyEmpty
    case historyCount(entries: Int, zone: String)
    /// The column heads, separated by tabs: number, when, who, what, why.
    case historyColumns
    case historyUndoneBy(entry: Int)
    case historyNotApplied

    // `deviations`, as a table.
    case deviationsNotApproved
    case deviationsApproved(at: String, by: String, ref: String, sequence: Int)
    case deviationsNone
    case deviationsCount(count: Int)
    case deviationKind(DeviationKind)
    case causeFollowing
    case causeEditedInPlanFile

    // `deviations --format markdown`: the minutes.
    case minutesTitle(title: String)
    case minutesNotApproved
    case minutesApproved(day: String, by: String, ref: String)
    case minutesNone
    case minutesCount(count: Int)
    /// The table's head row and separator row.
    case minutesTableHead
    case minutesFollowing
    case minutesEntry(sequence: Int, at: String, by: String)
    case minutesReason(reason: String)
    case minutesAlsoEdited(count: Int)
    case minutesHandEditsHeading
    case minutesHandEditsText
    case minutesProposal
    case headlineMove(occurrence: String, day: Day, time: String?)
    case headlineCancel(occurrence: String)
    case headlineCancelAll(activity: String)
    case headlineAssign(activity: String, owner: String, from: Day?)
    case headlineUndo(entry: Int, action: String?)
    case headlineApprove(ref: String)

    // `status`.
    case statusJournal(path: String, entries: Int, changes: Int)
    case statusNoJournal(path: String)
    case statusApproved(at: String, by: String, ref: String, sequence: Int)
    case statusSince(changes: Int, planFileChanged: Bool)
    case statusDeviations(count: Int)
    case statusNotApproved
    case statusConflicts(errors: Int, warnings: Int)
    case statusNotes(count: Int)

    /// Every case without its values, so a test can render each one in both languages.
    public enum Kind: CaseIterable, Sendable {
        case actionMove, actionCancel, actionAssign, actionUndo, actionApprove, noOwner, status
        case stateNew, stateRemoved, stateCancelled, stateReinstated, stateOwner
        case previewApproval, previewHeading, previewFollowing, previewNoChanges, previewFarHeading, previewFar, previewNewConflicts,
            previewResolvedConflicts
        case refusedHeading, refusedDayOff, refusedBeforeDependency, refusedAlreadyPast, refusedOutsidePlanYear, refusedPinned,
            refusedNewErrors, refusedReassignsPast, refusedCancelsPast, refusedFooter
        case historyTitle, historyEmpty, historyCount, historyColumns, historyUndoneBy, historyNotApplied
        case deviationsNotApproved, deviationsApproved, deviationsNone, deviationsCount, deviationKind, causeFollowing,
            causeEditedInPlanFile
        case minutesTitle, minutesNotApproved, minutesApproved, minutesNone, minutesCount, minutesTableHead, minutesFollowing,
            minutesEntry, minutesReason, minutesAlsoEdited, minutesHandEditsHeading, minutesHandEditsText, minutesProposal
        case headlineMove, headlineCancel, headlineCancelAll, headlineAssign, headlineUndo, headlineApprove
        case statusJournal, statusNoJournal, statusApproved, statusSince, statusDeviations, statusNotApproved, statusConflicts,
            statusNotes
    }

    public var kind: Kind {
        switch self {
        case .actionMove: return .actionMove
        case .actionCancel: return .actionCancel
        case .actionAssign: return .actionAssign
        case .actionUndo: return .actionUndo
        case .actionApprove: return .actionApprove
        case .noOwner: return .noOwner
        case .status: return .status
        case .stateNew: return .stateNew
        case .stateRemoved: return .stateRemoved
        case .stateCancelled: return .stateCancelled
        case .stateReinstated: return .stateReinstated
        case .stateOwner: return .stateOwner
        case .previewApproval: return .previewApproval
        case .previewHeading: return .previewHeading
        case .previewFollowing: return .previewFollowing
        case .previewNoChanges: return .previewNoChanges
        case .previewFarHeading: return .previewFarHeading
        case .previewFar: return .previewFar
        case .previewNewConflicts: return .previewNewConflicts
        case .previewResolvedConflicts: return .previewResolvedConflicts
        case .refusedHeading: return .refusedHeading
        case .refusedDayOff: return .refusedDayOff
        case .refusedBeforeDependency: return .refusedBeforeDependency
        case .refusedAlreadyPast: return .refusedAlreadyPast
        case .refusedOutsidePlanYear: return .refusedOutsidePlanYear
        case .refusedPinned: return .refusedPinned
        case .refusedNewErrors: return .refusedNewErrors
        case .refusedReassignsPast: return .refusedReassignsPast
        case .refusedCancelsPast: return .refusedCancelsPast
        case .refusedFooter: return .refusedFooter
        case .historyTitle: return .historyTitle
        case .historyEmpty: return .historyEmpty
        case .historyCount: return .historyCount
        case .historyColumns: return .historyColumns
        case .historyUndoneBy: return .historyUndoneBy
        case .historyNotApplied: return .historyNotApplied
        case .deviationsNotApproved: return .deviationsNotApproved
        case .deviationsApproved: return .deviationsApproved
        case .deviationsNone: return .deviationsNone
        case .deviationsCount: return .deviationsCount
        case .deviationKind: return .deviationKind
        case .causeFollowing: return .causeFollowing
        case .causeEditedInPlanFile: return .causeEditedInPlanFile
        case .minutesTitle: return .minutesTitle
        case .minutesNotApproved: return .minutesNotApproved
        case .minutesApproved: return .minutesApproved
        case .minutesNone: return .minutesNone
        case .minutesCount: return .minutesCount
        case .minutesTableHead: return .minutesTableHead
        case .minutesFollowing: return .minutesFollowing
        case .minutesEntry: return .minutesEntry
        case .minutesReason: return .minutesReason
        case .minutesAlsoEdited: return .minutesAlsoEdited
        case .minutesHandEditsHeading: return .minutesHandEditsHeading
        case .minutesHandEditsText: return .minutesHandEditsText
        case .minutesProposal: return .minutesProposal
        case .headlineMove: return .headlineMove
        case .headlineCancel: return .headlineCancel
        case .headlineCancelAll: return .headlineCancelAll
        case .headlineAssign: return .headlineAssign
        case .headlineUndo: return .headlineUndo
        case .headlineApprove: return .headlineApprove
        case .statusJournal: return .statusJournal
        case .statusNoJournal: return .statusNoJournal
        case .statusApproved: return .statusApproved
        case .statusSince: return .statusSince
        case .statusDeviations: return .statusDeviations
        case .statusNotApproved: return .statusNotApproved
        case .statusConflicts: return .statusConflicts
        case .statusNotes: return .statusNotes
        }
    }
}

/// "1 post", "2 poster": a count with the noun that fits it.
private func counted(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

extension SwedishCatalogue {
    public func change(_ text: ChangeText) -> String {
        switch text {
        case .actionMove(let activity, let n, let day, let time):
            return "flyttar \(activity) (\(n)) till \(shortDate(day)) \(day.year)\(time.map { " \($0)" } ?? "")"
        case .actionCancel(let activity, let n):
            return n.map { "ställer in \(activity) (\($0))" } ?? "ställer in alla tillfällen av \(activity)"
        case .actionAssign(let activity, let owner, let from):
            return "ger \(activity) till \(owner)" + (from.map { " från \(shortDate($0)) \($0.year)" } ?? "")
        case .actionUndo(let entry): return "ångrar #\(entry)"
        case .actionApprove(let ref): return "fastställer planen (\(ref))"
        case .noOwner: return "ingen ansvarig"
        case .status(let status):
            switch status {
            case .planned: return "planerad"
            case .tentative: return "preliminär"
            case .cancelled: return "inställd"
            }
        case .stateNew(let timing): return "ny: \(timing)"
        case .stateRemoved(let timing): return "borttagen (var \(timing))"
        case .stateCancelled(let timing): return "\(timing) ställs in"
        case .stateReinstated(let timing): return "\(timing.map { $0 + " " } ?? "")blir av igen"
        case .stateOwner(let before, let after): return "ansvarig \(before) → \(after)"
        case .previewApproval(let sequence, let by, let ref, let occurrences, let activities, let hash):
            return "Fastställande (post #\(sequence)): \(by), \(ref)\n"
                + "  \(counted(occurrences, "tillfälle", "tillfällen")) i \(counted(activities, "aktivitet", "aktiviteter")); "
                + "schemats kontrollsumma \(hash)"
        case .previewHeading(let action, let undoes, let sequence, let by, let what):
            let name: String
            switch action {
            case "move": name = "Flytt"
            case "cancel": name = "Inställt"
            case "assign": name = "Ny ansvarig"
            case "undo": name = "Ångra #\(undoes ?? 0)"
            default: name = "Fastställande"
            }
            return "\(name) (ändring #\(sequence), \(by)): \(what)"
        case .previewFollowing(let count): return "Följer med (\(count)):"
        case .previewNoChanges: return "Inga tillfällen ändras."
        case .previewFarHeading(let count): return "Varning – följer med långt (\(count)):"
        case .previewFar(let workdays, let later, let across):
            return "flyttas \(workdays) arbetsdagar \(later ? "senare" : "tidigare")" + (across.map { ", över \($0)" } ?? "")
        case .previewNewConflicts(let count): return "Nya konflikter (\(count)):"
        case .previewResolvedConflicts(let count): return "Konflikter som försvinner (\(count)):"
        case .refusedHeading: return "Ändringen görs inte:"
        case .refusedDayOff(let day, let reason): return "\(longDate(day)) är ledig dag (\(reason))."
        case .refusedBeforeDependency(let conflict): return "Det nya datumet stämmer inte med vad aktiviteten beror på: \(conflict)."
        case .refusedAlreadyPast(let occurrence, let day, let today):
            return "'\(occurrence)' var \(day), före i dag (\(today)): det har redan ägt rum. Använd --force om ändringen ändå ska sparas."
        case .refusedOutsidePlanYear(let day, let year):
            return
                "\(day) ligger utanför planåret \(year) – stämmer året? Skriv datumet inom \(year), eller använd --force om det ska ligga \(day.year)."
        case .refusedPinned(let activity): return "'\(activity)' är fastlåst (pinned: true): datumet är satt utifrån och flyttas inte."
        case .refusedNewErrors(let count):
            return "Ändringen ger \(counted(count, "nytt fel", "nya fel")) i planen (se Nya konflikter ovan)."
        case .refusedReassignsPast(let activity, let count, let first, let today):
            return "'\(activity)' har \(counted(count, "tillfälle", "tillfällen")) före i dag (\(today)), det första \(first), som redan har ägt rum "
                + "och skulle få den nya ansvariga. Använd --from \(today) för att bara ge över det som återstår, eller --force för alla."
        case .refusedCancelsPast(let activity, let count, let first, let last, let today):
            return
                "\(counted(count, "tillfälle", "tillfällen")) av '\(activity)' (\(first)–\(last)) ligger före i dag (\(today)) och har redan ägt rum. "
                + "Ställ in de kommande ett i taget med --occurrence N, eller använd --force för att ställa in alla."
        case .refusedFooter: return "Ingenting har skrivits. Använd --force för att göra ändringen ändå."
        case .historyTitle(let title, let id, let journal): return "\(title) (\(id)) – journal \(journal)"
        case .historyEmpty: return "Inga ändringar har registrerats."
        case .historyCount(let entries, let zone): return "\(counted(entries, "post", "poster")); tider i \(zone)"
        case .historyColumns: return "nr\tnär\tvem\tvad\tskäl"
        case .historyUndoneBy(let entry): return "[ångrad av #\(entry)]"
        case .historyNotApplied: return "[gäller inte]"
        case .deviationsNotApproved: return "Planen har inte fastställts: ingen avvikelse att visa. Fastställ den med 'arsplan approve'."
        case .deviationsApproved(let at, let by, let ref, let sequence): return "Fastställd \(at) av \(by) (\(ref)), journalpost #\(sequence)."
        case .deviationsNone: return "Inga avvikelser: schemat är som det fastställdes."
        case .deviationsCount(let count): return counted(count, "tillfälle avviker", "tillfällen avviker")
        case .deviationKind(let kind):
            switch kind {
            case .moved: return "flyttad"
            case .cancelled: return "inställd"
            case .reinstated: return "blir av igen"
            case .statusChanged: return "ny status"
            case .reassigned: return "ny ansvarig"
            case .added: return "tillagd"
            case .removed: return "borttagen"
            }
        case .causeFollowing: return "följer med"
        case .causeEditedInPlanFile: return "ändrad direkt i planfilen"
        case .minutesTitle(let title): return "## Avvikelser från fastställd årsplan – \(title)"
        case .minutesNotApproved: return "Årsplanen har ännu inte fastställts, så det finns inga avvikelser att redovisa."
        case .minutesApproved(let day, let by, let ref): return "Årsplanen fastställdes \(day) av \(by) (\(ref))."
        case .minutesNone: return "Sedan dess har inget tillfälle ändrats."
        case .minutesCount(let count): return "Sedan dess avviker \(counted(count, "tillfälle", "tillfällen")) från den fastställda planen."
        case .minutesTableHead: return "| Aktivitet | Avvikelse | Fastställt | Nu |\n| --- | --- | --- | --- |"
        case .minutesFollowing: return "följer med:"
        case .minutesEntry(let sequence, let at, let by): return "Ändring #\(sequence), registrerad \(at) av \(by)."
        case .minutesReason(let reason): return "Skäl: \(reason)"
        case .minutesAlsoEdited(let count): return "\(counted(count, "tillfälle", "tillfällen")) ovan har också ändrats direkt i planfilen."
        case .minutesHandEditsHeading: return "Ändrat direkt i planfilen"
        case .minutesHandEditsText: return "Ändringar som gjorts genom att redigera planfilen, utan ändring i journalen."
        case .minutesProposal: return "**Förslag till beslut:** att godkänna avvikelserna ovan och fastställa den justerade årsplanen."
        case .headlineMove(let occurrence, let day, let time): return "\(occurrence) flyttas till \(longDate(day))\(time.map { " kl. \($0)" } ?? "")"
        case .headlineCancel(let occurrence): return "\(occurrence) ställs in"
        case .headlineCancelAll(let activity): return "\(activity): alla tillfällen ställs in"
        case .headlineAssign(let activity, let owner, let from):
            return "\(activity) får ny ansvarig\(from.map { " från \(longDate($0))" } ?? ""): \(owner)"
        case .headlineUndo(let entry, let action): return "Ändring #\(entry) ångras" + (action.map { " (\($0))" } ?? "")
        case .headlineApprove(let ref): return "Planen fastställs (\(ref))"
        case .statusJournal(let path, let entries, let changes):
            return "Journal:     \(path), \(counted(entries, "post", "poster")) (\(counted(changes, "ändring", "ändringar")))"
        case .statusNoJournal(let path): return "Journal:     \(path) (finns inte ännu)"
        case .statusApproved(let at, let by, let ref, let sequence): return "Fastställd:  \(at) av \(by), \(ref) (#\(sequence))"
        case .statusSince(let changes, let planFileChanged):
            return
                "Sedan dess:  \(counted(changes, "ändring", "ändringar")) i journalen; planfilen \(planFileChanged ? "har ändrats" : "är oförändrad")"
        case .statusDeviations(let count):
            return "Avvikelser:  "
                + (count == 0
                    ? "inga – schemat är som det fastställdes"
                    : "\(counted(count, "tillfälle avviker", "tillfällen avviker")) från den fastställda planen (arsplan deviations)")
        case .statusNotApproved: return "Fastställd:  nej – ingen fastställelse i journalen (arsplan approve)"
        case .statusConflicts(let errors, let warnings): return "Konflikter:  \(count(errors, .error)), \(count(warnings, .warning))"
        case .statusNotes(let count):
            return "Journalen:   \(counted(count, "post gäller inte längre", "poster gäller inte längre")) (arsplan history)"
        }
    }
}

extension EnglishCatalogue {
    public func change(_ text: ChangeText) -> String {
        switch text {
        case .actionMove(let activity, let n, let day, let time):
            return "moves \(activity) (\(n)) to \(shortDate(day)) \(day.year)\(time.map { " \($0)" } ?? "")"
        case .actionCancel(let activity, let n):
            return n.map { "cancels \(activity) (\($0))" } ?? "cancels every occurrence of \(activity)"
        case .actionAssign(let activity, let owner, let from):
            return "hands \(activity) to \(owner)" + (from.map { " from \(shortDate($0)) \($0.year)" } ?? "")
        case .actionUndo(let entry): return "undoes #\(entry)"
        case .actionApprove(let ref): return "approves the plan (\(ref))"
        case .noOwner: return "no owner"
        case .status(let status):
            switch status {
            case .planned: return "planned"
            case .tentative: return "tentative"
            case .cancelled: return "cancelled"
            }
        case .stateNew(let timing): return "new: \(timing)"
        case .stateRemoved(let timing): return "removed (was \(timing))"
        case .stateCancelled(let timing): return "\(timing) is cancelled"
        case .stateReinstated(let timing): return "\(timing.map { $0 + " " } ?? "")takes place again"
        case .stateOwner(let before, let after): return "owner \(before) → \(after)"
        case .previewApproval(let sequence, let by, let ref, let occurrences, let activities, let hash):
            return "Approval (entry #\(sequence)): \(by), \(ref)\n"
                + "  \(count(occurrences, .occurrence)) in \(count(activities, .activity)); schedule checksum \(hash)"
        case .previewHeading(let action, let undoes, let sequence, let by, let what):
            let name: String
            switch action {
            case "move": name = "Move"
            case "cancel": name = "Cancellation"
            case "assign": name = "New owner"
            case "undo": name = "Undo #\(undoes ?? 0)"
            default: name = "Approval"
            }
            return "\(name) (change #\(sequence), \(by)): \(what)"
        case .previewFollowing(let count): return "Follow along (\(count)):"
        case .previewNoChanges: return "No occurrence changes."
        case .previewFarHeading(let count): return "Warning – follow along far (\(count)):"
        case .previewFar(let workdays, let later, let across):
            return "moves \(workdays) working days \(later ? "later" : "earlier")" + (across.map { ", across \($0)" } ?? "")
        case .previewNewConflicts(let count): return "New conflicts (\(count)):"
        case .previewResolvedConflicts(let count): return "Conflicts resolved (\(count)):"
        case .refusedHeading: return "The change is not made:"
        case .refusedDayOff(let day, let reason): return "\(longDate(day)) is a day off (\(reason))."
        case .refusedBeforeDependency(let conflict): return "The new date does not fit what the activity depends on: \(conflict)."
        case .refusedAlreadyPast(let occurrence, let day, let today):
            return "'\(occurrence)' was on \(day), before today (\(today)): it has already taken place. Use --force to record the change anyway."
        case .refusedOutsidePlanYear(let day, let year):
            return
                "\(day) is outside the plan year \(year) – is the year right? Write a date in \(year), or use --force if it belongs in \(day.year)."
        case .refusedPinned(let activity): return "'\(activity)' is pinned (pinned: true): its date is set from outside and is not moved."
        case .refusedNewErrors(let n): return "The change gives the plan \(n == 1 ? "1 new error" : "\(n) new errors") (see New conflicts above)."
        case .refusedReassignsPast(let activity, let n, let first, let today):
            return "'\(activity)' has \(count(n, .occurrence)) before today (\(today)), the first on \(first), that have already taken place "
                + "and would get the new owner. Use --from \(today) to hand over only what remains, or --force for all."
        case .refusedCancelsPast(let activity, let n, let first, let last, let today):
            return "\(count(n, .occurrence)) of '\(activity)' (\(first)–\(last)) lie before today (\(today)) and have already taken place. "
                + "Cancel the coming ones one at a time with --occurrence N, or use --force to cancel them all."
        case .refusedFooter: return "Nothing has been written. Use --force to make the change anyway."
        case .historyTitle(let title, let id, let journal): return "\(title) (\(id)) – change journal \(journal)"
        case .historyEmpty: return "No changes have been recorded."
        case .historyCount(let n, let zone): return "\(n == 1 ? "1 entry" : "\(n) entries"); times in \(zone)"
        case .historyColumns: return "no\twhen\twho\twhat\twhy"
        case .historyUndoneBy(let entry): return "[undone by #\(entry)]"
        case .historyNotApplied: return "[not in effect]"
        case .deviationsNotApproved: return "The plan has not been approved: no deviation to show. Approve it with 'arsplan approve'."
        case .deviationsApproved(let at, let by, let ref, let sequence): return "Approved \(at) by \(by) (\(ref)), journal entry #\(sequence)."
        case .deviationsNone: return "No deviations: the schedule is as it was approved."
        case .deviationsCount(let n): return n == 1 ? "1 occurrence differs" : "\(n) occurrences differ"
        case .deviationKind(let kind):
            switch kind {
            case .moved: return "moved"
            case .cancelled: return "cancelled"
            case .reinstated: return "takes place again"
            case .statusChanged: return "new status"
            case .reassigned: return "new owner"
            case .added: return "added"
            case .removed: return "removed"
            }
        case .causeFollowing: return "follows"
        case .causeEditedInPlanFile: return "edited in the plan file"
        case .minutesTitle(let title): return "## Deviations from the approved year plan – \(title)"
        case .minutesNotApproved: return "The year plan has not been approved yet, so there are no deviations to report."
        case .minutesApproved(let day, let by, let ref): return "The year plan was approved \(day) by \(by) (\(ref))."
        case .minutesNone: return "No occurrence has changed since."
        case .minutesCount(let n): return "Since then \(n == 1 ? "1 occurrence differs" : "\(n) occurrences differ") from the approved plan."
        case .minutesTableHead: return "| Activity | Deviation | Approved | Now |\n| --- | --- | --- | --- |"
        case .minutesFollowing: return "follows:"
        case .minutesEntry(let sequence, let at, let by): return "Change #\(sequence), recorded \(at) by \(by)."
        case .minutesReason(let reason): return "Reason: \(reason)"
        case .minutesAlsoEdited(let n): return "\(count(n, .occurrence)) above \(n == 1 ? "has" : "have") also been edited in the plan file."
        case .minutesHandEditsHeading: return "Edited in the plan file"
        case .minutesHandEditsText: return "Changes made by editing the plan file, without an entry in the journal."
        case .minutesProposal: return "**Proposed decision:** to approve the deviations above and adopt the adjusted year plan."
        case .headlineMove(let occurrence, let day, let time): return "\(occurrence) moves to \(longDate(day))\(time.map { " at \($0)" } ?? "")"
        case .headlineCancel(let occurrence): return "\(occurrence) is cancelled"
        case .headlineCancelAll(let activity): return "\(activity): every occurrence is cancelled"
        case .headlineAssign(let activity, let owner, let from):
            return "\(activity) gets a new owner\(from.map { " from \(longDate($0))" } ?? ""): \(owner)"
        case .headlineUndo(let entry, let action): return "Change #\(entry) is undone" + (action.map { " (\($0))" } ?? "")
        case .headlineApprove(let ref): return "The plan is approved (\(ref))"
        case .statusJournal(let path, let entries, let changes):
            return "Journal:     \(path), \(entries == 1 ? "1 entry" : "\(entries) entries") (\(changes == 1 ? "1 change" : "\(changes) changes"))"
        case .statusNoJournal(let path): return "Journal:     \(path) (does not exist yet)"
        case .statusApproved(let at, let by, let ref, let sequence): return "Approved:    \(at) by \(by), \(ref) (#\(sequence))"
        case .statusSince(let changes, let planFileChanged):
            return "Since then:  \(changes == 1 ? "1 change" : "\(changes) changes") in the journal; the plan file "
                + (planFileChanged ? "has changed" : "is unchanged")
        case .statusDeviations(let n):
            return "Deviations:  "
                + (n == 0
                    ? "none – the schedule is as it was approved"
                    : "\(n == 1 ? "1 occurrence differs" : "\(n) occurrences differ") from the approved plan (arsplan deviations)")
        case .statusNotApproved: return "Approved:    no – no approval in the journal (arsplan approve)"
        case .statusConflicts(let errors, let warnings): return "Conflicts:   \(count(errors, .error)), \(count(warnings, .warning))"
        case .statusNotes(let n): return "Entries:     \(n == 1 ? "1 entry no longer applies" : "\(n) entries no longer apply") (arsplan history)"
        }
    }
}
