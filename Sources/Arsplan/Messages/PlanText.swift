/// What the plan reader says about a plan file: YAML syntax, limits, keys, types, values,
/// placements, repeats and references. Ids, keys and the text as written are facts (shown
/// in quotes, as written); the words around them are the language's.
public enum PlanText: Hashable, Sendable {
    // The file as a whole, YAML and limits.
    case fileTooLarge(bytes: Int, limit: Int)
    case notUTF8(byte: UInt8, offset: Int)
    /// libyaml's `problem` (and `context`, with where it points), as libyaml words it.
    case yamlSyntax(problem: String, context: String?, contextAt: SourceLocation?)
    case valueTooLong(bytes: Int, limit: Int)
    case nestingTooDeep(limit: Int)
    case aliasWithoutAnchor(name: String)
    case secondDocument
    case emptyFile
    case fileNotAMapping(found: PlanFound)
    case unsupportedFormat(format: Int)
    case missingPlanSection

    // Keys.
    case unknownKey(key: String, in: PlanPlace, suggestion: String?)
    case mergeKey
    /// `in` is nil for a key in a mapping that was not read ("the same mapping").
    case duplicateKey(key: String, in: PlanPlace?, first: SourceLocation)
    case keyNotText(in: PlanPlace, found: PlanFound)
    case duplicateID(kind: IDKind, id: String, first: SourceLocation)
    case invalidGroupID(kind: IDKind, id: String)

    // Values.
    case wrongType(key: String, expected: PlanExpected, found: PlanFound, hint: PlanHint?)
    case noValue(key: String)
    case invalidID(text: String)
    case notPositive(key: String, value: Int)
    case dateOutOfRange(text: String, from: Int, to: Int)
    case noSuchMonth(text: String, month: Int)
    case noSuchDay(text: String, month: Int, year: Int, days: Int, day: Int)
    case dateWithTime(text: String)
    case dateDigits(text: String, written: String)
    case notADate(text: String)
    case notAnEmail(text: String)

    // The plan and calendar sections.
    case planHasNo(key: String)
    case yearOutOfRange(year: Int)
    case unknownTimeZone(zone: String, suggestion: String?)
    case unknownHolidays(value: String, suggestion: String?)
    case closedPeriodNotAMapping(found: PlanFound)
    case closedDateAndRange
    case closedNeedsDates
    case closedFromWithoutTo
    case closedToWithoutFrom
    case closedEndsBeforeStart(name: String, from: Day, to: Day)

    // Activities.
    case activityNotAMapping(found: PlanFound)
    /// `activity` is the id as written, when there is one.
    case activityHasNo(activity: String?, key: String)
    case noPlacement(activity: String?)
    case multiplePlacements(activity: String?, keys: [String])
    case datesEmpty
    case tooManyDates(count: Int, limit: Int)
    case afterEmpty
    case beforeList
    case forEachOccurrence(text: String)
    case forEachPlacement(key: String)
    case withOffset(text: String)
    case afterMinus(reference: String, amount: Int, unit: OffsetUnit)
    case beforePlus(reference: String, amount: Int, unit: OffsetUnit)
    /// A malformed reference, offset, duration, time or repeat word, in `key: text` as written.
    case expression(ExpressionText, key: String?, text: String?)
    case unknownStatus(text: String, suggestion: String?)
    case durationWithoutTime(duration: String, activity: String?)
    case notAfterBeforeNotBefore(notAfter: Day, notBefore: Day)

    // Repeats.
    case dayOfMonth(found: PlanFound)
    case exceptMonths(found: PlanFound)
    case repeatNeedsEvery
    case weeklyDayOfMonth
    case weeklyNth(weekday: Weekday)
    case weeklyNeedsWeekday
    case monthlyOnAndDayOfMonth
    case monthlyNeedsWhich(weekday: Weekday)
    case monthlyNeedsDay
    case untilBeforeFrom(until: Day, from: Day)
    case repeatTooMany(count: Int, limit: Int)

    // References.
    case unknownID(kind: IDKind, id: String, suggestion: String?)
    case unknownActivity(id: String, key: String, suggestion: String?)
    case missingOccurrence(reference: String, key: String, id: String, count: Int)

    // Warnings.
    case activityWithoutOwner(activity: String)
    case duplicateDate(date: Day, first: SourceLocation)

    // Notes under an error.
    case formatNote
    case keysHere(keys: [String])
    case idsDefined(kind: IDKind, ids: [String], more: Bool)
    case noIDsDefined(kind: IDKind)
    case secondDocumentNote
    case tabNote
    case bracketNote(reference: String)
    case quoteValueNote(line: String)
    case indentationNote(column: Int)
    case nameForIDNote(id: String, name: String)
    case commaListNote(items: [String])
    case ownersDefinedNote

    public enum Kind: CaseIterable, Sendable {
        case fileTooLarge, notUTF8, yamlSyntax, valueTooLong, nestingTooDeep, aliasWithoutAnchor, secondDocument
        case emptyFile, fileNotAMapping, unsupportedFormat, missingPlanSection
        case unknownKey, mergeKey, duplicateKey, keyNotText, duplicateID, invalidGroupID
        case wrongType, noValue, invalidID, notPositive, dateOutOfRange, noSuchMonth, noSuchDay, dateWithTime
        case dateDigits, notADate, notAnEmail
        case planHasNo, yearOutOfRange, unknownTimeZone, unknownHolidays, closedPeriodNotAMapping
        case closedDateAndRange, closedNeedsDates, closedFromWithoutTo, closedToWithoutFrom, closedEndsBeforeStart
        case activityNotAMapping, activityHasNo, noPlacement, multiplePlacements, datesEmpty, tooManyDates
        case afterEmpty, beforeList, forEachOccurrence, forEachPlacement, withOffset, afterMinus, beforePlus
        case expression, unknownStatus, durationWithoutTime, notAfterBeforeNotBefore
        case dayOfMonth, exceptMonths, repeatNeedsEvery, weeklyDayOfMonth, weeklyNth, weeklyNeedsWeekday
        case monthlyOnAndDayOfMonth, monthlyNeedsWhich, monthlyNeedsDay, untilBeforeFrom, repeatTooMany
        case unknownID, unknownActivity, missingOccurrence, activityWithoutOwner, duplicateDate
        case formatNote, keysHere, idsDefined, noIDsDefined, secondDocumentNote, tabNote, bracketNote
        case quoteValueNote, indentationNote, nameForIDNote, commaListNote, ownersDefinedNote
    }

    public var kind: Kind {
        switch self {
        case .fileTooLarge: return .fileTooLarge
        case .notUTF8: return .notUTF8
        case .yamlSyntax: return .yamlSyntax
        case .valueTooLong: return .valueTooLong
        case .nestingTooDeep: return .nestingTooDeep
        case .aliasWithoutAnchor: return .aliasWithoutAnchor
        case .secondDocument: return .secondDocument
        case .emptyFile: return .emptyFile
        case .fileNotAMapping: return .fileNotAMapping
        case .unsupportedFormat: return .unsupportedFormat
        case .missingPlanSection: return .missingPlanSection
        case .unknownKey: return .unknownKey
        case .mergeKey: return .mergeKey
        case .duplicateKey: return .duplicateKey
        case .keyNotText: return .keyNotText
        case .duplicateID: return .duplicateID
        case .invalidGroupID: return .invalidGroupID
        case .wrongType: return .wrongType
        case .noValue: return .noValue
        case .invalidID: return .invalidID
        case .notPositive: return .notPositive
        case .dateOutOfRange: return .dateOutOfRange
        case .noSuchMonth: return .noSuchMonth
        case .noSuchDay: return .noSuchDay
        case .dateWithTime: return .dateWithTime
        case .dateDigits: return .dateDigits
        case .notADate: return .notADate
        case .notAnEmail: return .notAnEmail
        case .planHasNo: return .planHasNo
        case .yearOutOfRange: return .yearOutOfRange
        case .unknownTimeZone: return .unknownTimeZone
        case .unknownHolidays: return .unknownHolidays
        case .closedPeriodNotAMapping: return .closedPeriodNotAMapping
        case .closedDateAndRange: return .closedDateAndRange
        case .closedNeedsDates: return .closedNeedsDates
        case .closedFromWithoutTo: return .closedFromWithoutTo
        case .closedToWithoutFrom: return .closedToWithoutFrom
        case .closedEndsBeforeStart: return .closedEndsBeforeStart
        case .activityNotAMapping: return .activityNotAMapping
        case .activityHasNo: return .activityHasNo
        case .noPlacement: return .noPlacement
        case .multiplePlacements: return .multiplePlacements
        case .datesEmpty: return .datesEmpty
        case .tooManyDates: return .tooManyDates
        case .afterEmpty: return .afterEmpty
        case .beforeList: return .beforeList
        case .forEachOccurrence: return .forEachOccurrence
        case .forEachPlacement: return .forEachPlacement
        case .withOffset: return .withOffset
        case .afterMinus: return .afterMinus
        case .beforePlus: return .beforePlus
        case .expression: return .expression
        case .unknownStatus: return .unknownStatus
        case .durationWithoutTime: return .durationWithoutTime
        case .notAfterBeforeNotBefore: return .notAfterBeforeNotBefore
        case .dayOfMonth: return .dayOfMonth
        case .exceptMonths: return .exceptMonths
        case .repeatNeedsEvery: return .repeatNeedsEvery
        case .weeklyDayOfMonth: return .weeklyDayOfMonth
        case .weeklyNth: return .weeklyNth
        case .weeklyNeedsWeekday: return .weeklyNeedsWeekday
        case .monthlyOnAndDayOfMonth: return .monthlyOnAndDayOfMonth
        case .monthlyNeedsWhich: return .monthlyNeedsWhich
        case .monthlyNeedsDay: return .monthlyNeedsDay
        case .untilBeforeFrom: return .untilBeforeFrom
        case .repeatTooMany: return .repeatTooMany
        case .unknownID: return .unknownID
        case .unknownActivity: return .unknownActivity
        case .missingOccurrence: return .missingOccurrence
        case .activityWithoutOwner: return .activityWithoutOwner
        case .duplicateDate: return .duplicateDate
        case .formatNote: return .formatNote
        case .keysHere: return .keysHere
        case .idsDefined: return .idsDefined
        case .noIDsDefined: return .noIDsDefined
        case .secondDocumentNote: return .secondDocumentNote
        case .tabNote: return .tabNote
        case .bracketNote: return .bracketNote
        case .quoteValueNote: return .quoteValueNote
        case .indentationNote: return .indentationNote
        case .nameForIDNote: return .nameForIDNote
        case .commaListNote: return .commaListNote
        case .ownersDefinedNote: return .ownersDefinedNote
        }
    }
}

/// Where in a plan file a key stands, as a message names it ("in activity 'vb'").
public enum PlanPlace: Hashable, Sendable {
    case file
    /// A section or mapping named by its key: `'plan'`, `'calendar'`, `'repeat'`.
    case section(String)
    case closedPeriod
    /// An entry of `owners:`, `audiences:`, …; `id` nil for the section's keys themselves.
    case entry(IDKind, id: String?)
    /// An activity, by its id when it has one.
    case activity(String?)
}

/// The kinds of things a plan names by id.
public enum IDKind: String, Hashable, Sendable, CaseIterable {
    case owner, audience, channel, unit, goal, activity

    /// The section that defines them: `owners`, `audiences`, ….
    public var section: String { rawValue == "activity" ? "activities" : rawValue + "s" }
}

/// What a value was found to be, for "must be …, not …".
public enum PlanFound: Hashable, Sendable {
    case empty
    /// A scalar, as written (at most 40 characters and "…").
    case text(String)
    case list
    case mapping
}

/// What a value must be.
public enum PlanExpected: Hashable, Sendable {
    case mapping, text, wholeNumber, trueOrFalse, date
    case list(PlanListItem)
}

/// What a list holds.
public enum PlanListItem: Hashable, Sendable {
    case closedPeriods, activityItems, dates, activities, audiences, channels, goals, months
}

/// How to write a mapping that was written as something else.
public enum PlanHint: Hashable, Sendable {
    /// `write 'owners:' then one 'id: {name: …}' per line`.
    case section(String)
    case ownerFields, capacityFields, nameField, repeatFields
}

/// The small languages inside plan-file values: references (`namnd[3]`), offsets
/// (`vb + 2 workdays`), durations, times and the words of `repeat`. Each says what is
/// wrong and, where it helps, what to write instead.
public enum ExpressionText: Hashable, Sendable {
    case expectedIDFound(character: String)
    case expectedID
    case expectedOccurrenceNumber(id: String)
    case occurrenceFromOne(id: String)
    case unexpectedAfter(rest: String, after: String)
    case offsetOverLimit(amount: Int, unit: OffsetUnit, limit: Int)
    case expectedSign(reference: String, found: String)
    case offsetTooLarge(digits: String, maxDays: Int)
    case expectedNumber(sign: String, reference: String)
    case missingUnit(amount: Int)
    case unknownUnit(word: String, suggestion: String?)
    case durationOverLimit(text: String, limit: Int, unit: DurationUnit)
    case durationWithoutUnit(text: String)
    case notADuration(text: String)
    case durationZero(text: String)
    case notATime(text: String)
    case notAWeekday(text: String)
    case unknownWeekday(word: String, suggestion: String)
    case weekdayExpected(word: String)
    case unknownOrdinal(word: String, suggestion: String?)
    case notARepeatDay(text: String)
    case notAFrequency(text: String)
    case intervalZero(text: String)
    case repeatOverLimit(text: String, limit: Int, unit: DurationUnit)
    case unknownFrequencyUnit(word: String, suggestion: String)

    public enum Kind: CaseIterable, Sendable {
        case expectedIDFound, expectedID, expectedOccurrenceNumber, occurrenceFromOne, unexpectedAfter
        case offsetOverLimit, expectedSign, offsetTooLarge, expectedNumber, missingUnit, unknownUnit
        case durationOverLimit, durationWithoutUnit, notADuration, durationZero, notATime, notAWeekday
        case unknownWeekday, weekdayExpected, unknownOrdinal, notARepeatDay, notAFrequency, intervalZero
        case repeatOverLimit, unknownFrequencyUnit
    }

    public var kind: Kind {
        switch self {
        case .expectedIDFound: return .expectedIDFound
        case .expectedID: return .expectedID
        case .expectedOccurrenceNumber: return .expectedOccurrenceNumber
        case .occurrenceFromOne: return .occurrenceFromOne
        case .unexpectedAfter: return .unexpectedAfter
        case .offsetOverLimit: return .offsetOverLimit
        case .expectedSign: return .expectedSign
        case .offsetTooLarge: return .offsetTooLarge
        case .expectedNumber: return .expectedNumber
        case .missingUnit: return .missingUnit
        case .unknownUnit: return .unknownUnit
        case .durationOverLimit: return .durationOverLimit
        case .durationWithoutUnit: return .durationWithoutUnit
        case .notADuration: return .notADuration
        case .durationZero: return .durationZero
        case .notATime: return .notATime
        case .notAWeekday: return .notAWeekday
        case .unknownWeekday: return .unknownWeekday
        case .weekdayExpected: return .weekdayExpected
        case .unknownOrdinal: return .unknownOrdinal
        case .notARepeatDay: return .notARepeatDay
        case .notAFrequency: return .notAFrequency
        case .intervalZero: return .intervalZero
        case .repeatOverLimit: return .repeatOverLimit
        case .unknownFrequencyUnit: return .unknownFrequencyUnit
        }
    }
}

/// The units of durations and repeat intervals, for limits.
public enum DurationUnit: Hashable, Sendable {
    case minutes, workdays, weeks, months
}
