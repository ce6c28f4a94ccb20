import Testing

@testable import Arsplan

/// Both catalogues have every message (the `switch`es are exhaustive, so a missing one does
/// not compile); here every message is rendered with sample values in both languages, and
/// neither language lets words of the other through.
struct CatalogueTests {
    /// One sample of every command text; `kind` proves the list misses none.
    static let commandSamples: [CommandText] = [
        .noPlanFile(path: "Plans/x.yaml"), .journalMustNameFile, .reasonMustSayWhy, .byMustNameSomeone,
        .occurrenceCountsFromOne, .separatorValues, .separatorOnlyForCSV, .yearOutOfRange(year: 1899), .approveByMissing,
        .approveRefMissing, .outMustNameFolder, .stateMustNameFile, .notADate(text: "2027-02-30"),
        .dateOutsideAllowedYears(text: "0000-01-01", from: 1900, to: 2200), .notATime(text: "25:00"),
        .invalidNow(text: "x"), .whoMissing,
        .validateSummary(path: "Plans/x.yaml", activities: 57, occurrences: 170, errors: 0, warnings: 1),
        .problemSummary(path: "Plans/x.yaml", errors: 2, warnings: 2), .dryRunNothingWritten, .doneDespiteRefusals,
        .savedAsEntry(sequence: 3, journal: "Plans/x.journal.jsonl"), .approvalRefusedForErrors(count: 2),
        .approvedDeviations(count: 1, approval: 2), .exported(directory: "Exports/x", feeds: 44, events: 170),
        .exportPlanHasErrors, .exportUnusablePlanID(id: ".."), .exportWriteFailed(reason: "ENOSPC", directory: "Exports/x"),
        .unknownLanguage(text: "de"), .optionNotADate(option: "--from", text: "1 mars"), .fromAfterTo, .outAndWheelMustNameFile,
        .notApprovedYet, .cannotWrite(path: "x.html", reason: "EACCES"), .approvalUnchanged(approval: 4, ref: "FL 2027-03-01 item 4"),
        .initInvalidID(id: "mf 2028"), .initInvalidName(option: "--title"), .initFileExists(path: "Plans/x.yaml"),
        .initWritten(path: "Plans/x.yaml"),
    ]

    /// One sample of every scheduler text.
    static let scheduleSamples: [ScheduleText] = {
        let day = Day(iso: "2027-03-23")!
        let later = Day(iso: "2027-03-30")!
        let rule = RuleText.offsets([
            RuleOffset(amount: 3, unit: .workdays, after: true, reference: "'namnd[3]'"),
            RuleOffset(amount: 1, unit: .weeks, after: false, reference: "'vp[1]'"),
        ])
        return [
            .duplicateActivity(id: "vb"), .unknownActivity(reference: "namd", role: "after", of: "x", suggestion: "namnd"),
            .dependencyCycle(steps: ["a", "b", "a"]), .cannotBePlaced(activity: "d", blocking: "a"),
            .placedRelativeToCancelled(activity: "protokoll", reference: "namnd[3]"),
            .referencePastLastOccurrence(activity: "y", reference: "namnd[14]", target: "namnd", count: 11),
            .referenceWithoutOccurrences(activity: "y", target: "tom"), .withSeveralOccurrences(activity: "vb", target: "namnd", count: 11),
            .datesFromEmpty(activity: "namnd", source: "kf.ics", year: 2027), .repeatNeverMatches(activity: "blad"),
            .pinnedPushed(label: "'kf[2]'", pinned: day, rule: rule, to: later),
            .placedBeforeRule(label: "'protokoll[3]'", day: day, rule: rule, earliest: later),
            .placedApartFromWith(label: "'vb'", day: day, rule: .sameDay(as: "'namnd[2]'"), sameDay: later),
            .windowMissed(label: "'underlag'", ends: later, deadline: day, rule: rule),
            .beforeNotBefore(label: "'x'", day: day, notBefore: later), .afterNotAfter(label: "'x'", ends: later, notAfter: day),
            .onDayOff(label: "'x'", day: day, reason: "Midsommarafton"), .outsidePlanYear(label: "'x'", day: day, year: 2028),
            .overCapacity(subject: .owner(id: "anna", name: "Anna Berg"), count: 2, period: .day(day), limit: 1, occurrences: ["'a[1]'", "'b[1]'"]),
            .overCapacity(subject: .audience(id: "kunder", name: "Kunder"), count: 4, period: .week(week: 15, year: 2027), limit: 3, occurrences: []),
            .overCapacity(
                subject: .channel(id: "intranat", name: "Intranet"), count: 4, period: .week(week: 15, year: 2027), limit: 3, occurrences: []),
        ]
    }()

    /// One sample of every journal error (the `switch` in `journalKind` proves it).
    static let journalSamples: [JournalError] = [
        .unknownActivity("namd", suggestion: "namnd"), .unknownActivity("x", suggestion: nil), .unknownOccurrence("namnd", 14, count: 11),
        .occurrenceRequired(
            "namnd",
            occurrences: [.init(index: 1, start: "2027-01-26T17:00", cancelled: false), .init(index: 2, start: "2027-02-23", cancelled: true)]),
        .noOccurrences("tom"), .unknownOwner("johann", suggestion: "johan"),
        .nothingToChange(.alreadyOn(occurrence: "namnd[3]", day: Day(iso: "2027-03-24")!, time: TimeOfDay(hour: 17, minute: 0))),
        .nothingToChange(.alreadyCancelled(occurrence: "blad")), .nothingToChange(.allAlreadyCancelled(activity: "blad")),
        .nothingToChange(.alreadyOwned(activity: "vb", owner: "anna")),
        .nothingToChange(.noOccurrenceFrom(activity: "vb", day: Day(iso: "2027-12-01")!)), .nothingToUndo, .dayOutOfRange(Day(iso: "2027-01-01")!),
        .journalFull,
    ]

    static func journalKind(_ error: JournalError) -> String {
        switch error {
        case .unknownActivity: return "unknownActivity"
        case .unknownOccurrence: return "unknownOccurrence"
        case .occurrenceRequired: return "occurrenceRequired"
        case .noOccurrences: return "noOccurrences"
        case .unknownOwner: return "unknownOwner"
        case .nothingToChange(.alreadyOn): return "alreadyOn"
        case .nothingToChange(.alreadyCancelled): return "alreadyCancelled"
        case .nothingToChange(.allAlreadyCancelled): return "allAlreadyCancelled"
        case .nothingToChange(.alreadyOwned): return "alreadyOwned"
        case .nothingToChange(.noOccurrenceFrom): return "noOccurrenceFrom"
        case .nothingToUndo: return "nothingToUndo"
        case .dayOutOfRange: return "dayOutOfRange"
        case .journalFull: return "journalFull"
        }
    }

    /// One sample of every journal command text (plan text in the samples is ASCII, so that
    /// the English check below sees only the catalogue's own words).
    static let changeSamples: [ChangeText] = {
        let day = Day(iso: "2027-03-30")!
        let today = Day(iso: "2027-05-10")!
        return [
            .actionMove(activity: "namnd", occurrence: 3, day: day, time: "17:00"), .actionMove(activity: "vb", occurrence: 1, day: day, time: nil),
            .actionCancel(activity: "namnd", occurrence: 2), .actionCancel(activity: "namnd", occurrence: nil),
            .actionAssign(activity: "namnd", owner: "Eva Sjoberg", from: day), .actionAssign(activity: "vb", owner: "Eva", from: nil),
            .actionUndo(entry: 2), .actionApprove(ref: "FL 2027-03-01 item 4"), .noOwner, .status(.planned), .status(.tentative),
            .status(.cancelled), .stateNew(timing: "Tue 30 Mar"), .stateRemoved(timing: "Tue 30 Mar"), .stateCancelled(timing: "Tue 30 Mar"),
            .stateReinstated(timing: "Tue 30 Mar"), .stateReinstated(timing: nil), .stateOwner(before: "Anna", after: "Eva"),
            .previewApproval(sequence: 1, by: "FL", ref: "FL 1", occurrences: 170, activities: 57, hash: "sha256:x"),
            .previewHeading(action: "move", undoes: nil, sequence: 2, by: "Anna", what: "x"),
            .previewHeading(action: "cancel", undoes: nil, sequence: 2, by: "Anna", what: "x"),
            .previewHeading(action: "assign", undoes: nil, sequence: 2, by: "Anna", what: "x"),
            .previewHeading(action: "undo", undoes: 1, sequence: 2, by: "Anna", what: "x"), .previewFollowing(count: 3), .previewNoChanges,
            .previewFarHeading(count: 1), .previewFar(workdays: 12, later: true, across: "Sommar"),
            .previewFar(workdays: 12, later: false, across: nil), .previewNewConflicts(count: 1), .previewResolvedConflicts(count: 1),
            .refusedHeading, .refusedDayOff(day: day, reason: "Midsommarafton"), .refusedBeforeDependency(conflict: "'vb' x"),
            .refusedAlreadyPast(occurrence: "namnd[2]", day: day, today: today), .refusedOutsidePlanYear(day: day, planYear: 2028),
            .refusedPinned(activity: "kf"), .refusedNewErrors(count: 2),
            .refusedReassignsPast(activity: "namnd", count: 4, first: day, today: today),
            .refusedCancelsPast(activity: "namnd", count: 4, first: day, last: day, today: today), .refusedFooter,
            .historyTitle(title: "Plan", id: "p", journal: "p.journal.jsonl"), .historyEmpty, .historyCount(entries: 3, zone: "Europe/Stockholm"),
            .historyColumns, .historyUndoneBy(entry: 3), .historyNotApplied, .deviationsNotApproved,
            .deviationsApproved(at: "2027-03-01 11:00", by: "FL", ref: "FL 1", sequence: 1), .deviationsNone, .deviationsCount(count: 2),
            .deviationKind(.moved), .deviationKind(.cancelled), .deviationKind(.reinstated), .deviationKind(.statusChanged),
            .deviationKind(.reassigned), .deviationKind(.added), .deviationKind(.removed), .causeFollowing, .causeEditedInPlanFile,
            .minutesTitle(title: "Plan"), .minutesNotApproved, .minutesApproved(day: "2027-03-01", by: "FL", ref: "FL 1"), .minutesNone,
            .minutesCount(count: 2), .minutesTableHead, .minutesFollowing, .minutesEntry(sequence: 2, at: "2027-03-01 11:00", by: "Anna"),
            .minutesReason(reason: "x"), .minutesAlsoEdited(count: 1), .minutesHandEditsHeading, .minutesHandEditsText, .minutesProposal,
            .headlineMove(occurrence: "Meeting (3/11)", day: day, time: "17:00"), .headlineCancel(occurrence: "Meeting (2/11)"),
            .headlineCancelAll(activity: "Meeting"), .headlineAssign(activity: "Meeting", owner: "Eva", from: day),
            .headlineUndo(entry: 2, action: nil), .headlineApprove(ref: "FL 1"), .statusJournal(path: "j", entries: 3, changes: 2),
            .statusNoJournal(path: "j"), .statusApproved(at: "2027-03-01 11:00", by: "FL", ref: "FL 1", sequence: 1),
            .statusSince(changes: 1, planFileChanged: true), .statusSince(changes: 0, planFileChanged: false), .statusDeviations(count: 0),
            .statusDeviations(count: 2), .statusNotApproved, .statusConflicts(errors: 0, warnings: 1), .statusNotes(count: 1),
        ]
    }()

    static let messages: [Message] =
        HelpText.allCases.map(Message.help) + commandSamples.map(Message.command) + scheduleSamples.map(Message.schedule)
        + journalSamples.map(Message.journal) + changeSamples.map(Message.change)

    /// Words that are English and never Swedish, as they would appear in running text.
    static let englishWords = ["the ", "error", "warning", "activity", "activities", "occurrence", " is not", "must ", "write "]

    @Test func theSamplesCoverEveryMessage() {
        #expect(Set(Self.commandSamples.map(\.kind)) == Set(CommandText.Kind.allCases))
        #expect(Set(Self.scheduleSamples.map(\.kind)) == Set(ScheduleText.Kind.allCases))
        #expect(Set(Self.journalSamples.map(Self.journalKind)).count == 13)
        #expect(Set(Self.changeSamples.map(\.kind)) == Set(ChangeText.Kind.allCases))
    }

    @Test(arguments: Self.messages)
    func everyMessageHasATextInBothLanguagesAndTheyDiffer(_ message: Message) {
        let swedish = message.text(in: .swedish)
        let english = message.text(in: .english)
        #expect(!swedish.isEmpty)
        #expect(!english.isEmpty)
        #expect(swedish != english)
    }

    @Test(arguments: Self.messages)
    func englishHasNoSwedishLettersAndSwedishNoEnglishWords(_ message: Message) {
        let english = message.text(in: .english)
        #expect(!english.contains { "åäöÅÄÖ".contains($0) }, "\(english)")
        // Option names (`--occurrence`) are the same in both languages.
        let swedish = message.text(in: .swedish).lowercased().split(separator: " ").filter { !$0.hasPrefix("--") }
            .joined(separator: " ")
        for word in Self.englishWords {
            #expect(!swedish.contains(word), "'\(word)' in \(swedish)")
        }
    }

    @Test func severityDatesAndCountsAreInTheLanguage() {
        let swedish = Language.swedish.catalogue
        let english = Language.english.catalogue
        #expect(swedish.severity(.error) == "fel" && swedish.severity(.warning) == "varning")
        #expect(english.severity(.error) == "error" && english.severity(.warning) == "warning")
        let day = Day(iso: "2027-03-25")!
        #expect(swedish.shortDate(day) == "tor 25 mar")
        #expect(english.shortDate(day) == "Thu 25 Mar")
        #expect(swedish.longDate(day) == "torsdag 25 mars 2027")
        #expect(english.longDate(day) == "Thursday 25 March 2027")
        #expect(swedish.count(1, .warning) == "1 varning" && swedish.count(2, .warning) == "2 varningar")
        #expect(english.count(1, .activity) == "1 activity" && english.count(3, .activity) == "3 activities")
        #expect(swedish.count(2, .error) == "2 fel" && english.count(2, .error) == "2 errors")
    }

    @Test func aDiagnosticIsPrintedWithTheSeverityInTheLanguage() {
        let diagnostic = Diagnostic(
            severity: .error, code: .unknownKey, text: .command(.journalMustNameFile), file: "Plans/x.yaml",
            location: SourceLocation(line: 12, column: 5))
        #expect(diagnostic.description(in: .swedish) == "Plans/x.yaml:12:5: fel: --journal måste ange en fil. [unknown_key]")
        #expect(diagnostic.description(in: .english) == "Plans/x.yaml:12:5: error: --journal must name a file. [unknown_key]")
        #expect(diagnostic.description == diagnostic.description(in: .swedish))
    }

    @Test(arguments: [
        ("sv", Language.swedish), ("en", .english), ("EN", .english), ("en_GB.UTF-8", .english), ("sv-SE", .swedish),
    ])
    func languageCodes(code: String, language: Language) {
        #expect(Language(code: code) == language)
    }

    @Test(arguments: ["de", "", "english", "e", "svenska"])
    func unknownLanguageCodes(code: String) {
        #expect(Language(code: code) == nil)
    }
}

extension Conflict {
    /// The conflict's text in English, for tests of its English wording.
    var english: String { text.text(in: .english) }
}
