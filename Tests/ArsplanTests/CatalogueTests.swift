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
        .exportUnchanged(directory: "Exports/x", feeds: 44, events: 170), .exportPlanHasErrors, .exportUnusablePlanID(id: ".."),
        .exportWriteFailed(reason: "ENOSPC", directory: "Exports/x"),
        .unknownLanguage(text: "de"), .optionNotADate(option: "--from", text: "1 mars"), .fromAfterTo, .outAndWheelMustNameFile,
        .notApprovedYet, .cannotWrite(path: "x.html", reason: "EACCES"), .approvalUnchanged(approval: 4, ref: "FL 2027-03-01 item 4"),
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
        .nothingToChange(.alreadyOwned(activity: "vb", owner: "anna")), .nothingToUndo, .dayOutOfRange(Day(iso: "2027-01-01")!), .journalFull,
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
        case .nothingToUndo: return "nothingToUndo"
        case .dayOutOfRange: return "dayOutOfRange"
        case .journalFull: return "journalFull"
        }
    }

    static let messages: [Message] =
        HelpText.allCases.map(Message.help) + commandSamples.map(Message.command) + scheduleSamples.map(Message.schedule)
        + journalSamples.map(Message.journal)

    /// Words that are English and never Swedish, as they would appear in running text.
    static let englishWords = ["the ", "error", "warning", "activity", "activities", "occurrence", " is not", "must ", "write "]

    @Test func theSamplesCoverEveryMessage() {
        #expect(Set(Self.commandSamples.map(\.kind)) == Set(CommandText.Kind.allCases))
        #expect(Set(Self.scheduleSamples.map(\.kind)) == Set(ScheduleText.Kind.allCases))
        #expect(Set(Self.journalSamples.map(Self.journalKind)).count == 12)
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
