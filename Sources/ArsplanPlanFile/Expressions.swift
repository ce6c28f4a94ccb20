import Arsplan

// The small languages inside plan-file scalars: references (`namnd[3]`), offsets
// (`vb + 2 workdays`), durations (`1h30min`), times (`17:00`) and the words of `repeat`.
// Each parser takes the scalar's raw text and returns a value or a message that says
// what to write instead; the caller attaches the location.

/// Whether `character` may appear in an identifier: letters, digits, `-` and `_`.
func isIdentifierCharacter(_ character: Character) -> Bool {
    if let ascii = character.asciiValue {
        // The common case without Unicode property look-ups.
        return (ascii >= 97 && ascii <= 122) || (ascii >= 65 && ascii <= 90) || (ascii >= 48 && ascii <= 57)
            || ascii == 45 || ascii == 95
    }
    return character.isLetter
}

/// Whether `text` is a valid identifier (activity, owner, … ids).
func isValidIdentifier(_ text: String) -> Bool {
    // ASCII text byte by byte (the same answer as by Character: no ASCII character other
    // than "\r\n" spans two bytes, and that is no identifier character either way).
    var ascii = true
    var valid = true
    for byte in text.utf8 {
        if byte >= 0x80 {
            ascii = false
            break
        }
        if !isIdentifierByte(byte) { valid = false }
    }
    if ascii { return valid && !text.utf8.isEmpty }
    return isValidIdentifierByCharacter(text)
}

/// `isValidIdentifier` by `Character`.
func isValidIdentifierByCharacter(_ text: String) -> Bool {
    !text.isEmpty && text.allSatisfy(isIdentifierCharacter)
}

/// `isIdentifierCharacter` for an ASCII byte.
@inline(__always)
func isIdentifierByte(_ byte: UInt8) -> Bool {
    (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 45 || byte == 95
}

/// `Character.isWhitespace` for an ASCII byte: tab, line feed, vertical tab, form feed, carriage return, space.
@inline(__always)
func isWhitespaceByte(_ byte: UInt8) -> Bool {
    byte == 32 || (byte >= 9 && byte <= 13)
}

@inline(__always)
func isDigitByte(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

@inline(__always)
func isLetterByte(_ byte: UInt8) -> Bool { (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) }

/// The sign written in an offset expression.
enum OffsetSign: Equatable {
    case plus
    case minus
}

/// An offset expression as written: `namnd[3] - 5 workdays`.
struct OffsetExpression: Equatable {
    var reference: ActivityReference
    /// nil when only a reference was written (`vb`).
    var sign: OffsetSign?
    var amount: Int
    var unit: OffsetUnit
}

/// The words accepted for offset units, English and Swedish.
let offsetUnitWords: [String: OffsetUnit] = [
    "workday": .workdays, "workdays": .workdays, "arbetsdag": .workdays, "arbetsdagar": .workdays,
    "day": .days, "days": .days, "dag": .days, "dagar": .days,
    "week": .weeks, "weeks": .weeks, "vecka": .weeks, "veckor": .weeks,
]

/// A scanner over one scalar's text.
private struct Scanner {
    let characters: [Character]
    var position = 0

    init(_ text: String) { characters = Array(text) }

    var atEnd: Bool { position >= characters.count }
    var current: Character? { atEnd ? nil : characters[position] }
    var rest: String { String(characters[position...]) }

    mutating func skipSpaces() {
        while let c = current, c.isWhitespace { position += 1 }
    }

    mutating func take(while predicate: (Character) -> Bool) -> String {
        let start = position
        while let c = current, predicate(c) { position += 1 }
        return String(characters[start..<position])
    }

    mutating func take(_ character: Character) -> Bool {
        guard current == character else { return false }
        position += 1
        return true
    }
}

/// Parses `id` or `id[n]` at the scanner; n must be 1 or more.
private func scanReference(_ scanner: inout Scanner) -> Result<ActivityReference, ExpressionError> {
    let id = scanner.take(while: isIdentifierCharacter)
    guard !id.isEmpty else {
        if let c = scanner.current {
            return .failure(.init(.expectedIDFound(character: String(c))))
        }
        return .failure(.init(.expectedID))
    }
    guard scanner.take("[") else { return .success(ActivityReference(activity: .init(id))) }
    scanner.skipSpaces()
    let digits = scanner.take(while: { $0.isASCII && $0.isNumber })
    scanner.skipSpaces()
    guard !digits.isEmpty, scanner.take("]"), let number = Int(digits) else {
        return .failure(.init(.expectedOccurrenceNumber(id: id)))
    }
    guard number >= 1 else {
        return .failure(.init(.occurrenceFromOne(id: id)))
    }
    return .success(ActivityReference(activity: .init(id), occurrence: number))
}

/// Why an expression could not be read, and what to write instead.
struct ExpressionError: Error, Equatable {
    enum Part: Equatable {
        /// The reference (`vb`, `namnd[2]`) is malformed.
        case reference
        /// The offset after the reference is malformed.
        case offset
    }
    /// What is wrong, and what to write instead.
    var text: ExpressionText
    var part: Part
    /// The text is well formed but a number in it is beyond its limit (``PlanLimits``):
    /// reported as `value_out_of_range`.
    var outOfRange = false

    init(_ text: ExpressionText, part: Part = .reference, outOfRange: Bool = false) {
        self.text = text
        self.part = part
        self.outOfRange = outOfRange
    }

    /// The message about `key: written` (`… in 'after: vb + 2 workdys'; help`).
    func describe(key: String, written: String) -> PlanText {
        .expression(text, key: key, text: written)
    }

    /// The message on its own, for a value whose key the message already names.
    var plain: PlanText { .expression(text, key: nil, text: nil) }
}

/// The reference an expression starts with, and the spaces around it.
private func scanLeadingReference(_ scanner: inout Scanner) -> Result<ActivityReference, ExpressionError> {
    scanner.skipSpaces()
    let result = scanReference(&scanner)
    scanner.skipSpaces()
    return result
}

/// Parses a bare reference: `namnd` or `namnd[2]`, nothing after it.
func parseReference(_ text: String) -> Result<ActivityReference, ExpressionError> {
    if let reference = fastReference(text) { return .success(reference) }
    return parseReferenceByCharacter(text)
}

/// `parseReference` by `Character`: any text, and every message.
func parseReferenceByCharacter(_ text: String) -> Result<ActivityReference, ExpressionError> {
    var scanner = Scanner(text)
    let reference: ActivityReference
    switch scanLeadingReference(&scanner) {
    case .success(let r): reference = r
    case .failure(let e): return .failure(e)
    }
    guard scanner.atEnd else {
        return .failure(.init(.unexpectedAfter(rest: scanner.rest, after: reference.description), part: .offset))
    }
    return .success(reference)
}

/// Parses `ref`, `ref + N unit` or `ref - N unit`.
func parseOffsetExpression(_ text: String) -> Result<OffsetExpression, ExpressionError> {
    let parsed = fastOffsetExpression(text).map { Result.success($0) } ?? parseOffsetExpressionByCharacter(text)
    guard case .success(let expression) = parsed else { return parsed }
    let limit: Int
    switch expression.unit {
    case .days: limit = PlanLimits.maxOffsetDays
    case .weeks: limit = PlanLimits.maxOffsetWeeks
    case .workdays: limit = PlanLimits.maxOffsetWorkdays
    }
    guard expression.amount <= limit else {
        return .failure(
            .init(
                .offsetOverLimit(amount: expression.amount, unit: expression.unit, limit: limit), part: .offset,
                outOfRange: true))
    }
    return parsed
}

/// `parseOffsetExpression` by `Character`: any text, and every message.
func parseOffsetExpressionByCharacter(_ text: String) -> Result<OffsetExpression, ExpressionError> {
    var scanner = Scanner(text)
    let reference: ActivityReference
    switch scanLeadingReference(&scanner) {
    case .success(let r): reference = r
    case .failure(let e): return .failure(e)
    }
    guard let signCharacter = scanner.current else {
        return .success(OffsetExpression(reference: reference, sign: nil, amount: 1, unit: .workdays))
    }
    let sign: OffsetSign
    switch signCharacter {
    case "+": sign = .plus
    // ASCII hyphen-minus, the minus sign and the en dash a word processor makes of it.
    case "-", "\u{2212}", "\u{2013}": sign = .minus
    default:
        return .failure(
            .init(.expectedSign(reference: reference.description, found: scanner.rest), part: .offset))
    }
    scanner.position += 1
    scanner.skipSpaces()
    let digits = scanner.take(while: { $0.isASCII && $0.isNumber })
    if !digits.isEmpty, Int(digits) == nil {
        return .failure(
            .init(.offsetTooLarge(digits: digits, maxDays: PlanLimits.maxOffsetDays), part: .offset, outOfRange: true))
    }
    guard let amount = Int(digits) else {
        return .failure(
            .init(.expectedNumber(sign: String(signCharacter), reference: reference.description), part: .offset))
    }
    scanner.skipSpaces()
    let word = scanner.take(while: { $0.isLetter })
    guard !word.isEmpty else {
        return .failure(
            .init(.missingUnit(amount: amount), part: .offset))
    }
    guard let unit = offsetUnitWords[word.lowercased()] else {
        return .failure(
            .init(.unknownUnit(word: word, suggestion: suggest(word, in: offsetUnitWords.keys)), part: .offset))
    }
    scanner.skipSpaces()
    guard scanner.atEnd else {
        return .failure(.init(.unexpectedAfter(rest: scanner.rest, after: "\(amount) \(word)"), part: .offset))
    }
    return .success(OffsetExpression(reference: reference, sign: sign, amount: amount, unit: unit))
}

/// Parses `2h`, `90min`, `1h30min`, `3d` (working days) or `2w` (weeks); spaces allowed.
func parseDuration(_ text: String) -> Result<ActivityDuration, ExpressionError> {
    let parsed = fastDuration(text).map { Result.success($0) } ?? parseDurationByCharacter(text)
    guard case .success(let duration) = parsed else { return parsed }
    let (value, limit, unit): (Int, Int, DurationUnit)
    switch duration {
    case .minutes(let n): (value, limit, unit) = (n, PlanLimits.maxDurationMinutes, .minutes)
    case .workdays(let n): (value, limit, unit) = (n, PlanLimits.maxDurationWorkdays, .workdays)
    case .weeks(let n): (value, limit, unit) = (n, PlanLimits.maxDurationWeeks, .weeks)
    }
    guard value <= limit else {
        return .failure(.init(.durationOverLimit(text: text, limit: limit, unit: unit), outOfRange: true))
    }
    return parsed
}

/// `parseDuration` by `Character`: any text, and every message.
func parseDurationByCharacter(_ text: String) -> Result<ActivityDuration, ExpressionError> {
    let compact = text.lowercased().filter { !$0.isWhitespace }
    // Numbers too large for any duration are read as the largest, which the limit then rejects.
    func number(_ s: Substring) -> Int? {
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(s) ?? Int.max
    }
    if number(Substring(compact)) != nil {
        return .failure(.init(.durationWithoutUnit(text: text)))
    }
    var value: ActivityDuration?
    if compact.hasSuffix("min") {
        let body = compact.dropLast(3)
        if let h = body.firstIndex(of: "h") {
            if let hours = number(body[..<h]), let minutes = number(body[body.index(after: h)...]) {
                value = .minutes(hours.saturatingTimes(60).saturatingPlus(minutes))
            }
        } else if let minutes = number(body) {
            value = .minutes(minutes)
        }
    } else if let last = compact.last, let n = number(compact.dropLast()) {
        switch last {
        case "h": value = .minutes(n.saturatingTimes(60))
        case "d": value = .workdays(n)
        case "w": value = .weeks(n)
        default: break
        }
    }
    guard let value else { return .failure(.init(.notADuration(text: text))) }
    switch value {
    case .minutes(let n) where n <= 0, .workdays(let n) where n <= 0, .weeks(let n) where n <= 0:
        return .failure(.init(.durationZero(text: text)))
    default:
        return .success(value)
    }
}

/// `parseDuration` for the common `3d`, `2w`, `2h` (ASCII digits, no spaces, more than
/// zero); nil when the full parser must decide.
func fastDuration(_ text: String) -> ActivityDuration? {
    var text = text
    return text.withUTF8 { bytes -> ActivityDuration? in
        guard bytes.count >= 2, bytes.count <= 10 else { return nil }
        var n = 0
        for byte in bytes.dropLast() {
            guard byte >= 48, byte <= 57 else { return nil }
            n = n * 10 + Int(byte - 48)
        }
        guard n > 0 else { return nil }
        switch bytes[bytes.count - 1] {
        case UInt8(ascii: "d"), UInt8(ascii: "D"): return .workdays(n)
        case UInt8(ascii: "w"), UInt8(ascii: "W"): return .weeks(n)
        case UInt8(ascii: "h"), UInt8(ascii: "H"): return .minutes(n * 60)
        default: return nil
        }
    }
}

/// Parses `17:00`, `9:30` or the Swedish `17.00`.
func parseTime(_ text: String) -> Result<TimeOfDay, ExpressionError> {
    let trimmed = text.trimmingSpaces()
    let normalized = trimmed.replacingDots()
    if let time = TimeOfDay(text: normalized) { return .success(time) }
    return .failure(.init(.notATime(text: text)))
}

/// Weekday names, English and Swedish (with and without å/ö).
let weekdayWords: [String: Weekday] = {
    var words: [String: Weekday] = [:]
    let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    let swedishPlain = ["mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag"]
    for day in Weekday.allCases {
        words[english[day.rawValue - 1]] = day
        words[day.swedishName] = day
        words[swedishPlain[day.rawValue - 1]] = day
    }
    return words
}()

/// Ordinal words for `on: first tuesday`; -1 is the last.
let ordinalWords: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    "första": 1, "andra": 2, "tredje": 3, "fjärde": 4, "femte": 5, "sista": -1,
    "forsta": 1, "fjarde": 4,
]

/// Looks up a weekday word, also in the definite Swedish form (`tisdagen`).
func weekday(named word: String) -> Weekday? {
    let lower = word.lowercased()
    if let day = weekdayWords[lower] { return day }
    if lower.hasSuffix("en"), let day = weekdayWords[String(lower.dropLast(2))] { return day }
    return nil
}

/// `on:` as written: a weekday, or an ordinal and a weekday.
enum RepeatOn: Equatable {
    case weekday(Weekday)
    case nth(Int, Weekday)
}

/// Parses `monday`, `first tuesday`, `last friday`, `andra onsdagen`.
func parseRepeatOn(_ text: String) -> Result<RepeatOn, ExpressionError> {
    let words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
    switch words.count {
    case 1:
        if let day = weekday(named: words[0]) { return .success(.weekday(day)) }
        return .failure(.init(unknownWeekday(words[0]) ?? .notAWeekday(text: text)))
    case 2:
        guard let n = ordinalWords[words[0].lowercased()] else {
            return .failure(.init(.unknownOrdinal(word: words[0], suggestion: suggest(words[0], in: ordinalWords.keys))))
        }
        guard let day = weekday(named: words[1]) else {
            return .failure(.init(unknownWeekday(words[1]) ?? .weekdayExpected(word: words[1])))
        }
        return .success(.nth(n, day))
    default:
        return .failure(.init(.notARepeatDay(text: text)))
    }
}

private func unknownWeekday(_ word: String) -> ExpressionText? {
    guard let suggestion = suggest(word, in: weekdayWords.keys) else { return nil }
    return .unknownWeekday(word: word, suggestion: suggestion)
}

/// Parses `every:`: `week`, `2 weeks`, `month`, `3 months`, `vecka`, `2 veckor`, `månad`,
/// `varannan vecka` (every other week).
func parseFrequency(_ text: String) -> Result<RecurrenceFrequency, ExpressionError> {
    let words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
    let weekWords: Set<String> = ["week", "weeks", "weekly", "vecka", "veckor"]
    let monthWords: Set<String> = ["month", "months", "monthly", "månad", "månader", "manad", "manader"]
    var count = 1
    var unitWord: String
    switch words.count {
    case 1:
        unitWord = words[0]
    case 2:
        if words[0] == "varannan" || words[0] == "every-other" {
            count = 2
        } else if words[0].allSatisfy({ $0.isASCII && $0.isNumber }), !words[0].isEmpty {
            count = Int(words[0]) ?? Int.max
        } else {
            return .failure(.init(.notAFrequency(text: text)))
        }
        unitWord = words[1]
    default:
        return .failure(.init(.notAFrequency(text: text)))
    }
    guard count >= 1 else { return .failure(.init(.intervalZero(text: text))) }
    if weekWords.contains(unitWord) {
        guard count <= PlanLimits.maxRepeatWeeks else {
            return .failure(
                .init(.repeatOverLimit(text: text, limit: PlanLimits.maxRepeatWeeks, unit: .weeks), outOfRange: true))
        }
        return .success(.weeks(count))
    }
    if monthWords.contains(unitWord) {
        guard count <= PlanLimits.maxRepeatMonths else {
            return .failure(
                .init(.repeatOverLimit(text: text, limit: PlanLimits.maxRepeatMonths, unit: .months), outOfRange: true))
        }
        return .success(.months(count))
    }
    if let suggestion = suggest(unitWord, in: weekWords.union(monthWords)) {
        return .failure(.init(.unknownFrequencyUnit(word: unitWord, suggestion: suggestion)))
    }
    return .failure(.init(.notAFrequency(text: text)))
}

/// Month names for `except-months`, English and Swedish, also abbreviated to three letters.
func month(named word: String) -> Int? {
    let lower = word.lowercased()
    let english = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    let swedish = [
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
        "november", "december",
    ]
    for (index, name) in english.enumerated() where name == lower || String(name.prefix(3)) == lower {
        return index + 1
    }
    for (index, name) in swedish.enumerated() where name == lower || String(name.prefix(3)) == lower {
        return index + 1
    }
    return nil
}

extension String {
    func trimmingSpaces() -> String {
        // Nothing to trim when the text starts and ends with ASCII that is not white space
        // (a non-ASCII end goes the Character way: a combining mark may follow a space).
        if let first = utf8.first, let last = utf8.last, first < 0x80, last < 0x80, !isWhitespaceByte(first),
            !isWhitespaceByte(last)
        {
            return self
        }
        return trimmingSpacesByCharacter()
    }

    /// `trimmingSpaces` by `Character`.
    func trimmingSpacesByCharacter() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }

    fileprivate func replacingDots() -> String { String(map { $0 == "." ? ":" : $0 }) }
}

/// The closest of `candidates` to a misspelt `word`: the English word for a Swedish one
/// (`titel` → `title`), `closestMatch` from the core, or else one that differs by two
/// neighbouring letters swapped (`onwer` → `owner`).
func suggest(_ word: String, in candidates: some Sequence<String>) -> String? {
    let candidates = Array(candidates)
    if let english = swedishWords[word.lowercased()], candidates.contains(english) { return english }
    if let match = closestMatch(to: word, in: candidates) { return match }
    guard word.utf8.count <= 4 * suggestionMaxLength else { return nil }
    let letters = Array(word.lowercased())
    guard letters.count >= 2, letters.count <= suggestionMaxLength else { return nil }
    let sorted = candidates.filter { $0.utf8.count >= letters.count }.sorted()
    for i in 0..<(letters.count - 1) {
        var swapped = letters
        swapped.swapAt(i, i + 1)
        let text = String(swapped)
        if let match = sorted.first(where: { $0.lowercased() == text }) { return match }
    }
    return nil
}

/// Swedish words a communicator may write for the format's English keys and values; used
/// only to suggest the right word, never accepted in its place.
let swedishWords: [String: String] = [
    // keys
    "titel": "title", "rubrik": "title", "namn": "name", "datum": "date", "tid": "time", "klockslag": "time",
    "längd": "duration", "langd": "duration", "varaktighet": "duration", "ansvarig": "owner", "ägare": "owner",
    "målgrupper": "audiences", "målgrupp": "audiences", "malgrupper": "audiences", "kanaler": "channels",
    "kanal": "channels", "enhet": "unit", "verksamhetsområde": "unit", "mål": "goals", "beskrivning": "description",
    "typ": "kind", "efter": "after", "före": "before", "fore": "before", "innan": "before", "med": "with",
    "samtidigt": "with", "upprepa": "repeat", "upprepning": "repeat", "för-varje": "for-each",
    "for-varje": "for-each", "låst": "pinned", "tidigast": "not-before", "senast": "not-after", "år": "year",
    "tidszon": "timezone", "organisation": "organization", "kalender": "calendar", "helgdagar": "holidays",
    "stängt": "closed", "från": "from", "fran": "from", "till": "to", "ansvariga": "owners",
    "enheter": "units", "aktiviteter": "activities", "epost": "email", "e-post": "email", "mejl": "email",
    "varje": "every", "format": "format",
    // values
    "sverige": "sweden", "ingen": "none", "inga": "none", "planerad": "planned", "preliminär": "tentative",
    "inställd": "cancelled", "installd": "cancelled", "arbetsdagar": "workdays",
]

extension Int {
    /// `self * other` for numbers that are not negative, or `Int.max` when it overflows.
    func saturatingTimes(_ other: Int) -> Int {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? .max : product
    }

    /// `self + other` for numbers that are not negative, or `Int.max` when it overflows.
    func saturatingPlus(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? .max : sum
    }
}
