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
    public static func encode(_ state: PublicationState, planID: String) -> [UInt8] {
        var out = "{\n  \"format\": \(quoted(format)),\n  \"plan\": \(quoted(planID)),\n  \"events\": {"
        let uids = state.events.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        out.reserveCapacity(64 + uids.count * 130)
        for (n, uid) in uids.enumerated() {
            let event = state.events[uid]!
            out += n == 0 ? "\n    " : ",\n    "
            out += quoted(uid)
            out += ": {\"start\": "
            out += quoted(event.start)
            out += ", \"sequence\": "
            out += String(event.sequence)
            out += ", \"stamp\": \""
            out += event.stamp.description
            out += "\", \"fingerprint\": \""
            out += event.fingerprint
            out += event.inFeeds ? "\"}" : "\", \"inFeeds\": false}"
        }
        out += uids.isEmpty ? "}\n}\n" : "\n  }\n}\n"
        return Array(out.utf8)
    }

    /// Reads a state file; throws a sentence saying what is wrong.
    public static func decode(_ bytes: [UInt8]) throws(FileSystemError) -> PublicationState {
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
            throw FileSystemError("not a publication state arsplan wrote (\(Self.reason(error)))")
        }
        guard file.format == format else {
            throw FileSystemError("format '\(file.format)' is not '\(format)' (written by another version of arsplan?)")
        }
        var events: [String: PublishedEvent] = [:]
        events.reserveCapacity(file.events.count)
        for (uid, entry) in file.events {
            guard let stamp = Timestamp(iso: entry.stamp) else { throw FileSystemError("'\(uid)': the stamp '\(entry.stamp)' is not a UTC time") }
            guard entry.sequence >= 0 else { throw FileSystemError("'\(uid)': negative sequence \(entry.sequence)") }
            events[uid] = PublishedEvent(
                fingerprint: entry.fingerprint, sequence: entry.sequence, stamp: stamp, start: entry.start, inFeeds: entry.inFeeds ?? true)
        }
        return PublicationState(events: events)
    }

    private static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): return context.debugDescription
        case DecodingError.keyNotFound(let key, _): return "'\(key.stringValue)' missing"
        case DecodingError.typeMismatch(_, let context): return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): wrong type"
        case DecodingError.valueNotFound(_, let context): return "\(context.codingPath.map(\.stringValue).joined(separator: ".")): missing value"
        default: return "\(error)"
        }
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
