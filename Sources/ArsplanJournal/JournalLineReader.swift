import Arsplan

/// Reads one journal line straight from its bytes when it has the layout arsplan writes:
/// one JSON object, no whitespace, known keys each once, strings (escapes allowed), plain
/// non-negative integers and the approval's array of objects. Anything else — other
/// whitespace, an unknown or repeated key, a `null`, a number with a sign, fraction or
/// exponent, a value out of range, text that is not UTF-8 — gives nil, and the caller
/// decodes the line with `JSONDecoder`, which gives the same entry or the located error.
///
/// Why: an approval line holds the whole approved schedule (about 200 bytes per occurrence).
/// On the 20,000-activity bench plan with its 1,000-entry journal (32,000 approved
/// occurrences), `JournalContents.parse` took 2,331 M instructions of `validate`'s 7,626 M
/// with `JSONDecoder` and takes 349 M reading directly (callgrind, release build; see
/// bench/RESULTS.md). `JournalContents.parse(_:file:directReading:)` can switch it off;
/// the tests and the FuzzJournal target read the same journals both ways and compare.
/// Within the approval, an occurrence's key is recognised by its first byte and compared
/// with that one name as bytes packed into an integer (a `String` per key and a `switch`
/// over strings cost 150 M), the limits are read once a line, a `start`/`end` with the same
/// ten bytes as the last one reuses its day, and the string scans keep their index local:
/// the 32,073 occurrences took 301 M instructions and take 164 M, `JournalContents.parse`
/// 350 M → 213 M (callgrind, release).
struct JournalLineReader {
    private let bytes: [UInt8]
    private var i: Int
    private let end: Int
    // The limits, read once a line: each read of another module's `static let` is a call.
    private let years = JournalEntry.years
    private let maximumOccurrence = JournalEntry.maximumOccurrence
    private let maximumSequence = JournalEntry.maximumSequence
    /// The last day an approved occurrence's `start` or `end` gave, and where its text is: the
    /// next `start`/`end` with the same ten bytes is the same day (in schedule order, and for
    /// a one-day occurrence's `end`, it mostly is).
    private var lastDay: (at: Int, day: Day)?

    private init(_ bytes: [UInt8], _ range: Range<Int>) {
        self.bytes = bytes
        self.i = range.lowerBound
        self.end = range.upperBound
    }

    /// The entry on `bytes[range]`, or nil when the line is not in arsplan's own layout (or
    /// is not a valid entry): then `JSONDecoder` decides.
    static func entry(in bytes: [UInt8], _ range: Range<Int>) -> JournalEntry? {
        var reader = JournalLineReader(bytes, range)
        return reader.entry()
    }

    // MARK: The entry

    private mutating func entry() -> JournalEntry? {
        var version: Int?
        var sequence: Int?
        var at: Timestamp?
        var by: String?
        var reason: String?
        var planHash: String?
        var action: String?
        var activity: String?
        var occurrence: Int?
        var day: Day?
        var time: TimeOfDay?
        var owner: String?
        var from: Day?
        var undoes: Int?
        var ref: String?
        var scheduleHash: String?
        var schedule: [ApprovedOccurrence]?
        var occurrenceUID: String?
        var occurrenceDay: Day?

        guard take(UInt8(ascii: "{")) else { return nil }
        var first = true
        while !take(UInt8(ascii: "}")) {
            if !first { guard take(UInt8(ascii: ",")) else { return nil } }
            first = false
            guard let key = keyBytes() else { return nil }
            switch key {
            case "v":
                guard version == nil, let n = integer() else { return nil }
                version = n
            case "seq":
                guard sequence == nil, let n = integer(), (1...JournalEntry.maximumSequence).contains(n) else { return nil }
                sequence = n
            case "at":
                guard at == nil, let t = timestamp() else { return nil }
                at = t
            case "by":
                guard by == nil, let s = string() else { return nil }
                by = s
            case "reason":
                guard reason == nil, let s = string() else { return nil }
                reason = s
            case "planHash":
                guard planHash == nil, let s = string() else { return nil }
                planHash = s
            case "action":
                guard action == nil, let s = string() else { return nil }
                action = s
            case "activity":
                guard activity == nil, let s = string() else { return nil }
                activity = s
            case "occurrence":
                guard occurrence == nil, let n = integer(), (1...JournalEntry.maximumOccurrence).contains(n) else { return nil }
                occurrence = n
            case "day":
                guard day == nil, let d = journalDay() else { return nil }
                day = d
            case "time":
                guard time == nil, let t = timeOfDay() else { return nil }
                time = t
            case "owner":
                guard owner == nil, let s = string() else { return nil }
                owner = s
            case "undoes":
                guard undoes == nil, let n = integer(), (1...JournalEntry.maximumSequence).contains(n) else { return nil }
                undoes = n
            case "ref":
                guard ref == nil, let s = string() else { return nil }
                ref = s
            case "scheduleHash":
                guard scheduleHash == nil, let s = string() else { return nil }
                scheduleHash = s
            case "schedule":
                guard schedule == nil, let list = approvedOccurrences() else { return nil }
                schedule = list
            case "from":
                guard from == nil, let d = journalDay() else { return nil }
                from = d
            case "occurrenceUID":
                guard occurrenceUID == nil, let s = string() else { return nil }
                occurrenceUID = s
            case "occurrenceDay":
                guard occurrenceDay == nil, let d = journalDay() else { return nil }
                occurrenceDay = d
            default:
                return nil
            }
        }
        guard i == end else { return nil }

        // What `JournalEntry.init(from:)` requires, in the same terms; anything it would
        // refuse is left to it, so that its error is the one reported.
        guard let version, (1...JournalEntry.currentVersion).contains(version), let sequence, let at, let by, let action else { return nil }
        let decoded: JournalAction
        switch action {
        case "move":
            guard let activity, let day else { return nil }
            decoded = .move(activity: Activity.ID(activity), occurrence: occurrence ?? 1, day: day, time: time)
        case "cancel":
            guard let activity else { return nil }
            decoded = .cancel(activity: Activity.ID(activity), occurrence: occurrence)
        case "assign":
            // `from` needs format 2: an older line with it is JSONDecoder's error to report.
            guard let activity, let owner, from == nil || version >= 2 else { return nil }
            decoded = .assign(activity: Activity.ID(activity), owner: Owner.ID(owner), from: from)
        case "undo":
            guard let undoes else { return nil }
            decoded = .undo(entry: undoes)
        case "approve":
            guard let ref, let scheduleHash, let schedule else { return nil }
            decoded = .approve(Approval(ref: ref, scheduleHash: scheduleHash, occurrences: schedule))
        default:
            return nil
        }
        var target: OccurrenceMark?
        switch (occurrenceUID, occurrenceDay) {
        case (nil, nil): target = nil
        case (let uid?, let day?): target = OccurrenceMark(uid: uid, day: day)
        default: return nil
        }
        return JournalEntry(
            version: version, sequence: sequence, at: at, by: by, reason: reason, planHash: planHash, action: decoded, target: target)
    }

    /// The approval's `schedule`: an array of objects as ``ApprovedOccurrence`` encodes them.
    private mutating func approvedOccurrences() -> [ApprovedOccurrence]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var result: [ApprovedOccurrence] = []
        if take(UInt8(ascii: "]")) { return result }
        repeat {
            guard let occurrence = approvedOccurrence() else { return nil }
            result.append(occurrence)
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "]")) else { return nil }
        return result
    }

    /// The keys of an approved occurrence, each its name's bytes packed into an integer
    /// (``packed(_:)``; the tests check each against its name): told apart without a
    /// `String` per key.
    enum OccurrenceKey {
        static let uid: UInt64 = 0x75_6964
        static let activity: UInt64 = 0x6163_7469_7669_7479
        static let index: UInt64 = 0x69_6e64_6578
        static let title: UInt64 = 0x74_6974_6c65
        static let start: UInt64 = 0x73_7461_7274
        static let end: UInt64 = 0x65_6e64
        static let status: UInt64 = 0x7374_6174_7573
        static let owner: UInt64 = 0x6f_776e_6572
        static let sequence: UInt64 = 0x7365_7175_656e_6365
    }

    private mutating func approvedOccurrence() -> ApprovedOccurrence? {
        var uid: String?
        var activity: String?
        var index: Int?
        var title: String?
        var start: Range<Int>?
        var end: Range<Int>?
        var status: OccurrenceStatus?
        var owner: String?
        var sequence: Int?
        guard take(UInt8(ascii: "{")) else { return nil }
        var first = true
        while !take(UInt8(ascii: "}")) {
            if !first { guard take(UInt8(ascii: ",")) else { return nil } }
            first = false
            guard let key = occurrenceKey() else { return nil }
            switch key {
            case OccurrenceKey.uid:
                guard uid == nil, let s = string() else { return nil }
                uid = s
            case OccurrenceKey.activity:
                guard activity == nil, let s = string() else { return nil }
                activity = s
            case OccurrenceKey.index:
                guard index == nil, let n = integer(), n >= 1, n <= maximumOccurrence else { return nil }
                index = n
            case OccurrenceKey.title:
                guard title == nil, let s = string() else { return nil }
                title = s
            case OccurrenceKey.start:
                guard start == nil, let r = plainString() else { return nil }
                start = r
            case OccurrenceKey.end:
                guard end == nil, let r = plainString() else { return nil }
                end = r
            case OccurrenceKey.status:
                guard status == nil, let r = plainString() else { return nil }
                switch r.count {
                case 7 where matches(r, "planned"): status = .planned
                case 9 where matches(r, "tentative"): status = .tentative
                case 9 where matches(r, "cancelled"): status = .cancelled
                default: return nil
                }
            case OccurrenceKey.owner:
                guard owner == nil, let s = string() else { return nil }
                owner = s
            case OccurrenceKey.sequence:
                guard sequence == nil, let n = integer(), n <= maximumSequence else { return nil }
                sequence = n
            default:
                return nil
            }
        }
        guard let uid, let activity, let index, let start, let end, let status, let timing = timing(start, end) else { return nil }
        return ApprovedOccurrence(
            uid: uid, activity: Activity.ID(activity), index: index, title: title ?? activity, timing: timing, status: status,
            owner: owner.map { Owner.ID($0) }, sequence: sequence ?? 0)
    }

    /// The key of an approved occurrence at `i`, written plainly (`"uid":`), packed; nil for
    /// any other text, which is what reading the key as a ``plainString()`` and packing it
    /// gave for every key but the nine. The first byte (and for `s…`, where the closing quote
    /// is) says which key it can be, and only that one is compared.
    private mutating func occurrenceKey() -> UInt64? {
        guard end - i >= 4, bytes[i] == UInt8(ascii: "\"") else { return nil }
        let first = i + 1
        let key: UInt64
        let length: Int
        switch bytes[first] {
        case UInt8(ascii: "a"): (key, length) = (OccurrenceKey.activity, 8)
        case UInt8(ascii: "e"): (key, length) = (OccurrenceKey.end, 3)
        case UInt8(ascii: "i"): (key, length) = (OccurrenceKey.index, 5)
        case UInt8(ascii: "o"): (key, length) = (OccurrenceKey.owner, 5)
        case UInt8(ascii: "t"): (key, length) = (OccurrenceKey.title, 5)
        case UInt8(ascii: "u"): (key, length) = (OccurrenceKey.uid, 3)
        case UInt8(ascii: "s"):
            if end - first > 6, bytes[first + 5] == UInt8(ascii: "\"") {
                (key, length) = (OccurrenceKey.start, 5)
            } else if end - first > 7, bytes[first + 6] == UInt8(ascii: "\"") {
                (key, length) = (OccurrenceKey.status, 6)
            } else {
                (key, length) = (OccurrenceKey.sequence, 8)
            }
        default: return nil
        }
        // The name, its closing quote and the colon, with a value after them.
        guard end - first > length + 2, bytes[first + length] == UInt8(ascii: "\""), bytes[first + length + 1] == UInt8(ascii: ":"),
            packed(first..<first + length) == key
        else { return nil }
        i = first + length + 2
        return key
    }

    /// At most eight bytes as an integer, the first byte highest; nil for more. A key packs to
    /// its constant only when its bytes are the name's: two texts of the same length never
    /// give the same number.
    @inline(__always) private func packed(_ range: Range<Int>) -> UInt64? {
        guard range.count <= 8 else { return nil }
        var key: UInt64 = 0
        for j in range { key = key << 8 | UInt64(bytes[j]) }
        return key
    }

    // MARK: Values

    @inline(__always) private mutating func take(_ byte: UInt8) -> Bool {
        guard i < end, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    /// A key and its colon, as a `StaticString`-comparable `String` (keys are short ASCII).
    private mutating func keyBytes() -> String? {
        guard let range = plainString(), take(UInt8(ascii: ":")) else { return nil }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    private func matches(_ range: Range<Int>, _ text: StaticString) -> Bool {
        guard range.count == text.utf8CodeUnitCount else { return false }
        return text.withUTF8Buffer { expected in
            var k = 0
            for j in range {
                if bytes[j] != expected[k] { return false }
                k += 1
            }
            return true
        }
    }

    /// A string without escapes: the range of its bytes (ASCII only, so no check is needed).
    private mutating func plainString() -> Range<Int>? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        // A local index over a local copy of the buffer: the loop keeps both in registers.
        let bytes = self.bytes
        let start = i
        var j = start
        while j < end {
            let byte = bytes[j]
            if byte == UInt8(ascii: "\"") {
                i = j + 1
                return start..<j
            }
            guard byte >= 0x20, byte < 0x80, byte != UInt8(ascii: "\\") else { return nil }
            j += 1
        }
        return nil
    }

    /// A JSON string with its escapes resolved; nil when it is not valid JSON or not UTF-8.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let bytes = self.bytes
        let start = i
        var j = start
        var high: UInt8 = 0
        while j < end {
            let byte = bytes[j]
            if byte == UInt8(ascii: "\"") {
                i = j + 1
                let slice = bytes[start..<j]
                return high < 0x80 ? String(decoding: slice, as: UTF8.self) : String(validating: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                i = start
                return escapedString()
            }
            guard byte >= 0x20 else { return nil }
            high |= byte
            j += 1
        }
        return nil
    }

    /// The rest of a string that has escapes, from its first byte.
    private mutating func escapedString() -> String? {
        var out: [UInt8] = []
        while i < end {
            let byte = bytes[i]
            i += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(validating: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < end else { return nil }
                let escape = bytes[i]
                i += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard let unit = hex4() else { return nil }
                    var scalar: Unicode.Scalar?
                    if (0xD800..<0xDC00).contains(unit) {
                        guard take(UInt8(ascii: "\\")), take(UInt8(ascii: "u")), let low = hex4(), (0xDC00..<0xE000).contains(low) else {
                            return nil
                        }
                        scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00))
                    } else {
                        scalar = Unicode.Scalar(unit)
                    }
                    guard let scalar else { return nil }
                    out.append(contentsOf: String(Character(scalar)).utf8)
                default:
                    return nil
                }
            default:
                guard byte >= 0x20 else { return nil }
                out.append(byte)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard end - i >= 4 else { return nil }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[i]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: return nil
            }
            value = value << 4 | UInt32(digit)
            i += 1
        }
        return value
    }

    /// A non-negative integer without sign, leading zeros, fraction or exponent (at most 10 digits).
    private mutating func integer() -> Int? {
        let start = i
        var value = 0
        while i < end, let digit = digit(at: i) {
            // More digits than any number a journal holds: JSONDecoder says what is wrong.
            guard i - start < 10 else { return nil }
            value = value * 10 + digit
            i += 1
        }
        let count = i - start
        guard count >= 1, count <= 10, !(count > 1 && bytes[start] == UInt8(ascii: "0")) else { return nil }
        // `1.5`, `1e3`: left to JSONDecoder.
        if i < end, bytes[i] == UInt8(ascii: ".") || bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") { return nil }
        return value
    }

    @inline(__always) private func digit(at position: Int) -> Int? {
        let byte = bytes[position]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        return Int(byte - UInt8(ascii: "0"))
    }

    /// Digits at `range` as a number; nil when any is not a digit.
    private func number(_ range: Range<Int>) -> Int? {
        var value = 0
        for position in range {
            guard let d = digit(at: position) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    /// `YYYY-MM-DD` at `start` (as `Day(iso:)` reads it, digits only).
    private func day(at start: Int) -> Day? {
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"), let y = number(start..<start + 4),
            let m = number(start + 5..<start + 7), let d = number(start + 8..<start + 10)
        else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// `HH:MM` at `start`.
    private func time(at start: Int) -> TimeOfDay? {
        guard bytes[start + 2] == UInt8(ascii: ":"), let h = number(start..<start + 2), let m = number(start + 3..<start + 5) else { return nil }
        return TimeOfDay(hour: h, minute: m)
    }

    /// A day within ``JournalEntry/years`` (`day`, `occurrenceDay`).
    private mutating func journalDay() -> Day? {
        guard let range = plainString(), range.count == 10, let day = day(at: range.lowerBound), JournalEntry.years.contains(day.year) else {
            return nil
        }
        return day
    }

    /// `HH:MM` or `H:MM` (`time`).
    private mutating func timeOfDay() -> TimeOfDay? {
        guard let range = plainString() else { return nil }
        switch range.count {
        case 5: return time(at: range.lowerBound)
        case 4:
            guard bytes[range.lowerBound + 1] == UInt8(ascii: ":"), let h = number(range.lowerBound..<range.lowerBound + 1),
                let m = number(range.lowerBound + 2..<range.upperBound)
            else { return nil }
            return TimeOfDay(hour: h, minute: m)
        default: return nil
        }
    }

    /// `YYYY-MM-DDTHH:MM:SSZ` (`at`).
    private mutating func timestamp() -> Timestamp? {
        guard let range = plainString(), range.count == 20 else { return nil }
        let s = range.lowerBound
        guard bytes[s + 10] == UInt8(ascii: "T"), bytes[s + 13] == UInt8(ascii: ":"), bytes[s + 16] == UInt8(ascii: ":"),
            bytes[s + 19] == UInt8(ascii: "Z"), let day = day(at: s), let h = number(s + 11..<s + 13), let m = number(s + 14..<s + 16),
            let sec = number(s + 17..<s + 19), (0...23).contains(h), (0...59).contains(m), (0...59).contains(sec)
        else { return nil }
        return Timestamp(secondsSince1970: day.dayNumber * 86_400 + h * 3600 + m * 60 + sec)
    }

    /// An approved occurrence's `start`/`end`: two days, or two `YYYY-MM-DDTHH:MM`, both
    /// days within ``JournalEntry/years``.
    private mutating func timing(_ start: Range<Int>, _ end: Range<Int>) -> OccurrenceTiming? {
        switch (start.count, end.count) {
        case (10, 10):
            guard let first = journalYearDay(at: start.lowerBound), let last = journalYearDay(at: end.lowerBound) else { return nil }
            return .allDay(first: first, last: last)
        case (16, 16):
            guard bytes[start.lowerBound + 10] == UInt8(ascii: "T"), bytes[end.lowerBound + 10] == UInt8(ascii: "T"),
                let d1 = journalYearDay(at: start.lowerBound), let t1 = time(at: start.lowerBound + 11),
                let d2 = journalYearDay(at: end.lowerBound), let t2 = time(at: end.lowerBound + 11)
            else { return nil }
            return .timed(start: LocalDateTime(day: d1, time: t1), end: LocalDateTime(day: d2, time: t2))
        default:
            return nil
        }
    }

    /// `YYYY-MM-DD` at `start` with its year within ``JournalEntry/years``: the year is checked
    /// as read (a day's `year` is the one it was made from), not worked out again from the day.
    /// The same ten bytes as the last day read give that day again.
    private mutating func journalYearDay(at start: Int) -> Day? {
        if let (at, day) = lastDay {
            var k = 0
            while k < 10 && bytes[at + k] == bytes[start + k] { k += 1 }
            if k == 10 { return day }
        }
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"), let y = number(start..<start + 4),
            years.contains(y), let m = number(start + 5..<start + 7), let d = number(start + 8..<start + 10),
            let day = Day(year: y, month: m, day: d)
        else { return nil }
        lastDay = (start, day)
        return day
    }
}
