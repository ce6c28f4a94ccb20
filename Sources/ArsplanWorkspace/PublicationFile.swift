import Arsplan
import Foundation

/// The publication state on disk, `<plan>.published.json` beside the plan: what the feeds
/// last gave subscribers, per occurrence UID. One event per line, sorted by UID, so a git
/// diff shows which events an export changed:
///
/// ```json
/// {
///   "format": "arsplan-published-1",
///   "plan": "sf-2027",
///   "events": {
///     "sf-2027-blad-1": {"start": "2027-02-02", "sequence": 0, "stamp": "2026-11-30T10:15:00Z", "fingerprint": "0f3c…"},
///     "sf-2027-namnd-3": {"start": "2027-03-30T09:00", "sequence": 2, "stamp": "2027-03-01T10:00:00Z", "fingerprint": "…", "inFeeds": false}
///   }
/// }
/// ```
public enum PublicationFile {
    public static let format = "arsplan-published-1"

    /// `Plans/x.yaml` → `Plans/x.published.json` (beside `Plans/x.journal.jsonl`).
    public static func defaultPath(forPlan planPath: String) -> String {
        var base = planPath
        for ext in [".yaml", ".yml"] where base.hasSuffix(ext) {
            base.removeLast(ext.count)
            break
        }
        return base + ".published.json"
    }

    /// The file's bytes for `state`: the same state gives the same bytes.
    ///
    /// Written byte by byte: the UIDs sorted by their UTF-8 bytes with `memcmp`, a text
    /// without anything to escape copied as it is, numbers and stamps (most events share
    /// one) formatted without `String`. Measured (callgrind, the 100,000-event state of the
    /// bench plan, 7 Dec 2026): 4.97 G instructions before — sorting by
    /// `utf8.lexicographicallyPrecedes` 2.5 G of them — 0.76 G now (sorting 0.18 G).
    /// ``encodeSlowly(_:planID:)`` writes the same bytes the plain way; a test compares the two.
    ///
    /// A state read from a file whose UIDs are unchanged (``PublicationState/fileOrder``) is
    /// written in the file's order when that is sorted and holds exactly its UIDs, without
    /// sorting them again: every event of the bench plan changed, 667 M → 391 M instructions
    /// (callgrind, 8 Dec 2026). `inFileOrder: false` always sorts (for the test that compares
    /// the two).
    public static func encode(_ state: PublicationState, planID: String, inFileOrder: Bool = true) -> [UInt8] {
        var writer = StateWriter(planID: planID, count: state.events.count)
        if inFileOrder, let order = state.fileOrder, order.count == state.events.count, strictlyIncreasing(order) {
            var events: [PublishedEvent] = []
            events.reserveCapacity(order.count)
            for uid in order {
                guard let event = state.events[uid] else { break }
                events.append(event)
            }
            if events.count == order.count {
                for (uid, event) in zip(order, events) {
                    var uid = uid
                    uid.withUTF8 { writer.add($0, event) }
                }
                return writer.finish()
            }
        }
        // The UIDs' bytes and the events side by side, and the positions sorted: sorting the
        // (bytes, event) pairs themselves moved them at every step (the whole encoding of the
        // bench plan's 100,432 events 736 M -> 695 M instructions; callgrind).
        let uids = state.events.keys.map { Array($0.utf8) }
        let events = Array(state.events.values)
        var order = Array(uids.indices)
        order.sort { precedes(uids[$0], uids[$1]) }
        for i in order { writer.add(uids[i], events[i]) }
        return writer.finish()
    }

    /// The file written entry by entry, in the order given.
    private struct StateWriter {
        private var out: [UInt8] = []
        private var count = 0
        private var lastStamp: (stamp: Timestamp, bytes: [UInt8])?

        init(planID: String, count: Int) {
            out.reserveCapacity(96 + count * 140)
            add("{\n  \"format\": ")
            out += PublicationFile.quoted(PublicationFile.format).utf8
            add(",\n  \"plan\": ")
            out += PublicationFile.quoted(planID).utf8
            add(",\n  \"events\": {")
        }

        private mutating func add(_ text: StaticString) { text.withUTF8Buffer { out.append(contentsOf: $0) } }

        mutating func add<C: Collection>(_ uid: C, _ event: PublishedEvent) where C.Element == UInt8 {
            add(count == 0 ? "\n    " : ",\n    ")
            count += 1
            PublicationFile.addQuoted(uid, to: &out)
            add(": {\"start\": ")
            var start = event.start
            start.withUTF8 { PublicationFile.addQuoted($0, to: &out) }
            add(", \"sequence\": ")
            PublicationFile.addDecimal(event.sequence, to: &out)
            add(", \"stamp\": \"")
            if let last = lastStamp, last.stamp == event.stamp {
                out += last.bytes
            } else {
                let bytes = Array(event.stamp.description.utf8)
                out += bytes
                lastStamp = (event.stamp, bytes)
            }
            add("\", \"fingerprint\": \"")
            PublicationFile.addHex(event.fingerprint, to: &out)
            add("\"")
            add(event.inFeeds ? "}" : ", \"inFeeds\": false}")
        }

        mutating func finish() -> [UInt8] {
            add(count == 0 ? "}\n}\n" : "\n  }\n}\n")
            return out
        }
    }

    /// ``encode(_:planID:)`` the plain way, with `String`s (the reference the tests compare with).
    static func encodeSlowly(_ state: PublicationState, planID: String) -> [UInt8] {
        var out: [UInt8] = []
        let uids = state.events.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        func add(_ text: String) { out.append(contentsOf: text.utf8) }
        add("{\n  \"format\": ")
        add(quoted(format))
        add(",\n  \"plan\": ")
        add(quoted(planID))
        add(",\n  \"events\": {")
        for (n, uid) in uids.enumerated() {
            let event = state.events[uid]!
            add(n == 0 ? "\n    " : ",\n    ")
            add(quoted(uid))
            add(": {\"start\": ")
            add(quoted(event.start))
            add(", \"sequence\": ")
            add(String(event.sequence))
            add(", \"stamp\": \"")
            add(event.stamp.description)
            add("\", \"fingerprint\": \"")
            add(hex(event.fingerprint))
            add("\"")
            add(event.inFeeds ? "}" : ", \"inFeeds\": false}")
        }
        add(uids.isEmpty ? "}\n}\n" : "\n  }\n}\n")
        return out
    }

    /// `bytes` (UTF-8) as a JSON string literal: copied between quotes when nothing in it needs
    /// escaping, else by ``quoted(_:)``.
    private static func addQuoted<C: Collection>(_ bytes: C, to out: inout [UInt8]) where C.Element == UInt8 {
        var plain = true
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in bytes {
            // Control characters, quote, backslash, DEL; U+2028 and U+2029 (E2 80 A8/A9).
            if byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
                || ((byte == 0xA8 || byte == 0xA9) && previous == (0xE2, 0x80))
            {
                plain = false
                break
            }
            previous = (previous.1, byte)
        }
        if plain {
            out.append(0x22)
            out += bytes
            out.append(0x22)
        } else {
            out += quoted(String(decoding: bytes, as: UTF8.self)).utf8
        }
    }

    /// The decimal digits of `value`, appended one by one from the most significant (no array
    /// of digits made and reversed: with the hex digits below as one piece, the bench plan's
    /// state 391 M → 294 M instructions, callgrind, 8 Dec 2026).
    private static func addDecimal(_ value: Int, to out: inout [UInt8]) {
        guard value >= 0 else {
            out += String(value).utf8
            return
        }
        var divisor = 1
        while divisor <= value / 10 { divisor *= 10 }
        repeat {
            out.append(UInt8(ascii: "0") + UInt8(value / divisor % 10))
            divisor /= 10
        } while divisor > 0
    }

    static func decodeJSON(_ bytes: [UInt8]) throws(PublicationStateProblem) -> PublicationState {
        struct Entry: Decodable {
            var start: String
            var sequence: Int
            var stamp: String
            var fingerprint: String
            var inFeeds: Bool?
        }
        struct File: Decodable {
            var format: String
            var plan: String
            var events: [String: Entry]
        }
        let file: File
        do {
            file = try JSONDecoder().decode(File.self, from: Data(bytes))
        } catch {
            throw .notAState(Self.reason(error))
        }
        guard file.format == format else {
            throw .wrongFormat(found: file.format, expected: format)
        }
        var events: [String: PublishedEvent] = [:]
        events.reserveCapacity(file.events.count)
        for (uid, entry) in file.events {
            guard let stamp = Timestamp(iso: entry.stamp) else { throw .badStamp(uid: uid, stamp: entry.stamp) }
            guard entry.sequence >= 0 else { throw .negativeSequence(uid: uid, sequence: entry.sequence) }
            guard entry.fingerprint.utf8.count == 16, let fingerprint = UInt64(entry.fingerprint, radix: 16) else {
                throw .badFingerprint(uid: uid, fingerprint: entry.fingerprint)
            }
            events[uid] = PublishedEvent(
                fingerprint: fingerprint, sequence: entry.sequence, stamp: stamp, start: entry.start, inFeeds: entry.inFeeds ?? true)
        }
        return PublicationState(events: events)
    }

    private static func reason(_ error: any Error) -> JournalLineProblem {
        func path(_ keys: [any CodingKey]) -> String { keys.map(\.stringValue).joined(separator: ".") }
        switch error {
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? .notAnObject : .decoder(context.debugDescription)
        case DecodingError.keyNotFound(let key, let context):
            return .missingKey(key.stringValue, in: context.codingPath.isEmpty ? nil : path(context.codingPath))
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return .wrongType(path(context.codingPath))
        default: return .decoder("\(error)")
        }
    }

    /// 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// A JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
