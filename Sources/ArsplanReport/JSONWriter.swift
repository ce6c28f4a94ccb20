import Arsplan
import Foundation

/// Writes JSON as it goes, for output we write often and large (`schedule --format json`
/// on tens of thousands of occurrences), formatted the way `JSONEncoder` does with
/// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes`. No value tree is built and no
/// keys are sorted: callers write each object's keys in sorted order (checked in debug
/// builds), which keeps a large schedule to one pass over one byte buffer.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    /// How many open arrays and objects the next value is inside.
    private var depth = 0
    /// How many items the innermost open container holds so far.
    private var items = 0
    /// The same for each container around the innermost one, outermost first.
    private var enclosing: [Int] = []
    private var afterKey = false
    #if DEBUG
        /// For each open object, its last key: keys must come in sorted order.
        private var lastKeys: [String?] = []
    #endif

    init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// A writer that continues inside containers already open elsewhere: `itemsIn` gives,
    /// outermost first, how many items each holds so far. What it writes goes after what
    /// the outer writer wrote so far (``take()``), which then counts the items (``count(items:)``).
    init(capacity: Int, itemsIn open: [Int]) {
        self.init(capacity: capacity)
        depth = open.count
        items = open.last ?? 0
        enclosing = Array(open.dropLast())
        #if DEBUG
            lastKeys = open.map { _ in nil }
        #endif
    }

    /// The bytes written so far, handed over (writing goes on into an empty buffer).
    mutating func take() -> [UInt8] {
        defer { bytes = [] }
        return bytes
    }

    /// Counts `items` written into the open container by a nested writer
    /// (``init(capacity:itemsIn:)``), told how many the container held before them.
    mutating func count(items more: Int) {
        items += more
    }

    /// The text written, with a final newline.
    mutating func finish() -> String { String(decoding: finishBytes(), as: UTF8.self) }

    /// The UTF-8 bytes written, with a final newline.
    mutating func finishBytes() -> [UInt8] {
        bytes.append(0x0A)
        return bytes
    }

    @inline(__always)
    mutating func object(_ body: (inout JSONWriter) -> Void) { container(UInt8(ascii: "{"), UInt8(ascii: "}"), body) }
    @inline(__always)
    mutating func array(_ body: (inout JSONWriter) -> Void) { container(UInt8(ascii: "["), UInt8(ascii: "]"), body) }

    /// A key made once: its quoted name and the separator after it, ready to copy.
    struct Key: Sendable {
        let name: String
        let bytes: [UInt8]

        init(_ name: String) {
            self.name = name
            var bytes: [UInt8] = []
            JSONWriter.writeString(name, to: &bytes)
            bytes += Array(" : ".utf8)
            self.bytes = bytes
        }
    }

    /// The next key of the object being written; keys come in sorted order.
    mutating func key(_ name: StaticString) { key(Key(name.description)) }

    /// The next key of the object being written, made once (``Key``); keys come in sorted order.
    mutating func key(_ key: Key) {
        #if DEBUG
            if let last = lastKeys.last {
                assert(
                    last.map { $0.utf8.lexicographicallyPrecedes(key.name.utf8) } ?? true,
                    "JSON key '\(key.name)' after '\(last ?? "")': keys must be sorted")
            }
            lastKeys[lastKeys.count - 1] = key.name
        #endif
        beginValue()
        bytes += key.bytes
        afterKey = true
    }

    mutating func string(_ text: String) {
        beginValue()
        JSONWriter.writeString(text, to: &bytes)
    }

    mutating func string(_ text: String?) {
        if let text { string(text) } else { null() }
    }

    mutating func int(_ number: Int) {
        beginValue()
        number.appendDecimal(to: &bytes)
    }

    mutating func bool(_ flag: Bool) {
        beginValue()
        bytes.append(contentsOf: flag ? Self.trueText : Self.falseText)
    }

    mutating func null() {
        beginValue()
        bytes.append(contentsOf: Self.nullText)
    }

    private static let trueText = Array("true".utf8)
    private static let falseText = Array("false".utf8)
    private static let nullText = Array("null".utf8)

    mutating func strings(_ texts: [String]) {
        array { for text in texts { $0.string(text) } }
    }

    mutating func ids<Tag>(_ ids: [Identifier<Tag>]) {
        array { for id in ids { $0.string(id.rawValue) } }
    }

    /// A day as a string, `"2027-03-30"` (what `Day.description` gives), without making a `String`.
    mutating func day(_ day: Day) {
        let (year, month, date) = day.civil
        guard (0...9999).contains(year) else { return string(day.description) }
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        appendCivil(year: year, month: month, day: date)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A local date and time as a string, `"2027-03-30T17:00"` (what `LocalDateTime.description` gives).
    mutating func dateTime(_ value: LocalDateTime) {
        let (year, month, date) = value.day.civil
        guard (0...9999).contains(year) else { return string(value.description) }
        beginValue()
        bytes.append(UInt8(ascii: "\""))
        appendCivil(year: year, month: month, day: date)
        bytes.append(UInt8(ascii: "T"))
        value.time.hour.appendDecimal(to: &bytes, minimumDigits: 2)
        bytes.append(UInt8(ascii: ":"))
        value.time.minute.appendDecimal(to: &bytes, minimumDigits: 2)
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func appendCivil(year: Int, month: Int, day: Int) {
        year.appendDecimal(to: &bytes, minimumDigits: 4)
        bytes.append(UInt8(ascii: "-"))
        month.appendDecimal(to: &bytes, minimumDigits: 2)
        bytes.append(UInt8(ascii: "-"))
        day.appendDecimal(to: &bytes, minimumDigits: 2)
    }

    private mutating func container(_ opening: UInt8, _ closing: UInt8, _ body: (inout JSONWriter) -> Void) {
        beginValue()
        bytes.append(opening)
        enclosing.append(items)
        items = 0
        depth += 1
        #if DEBUG
            lastKeys.append(nil)
        #endif
        body(&self)
        #if DEBUG
            lastKeys.removeLast()
        #endif
        let written = items
        depth -= 1
        items = enclosing.removeLast()
        // JSONEncoder writes an empty container as its brackets around a blank line.
        if written == 0 { bytes.append(0x0A) }
        newline()
        bytes.append(closing)
    }

    /// The separator and indentation before a value (none right after its key).
    @inline(__always)
    private mutating func beginValue() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if items > 0 { bytes.append(UInt8(ascii: ",")) }
        items += 1
        newline()
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 128)

    private mutating func newline() {
        bytes.append(0x0A)
        let count = 2 * depth
        if count <= Self.spaces.count {
            bytes.append(contentsOf: Self.spaces[0..<count])
        } else {
            bytes.append(contentsOf: repeatElement(0x20, count: count))
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; all
    /// other characters (å, ä, ö, /) as they are, in UTF-8.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most text needs no escape: copy its bytes at once.
        let copied = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if copied != true { writeEscaped(text, to: &out) }
        out.append(UInt8(ascii: "\""))
    }

    private static func writeEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
    }
}

/// Small documents (journal history, days off) through `JSONEncoder`, formatted like
/// ``JSONWriter``: indented, keys sorted, ending in a newline.
func encodeJSON(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Plain values only (strings, numbers, arrays): encoding cannot fail.
    return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
}
