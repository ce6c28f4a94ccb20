import Arsplan

// The byte scanner for references and offsets: a second, faster reading of the common
// case (ASCII, well formed) over the UTF-8 bytes, before the `Character` grammar of
// Expressions.swift, which reads everything else and writes every message.
//
// Why it stays: measured, 20,000 activities (about 30,000 `after:` expressions), whole
// process `validate`, 7 interleaved runs: 883 ms with it (and the byte check of ASCII
// identifiers in Expressions.swift) against 1,101 ms with neither (CPU 433 against 571 ms):
// they save 20 % of the command. FastPathTests checks on 40,000
// generated texts that both readings agree.

/// The common case of a reference or offset expression, read from the UTF-8 bytes: ASCII
/// text that is well formed. Returns nil for anything else (non-ASCII text, any error),
/// which the `Character` scanner then reads, so that every message comes from one place.
/// For ASCII text both give the same result: the character classes agree byte by byte.
private struct ByteScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    var atEnd: Bool { position >= bytes.count }

    mutating func skipSpaces() {
        while position < bytes.count, isWhitespaceByte(bytes[position]) { position += 1 }
    }

    /// `id` or `id[n]` (n ≥ 1) in `text`, whose bytes these are.
    mutating func reference(in text: String) -> ActivityReference? {
        let start = position
        while position < bytes.count, isIdentifierByte(bytes[position]) { position += 1 }
        guard position > start else { return nil }
        let id =
            position - start == bytes.count
            ? text : String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "[") else {
            return ActivityReference(activity: .init(id))
        }
        position += 1
        skipSpaces()
        guard let number = number(), number >= 1 else { return nil }
        skipSpaces()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "]") else { return nil }
        position += 1
        return ActivityReference(activity: .init(id), occurrence: number)
    }

    /// Decimal digits (at most 18, so no overflow; longer numbers go the slow way).
    mutating func number() -> Int? {
        let start = position
        var value = 0
        while position < bytes.count, isDigitByte(bytes[position]) {
            guard position - start < 18 else { return nil }
            value = value * 10 + Int(bytes[position] - 48)
            position += 1
        }
        return position > start ? value : nil
    }
}

/// Runs `body` on the bytes of `text` when it is all ASCII; nil otherwise.
@inline(__always)
private func withASCIIBytes<T>(_ text: String, _ body: (inout ByteScanner) -> T?) -> T? {
    var text = text
    return text.withUTF8 { bytes -> T? in
        for byte in bytes where byte >= 0x80 { return nil }
        var scanner = ByteScanner(bytes: bytes)
        return body(&scanner)
    }
}

/// `parseReference` for well-formed ASCII text; nil when the full parser must decide.
func fastReference(_ text: String) -> ActivityReference? {
    withASCIIBytes(text) { scanner in
        scanner.skipSpaces()
        guard let reference = scanner.reference(in: text) else { return nil }
        scanner.skipSpaces()
        return scanner.atEnd ? reference : nil
    }
}

/// `parseOffsetExpression` for well-formed ASCII text; nil when the full parser must decide.
func fastOffsetExpression(_ text: String) -> OffsetExpression? {
    withASCIIBytes(text) { scanner in
        scanner.skipSpaces()
        guard let reference = scanner.reference(in: text) else { return nil }
        scanner.skipSpaces()
        if scanner.atEnd { return OffsetExpression(reference: reference, sign: nil, amount: 1, unit: .workdays) }
        let sign: OffsetSign
        switch scanner.bytes[scanner.position] {
        case UInt8(ascii: "+"): sign = .plus
        case UInt8(ascii: "-"): sign = .minus
        default: return nil
        }
        scanner.position += 1
        scanner.skipSpaces()
        guard let amount = scanner.number() else { return nil }
        scanner.skipSpaces()
        let wordStart = scanner.position
        while scanner.position < scanner.bytes.count, isLetterByte(scanner.bytes[scanner.position]) {
            scanner.position += 1
        }
        guard let unit = offsetUnit(UnsafeBufferPointer(rebasing: scanner.bytes[wordStart..<scanner.position]))
        else { return nil }
        scanner.skipSpaces()
        guard scanner.atEnd else { return nil }
        return OffsetExpression(reference: reference, sign: sign, amount: amount, unit: unit)
    }
}

/// `offsetUnitWords` as bytes, for matching without making a string.
private let offsetUnitTable: [(word: [UInt8], unit: OffsetUnit)] =
    offsetUnitWords
    .map { (Array($0.key.utf8), $0.value) }
    .sorted { $0.word.lexicographicallyPrecedes($1.word) }

/// The unit of an ASCII unit word in any case (`offsetUnitWords[word.lowercased()]`).
private func offsetUnit(_ word: UnsafeBufferPointer<UInt8>) -> OffsetUnit? {
    guard !word.isEmpty else { return nil }
    candidates: for candidate in offsetUnitTable where candidate.word.count == word.count {
        for i in 0..<word.count {
            let byte = word[i] >= 65 && word[i] <= 90 ? word[i] + 32 : word[i]
            if byte != candidate.word[i] { continue candidates }
        }
        return candidate.unit
    }
    return nil
}
