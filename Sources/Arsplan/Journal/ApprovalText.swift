/// The text an approval's schedule hash is taken of (``Approval/hash(of:)``): one line per
/// occurrence, `uid TAB start TAB end TAB status TAB owner LF`, the lines sorted by uid as
/// Swift compares strings, equal uids in schedule order.
///
/// The lines are written as bytes into one buffer in schedule order, then put in uid order
/// and copied out. When every uid is ASCII, Swift's string order is the order of the UTF-8
/// bytes (ASCII text is its own normal form), so the lines are sorted by their bytes: an
/// 8-byte key taken after the prefix all uids share ("bench-20000-a", "sf-2027-"),
/// and the rest of the bytes only when two keys are equal. Otherwise — any uid with a byte of
/// 0x80 or more, where canonical equivalence makes the two orders differ — by `String`'s `<`.
/// Both sorts are the standard library's stable sort with comparisons that agree, so both
/// give the same lines in the same order.
///
/// Why: for the 20,000-activity bench plan's approval (32,073 occurrences), built once in
/// every command that replays the journal (`isIntact`), the text in uid order took 143 M
/// instructions (sorting positions by `String` 76 M, appending the lines 68 M); it takes
/// 59 M (the lines 30 M, their order by key 24 M, copying them out 3 M; callgrind, release).
/// ``Approval/hashByText(of:)`` is the reference the tests compare with; `byteOrder: false`
/// forces the `String` sort.
struct ApprovalText {
    /// The lines in schedule order, one after the other.
    private let bytes: [UInt8]
    /// Where each occurrence's line starts in `bytes`, and one past the last line's end.
    private let starts: [Int]
    /// How many bytes of each line are its uid.
    private let uidCounts: [Int]
    /// Whether every uid is ASCII.
    private let asciiUIDs: Bool

    private init(_ occurrences: [ApprovedOccurrence]) {
        var total = 0
        for o in occurrences {
            total += o.uid.utf8.count + Self.timingCount(o.timing) + o.status.rawValue.utf8.count + (o.owner?.rawValue.utf8.count ?? 0) + 4
        }
        var starts: [Int] = []
        var uidCounts: [Int] = []
        starts.reserveCapacity(occurrences.count + 1)
        uidCounts.reserveCapacity(occurrences.count)
        var high: UInt8 = 0
        let bytes = [UInt8](capacity: total) { out in
            var ascii: UInt8 = 0
            // Occurrences in schedule order share days: the last day's text is kept.
            var days = DayText()
            // Fields read in place: a copy of the occurrence would retain its four strings.
            for k in occurrences.indices {
                starts.append(out.count)
                let uid = occurrences[k].uid.utf8.span
                for i in uid.indices {
                    ascii |= uid[i]
                    out.append(uid[i])
                }
                uidCounts.append(uid.count)
                out.append(UInt8(ascii: "\t"))
                switch occurrences[k].timing {
                case .allDay(let first, let last):
                    days.append(first, to: &out)
                    out.append(UInt8(ascii: "\t"))
                    days.append(last, to: &out)
                case .timed(let start, let end):
                    days.append(start.day, to: &out)
                    Self.append(start.time, to: &out)
                    out.append(UInt8(ascii: "\t"))
                    days.append(end.day, to: &out)
                    Self.append(end.time, to: &out)
                }
                out.append(UInt8(ascii: "\t"))
                let status = occurrences[k].status.rawValue.utf8.span
                for i in status.indices { out.append(status[i]) }
                out.append(UInt8(ascii: "\t"))
                if let owner = occurrences[k].owner {
                    let text = owner.rawValue.utf8.span
                    for i in text.indices { out.append(text[i]) }
                }
                out.append(UInt8(ascii: "\n"))
            }
            high = ascii
        }
        starts.append(bytes.count)
        self.bytes = bytes
        self.starts = starts
        self.uidCounts = uidCounts
        asciiUIDs = high < 0x80
    }

    /// The text the hash is taken of: the lines of `occurrences` in uid order.
    static func sorted(_ occurrences: [ApprovedOccurrence], byteOrder: Bool = true) -> [UInt8] {
        let lines = ApprovalText(occurrences)
        let order =
            byteOrder && lines.asciiUIDs
            ? lines.orderByBytes() : occurrences.indices.sorted { occurrences[$0].uid < occurrences[$1].uid }
        var text: [UInt8] = []
        text.reserveCapacity(lines.bytes.count)
        for i in order { text.append(contentsOf: lines.bytes[lines.starts[i]..<lines.starts[i + 1]]) }
        return text
    }

    /// Positions in uid order, comparing bytes (ASCII uids only).
    private func orderByBytes() -> [Int] {
        let count = uidCounts.count
        guard count > 1 else { return Array(0..<count) }
        // The prefix every uid shares: keys start after it.
        var shared = uidCounts[0]
        for i in 1..<count {
            shared = min(shared, uidCounts[i])
            var j = 0
            while j < shared && bytes[starts[i] + j] == bytes[starts[0] + j] { j += 1 }
            shared = j
        }
        // The next eight bytes, big-endian, zeros past the end of a uid.
        var keys = [UInt64](repeating: 0, count: count)
        for i in 0..<count {
            var key: UInt64 = 0
            for j in shared..<shared + 8 { key = key << 8 | UInt64(j < uidCounts[i] ? bytes[starts[i] + j] : 0) }
            keys[i] = key
        }
        return (0..<count).sorted { a, b in
            if keys[a] != keys[b] { return keys[a] < keys[b] }
            // Equal keys: the bytes from the key on (a uid ending early and one going on with
            // zero bytes have equal keys too), then the shorter first.
            let (countA, countB) = (uidCounts[a], uidCounts[b])
            var j = shared
            while j < countA && j < countB {
                let (x, y) = (bytes[starts[a] + j], bytes[starts[b] + j])
                if x != y { return x < y }
                j += 1
            }
            return countA < countB
        }
    }

    /// The bytes ``OccurrenceTiming/journalText`` takes, with the tab between start and end.
    private static func timingCount(_ timing: OccurrenceTiming) -> Int {
        switch timing {
        case .allDay: return 10 + 1 + 10
        case .timed: return 16 + 1 + 16
        }
    }

    /// `THH:MM`, what follows the day in a `YYYY-MM-DDTHH:MM`.
    private static func append(_ time: TimeOfDay, to out: inout OutputSpan<UInt8>) {
        out.append(UInt8(ascii: "T"))
        appendDigits(time.hour, to: &out)
        out.append(UInt8(ascii: ":"))
        appendDigits(time.minute, to: &out)
    }

    /// The text of the last day written, `YYYY-MM-DD`, made again only for another day.
    private struct DayText {
        var dayNumber = Int.min
        var text = InlineArray<10, UInt8>(repeating: UInt8(ascii: "-"))

        mutating func append(_ day: Day, to out: inout OutputSpan<UInt8>) {
            if day.dayNumber != dayNumber {
                // A day's year is 0–9999: always four digits.
                let (y, m, d) = day.civil
                dayNumber = day.dayNumber
                (text[0], text[1]) = ApprovalText.digits(y / 100)
                (text[2], text[3]) = ApprovalText.digits(y % 100)
                (text[5], text[6]) = ApprovalText.digits(m)
                (text[8], text[9]) = ApprovalText.digits(d)
            }
            for i in 0..<10 { out.append(text[i]) }
        }
    }

    /// The two digits of a number from 0 to 99.
    @inline(__always) fileprivate static func digits(_ value: Int) -> (UInt8, UInt8) {
        (UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10), UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
    }

    /// Two digits of a number from 0 to 99.
    @inline(__always) private static func appendDigits(_ value: Int, to out: inout OutputSpan<UInt8>) {
        out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value / 10))
        out.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: value % 10))
    }
}
