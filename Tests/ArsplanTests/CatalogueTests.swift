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
        .exportFirstState(path: "Plans/x.published.json"), .exportNoChanges(path: "Plans/x.published.json"),
        .exportChangeCounts(added: 1, changed: 2, removed: 0, path: "Plans/x.published.json", saved: true),
        .exportPreviewFirst(path: "Plans/x.published.json", events: 170), .exportPreviewNoChanges, .exportPreviewHeading(events: 2),
        .exportPreviewAdded(uid: "sf-2027-vb-1", start: EventStart("2027-03-02T10:00"), title: "Nyhetsbrev"),
        .exportPreviewContentChanged(uid: "sf-2027-vb-1", start: EventStart("2027-03-02"), title: "", sequence: 0, newSequence: 1),
        .exportPreviewMoved(
            uid: "sf-2027-vb-1", from: EventStart("2027-03-02"), to: EventStart("2027-03-09T08:30"), title: "Nyhetsbrev", sequence: 1,
            newSequence: 2),
        .exportPreviewRemoved(uid: "sf-2027-vb-1", start: EventStart("2027-03-02"), title: "Nyhetsbrev", cancelled: true),
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
            .timeInClockGap(activity: "x", time: "02:30", day: day, zone: "Europe/Stockholm"),
            .timeTwice(activity: "x", time: "02:30", day: day, zone: "Europe/Stockholm"),
            .referenceTargetChanged(activity: "x", reference: "kf[2]", was: day, approval: "FL 1", now: later, movedTo: "kf[3]"),
            .referenceTargetChanged(activity: "x", reference: "kf[2]", was: day, approval: "FL 1", now: nil, movedTo: nil),
            .repeatOverLimit(activity: "x", count: 20_000, limit: 10_000), .occurrencesOverLimit(activity: "x", count: 20_000, limit: 10_000),
            .planOccurrencesOverLimit(activity: "x", limit: 200_000),
            .outsideReachableYears(label: "'x[2]'", day: later, year: 2027, from: 2017, to: 2037, around: 10, first: 1900, last: 2200),
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

    /// One sample of every plan-reader text (at least one per kind).
    static let planSamples: [PlanText] = {
        let day = Day(iso: "2027-03-23")!
        let later = Day(iso: "2027-03-30")!
        let at = SourceLocation(line: 4, column: 3)
        return [
            .fileTooLarge(bytes: 70_000_000, limit: 67_108_864), .notUTF8(byte: 0xE5, offset: 120),
            .yamlSyntax(problem: "mapping values are not allowed in this context", context: nil, contextAt: nil),
            .yamlSyntax(problem: "did not find expected key", context: "while parsing a block mapping", contextAt: at),
            .yamlSyntax(problem: "some new libyaml problem", context: nil, contextAt: nil),
            .valueTooLong(bytes: 2_000_000, limit: 1_048_576), .nestingTooDeep(limit: 64), .aliasWithoutAnchor(name: "ansvarig"),
            .secondDocument, .emptyFile, .fileNotAMapping(found: .list), .unsupportedFormat(format: 2), .missingPlanSection,
            .unknownKey(key: "titel", in: .section("plan"), suggestion: "title"), .unknownKey(key: "x", in: .file, suggestion: nil),
            .unknownKey(key: "epost", in: .entry(.owner, id: "anna"), suggestion: "email"),
            .unknownKey(key: "onwer", in: .activity("vb"), suggestion: "owner"), .unknownKey(key: "x", in: .closedPeriod, suggestion: nil),
            .mergeKey, .duplicateKey(key: "title", in: .activity(nil), first: at), .duplicateKey(key: "a", in: nil, first: at),
            .keyNotText(in: .entry(.channel, id: nil), found: .mapping), .duplicateID(kind: .goal, id: "aktiv", first: at),
            .invalidGroupID(kind: .unit, id: "kc cc"),
            .wrongType(key: "owners", expected: .mapping, found: .text("anna"), hint: .section("owners")),
            .wrongType(key: "x", expected: .text, found: .empty, hint: .ownerFields),
            .wrongType(key: "x", expected: .wholeNumber, found: .list, hint: .capacityFields),
            .wrongType(key: "x", expected: .trueOrFalse, found: .text("kanske"), hint: .nameField),
            .wrongType(key: "x", expected: .date, found: .mapping, hint: .repeatFields),
            .wrongType(key: "closed", expected: .list(.closedPeriods), found: .text("x"), hint: nil),
            .wrongType(key: "activities", expected: .list(.activityItems), found: .mapping, hint: nil),
            .wrongType(key: "dates", expected: .list(.dates), found: .mapping, hint: nil),
            .wrongType(key: "after", expected: .list(.activities), found: .mapping, hint: nil),
            .wrongType(key: "audiences", expected: .list(.audiences), found: .mapping, hint: nil),
            .wrongType(key: "channels", expected: .list(.channels), found: .mapping, hint: nil),
            .wrongType(key: "goals", expected: .list(.goals), found: .mapping, hint: nil),
            .wrongType(key: "except-months", expected: .list(.months), found: .mapping, hint: nil),
            .noValue(key: "title"), .invalidID(text: "a b"), .notPositive(key: "max-per-day", value: 0),
            .dateOutOfRange(text: "1850-01-01", from: 1900, to: 2200), .noSuchMonth(text: "2027-13-01", month: 13),
            .noSuchDay(text: "2027-02-30", month: 2, year: 2027, days: 28, day: 30), .dateWithTime(text: "2027-03-30T17:00"),
            .dateDigits(text: "2027-4-1", written: "2027-04-01"), .notADate(text: "27 januari"), .notAnEmail(text: "anna"),
            .planHasNo(key: "year"), .yearOutOfRange(year: 1850), .unknownTimeZone(zone: "Europe/Stokholm", suggestion: "Europe/Stockholm"),
            .unknownTimeZone(zone: "Mars", suggestion: nil), .unknownHolidays(value: "sverige", suggestion: "sweden"),
            .closedPeriodNotAMapping(found: .text("juli")), .closedDateAndRange, .closedNeedsDates, .closedFromWithoutTo,
            .closedToWithoutFrom, .closedEndsBeforeStart(name: "Sommar", from: later, to: day),
            .activityNotAMapping(found: .text("vb")), .activityHasNo(activity: "vb", key: "title"), .activityHasNo(activity: nil, key: "id"),
            .noPlacement(activity: "vb"), .multiplePlacements(activity: "vb", keys: ["date", "repeat", "with"]), .datesEmpty,
            .tooManyDates(count: 20_000, limit: 10_000), .afterEmpty, .beforeList, .forEachOccurrence(text: "namnd[2]"),
            .forEachPlacement(key: "date"), .withOffset(text: "vb + 1 workday"), .afterMinus(reference: "vb", amount: 2, unit: .workdays),
            .beforePlus(reference: "vb", amount: 1, unit: .weeks),
            .expression(.unknownUnit(word: "workdys", suggestion: "workdays"), key: "after", text: "vb + 2 workdys"),
            .expression(.notATime(text: "25:00"), key: nil, text: nil), .unknownStatus(text: "inställd", suggestion: "cancelled"),
            .durationWithoutTime(duration: "3h", activity: "workshop"), .notAfterBeforeNotBefore(notAfter: day, notBefore: later),
            .dayOfMonth(found: .text("32")), .exceptMonths(found: .text("13")), .repeatNeedsEvery, .weeklyDayOfMonth,
            .weeklyNth(weekday: .tuesday), .weeklyNeedsWeekday, .monthlyOnAndDayOfMonth, .monthlyNeedsWhich(weekday: .tuesday),
            .monthlyNeedsDay, .untilBeforeFrom(until: day, from: later), .repeatTooMany(count: 52_000, limit: 10_000),
            .unknownID(kind: .owner, id: "anna", suggestion: "anna-b"), .unknownID(kind: .goal, id: "aktivt", suggestion: nil),
            .unknownID(kind: .audience, id: "kunder", suggestion: nil), .unknownID(kind: .channel, id: "intranät", suggestion: "intranat"),
            .unknownID(kind: .unit, id: "kcc", suggestion: "kc"), .unknownActivity(id: "vb2", key: "after", suggestion: "vb"),
            .missingOccurrence(reference: "namnd[4]", key: "after", id: "namnd", count: 3),
            .missingOccurrence(reference: "vb[2]", key: "with", id: "vb", count: 1), .activityWithoutOwner(activity: "vb"),
            .duplicateDate(date: day, first: at), .formatNote, .keysHere(keys: ["id", "title"]),
            .idsDefined(kind: .owner, ids: ["anna", "hr"], more: true), .noIDsDefined(kind: .channel), .secondDocumentNote, .tabNote,
            .bracketNote(reference: "namnd[2]"), .quoteValueNote(line: "    title: \"T2: Tertialrapport\""), .indentationNote(column: 5),
            .nameForIDNote(id: "hr", name: "Sofia Ek"), .commaListNote(items: ["medarbetare", "chefer"]), .ownersDefinedNote,
        ]
    }()

    /// One sample of every expression text.
    static let expressionSamples: [ExpressionText] = [
        .expectedIDFound(character: "+"), .expectedID, .expectedOccurrenceNumber(id: "vb"), .occurrenceFromOne(id: "vb"),
        .unexpectedAfter(rest: "extra", after: "2 workdays"), .offsetOverLimit(amount: 9000, unit: .days, limit: 3660),
        .offsetOverLimit(amount: 900, unit: .weeks, limit: 520), .offsetOverLimit(amount: 9000, unit: .workdays, limit: 2600),
        .expectedSign(reference: "vb", found: "* 2 workdays"), .offsetTooLarge(digits: "99999999999999999999", maxDays: 3660),
        .expectedNumber(sign: "+", reference: "vb"), .missingUnit(amount: 2), .unknownUnit(word: "months", suggestion: nil),
        .durationOverLimit(text: "9999h", limit: 14400, unit: .minutes), .durationOverLimit(text: "999d", limit: 260, unit: .workdays),
        .durationOverLimit(text: "99w", limit: 52, unit: .weeks), .durationWithoutUnit(text: "3"), .notADuration(text: "lång"),
        .durationZero(text: "0h"), .notATime(text: "25:00"), .notAWeekday(text: "helg"), .unknownWeekday(word: "tisdg", suggestion: "tisdag"),
        .weekdayExpected(word: "x"), .unknownOrdinal(word: "sixth", suggestion: "fifth"), .notARepeatDay(text: "a b c"),
        .notAFrequency(text: "fortnight"), .intervalZero(text: "0 weeks"), .repeatOverLimit(text: "99 months", limit: 60, unit: .months),
        .unknownFrequencyUnit(word: "veckr", suggestion: "veckor"),
    ]

    /// One sample of every file text.
    static let fileSamples: [FileText] = {
        let day = Day(iso: "2027-03-23")!
        return [
            .journalTornLine(kept: 1), .journalTornLine(kept: 2), .journalTornLineRemoved(bytes: 12, removed: "{v:1"),
            .journalInvalidLine(.missingKey("by", in: nil)), .journalInvalidLine(.missingKey("start", in: "schedule.0")),
            .journalInvalidLine(.wrongType("seq")), .journalInvalidLine(.notAnObject),
            .journalInvalidLine(.outOfRange(key: "seq", from: 1, to: 999_999_999, value: 0)),
            .journalInvalidLine(.dayOutOfRange(key: "day", from: 1900, to: 2200, day: Day(iso: "2300-01-01")!)),
            .journalInvalidLine(.versionBelowOne(0)), .journalInvalidLine(.notATime("igår")), .journalInvalidLine(.unknownAction("flytta")),
            .journalInvalidLine(.notARange(start: "x", end: "y")),
            .journalInvalidLine(.rangeOutsideYears(start: "2300-01-01", end: "2300-01-02", from: 1900, to: 2200)),
            .journalInvalidLine(.decoder("Not a date: 'x'")), .journalNewerVersion(version: 2, reads: 1),
            .journalDuplicateEntry(sequence: 3, firstLine: 1), .journalUnreadable(reason: .system(.permissionDenied)),
            .journalUnwritable(reason: .openForAppending(.notAFolderInPath)), .journalUnwritable(reason: .lock(.readOnly)),
            .journalUnwritable(reason: .removeTornLine(.noSpace)), .journalUnwritable(reason: .create(directory: ".", .folderMissing)),
            .journalUnwritable(reason: .keptBeingReplaced), .journalUnwritable(reason: .encode("x")),
            .journalUnwritable(reason: .system(.isAFolder)), .journalUnwritable(reason: .system(.tooLarge)),
            .journalUnwritable(reason: .system(.symlinkLoop)), .journalUnwritable(reason: .system(.other("Input/output error"))),
            .journalNotAFile(kind: .folder), .journalNotAFile(kind: .device), .journalNotAFile(kind: .socket),
            .journalNotAFile(kind: .other),
            .journalNotAFile(kind: .namedPipe), .journalDanglingLink(target: "gone/j.jsonl"),
            .entryNotApplied(sequence: 1, action: "cancel", problem: .activityGone("kc-chatt")),
            .entryNotApplied(sequence: 1, action: "move", problem: .noOccurrence(activity: "namnd", occurrence: 14, count: 11)),
            .entryNotApplied(sequence: 1, action: "assign", problem: .ownerGone("anna")),
            .entryOccurrenceChanged(
                sequence: 1, action: "cancel", occurrence: 3, activity: "namnd", day: day, uid: "u1", now: "u2", nowDay: day, movedTo: 4),
            .entryOccurrenceChanged(
                sequence: 1, action: "cancel", occurrence: 3, activity: "namnd", day: day, uid: "u1", now: nil, nowDay: day, movedTo: nil),
            .undoNotEarlier(sequence: 2, target: 9), .undoAlreadyUndone(sequence: 3, target: 1, by: 2), .undoNotApplied(sequence: 3, target: 1),
            .undoNotAChange(sequence: 3, target: 1), .approvalAltered(sequence: 4),
            .datesFrom(activity: "namnd", problem: .calendarUnreadable(path: "kf.ics")), .calendarUnreadable(path: "kf.ics"),
            .calendarPathNote, .libicalWarning(message: "Parse error in property name"),
            .libicalWarningNote(activity: "namnd", at: "Plans/x.yaml:18:5"), .unknownTimeZone(name: "Europe/Stokholm"),
            .libicalFailed(what: "icalcomponent_new"), .unparsableCalendar(file: "kf.ics", problems: ["a", "b"], more: 3),
            .noEventsInYear(file: "kf.ics", year: 2027), .unknownEventTimeZone(file: "kf.ics", tzid: "Mars", line: 12),
            .zoneRuleTooLong(file: "kf.ics", tzid: "Daglig", line: 5, steps: 20_000, stepsPerFile: 1_000_000),
            .eventCut(summary: "Regel", uid: "r@x", from: Day(iso: "2027-03-01"), year: 2027, steps: 20_000, stepsPerFile: 1_000_000),
            .eventCut(summary: nil, uid: "r@x", from: nil, year: 2027, steps: 20_000, stepsPerFile: 1_000_000),
            .eventCutNote(activity: "kf", at: "p.yaml:3:5"),
            .noEventsReadInYear(file: "kf.ics", year: 2027, cutEvents: 1, first: "Regel"),
            .noEventsReadInYear(file: "kf.ics", year: 2027, cutEvents: 3, first: "r@x"), .notACalendar(file: "kf.ics"),
            .planUnreadable(reason: "ENOENT"), .publicationStateNotSaved(reason: "ENOSPC"),
            .publicationStateUnreadable(path: "Plans/x.published.json", reason: .system("Permission denied")),
            .publicationStateUnreadable(path: "Plans/x.published.json", reason: .notAState(.notAnObject)),
            .publicationStateUnreadable(
                path: "Plans/x.published.json", reason: .wrongFormat(found: "arsplan-publication-2", expected: "arsplan-publication-1")),
            .publicationStateUnreadable(path: "Plans/x.published.json", reason: .badStamp(uid: "u", stamp: "igår")),
            .publicationStateUnreadable(path: "Plans/x.published.json", reason: .negativeSequence(uid: "u", sequence: -1)),
            .publicationStateUnreadable(path: "Plans/x.published.json", reason: .badFingerprint(uid: "u", fingerprint: "xyz")),
            .exportIntoRootOrHome(path: "/", home: false), .exportIntoRootOrHome(path: "~", home: true),
            .exportFolderHoldsProtected(path: "Plans", file: "Plans/x.yaml"), .exportFolderUnexaminable(path: "x", reason: "EACCES"),
            .exportFolderNotAFolder(path: "x"), .exportFolderUnreadable(path: "x", reason: "EACCES"),
            .exportMarkerInvalid(path: "x", marker: ".arsplan-export"), .exportFolderOfAnotherPlan(path: "x", owner: "a", plan: "b"),
            .exportFolderHoldsOtherFiles(path: "webb", files: ["a.html", "b.css", "c.js"], more: true),
        ]
    }()

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
        + journalSamples.map(Message.journal) + planSamples.map(Message.plan) + expressionSamples.map(Message.expression)
        + fileSamples.map(Message.file) + changeSamples.map(Message.change)

    /// Words that are English and never Swedish, as they would appear in running text.
    static let englishWords = ["the ", "error", "warning", "activity", "activities", "occurrence", " is not", "must ", "write "]

    @Test func theSamplesCoverEveryMessage() {
        #expect(Set(Self.commandSamples.map(\.kind)) == Set(CommandText.Kind.allCases))
        #expect(Set(Self.scheduleSamples.map(\.kind)) == Set(ScheduleText.Kind.allCases))
        #expect(Set(Self.journalSamples.map(Self.journalKind)).count == 13)
        #expect(Set(Self.planSamples.map(\.kind)) == Set(PlanText.Kind.allCases))
        #expect(Set(Self.expressionSamples.map(\.kind)) == Set(ExpressionText.Kind.allCases))
        #expect(Set(Self.fileSamples.map(\.kind)) == Set(FileText.Kind.allCases))
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
        // Quoted text ('vb2', "namnd[2]") is the plan's or a key's, the same in both languages.
        let english = outsideQuotes(message.text(in: .english))
        #expect(!english.contains { "åäöÅÄÖ".contains($0) }, "\(english)")
        // Option names (`--occurrence`) are the same in both languages.
        let swedish = outsideQuotes(message.text(in: .swedish)).lowercased().split(separator: " ")
            .filter { !$0.hasPrefix("--") }.joined(separator: " ")
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

extension ReplayNote {
    /// The note in English, as the tests state it.
    var english: String { Message.file(text).text(in: .english) }
}

/// `text` without what it quotes ('…' or "…"): the plan's ids, keys and values as written.
/// A quote opens after a space or bracket (or at the start) and closes before anything but
/// a letter, so an apostrophe inside a word ("file's") is not taken for one.
func outsideQuotes(_ text: String) -> String {
    let characters = Array(text)
    var result = ""
    var i = 0
    while i < characters.count {
        let c = characters[i]
        if c == "'" || c == "\"", i == 0 || " ([{:".contains(characters[i - 1]) {
            var j = i + 1
            while j < characters.count, !(characters[j] == c && (j + 1 == characters.count || !characters[j + 1].isLetter)) { j += 1 }
            if j < characters.count {
                result += " "
                i = j + 1
                continue
            }
        }
        result.append(c)
        i += 1
    }
    return result
}
