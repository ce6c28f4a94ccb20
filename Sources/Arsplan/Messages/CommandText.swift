/// What the command line itself says: usage errors, summaries, confirmations, refusals.
public enum CommandText: Hashable, Sendable {
    case noPlanFile(path: String)
    case journalMustNameFile
    case reasonMustSayWhy
    case byMustNameSomeone
    case occurrenceCountsFromOne
    case separatorValues
    case separatorOnlyForCSV
    case yearOutOfRange(year: Int)
    case approveByMissing
    case approveRefMissing
    case outMustNameFolder
    case stateMustNameFile
    case notADate(text: String)
    case dateOutsideAllowedYears(text: String, from: Int, to: Int)
    case notATime(text: String)
    case invalidNow(text: String)
    case whoMissing
    /// `Plans/x.yaml: 57 aktiviteter, 170 tillfällen, 0 fel, 1 varning`.
    case validateSummary(path: String, activities: Int, occurrences: Int, errors: Int, warnings: Int)
    /// `Plans/x.yaml: 2 fel, 1 varning`.
    case problemSummary(path: String, errors: Int, warnings: Int)
    case dryRunNothingWritten
    case doneDespiteRefusals
    case savedAsEntry(sequence: Int, journal: String)
    case approvalRefusedForErrors(count: Int)
    case approvedDeviations(count: Int, approval: Int)
    case exported(directory: String, feeds: Int, events: Int)
    /// `export` that would have written the same bytes: the folder is left as it was.
    case exportUnchanged(directory: String, feeds: Int, events: Int)
    /// After `export`: what changed for subscribers, and whether the publication state was saved.
    case exportFirstState(path: String)
    case exportNoChanges(path: String)
    case exportChangeCounts(added: Int, changed: Int, removed: Int, path: String, saved: Bool)
    /// `export --dry-run`: what would change for subscribers, a heading and one line per event.
    case exportPreviewFirst(path: String, events: Int)
    case exportPreviewNoChanges
    case exportPreviewHeading(events: Int)
    case exportPreviewAdded(uid: String, start: EventStart?, title: String)
    case exportPreviewContentChanged(uid: String, start: EventStart, title: String, sequence: Int, newSequence: Int)
    case exportPreviewMoved(uid: String, from: EventStart, to: EventStart, title: String, sequence: Int, newSequence: Int)
    case exportPreviewRemoved(uid: String, start: EventStart?, title: String, cancelled: Bool)
    case exportPlanHasErrors
    case exportUnusablePlanID(id: String)
    case exportWriteFailed(reason: String, directory: String)
    /// Unknown value of `--lang` / `ARSPLAN_LANG`.
    case unknownLanguage(text: String)
    case optionNotADate(option: String, text: String)
    case fromAfterTo
    case outAndWheelMustNameFile
    case notApprovedYet
    case cannotWrite(path: String, reason: String)
    /// `approve` with nothing changed since approval `approval`.
    case approvalUnchanged(approval: Int, ref: String)
    /// `init`: refusals and what was written.
    case initInvalidID(id: String)
    case initInvalidName(option: String)
    case initFileExists(path: String)
    case initWritten(path: String)

    /// Every case without its values, so a test can render each one in both languages.
    public enum Kind: CaseIterable, Sendable {
        case noPlanFile, journalMustNameFile, reasonMustSayWhy, byMustNameSomeone, occurrenceCountsFromOne
        case separatorValues, separatorOnlyForCSV, yearOutOfRange, approveByMissing, approveRefMissing
        case outMustNameFolder, stateMustNameFile, notADate, dateOutsideAllowedYears, notATime, invalidNow, whoMissing, validateSummary,
            problemSummary
        case dryRunNothingWritten, doneDespiteRefusals, savedAsEntry, approvalRefusedForErrors, approvedDeviations
        case exported, exportUnchanged, exportPlanHasErrors, exportUnusablePlanID, exportWriteFailed, unknownLanguage
        case exportFirstState, exportNoChanges, exportChangeCounts, exportPreviewFirst, exportPreviewNoChanges, exportPreviewHeading
        case exportPreviewAdded, exportPreviewContentChanged, exportPreviewMoved, exportPreviewRemoved
        case optionNotADate, fromAfterTo, outAndWheelMustNameFile, notApprovedYet, cannotWrite, approvalUnchanged
        case initInvalidID, initInvalidName, initFileExists, initWritten
    }

    public var kind: Kind {
        switch self {
        case .noPlanFile: return .noPlanFile
        case .journalMustNameFile: return .journalMustNameFile
        case .reasonMustSayWhy: return .reasonMustSayWhy
        case .byMustNameSomeone: return .byMustNameSomeone
        case .occurrenceCountsFromOne: return .occurrenceCountsFromOne
        case .separatorValues: return .separatorValues
        case .separatorOnlyForCSV: return .separatorOnlyForCSV
        case .yearOutOfRange: return .yearOutOfRange
        case .approveByMissing: return .approveByMissing
        case .approveRefMissing: return .approveRefMissing
        case .outMustNameFolder: return .outMustNameFolder
        case .stateMustNameFile: return .stateMustNameFile
        case .notADate: return .notADate
        case .dateOutsideAllowedYears: return .dateOutsideAllowedYears
        case .notATime: return .notATime
        case .invalidNow: return .invalidNow
        case .whoMissing: return .whoMissing
        case .validateSummary: return .validateSummary
        case .problemSummary: return .problemSummary
        case .dryRunNothingWritten: return .dryRunNothingWritten
        case .doneDespiteRefusals: return .doneDespiteRefusals
        case .savedAsEntry: return .savedAsEntry
        case .approvalRefusedForErrors: return .approvalRefusedForErrors
        case .approvedDeviations: return .approvedDeviations
        case .exported: return .exported
        case .exportUnchanged: return .exportUnchanged
        case .exportFirstState: return .exportFirstState
        case .exportNoChanges: return .exportNoChanges
        case .exportChangeCounts: return .exportChangeCounts
        case .exportPreviewFirst: return .exportPreviewFirst
        case .exportPreviewNoChanges: return .exportPreviewNoChanges
        case .exportPreviewHeading: return .exportPreviewHeading
        case .exportPreviewAdded: return .exportPreviewAdded
        case .exportPreviewContentChanged: return .exportPreviewContentChanged
        case .exportPreviewMoved: return .exportPreviewMoved
        case .exportPreviewRemoved: return .exportPreviewRemoved
        case .exportPlanHasErrors: return .exportPlanHasErrors
        case .exportUnusablePlanID: return .exportUnusablePlanID
        case .exportWriteFailed: return .exportWriteFailed
        case .unknownLanguage: return .unknownLanguage
        case .optionNotADate: return .optionNotADate
        case .fromAfterTo: return .fromAfterTo
        case .outAndWheelMustNameFile: return .outAndWheelMustNameFile
        case .notApprovedYet: return .notApprovedYet
        case .cannotWrite: return .cannotWrite
        case .approvalUnchanged: return .approvalUnchanged
        case .initInvalidID: return .initInvalidID
        case .initInvalidName: return .initInvalidName
        case .initFileExists: return .initFileExists
        case .initWritten: return .initWritten
        }
    }
}

/// When a published event starts, as the publication state writes it (`2027-03-01T10:00` or
/// `2027-03-01`): shown as a date in the reader's language, the time after it.
public struct EventStart: Hashable, Sendable {
    public var day: Day?
    public var time: String?
    /// The value as written, shown as it is when it is not a date.
    public var written: String

    public init(_ written: String) {
        let parts = written.split(separator: "T", maxSplits: 1)
        self.written = written
        self.day = parts.first.flatMap { Day(iso: $0) }
        self.time = parts.count == 2 ? String(parts[1]) : nil
    }
}

extension Catalogue {
    /// "tis 2 mar 2027 kl. 10:00" / "Tue 2 Mar 2027 at 10:00", with the language's word before the time.
    fileprivate func start(_ start: EventStart?, timeAfter at: String) -> String {
        guard let start else { return "" }
        guard let day = start.day else { return start.written }
        return shortDate(day) + " \(day.year)" + (start.time.map { " \(at) \($0)" } ?? "")
    }

    /// Two spaces and the title, or nothing.
    fileprivate func titled(_ title: String) -> String { title.isEmpty ? "" : "  " + title }
}

extension SwedishCatalogue {
    public func command(_ text: CommandText) -> String {
        switch text {
        case .noPlanFile(let path): return "Det finns ingen planfil '\(path)'."
        case .journalMustNameFile: return "--journal måste ange en fil."
        case .reasonMustSayWhy: return "--reason måste säga varför."
        case .byMustNameSomeone: return "--by måste ange någon."
        case .occurrenceCountsFromOne: return "--occurrence räknar från 1."
        case .separatorValues: return "--separator måste vara ',' eller ';'."
        case .separatorOnlyForCSV: return "--separator gäller bara --format csv."
        case .yearOutOfRange(let year): return "Året måste ligga mellan 1900 och 2200, inte \(year)."
        case .approveByMissing: return "--by måste ange vem som fastställer."
        case .approveRefMissing: return "--ref måste ge protokollshänvisningen."
        case .outMustNameFolder: return "--out måste ange en mapp."
        case .stateMustNameFile: return "--state måste ange en fil."
        case .notADate(let text): return "'\(text)' är inget datum; skriv det som ÅÅÅÅ-MM-DD, t.ex. 2027-03-30."
        case .dateOutsideAllowedYears(let text, let from, let to):
            return "'\(text)' ligger utanför de år en plan kan använda (\(from)–\(to)); ingenting har sparats."
        case .notATime(let text): return "'\(text)' är ingen tid; skriv den som HH:MM eller HH.MM, t.ex. 17:00."
        case .invalidNow(let text):
            return "ARSPLAN_NOW måste vara en UTC-tid som 2027-03-01T10:00:00Z, inte '\(text)'."
        case .whoMissing: return "ange vem som gör ändringen med --by NAMN (eller sätt ARSPLAN_USER)."
        case .validateSummary(let path, let activities, let occurrences, let errors, let warnings):
            return
                "\(path): \(count(activities, .activity)), \(count(occurrences, .occurrence)), \(count(errors, .error)), \(count(warnings, .warning))"
        case .problemSummary(let path, let errors, let warnings):
            return "\(path): \(count(errors, .error)), \(count(warnings, .warning))"
        case .dryRunNothingWritten: return "Provkörning (--dry-run): ingenting har skrivits."
        case .doneDespiteRefusals: return "Gjort trots invändningarna ovan (--force)."
        case .savedAsEntry(let sequence, let journal): return "Sparat som post #\(sequence) i \(journal)."
        case .approvalRefusedForErrors(let errors):
            return
                "schemat har \(count(errors, .error)); rätta dem först (arsplan validate) eller fastställ ändå med --force. Ingenting sparades."
        case .approvedDeviations(let deviations, let approval):
            return "Därmed godkänt: \(count(deviations, .deviation)) från fastställelsen #\(approval)."
        case .exported(let directory, let feeds, let events):
            return "\(directory): \(count(feeds, .calendar)) och index.html, \(count(events, .event)) i alla.ics"
        case .exportUnchanged(let directory, let feeds, let events):
            return
                "\(directory): oförändrad sedan förra exporten (\(count(feeds, .calendar)) och index.html, \(count(events, .event)) i alla.ics); ingenting skrevs om."
        case .exportFirstState(let path): return "Publiceringsstatus sparad i \(path) (första exporten: alla händelser räknas som nya)."
        case .exportNoChanges(let path): return "Inga ändringar för prenumeranterna sedan förra exporten; \(path) är oförändrad."
        case .exportChangeCounts(let added, let changed, let removed, let path, let saved):
            return
                "För prenumeranterna: \(added) nya, \(changed) ändrade, \(removed) borttagna händelser; \(saved ? "sparat i" : "inte sparat i") \(path)."
        case .exportPreviewFirst(let path, let events):
            return "Ingen publiceringsstatus ännu (\(path)): alla \(events) händelser räknas som nya och stämplas med exportens tid; "
                + "SEQUENCE tas från journalen."
        case .exportPreviewNoChanges: return "Inga ändringar för prenumeranterna: kalendrarna blir desamma som vid förra exporten."
        case .exportPreviewHeading(let events): return "Så här ändras kalendrarna för prenumeranterna (\(count(events, .event))):"
        case .exportPreviewAdded(let uid, let at, let title): return "  ny         \(uid)  \(start(at, timeAfter: "kl."))\(titled(title))"
        case .exportPreviewContentChanged(let uid, let at, let title, let sequence, let newSequence):
            return "  ändrad     \(uid)  ändrat innehåll, \(start(at, timeAfter: "kl."))\(titled(title)) (SEQUENCE \(sequence) → \(newSequence))"
        case .exportPreviewMoved(let uid, let from, let to, let title, let sequence, let newSequence):
            return
                "  ändrad     \(uid)  flyttas \(start(from, timeAfter: "kl.")) → \(start(to, timeAfter: "kl."))\(titled(title)) (SEQUENCE \(sequence) → \(newSequence))"
        case .exportPreviewRemoved(let uid, let at, let title, let cancelled):
            return "  borttagen  \(uid)  \(start(at, timeAfter: "kl."))\(titled(title))\(cancelled ? " (inställd)" : "")"
        case .exportPlanHasErrors:
            return "ingenting exporterades: planen har fel; de tidigare flödena är lämnade som de var."
        case .exportUnusablePlanID(let id):
            return "plan-id '\(id)' kan inte användas som mappnamn; välj mappen med --out."
        case .exportWriteFailed(let reason, let directory):
            return "\(reason) – de tidigare filerna i '\(directory)' är lämnade som de var."
        case .unknownLanguage(let text): return "okänt språk '\(text)'; välj sv (svenska) eller en (engelska)."
        case .optionNotADate(let option, let text): return "\(option) måste vara ett datum som 2027-03-01, inte '\(text)'."
        case .fromAfterTo: return "--from får inte ligga efter --to."
        case .outAndWheelMustNameFile: return "--out och --wheel-svg måste ange en fil."
        case .notApprovedYet:
            return "planen har inte fastställts än, så det finns ingen fastställd version att visa (arsplan approve)."
        case .cannotWrite(let path, let reason): return "kan inte skriva '\(path)': \(reason)"
        case .approvalUnchanged(let approval, let ref):
            return
                "ingenting har ändrats sedan fastställelsen #\(approval) (\(ref)); en ny fastställelse sparas bara med --force. Ingenting sparades."
        case .initInvalidID(let id):
            return "--id '\(id)' kan inte vara ett plan-id: använd 1–64 bokstäver a–z, siffror, '-' och '_', t.ex. mf-2028."
        case .initInvalidName(let option): return "\(option) måste vara en rad text på högst 200 tecken."
        case .initFileExists(let path):
            return "'\(path)' finns redan och skrivs inte över; välj ett annat filnamn eller ta bort filen först."
        case .initWritten(let path):
            return "Skrev \(path). Fyll i ansvariga och nämndens datum, och kontrollera med: arsplan validate \(path)"
        }
    }
}

extension EnglishCatalogue {
    public func command(_ text: CommandText) -> String {
        switch text {
        case .noPlanFile(let path): return "No plan file at '\(path)'."
        case .journalMustNameFile: return "--journal must name a file."
        case .reasonMustSayWhy: return "--reason must say why."
        case .byMustNameSomeone: return "--by must name someone."
        case .occurrenceCountsFromOne: return "--occurrence counts from 1."
        case .separatorValues: return "--separator must be ',' or ';'."
        case .separatorOnlyForCSV: return "--separator only applies to --format csv."
        case .yearOutOfRange(let year): return "The year must be between 1900 and 2200, not \(year)."
        case .approveByMissing: return "--by must name who approves."
        case .approveRefMissing: return "--ref must give the minutes reference."
        case .outMustNameFolder: return "--out must name a folder."
        case .stateMustNameFile: return "--state must name a file."
        case .notADate(let text): return "'\(text)' is not a date; write it as YYYY-MM-DD, e.g. 2027-03-30."
        case .dateOutsideAllowedYears(let text, let from, let to):
            return "'\(text)' is outside the years a plan may use (\(from)–\(to)); nothing was recorded."
        case .notATime(let text): return "'\(text)' is not a time; write it as HH:MM or HH.MM, e.g. 17:00."
        case .invalidNow(let text): return "ARSPLAN_NOW must be a UTC time like 2027-03-01T10:00:00Z, not '\(text)'."
        case .whoMissing: return "say who makes the change with --by NAME (or set ARSPLAN_USER)."
        case .validateSummary(let path, let activities, let occurrences, let errors, let warnings):
            return
                "\(path): \(count(activities, .activity)), \(count(occurrences, .occurrence)), \(count(errors, .error)), \(count(warnings, .warning))"
        case .problemSummary(let path, let errors, let warnings):
            return "\(path): \(count(errors, .error)), \(count(warnings, .warning))"
        case .dryRunNothingWritten: return "Dry run (--dry-run): nothing has been written."
        case .doneDespiteRefusals: return "Done despite the objections above (--force)."
        case .savedAsEntry(let sequence, let journal): return "Saved as entry #\(sequence) in \(journal)."
        case .approvalRefusedForErrors(let errors):
            return
                "the schedule has \(count(errors, .error)); fix them first (arsplan validate) or approve anyway with --force. Nothing was recorded."
        case .approvedDeviations(let deviations, let approval):
            return "Thereby approved: \(count(deviations, .deviation)) from approval #\(approval)."
        case .exported(let directory, let feeds, let events):
            return "\(directory): \(count(feeds, .calendar)) and index.html, \(count(events, .event)) in alla.ics"
        case .exportUnchanged(let directory, let feeds, let events):
            return
                "\(directory): unchanged since the last export (\(count(feeds, .calendar)) and index.html, \(count(events, .event)) in alla.ics); nothing was rewritten."
        case .exportFirstState(let path): return "Publication state saved in \(path) (first export: every event counts as new)."
        case .exportNoChanges(let path): return "No changes for subscribers since the last export; \(path) is unchanged."
        case .exportChangeCounts(let added, let changed, let removed, let path, let saved):
            return "For subscribers: \(added) new, \(changed) changed, \(removed) removed events; \(saved ? "saved in" : "not saved in") \(path)."
        case .exportPreviewFirst(let path, let events):
            return "No publication state yet (\(path)): all \(events) events count as new and are stamped with the export's time; "
                + "SEQUENCE comes from the journal."
        case .exportPreviewNoChanges: return "No changes for subscribers: the calendars stay as they were at the last export."
        case .exportPreviewHeading(let events): return "How the calendars change for subscribers (\(count(events, .event))):"
        case .exportPreviewAdded(let uid, let at, let title): return "  new        \(uid)  \(start(at, timeAfter: "at"))\(titled(title))"
        case .exportPreviewContentChanged(let uid, let at, let title, let sequence, let newSequence):
            return "  changed    \(uid)  content changed, \(start(at, timeAfter: "at"))\(titled(title)) (SEQUENCE \(sequence) → \(newSequence))"
        case .exportPreviewMoved(let uid, let from, let to, let title, let sequence, let newSequence):
            return
                "  changed    \(uid)  moves \(start(from, timeAfter: "at")) → \(start(to, timeAfter: "at"))\(titled(title)) (SEQUENCE \(sequence) → \(newSequence))"
        case .exportPreviewRemoved(let uid, let at, let title, let cancelled):
            return "  removed    \(uid)  \(start(at, timeAfter: "at"))\(titled(title))\(cancelled ? " (cancelled)" : "")"
        case .exportPlanHasErrors: return "nothing exported: the plan has errors; the previous feeds are left as they were."
        case .exportUnusablePlanID(let id): return "the plan id '\(id)' cannot be used as a folder name; choose the folder with --out."
        case .exportWriteFailed(let reason, let directory):
            return "\(reason) — the previous files in '\(directory)' are left as they were."
        case .unknownLanguage(let text): return "unknown language '\(text)'; choose sv (Swedish) or en (English)."
        case .optionNotADate(let option, let text): return "\(option) must be a date like 2027-03-01, not '\(text)'."
        case .fromAfterTo: return "--from must not be after --to."
        case .outAndWheelMustNameFile: return "--out and --wheel-svg must name a file."
        case .notApprovedYet: return "the plan has not been approved yet, so there is no approved version to show (arsplan approve)."
        case .cannotWrite(let path, let reason): return "cannot write '\(path)': \(reason)"
        case .approvalUnchanged(let approval, let ref):
            return "nothing has changed since approval #\(approval) (\(ref)); a new approval is recorded only with --force. Nothing was recorded."
        case .initInvalidID(let id):
            return "--id '\(id)' cannot be a plan id: use 1–64 letters a–z, digits, '-' and '_', e.g. mf-2028."
        case .initInvalidName(let option): return "\(option) must be one line of text of at most 200 characters."
        case .initFileExists(let path): return "'\(path)' already exists and is not overwritten; choose another file name or remove the file first."
        case .initWritten(let path):
            return "Wrote \(path). Fill in the owners and the board's dates, and check with: arsplan validate \(path)"
        }
    }
}
