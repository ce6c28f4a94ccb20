import Arsplan

// Typed access to YAML nodes. Every accessor reads the scalar's raw text (never a
// resolved value: an unquoted `2027-01-27` is a timestamp and `17:00` a sexagesimal
// integer to YAML 1.1) and reports a located diagnostic when the node has the wrong shape.

/// One `key: value` of a mapping whose key passed the checks.
struct Entry {
    var key: String
    var keyNode: Node
    var value: Node
    var keyLocation: SourceLocation { location(of: keyNode) }
}

/// The 1-based location of a node.
func location(of node: Node) -> SourceLocation { node.mark.location }

extension Node {
    /// Whether this is an empty value: `key:` with nothing after it, `~` or `null`.
    var isNull: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return scalar.isNull
    }

    /// What the node is, for "must be …, not …" messages.
    var found: PlanFound {
        switch self {
        case .scalar(let scalar):
            if isNull { return .empty }
            return .text(scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string)
        case .sequence: return .list
        case .mapping: return .mapping
        }
    }

    /// The raw text of a scalar that is not empty.
    var rawText: String? {
        guard case .scalar(let scalar) = self, !scalar.isNull else { return nil }
        return scalar.string
    }
}

extension Node.Scalar {
    /// Whether this is an empty value: `key:` with nothing after it, `~` or `null`.
    var isNull: Bool {
        guard isPlain else { return false }
        // By length first: most scalars are none of the five.
        switch string.utf8.count {
        case 0: return true
        case 1: return string == "~"
        case 4: return string == "null" || string == "Null" || string == "NULL"
        default: return false
        }
    }
}

extension PlanReader {
    /// The entries of a mapping whose keys are fixed names: reports unknown keys (with a
    /// suggestion), keys that are not text, and repeated keys.
    mutating func entries(of mapping: Node.Mapping, in context: @autoclosure () -> PlanPlace, known: [String]) -> [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(mapping.count)
        for index in mapping.indices {
            let (keyNode, value) = mapping[index]
            guard let key = knownKey(keyNode, in: context(), known: known, isKnown: known.contains) else { continue }
            result.append(Entry(key: key, keyNode: keyNode, value: value))
        }
        return result
    }

    /// The text of a mapping key that is one of `known` (`isKnown` tells, quickly); nil,
    /// reported, for a key that is not text, a repeated key, a merge key or an unknown key.
    @inline(__always)
    mutating func knownKey(
        _ keyNode: Node, in context: @autoclosure () -> PlanPlace, known: [String], isKnown: (String) -> Bool
    ) -> String? {
        guard let key = keyText(keyNode, in: context()) else { return nil }
        if duplicates.isEmpty || duplicates[location(of: keyNode)] == nil, isKnown(key) { return key }
        reportKey(keyNode, key: key, in: context(), known: known)
        return nil
    }

    /// Reports a key that is repeated, a merge key or not one of `known`.
    private mutating func reportKey(_ keyNode: Node, key: String, in context: PlanPlace, known: [String]) {
        if let duplicate = takeDuplicate(keyNode, key: key) {
            sink.error(
                .duplicateKey, .duplicateKey(key: duplicate.key, in: context, first: duplicate.first),
                at: duplicate.location)
            return
        }
        if key == "<<" {
            sink.error(.unknownKey, .mergeKey, at: location(of: keyNode))
            return
        }
        sink.error(
            .unknownKey, .unknownKey(key: key, in: context, suggestion: suggest(key, in: known)), at: location(of: keyNode),
            notes: [.keysHere(keys: known)])
    }

    /// The entries of a mapping keyed by identifiers (`owners`, `units`, …): reports keys
    /// that are not valid identifiers and identifiers given twice (`duplicate_id`).
    mutating func idEntries(of mapping: Node.Mapping, kind: IDKind) -> [Entry] {
        var result: [Entry] = []
        result.reserveCapacity(mapping.count)
        for index in mapping.indices {
            let (keyNode, value) = mapping[index]
            guard let key = keyText(keyNode, in: .entry(kind, id: nil)) else { continue }
            if let duplicate = takeDuplicate(keyNode, key: key) {
                sink.error(
                    .duplicateID, .duplicateID(kind: kind, id: duplicate.key, first: duplicate.first),
                    at: duplicate.location)
                continue
            }
            guard isValidIdentifier(key) else {
                sink.error(.invalidID, .invalidGroupID(kind: kind, id: key), at: location(of: keyNode))
                continue
            }
            result.append(Entry(key: key, keyNode: keyNode, value: value))
        }
        return result
    }

    private mutating func keyText(_ keyNode: Node, in context: @autoclosure () -> PlanPlace) -> String? {
        guard case .scalar(let scalar) = keyNode else {
            sink.error(.invalidType, .keyNotText(in: context(), found: keyNode.found), at: location(of: keyNode))
            return nil
        }
        return scalar.string
    }

    /// The recorded repeated key standing at `keyNode`, if it is one (reported once).
    private mutating func takeDuplicate(_ keyNode: Node, key: String) -> DuplicateKey? {
        guard !duplicates.isEmpty else { return nil }
        return duplicates.removeValue(forKey: location(of: keyNode))
    }

    /// A mapping, or nil (reported) when the node is something else; an empty value is an empty mapping.
    mutating func mapping(_ node: Node, for key: String, hint: PlanHint? = nil) -> Node.Mapping? {
        if case .mapping(let mapping) = node { return mapping }
        if node.isNull { return Node.Mapping(keysAndValues: [], mark: node.mark) }
        sink.error(
            .invalidType, .wrongType(key: key, expected: .mapping, found: node.found, hint: hint), at: location(of: node))
        return nil
    }

    /// Non-empty text, or nil (reported).
    mutating func text(_ node: Node, for key: String) -> String? {
        if let text = node.rawText { return text }
        if node.isNull {
            sink.error(.invalidType, .noValue(key: key), at: location(of: node))
        } else {
            sink.error(
                .invalidType, .wrongType(key: key, expected: .text, found: node.found, hint: nil), at: location(of: node))
        }
        return nil
    }

    /// An identifier (letters, digits, `-`, `_`), or nil (reported).
    mutating func identifier(_ node: Node, for key: String) -> String? {
        guard let text = text(node, for: key) else { return nil }
        guard isValidIdentifier(text) else {
            sink.error(.invalidID, .invalidID(text: text), at: location(of: node))
            return nil
        }
        return text
    }

    /// A whole number, or nil (reported).
    mutating func integer(_ node: Node, for key: String) -> Int? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            sink.error(
                .invalidType, .wrongType(key: key, expected: .wholeNumber, found: node.found, hint: nil),
                at: location(of: node))
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        guard let value = Int(text.hasPrefix("+") ? String(text.dropFirst()) : text) else {
            sink.error(
                .invalidType, .wrongType(key: key, expected: .wholeNumber, found: .text(scalar.string), hint: nil),
                at: location(of: node))
            return nil
        }
        return value
    }

    /// A whole number of at least 1, or nil (reported).
    mutating func positiveInteger(_ node: Node, for key: String) -> Int? {
        guard let value = integer(node, for: key) else { return nil }
        guard value >= 1 else {
            sink.error(.invalidValue, .notPositive(key: key, value: value), at: location(of: node))
            return nil
        }
        return value
    }

    /// `true`/`false` (also `yes`/`no`), or nil (reported).
    mutating func boolean(_ node: Node, for key: String) -> Bool? {
        switch node.rawText?.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default:
            sink.error(
                .invalidType, .wrongType(key: key, expected: .trueOrFalse, found: node.found, hint: nil),
                at: location(of: node))
            return nil
        }
    }

    /// A `YYYY-MM-DD` date that exists, or nil (reported).
    mutating func day(_ node: Node, for key: String) -> Day? {
        guard case .scalar(let scalar) = node, !node.isNull else {
            sink.error(
                .invalidType, .wrongType(key: key, expected: .date, found: node.found, hint: nil), at: location(of: node))
            return nil
        }
        let text = scalar.string.trimmingSpaces()
        if let day = parseDay(text), PlanLimits.years.contains(day.year) { return day }
        if let year = writtenYear(text), !PlanLimits.years.contains(year) {
            sink.error(
                .dateOutOfRange,
                .dateOutOfRange(text: text, from: PlanLimits.years.lowerBound, to: PlanLimits.years.upperBound),
                at: location(of: node))
            return nil
        }
        sink.error(.invalidDate, dateProblem(text), at: location(of: node))
        return nil
    }

    /// A list; an empty value is an empty list, and with `single` a lone scalar is a list of one.
    mutating func list(_ node: Node, for key: String, single: Bool = true, of what: PlanListItem) -> [Node]? {
        switch node {
        // The whole slice shares the sequence's storage (`Array(sequence)` copies every node).
        case .sequence(let sequence): return sequence.items
        case .scalar where node.isNull: return []
        case .scalar where single: return [node]
        default:
            sink.error(
                .invalidType, .wrongType(key: key, expected: .list(what), found: node.found, hint: nil),
                at: location(of: node))
            return nil
        }
    }
}

/// Whether `key` is written in `mapping`, or an unknown key there is a misspelling of it
/// (already reported as `unknown_key` with the suggestion, so not reported again as missing).
func isWritten(_ key: String, in mapping: Node.Mapping, known: [String]) -> Bool {
    for index in mapping.indices {
        guard case .scalar(let scalar) = mapping[index].key else { continue }
        let name = scalar.string
        if name == key || !known.contains(name) && suggest(name, in: known) == key { return true }
    }
    return false
}

/// `YYYY-MM-DD`: `Day(iso:)`, read straight from the bytes when the text is written with
/// digits in that shape (the same day, without splitting the text).
func parseDay(_ text: String) -> Day? {
    var text = text
    let digits: (year: Int, month: Int, day: Int)? = text.withUTF8 { b in
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard b[i] >= 48, b[i] <= 57 else { return nil }
                value = value * 10 + Int(b[i] - 48)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
        return (year, month, day)
    }
    if let digits { return Day(year: digits.year, month: digits.month, day: digits.day) }
    return Day(iso: text)
}

/// The year of a text written as a date (`YYYY-MM-DD`, month 1–12, day 1–31), whether
/// or not that day exists; nil for any other text.
func writtenYear(_ text: String) -> Int? {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
        let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
        (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    return year
}

/// Explains why `text` is not a date.
func dateProblem(_ text: String) -> PlanText {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    {
        if !(1...12).contains(month) {
            return .noSuchMonth(text: text, month: month)
        }
        let days = Day.daysInMonth(year: year, month: month)
        return .noSuchDay(text: text, month: month, year: year, days: days, day: day)
    }
    if text.contains("T") || text.contains(" ") && text.contains(":") {
        return .dateWithTime(text: text)
    }
    if parts.count == 3, parts[0].count == 4, let year = Int(parts[0]), let month = Int(parts[1]),
        let day = Int(parts[2]), let date = Day(year: year, month: month, day: day)
    {
        return .dateDigits(text: text, written: date.description)
    }
    return .notADate(text: text)
}
