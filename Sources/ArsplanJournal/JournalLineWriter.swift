import Arsplan

/// Writes a journal entry as the one line of JSON `JSONEncoder` writes for it (keys sorted,
/// slashes unescaped, no whitespace), byte for byte, without `JSONEncoder`.
///
/// Only `"` and `\` are escaped, so an entry with a control character (U+0000–U+001F) in any
/// of its texts gives nil and is left to `JSONEncoder`, which escapes those its own way.
///
/// Why: an approval writes the whole approved schedule (32,000 occurrences on the
/// 20,000-activity bench plan); `JSONEncoder` took 2,704 M instructions of `approve` there,
/// this writer takes 353 M (callgrind, release build; see bench/RESULTS.md).
/// `JournalFile.encode(_:directWriting:)` can switch it off; the tests write entries of every
/// kind both ways and compare the bytes.
enum JournalLineWriter {
    /// The entry's line (without its newline), or nil when a text in it has a control character.
    static func line(_ entry: JournalEntry) -> [UInt8]? {
        var out = LineBuffer()
        out.bytes.reserveCapacity(256)
        out.raw("{")
        var first = true
        func key(_ name: StaticString) {
            if !first { out.raw(",") }
            first = false
            out.string(name)
            out.raw(":")
        }
        // Keys in the order `.sortedKeys` gives them.
        key("action")
        out.string(entry.action.name)
        if let activity = entry.action.activity {
            key("activity")
            out.string(activity.rawValue)
        }
        key("at")
        out.string(entry.at.description)
        key("by")
        out.string(entry.by)
        if case .move(_, _, let day, _) = entry.action {
            key("day")
            out.string(day.description)
        }
        if case .assign(_, _, .some(let from)) = entry.action {
            key("from")
            out.string(from.description)
        }
        switch entry.action {
        case .move(_, let n, _, _), .cancel(_, .some(let n)):
            key("occurrence")
            out.integer(n)
        default: break
        }
        if let target = entry.target {
            key("occurrenceDay")
            out.string(target.day.description)
            key("occurrenceUID")
            out.string(target.uid)
        }
        if case .assign(_, let owner, _) = entry.action {
            key("owner")
            out.string(owner.rawValue)
        }
        if let planHash = entry.planHash {
            key("planHash")
            out.string(planHash)
        }
        if let reason = entry.reason {
            key("reason")
            out.string(reason)
        }
        if case .approve(let approval) = entry.action {
            key("ref")
            out.string(approval.ref)
            key("schedule")
            out.raw("[")
            for (i, o) in approval.occurrences.enumerated() {
                if i > 0 { out.raw(",") }
                out.approved(o)
            }
            out.raw("]")
            key("scheduleHash")
            out.string(approval.scheduleHash)
        }
        key("seq")
        out.integer(entry.sequence)
        if case .move(_, _, _, .some(let time)) = entry.action {
            key("time")
            out.string(time.description)
        }
        if case .undo(let undone) = entry.action {
            key("undoes")
            out.integer(undone)
        }
        key("v")
        out.integer(entry.version)
        out.raw("}")
        return out.controlCharacter ? nil : out.bytes
    }
}

/// The bytes of a line being written, and whether a text had a control character.
private struct LineBuffer {
    var bytes: [UInt8] = []
    var controlCharacter = false

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ text: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(text)
        bytes.append(UInt8(ascii: "\""))
    }

    /// A JSON string: `"` and `\` escaped, everything else as its UTF-8 bytes. A text with
    /// nothing to escape (nearly all) is appended in one piece.
    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        let plain = text.utf8.withContiguousStorageIfAvailable { utf8 -> Bool in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain != true {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                    bytes.append(UInt8(ascii: "\\"))
                    bytes.append(byte)
                case 0..<0x20:
                    controlCharacter = true
                    bytes.append(byte)
                default:
                    bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func integer(_ value: Int) {
        value.appendDecimal(to: &bytes)
    }

    /// A timing's start or end as ``OccurrenceTiming/journalText`` gives it, quoted.
    mutating func journalTime(_ timing: OccurrenceTiming, end: Bool) {
        bytes.append(UInt8(ascii: "\""))
        switch timing {
        case .allDay(let first, let last): (end ? last : first).appendISO(to: &bytes)
        case .timed(let start, let finish): (end ? finish : start).appendISO(to: &bytes)
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// One approved occurrence, keys sorted as `ApprovedOccurrence.encode(to:)` gives them.
    /// Written piece by piece as bytes: with a `String` per number, start and end and a byte
    /// at a time per text, the 32,073 occurrences of the 20,000-activity bench plan's approval
    /// took 265 M instructions of `approve` (callgrind).
    mutating func approved(_ o: ApprovedOccurrence) {
        raw(#"{"activity":"#)
        string(o.activity.rawValue)
        raw(#","end":"#)
        journalTime(o.timing, end: true)
        raw(#","index":"#)
        integer(o.index)
        if let owner = o.owner {
            raw(#","owner":"#)
            string(owner.rawValue)
        }
        raw(#","sequence":"#)
        integer(o.sequence)
        raw(#","start":"#)
        journalTime(o.timing, end: false)
        raw(#","status":"#)
        string(o.status.rawValue)
        raw(#","title":"#)
        string(o.title)
        raw(#","uid":"#)
        string(o.uid)
        raw("}")
    }
}
