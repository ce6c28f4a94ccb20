import Foundation

/// A small JSON value for output we write often and large (`schedule --format json` on
/// tens of thousands of occurrences), serialized the way `JSONEncoder` does with
/// `.prettyPrinted, .sortedKeys, .withoutEscapingSlashes` — about ten times faster.
enum JSONText {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    static func optional(_ text: String?) -> JSONText { text.map(JSONText.string) ?? .null }
    static func strings(_ texts: [String]) -> JSONText { .array(texts.map(JSONText.string)) }

    /// Pretty-printed with two-space indents, keys sorted, ending without a newline.
    func serialized() -> String {
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        write(to: &out, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: indent))
    }

    private func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): JSONText.writeString(text, to: &out)
        case .int(let number): out.append(contentsOf: String(number).utf8)
        case .bool(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            if items.isEmpty { JSONText.newline(&out, indent: 0) }
            for i in items.indices {
                JSONText.newline(&out, indent: indent + 2)
                items[i].write(to: &out, indent: indent + 2)
                if i != items.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            JSONText.newline(&out, indent: indent)
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            if pairs.isEmpty { JSONText.newline(&out, indent: 0) }
            let order = pairs.indices.sorted { pairs[$0].0.utf8.lexicographicallyPrecedes(pairs[$1].0.utf8) }
            for (n, i) in order.enumerated() {
                JSONText.newline(&out, indent: indent + 2)
                JSONText.writeString(pairs[i].0, to: &out)
                out.append(contentsOf: " : ".utf8)
                pairs[i].1.write(to: &out, indent: indent + 2)
                if n != order.count - 1 { out.append(UInt8(ascii: ",")) }
            }
            JSONText.newline(&out, indent: indent)
            out.append(UInt8(ascii: "}"))
        }
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped; all
    /// other characters (å, ä, ö, /) as they are, in UTF-8.
    static func writeString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
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
        out.append(UInt8(ascii: "\""))
    }
}

/// Small documents (journal history, days off) through `JSONEncoder`, formatted like
/// ``JSONText``: indented, keys sorted, ending in a newline.
func encodeJSON(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Plain values only (strings, numbers, arrays): encoding cannot fail.
    return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
}
