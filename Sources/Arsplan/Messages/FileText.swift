/// What is said about the files beside the plan: the journal (reading, appending, replaying),
/// the calendars `dates-from` reads, the export folder and the publication state. File names,
/// ids and the system's reasons (`No such file or directory`) are facts, shown as given.
public indirect enum FileText: Hashable, Sendable {
    // The journal file.
    case journalTornLine(kept: Int)
    case journalTornLineRemoved(bytes: Int, removed: String)
    case journalInvalidLine(JournalLineProblem)
    case journalNewerVersion(version: Int, reads: Int)
    case journalDuplicateEntry(sequence: Int, firstLine: Int)
    case journalUnreadable(reason: JournalIOProblem)
    case journalUnwritable(reason: JournalIOProblem)
    case journalNotAFile(kind: JournalFileKind)
    case journalDanglingLink(target: String)

    // Replaying the journal.
    case entryNotApplied(sequence: Int, action: String, problem: ReplayProblem)
    /// `now` is the occurrence's UID now when it is another one than recorded.
    case entryOccurrenceChanged(
        sequence: Int, action: String, occurrence: Int, activity: String, day: Day, uid: String, now: String?, nowDay: Day,
        movedTo: Int?)
    case undoNotEarlier(sequence: Int, target: Int)
    case undoAlreadyUndone(sequence: Int, target: Int, by: Int)
    case undoNotApplied(sequence: Int, target: Int)
    case undoNotAChange(sequence: Int, target: Int)
    case approvalAltered(sequence: Int)

    // Calendars read for `dates-from`, and writing feeds.
    case datesFrom(activity: String, problem: FileText)
    case calendarUnreadable(path: String)
    case calendarPathNote
    /// libical's own warning about a calendar file, as libical words it.
    case libicalWarning(message: String)
    case libicalWarningNote(activity: String, at: String)
    case unknownTimeZone(name: String)
    case libicalFailed(what: String)
    case unparsableCalendar(file: String, problems: [String], more: Int)
    case noEventsInYear(file: String, year: Int)
    case noEventsReadInYear(file: String, year: Int, cutEvents: Int, first: String)
    case notACalendar(file: String)
    case unknownEventTimeZone(file: String, tzid: String, line: Int?)
    case zoneRuleTooLong(file: String, tzid: String, line: Int?, steps: Int, stepsPerFile: Int)
    /// An imported event arsplan stopped following (``libicalWarningNote``'s counterpart: `eventCutNote`).
    case eventCut(summary: String?, uid: String, from: Day?, year: Int, steps: Int, stepsPerFile: Int)
    case eventCutNote(activity: String, at: String)

    // The plan file, the export folder and the publication state.
    /// `export --out` names the root folder (`home` false) or the home folder.
    case exportIntoRootOrHome(path: String, home: Bool)
    /// The folder holds a file an export must never put at risk (the plan file, its journal).
    case exportFolderHoldsProtected(path: String, file: String)
    case exportFolderUnexaminable(path: String, reason: String)
    case exportFolderNotAFolder(path: String)
    case exportFolderUnreadable(path: String, reason: String)
    case exportMarkerInvalid(path: String, marker: String)
    case exportFolderOfAnotherPlan(path: String, owner: String, plan: String)
    /// `files`: the first few names, and whether there are more.
    case exportFolderHoldsOtherFiles(path: String, files: [String], more: Bool)
    case planUnreadable(reason: String)
    case publicationStateNotSaved(reason: String)
    case publicationStateUnreadable(path: String, reason: PublicationStateProblem)

    public enum Kind: CaseIterable, Sendable {
        case journalTornLine, journalTornLineRemoved, journalInvalidLine, journalNewerVersion, journalDuplicateEntry
        case journalUnreadable, journalUnwritable, journalNotAFile, journalDanglingLink
        case entryNotApplied, entryOccurrenceChanged, undoNotEarlier, undoAlreadyUndone, undoNotApplied, undoNotAChange
        case approvalAltered, datesFrom, calendarUnreadable, calendarPathNote, libicalWarning, libicalWarningNote
        case unknownTimeZone, libicalFailed, unparsableCalendar, noEventsInYear, unknownEventTimeZone, zoneRuleTooLong, eventCut, eventCutNote,
            noEventsReadInYear, notACalendar
        case planUnreadable, publicationStateNotSaved, publicationStateUnreadable
        case exportIntoRootOrHome, exportFolderHoldsProtected, exportFolderUnexaminable, exportFolderNotAFolder
        case exportFolderUnreadable, exportMarkerInvalid, exportFolderOfAnotherPlan, exportFolderHoldsOtherFiles
    }

    public var kind: Kind {
        switch self {
        case .journalTornLine: return .journalTornLine
        case .journalTornLineRemoved: return .journalTornLineRemoved
        case .journalInvalidLine: return .journalInvalidLine
        case .journalNewerVersion: return .journalNewerVersion
        case .journalDuplicateEntry: return .journalDuplicateEntry
        case .journalUnreadable: return .journalUnreadable
        case .journalUnwritable: return .journalUnwritable
        case .journalNotAFile: return .journalNotAFile
        case .journalDanglingLink: return .journalDanglingLink
        case .entryNotApplied: return .entryNotApplied
        case .entryOccurrenceChanged: return .entryOccurrenceChanged
        case .undoNotEarlier: return .undoNotEarlier
        case .undoAlreadyUndone: return .undoAlreadyUndone
        case .undoNotApplied: return .undoNotApplied
        case .undoNotAChange: return .undoNotAChange
        case .approvalAltered: return .approvalAltered
        case .datesFrom: return .datesFrom
        case .calendarUnreadable: return .calendarUnreadable
        case .calendarPathNote: return .calendarPathNote
        case .libicalWarning: return .libicalWarning
        case .libicalWarningNote: return .libicalWarningNote
        case .unknownTimeZone: return .unknownTimeZone
        case .libicalFailed: return .libicalFailed
        case .unparsableCalendar: return .unparsableCalendar
        case .noEventsInYear: return .noEventsInYear
        case .noEventsReadInYear: return .noEventsReadInYear
        case .notACalendar: return .notACalendar
        case .unknownEventTimeZone: return .unknownEventTimeZone
        case .zoneRuleTooLong: return .zoneRuleTooLong
        case .eventCut: return .eventCut
        case .eventCutNote: return .eventCutNote
        case .planUnreadable: return .planUnreadable
        case .publicationStateNotSaved: return .publicationStateNotSaved
        case .publicationStateUnreadable: return .publicationStateUnreadable
        case .exportIntoRootOrHome: return .exportIntoRootOrHome
        case .exportFolderHoldsProtected: return .exportFolderHoldsProtected
        case .exportFolderUnexaminable: return .exportFolderUnexaminable
        case .exportFolderNotAFolder: return .exportFolderNotAFolder
        case .exportFolderUnreadable: return .exportFolderUnreadable
        case .exportMarkerInvalid: return .exportMarkerInvalid
        case .exportFolderOfAnotherPlan: return .exportFolderOfAnotherPlan
        case .exportFolderHoldsOtherFiles: return .exportFolderHoldsOtherFiles
        }
    }
}

/// Why a journal line is not a valid entry. Thrown while decoding an entry, so that the
/// journal file can say it in the reader's language.
public enum JournalLineProblem: Error, Hashable, Sendable {
    /// A key is missing (`in` names the object it belongs in, when not the entry itself).
    case missingKey(String, in: String?)
    case wrongType(String)
    case notAnObject
    case outOfRange(key: String, from: Int, to: Int, value: Int)
    case dayOutOfRange(key: String, from: Int, to: Int, day: Day)
    case versionBelowOne(Int)
    case notATime(String)
    case unknownAction(String)
    case notARange(start: String, end: String)
    case rangeOutsideYears(start: String, end: String, from: Int, to: Int)
    /// The JSON decoder's own words.
    case decoder(String)
}

/// Why the journal file cannot be read or written: the step, and the system's reason.
public enum JournalIOProblem: Hashable, Sendable {
    case system(SystemReason)
    case openForAppending(SystemReason)
    case lock(SystemReason)
    case removeTornLine(SystemReason)
    case create(directory: String, SystemReason)
    case keptBeingReplaced
    /// The JSON encoder's own words.
    case encode(String)
}

/// Why the system refused a file operation (`errno`); `other` is `strerror`'s text.
public enum SystemReason: Hashable, Sendable {
    case permissionDenied, readOnly, noSpace, notAFolderInPath, folderMissing, isAFolder, tooLarge, symlinkLoop
    case other(String)
}

/// What the journal's path is when it is not a regular file.
public enum JournalFileKind: Hashable, Sendable {
    case folder, namedPipe, device, socket, other
}

/// Why the publication state file cannot be used.
public enum PublicationStateProblem: Error, Hashable, Sendable {
    /// The file cannot be read: the system's words.
    case system(String)
    /// Not a state file arsplan wrote (JSON that does not decode, as for a journal line).
    case notAState(JournalLineProblem)
    case wrongFormat(found: String, expected: String)
    case badStamp(uid: String, stamp: String)
    case negativeSequence(uid: String, sequence: Int)
    case badFingerprint(uid: String, fingerprint: String)
}

/// Why a journal change no longer applies to the plan.
public enum ReplayProblem: Hashable, Sendable {
    case activityGone(String)
    case noOccurrence(activity: String, occurrence: Int, count: Int)
    case ownerGone(String)
}

extension SwedishCatalogue {
    public func file(_ text: FileText) -> String {
        switch text {
        case .journalTornLine(let kept):
            return
                "sista raden är ofullständig (den saknar radslut: en avbruten skrivning?) och hoppas över; \(kept == 1 ? "den 1 post som står före den behålls" : "de \(kept) poster som står före den behålls")"
        case .journalTornLineRemoved(let bytes, let removed):
            return "tog bort den ofullständiga sista raden innan en ny post lades till (\(bytes) byte: '\(removed)')"
        case .journalInvalidLine(let problem):
            return
                "raden är ingen giltig post: \(self.problem(problem)); rätta eller ta bort raden för hand; till dess sparas ingen ändring och loggen lämnas som den är (ett JSON-objekt per rad, se docs/journal.md)"
        case .journalNewerVersion(let version, let reads):
            return
                "posten skrevs av en nyare arsplan (loggformat \(version); den här arsplan läser format \(reads) och äldre); uppgradera arsplan för att läsa loggen"
        case .journalDuplicateEntry(let sequence, let first):
            return
                "postnummer \(sequence) används två gånger (också på rad \(first)), som när två kopior av en logg slagits ihop; ge den ena ett nytt, högre nummer"
        case .journalUnreadable(let reason): return "kan inte läsa ändringsloggen: \(io(reason))"
        case .journalUnwritable(let reason): return "kan inte skriva ändringsloggen: \(io(reason)); ingenting sparades"
        case .journalNotAFile(let kind):
            let what: String
            switch kind {
            case .folder: what = "den är en mapp"
            case .namedPipe: what = "den är en namngiven rörledning (FIFO)"
            case .device: what = "den är en enhet"
            case .socket: what = "den är en socket"
            case .other: what = "den är något annat"
            }
            return "ändringsloggen är ingen vanlig fil: \(what); ingenting lästes eller sparades (ange en fil med --journal)"
        case .journalDanglingLink(let target):
            return
                "ändringsloggen är en symbolisk länk till '\(target)', som inte finns; ingenting lästes eller sparades (rätta länken eller ta bort den)"
        case .entryNotApplied(let sequence, let action, let problem):
            let why: String
            switch problem {
            case .activityGone(let id): why = "aktiviteten '\(id)' finns inte längre i planfilen"
            case .noOccurrence(let id, let n, let count): why = "'\(id)' har inget tillfälle \(n) (den har \(count))"
            case .ownerGone(let owner): why = "ansvarig '\(owner)' finns inte längre i planfilen"
            }
            return "post #\(sequence) ('\(action)') gäller inte längre: \(why); den hoppas över"
        case .entryOccurrenceChanged(let sequence, let action, let n, let id, let day, let uid, let now, let nowDay, let movedTo):
            var text =
                "post #\(sequence) ('\(action)') sparades för tillfälle \(n) av '\(id)' den \(day) ('\(uid)'), men tillfälle \(n) är nu \(now.map { "'\($0)' den \(nowDay)" } ?? "den \(nowDay)") (planfilen har ändrats); den hoppas över i stället för att gälla ett annat tillfälle"
            if let movedTo {
                text += "; tillfället den \(day) har nu nummer \(movedTo): spara ändringen igen med --occurrence \(movedTo) om den fortfarande gäller"
            } else {
                text += "; spara ändringen igen om den fortfarande gäller"
            }
            return text
        case .undoNotEarlier(let sequence, let target):
            return "post #\(sequence) ångrar #\(target), som inte är en tidigare post i den här loggen; den hoppas över"
        case .undoAlreadyUndone(let sequence, let target, let by):
            return "post #\(sequence) ångrar #\(target), som redan ångrades av #\(by); den hoppas över"
        case .undoNotApplied(let sequence, let target):
            return "post #\(sequence) ångrar #\(target), som aldrig tillämpades; den hoppas över"
        case .undoNotAChange(let sequence, let target):
            return "post #\(sequence) ångrar #\(target), som inte är en ändring; den hoppas över"
        case .approvalAltered(let sequence):
            return "schemat som sparades med fastställelse #\(sequence) stämmer inte med sin kontrollsumma; raden har ändrats för hand"
        case .datesFrom(let activity, let problem): return "'dates-from' för '\(activity)': \(file(problem))"
        case .calendarUnreadable(let path): return "kan inte läsa kalenderfilen '\(path)'"
        case .calendarPathNote: return "sökvägen räknas från planfilens mapp"
        case .libicalWarning(let message): return "libical varnar: '\(message)'"
        case .libicalWarningNote(let activity, let at):
            return "läst för 'dates-from' för '\(activity)' på \(at); alla händelsers datum är kända"
        case .unknownTimeZone(let name):
            return "tidszonen '\(name)' är okänd för libical; kontrollera namnet, och att systemets tidszonsdata är installerade (Debian: tzdata)"
        case .libicalFailed(let what): return "libical misslyckades: \(what)"
        case .unparsableCalendar(let file, let problems, let more):
            return
                "kalenderfilen '\(file)' är inte giltig iCalendar: \(problems.map { "'\($0)'" }.joined(separator: "; "))\(more > 0 ? " (och \(more) till)" : "")"
        case .noEventsInYear(let file, let year): return "kalenderfilen '\(file)' har inga händelser \(year)"
        case .noEventsReadInYear(let file, let year, let count, let first):
            return "kalenderfilen '\(file)' har inga händelser \(year) som arsplan kunde läsa: "
                + "\(count == 1 ? "1 händelse upprepas" : "\(count) händelser upprepas") oftare eller från längre tillbaka än arsplan följer "
                + "(den första: '\(first)'); be den som publicerar filen om datumen som enskilda händelser"
        case .notACalendar(let file): return "filen '\(file)' innehåller ingen VCALENDAR: är det en iCalendar-fil (.ics)?"
        case .zoneRuleTooLong(let file, let tzid, let line, let steps, let perFile):
            return "kalenderfilen '\(file)'\(line.map { " rad \($0)" } ?? ""): tidszonen '\(tzid)' har en övergångsregel som upprepas oftare "
                + "eller från längre tillbaka än arsplan följer (\(steps) steg per regel, \(perFile) per fil); be den som publicerar filen om en enklare tidszon"
        case .eventCut(let summary, let uid, let from, let year, let steps, let perFile):
            return "händelsen \(summary.map { "'\($0)' " } ?? "")(UID '\(uid)') upprepas oftare eller från längre tillbaka än arsplan följer "
                + "(\(steps) steg av regeln per händelse, \(perFile) per fil): \(from.map { "dess tillfällen från \($0)" } ?? "dess tillfällen \(year)") lästes inte"
        case .eventCutNote(let activity, let at):
            return "läst för 'dates-from' för '\(activity)' på \(at); händelsens övriga datum är kända"
        case .unknownEventTimeZone(let file, let tzid, let line):
            return
                "kalenderfilen '\(file)'\(line.map { " (rad \($0))" } ?? "") använder tidszonen '\(tzid)', som den inte definierar (ingen VTIMEZONE) och som varken är en IANA-zon eller ett känt Windows-zonnamn; be om en export med tidszonsdefinitioner, eller med tider i UTC"
        case .planUnreadable(let reason): return "kan inte läsa planfilen: \(reason)"
        case .publicationStateNotSaved(let reason):
            return "flödena skrevs, men publiceringsläget kunde inte sparas: \(reason)"
        case .publicationStateUnreadable(let path, let reason):
            let why: String
            switch reason {
            case .system(let words): why = words
            case .notAState(.notAnObject): why = "det är inte JSON, så inget publiceringsläge som arsplan skrev"
            case .notAState(let problem): why = "det är inget publiceringsläge som arsplan skrev (\(self.problem(problem)))"
            case .wrongFormat(let found, let expected):
                why = "formatet '\(found)' är inte '\(expected)' (skrivet av en annan version av arsplan?)"
            case .badStamp(let uid, let stamp): why = "'\(uid)': tidsstämpeln '\(stamp)' är ingen UTC-tid"
            case .negativeSequence(let uid, let sequence): why = "'\(uid)': negativt sekvensnummer \(sequence)"
            case .badFingerprint(let uid, let fingerprint): why = "'\(uid)': fingeravtrycket '\(fingerprint)' är inte 16 hexadecimala siffror"
            }
            if case .system = reason { return "kan inte läsa publiceringsläget: \(why); ingenting exporterades" }
            return
                "kan inte läsa publiceringsläget: \(why); ingenting exporterades. Hämta filen ur git igen (git checkout -- '\(path)'), eller ta bort den: då räknas alla händelser som nya vid nästa export"
        case .exportIntoRootOrHome(let path, let home):
            return
                "exporterar inte till '\(path)': det är \(home ? "hemmappen" : "rotmappen"); välj en egen mapp med --out"
        case .exportFolderHoldsProtected(let path, let file):
            return
                "exporterar inte till '\(path)': den innehåller '\(file)', och en export ersätter hela sin mapp; välj en egen mapp med --out"
        case .exportFolderUnexaminable(let path, let reason): return "kan inte undersöka '\(path)': \(reason)"
        case .exportFolderNotAFolder(let path): return "exporterar inte till '\(path)': den finns och är ingen mapp"
        case .exportFolderUnreadable(let path, let reason): return "kan inte läsa mappen '\(path)': \(reason)"
        case .exportMarkerInvalid(let path, let marker):
            return
                "exporterar inte till '\(path)': dess fil \(marker) är ingen exportmarkering; ta bort mappen eller välj en annan med --out"
        case .exportFolderOfAnotherPlan(let path, let owner, let plan):
            return
                "exporterar inte till '\(path)': den innehåller flödena för planen '\(owner)', inte '\(plan)'; välj en annan mapp med --out"
        case .exportFolderHoldsOtherFiles(let path, let files, let more):
            return
                "exporterar inte till '\(path)': den innehåller filer som ingen export skrev (\(files.map { "'\($0)'" }.joined(separator: ", "))\(more ? " …" : "")), och en export ersätter hela mappen; välj en ny eller tom mapp med --out"
        }
    }

    private func io(_ problem: JournalIOProblem) -> String {
        switch problem {
        case .system(let reason): return system(reason)
        case .openForAppending(let reason): return "kan inte öppna den för att lägga till: \(system(reason))"
        case .lock(let reason): return "kan inte låsa den: \(system(reason))"
        case .removeTornLine(let reason): return "kan inte ta bort den ofullständiga sista raden: \(system(reason))"
        case .create(let directory, let reason): return "kan inte skapa den i '\(directory)': \(system(reason))"
        case .keptBeingReplaced: return "den byttes ut gång på gång medan låset väntades på"
        case .encode(let words): return "kan inte koda posten: JSON-kodaren säger '\(words)'"
        }
    }

    private func system(_ reason: SystemReason) -> String {
        switch reason {
        case .permissionDenied: return "åtkomst nekas"
        case .readOnly: return "filsystemet är skrivskyddat"
        case .noSpace: return "det finns inget utrymme kvar på enheten"
        case .notAFolderInPath: return "en del av sökvägen är ingen mapp"
        case .folderMissing: return "mappen finns inte"
        case .isAFolder: return "den är en mapp"
        case .tooLarge: return "filen skulle bli större än den största tillåtna storleken (ulimit -f)"
        case .symlinkLoop: return "dess symboliska länkar går runt i en slinga"
        case .other(let words): return "systemet säger '\(words)'"
        }
    }

    private func problem(_ problem: JournalLineProblem) -> String {
        switch problem {
        case .missingKey(let key, let object): return "'\(key)' saknas" + (object.map { " i '\($0)'" } ?? "")
        case .wrongType(let key): return "'\(key)' har fel typ"
        case .notAnObject: return "inget JSON-objekt på en rad"
        case .outOfRange(let key, let from, let to, let value): return "'\(key)' måste vara från \(from) till \(to), inte \(value)"
        case .dayOutOfRange(let key, let from, let to, let day): return "'\(key)' måste vara en dag \(from)–\(to), inte \(day)"
        case .versionBelowOne(let version): return "'v' måste vara 1 eller mer, inte \(version)"
        case .notATime(let text): return "'at' måste vara en UTC-tid som 2027-03-01T10:00:00Z, inte '\(text)'"
        case .unknownAction(let name): return "okänd åtgärd '\(name)' (kända: move, cancel, assign, undo, approve)"
        case .notARange(let start, let end): return "'\(start)'–'\(end)' är inget datum- eller tidsintervall"
        case .rangeOutsideYears(let start, let end, let from, let to): return "'\(start)'–'\(end)' måste ligga inom \(from)–\(to)"
        case .decoder(let words): return "JSON-avkodaren säger '\(words)'"
        }
    }
}

extension EnglishCatalogue {
    public func file(_ text: FileText) -> String {
        switch text {
        case .journalTornLine(let kept):
            return
                "the last line is incomplete (it has no newline: an interrupted write?) and is ignored; the \(kept) entr\(kept == 1 ? "y before it is" : "ies before it are") kept"
        case .journalTornLineRemoved(let bytes, let removed):
            return "removed the incomplete last line before appending (\(bytes) bytes: '\(removed)')"
        case .journalInvalidLine(let problem):
            return
                "this line is not a valid journal entry: \(self.problem(problem)); fix or remove the line by hand; until then no change is recorded and the journal is left as it is (one JSON object a line, see docs/journal.md)"
        case .journalNewerVersion(let version, let reads):
            return
                "this entry was written by a newer arsplan (journal format \(version); this arsplan reads format \(reads) and older); upgrade arsplan to read this journal"
        case .journalDuplicateEntry(let sequence, let first):
            return
                "entry number \(sequence) is used twice (also on line \(first)), as when two copies of a journal are merged; give one of them a new, higher number"
        case .journalUnreadable(let reason): return "cannot read the journal: \(io(reason))"
        case .journalUnwritable(let reason): return "cannot write the journal: \(io(reason)); nothing was recorded"
        case .journalNotAFile(let kind):
            let what: String
            switch kind {
            case .folder: what = "it is a folder"
            case .namedPipe: what = "it is a named pipe (FIFO)"
            case .device: what = "it is a device"
            case .socket: what = "it is a socket"
            case .other: what = "it is something else"
            }
            return "the journal is not a regular file: \(what); nothing was read or recorded (name a file with --journal)"
        case .journalDanglingLink(let target):
            return
                "the journal is a symbolic link to '\(target)', which does not exist; nothing was read or recorded (fix the link or remove it)"
        case .entryNotApplied(let sequence, let action, let problem):
            let why: String
            switch problem {
            case .activityGone(let id): why = "activity '\(id)' is no longer in the plan file"
            case .noOccurrence(let id, let n, let count): why = "'\(id)' has no occurrence \(n) (it has \(count))"
            case .ownerGone(let owner): why = "owner '\(owner)' is no longer in the plan file"
            }
            return "entry #\(sequence) (\(action)) no longer applies: \(why); it is skipped"
        case .entryOccurrenceChanged(let sequence, let action, let n, let id, let day, let uid, let now, let nowDay, let movedTo):
            var text =
                "entry #\(sequence) (\(action)) was recorded for occurrence \(n) of '\(id)' on \(day) (\(uid)), but occurrence \(n) is now \(now.map { "\($0) on \(nowDay)" } ?? "on \(nowDay)") (the plan file was edited); it is skipped rather than applied to another occurrence"
            if let movedTo {
                text +=
                    "; the occurrence on \(day) is now number \(movedTo): record the change again with --occurrence \(movedTo) if it still holds"
            } else {
                text += "; record the change again if it still holds"
            }
            return text
        case .undoNotEarlier(let sequence, let target):
            return "entry #\(sequence) undoes #\(target), which is not an earlier entry of this journal; it is skipped"
        case .undoAlreadyUndone(let sequence, let target, let by):
            return "entry #\(sequence) undoes #\(target), which was already undone by #\(by); it is skipped"
        case .undoNotApplied(let sequence, let target): return "entry #\(sequence) undoes #\(target), which was not applied; it is skipped"
        case .undoNotAChange(let sequence, let target): return "entry #\(sequence) undoes #\(target), which is not a change; it is skipped"
        case .approvalAltered(let sequence):
            return "the schedule recorded with approval #\(sequence) does not match its hash; the journal line was edited by hand"
        case .datesFrom(let activity, let problem): return "'dates-from' of '\(activity)': \(file(problem))"
        case .calendarUnreadable(let path): return "cannot read calendar file '\(path)'"
        case .calendarPathNote: return "the path is relative to the plan file's folder"
        case .libicalWarning(let message): return "libical: \(message)"
        case .libicalWarningNote(let activity, let at):
            return "read for 'dates-from' of '\(activity)' at \(at); every event's dates are known"
        case .unknownTimeZone(let name):
            return
                "time zone '\(name)' is not known to libical; check the name, and that the system's time-zone data is installed (Debian: tzdata)"
        case .libicalFailed(let what): return "libical failed: \(what)"
        case .unparsableCalendar(let file, let problems, let more):
            return
                "calendar file '\(file)' is not valid iCalendar: \(problems.map { "'\($0)'" }.joined(separator: "; "))\(more > 0 ? " (and \(more) more)" : "")"
        case .noEventsInYear(let file, let year): return "calendar file '\(file)' has no events in \(year)"
        case .noEventsReadInYear(let file, let year, let count, let first):
            return "calendar file '\(file)' has no events in \(year) that arsplan could read: "
                + "\(count == 1 ? "1 event repeats" : "\(count) events repeat") more often or from longer ago than arsplan follows "
                + "(the first: '\(first)'); ask whoever publishes the file for the dates as single events"
        case .notACalendar(let file): return "file '\(file)' holds no VCALENDAR: is it an iCalendar (.ics) file?"
        case .zoneRuleTooLong(let file, let tzid, let line, let steps, let perFile):
            return "calendar file '\(file)'\(line.map { " line \($0)" } ?? ""): time zone '\(tzid)' has a transition rule that repeats more often "
                + "or from longer ago than arsplan follows (\(steps) steps per rule, \(perFile) per file); ask whoever publishes the file for a simpler zone"
        case .eventCut(let summary, let uid, let from, let year, let steps, let perFile):
            return "event \(summary.map { "'\($0)' " } ?? "")(UID '\(uid)') repeats more often or from longer ago than arsplan follows "
                + "(\(steps) steps of its rule per event, \(perFile) per file): \(from.map { "its instances from \($0) on" } ?? "its instances in \(year)") were not read"
        case .eventCutNote(let activity, let at):
            return "read for 'dates-from' of '\(activity)' at \(at); the event's other dates are known"
        case .unknownEventTimeZone(let file, let tzid, let line):
            return
                "calendar file '\(file)'\(line.map { " (line \($0))" } ?? "") uses time zone '\(tzid)', which it does not define (no VTIMEZONE) and which is neither an IANA zone nor a known Windows zone name; ask for an export with time-zone definitions, or with times in UTC"
        case .planUnreadable(let reason): return "cannot read the plan file: \(reason)"
        case .publicationStateNotSaved(let reason):
            return "the feeds were written, but the publication state could not be saved: \(reason)"
        case .publicationStateUnreadable(let path, let reason):
            let why: String
            switch reason {
            case .system(let words): why = words
            case .notAState(.notAnObject): why = "it is not JSON, so not a publication state arsplan wrote"
            case .notAState(let problem): why = "not a publication state arsplan wrote (\(self.problem(problem)))"
            case .wrongFormat(let found, let expected):
                why = "format '\(found)' is not '\(expected)' (written by another version of arsplan?)"
            case .badStamp(let uid, let stamp): why = "'\(uid)': the stamp '\(stamp)' is not a UTC time"
            case .negativeSequence(let uid, let sequence): why = "'\(uid)': negative sequence \(sequence)"
            case .badFingerprint(let uid, let fingerprint): why = "'\(uid)': the fingerprint '\(fingerprint)' is not 16 hex digits"
            }
            if case .system = reason { return "cannot read the publication state: \(why); nothing exported" }
            return
                "cannot read the publication state: \(why); nothing exported. Restore the file from git (git checkout -- '\(path)'), or remove it: every event then counts as new at the next export"
        case .exportIntoRootOrHome(let path, let home):
            return "refusing to export into '\(path)': that is the \(home ? "home" : "root") folder; choose a folder of its own with --out"
        case .exportFolderHoldsProtected(let path, let file):
            return
                "refusing to export into '\(path)': it holds '\(file)', and an export replaces its whole folder; choose a folder of its own with --out"
        case .exportFolderUnexaminable(let path, let reason): return "cannot examine '\(path)': \(reason)"
        case .exportFolderNotAFolder(let path): return "refusing to export into '\(path)': it exists and is not a folder"
        case .exportFolderUnreadable(let path, let reason): return "cannot read the folder '\(path)': \(reason)"
        case .exportMarkerInvalid(let path, let marker):
            return
                "refusing to export into '\(path)': its \(marker) file is not an export marker; remove the folder or choose another with --out"
        case .exportFolderOfAnotherPlan(let path, let owner, let plan):
            return
                "refusing to export into '\(path)': it holds the feeds of the plan '\(owner)', not '\(plan)'; choose another folder with --out"
        case .exportFolderHoldsOtherFiles(let path, let files, let more):
            return
                "refusing to export into '\(path)': it holds files an export did not write (\(files.map { "'\($0)'" }.joined(separator: ", "))\(more ? " …" : "")), and an export replaces the whole folder; choose a new or empty folder with --out"
        }
    }

    private func io(_ problem: JournalIOProblem) -> String {
        switch problem {
        case .system(let reason): return system(reason)
        case .openForAppending(let reason): return "cannot open it for appending: \(system(reason))"
        case .lock(let reason): return "cannot lock it: \(system(reason))"
        case .removeTornLine(let reason): return "cannot remove the incomplete last line: \(system(reason))"
        case .create(let directory, let reason): return "cannot create it in '\(directory)': \(system(reason))"
        case .keptBeingReplaced: return "it kept being replaced while waiting for the lock"
        case .encode(let words): return "cannot encode the entry: \(words)"
        }
    }

    private func system(_ reason: SystemReason) -> String {
        switch reason {
        case .permissionDenied: return "permission denied"
        case .readOnly: return "the file system is read-only"
        case .noSpace: return "no space left on the device"
        case .notAFolderInPath: return "a part of the path is not a folder"
        case .folderMissing: return "the folder does not exist"
        case .isAFolder: return "it is a folder"
        case .tooLarge: return "the file would grow beyond the largest size allowed (ulimit -f)"
        case .symlinkLoop: return "its symbolic links go round in a loop"
        case .other(let words): return words
        }
    }

    private func problem(_ problem: JournalLineProblem) -> String {
        switch problem {
        case .missingKey(let key, let object): return "missing '\(key)'" + (object.map { " in '\($0)'" } ?? "")
        case .wrongType(let key): return "'\(key)' has the wrong type"
        case .notAnObject: return "not a JSON object on one line"
        case .outOfRange(let key, let from, let to, let value): return "'\(key)' must be from \(from) to \(to), not \(value)"
        case .dayOutOfRange(let key, let from, let to, let day): return "'\(key)' must be a day in \(from)–\(to), not \(day)"
        case .versionBelowOne(let version): return "'v' must be 1 or more, not \(version)"
        case .notATime(let text): return "'at' must be a UTC time like 2027-03-01T10:00:00Z, not '\(text)'"
        case .unknownAction(let name): return "unknown action '\(name)' (known: move, cancel, assign, undo, approve)"
        case .notARange(let start, let end): return "'\(start)'–'\(end)' is not a date or date-time range"
        case .rangeOutsideYears(let start, let end, let from, let to): return "'\(start)'–'\(end)' must lie in \(from)–\(to)"
        case .decoder(let words): return words
        }
    }
}
