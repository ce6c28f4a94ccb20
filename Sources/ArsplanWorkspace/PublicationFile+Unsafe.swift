import Arsplan

// The publication file's pointer code: comparing UIDs with `memcmp` and reading the state
// through a buffer pointer (see `PublicationFile.encode`/`decode` for the figures). Raw
// pointers live only in files whose names say so.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension PublicationFile {
    /// Whether `a` comes before `b` in byte order (which for UTF-8 is code point order).
    static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        let order = a.withUnsafeBytes { a in
            b.withUnsafeBytes { b in min(a.count, b.count) == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, min(a.count, b.count)) }
        }
        return order != 0 ? order < 0 : a.count < b.count
    }

    /// 16 lower-case hex digits, appended as one piece.
    static func addHex(_ value: UInt64, to out: inout [UInt8]) {
        // Two words of eight ASCII digits each, the first digit in the lowest byte.
        func word(_ half: UInt64) -> UInt64 {
            var word: UInt64 = 0
            for i in 0..<8 {
                let digit = (half >> UInt64(28 - 4 * i)) & 0xF
                word |= (digit < 10 ? 0x30 + digit : 0x61 + digit - 10) << UInt64(8 * i)
            }
            return word.littleEndian
        }
        var digits = (word(value >> 32), word(value & 0xFFFF_FFFF))
        withUnsafeBytes(of: &digits) { out.append(contentsOf: $0) }
    }

    /// Whether `uids` are in strictly increasing byte order (so each is there once).
    static func strictlyIncreasing(_ uids: [String]) -> Bool {
        guard uids.count > 1 else { return true }
        var previous = uids[0]
        for i in 1..<uids.count {
            var uid = uids[i]
            let before = previous.withUTF8 { a in
                uid.withUTF8 { b in
                    let common = min(a.count, b.count)
                    let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                    return order != 0 ? order < 0 : a.count < b.count
                }
            }
            guard before else { return false }
            previous = uid
        }
        return true
    }

    /// Reads a state file; throws what is wrong.
    public static func decode(_ bytes: [UInt8]) throws(PublicationStateProblem) -> PublicationState {
        // The layout `encode` writes is read directly (JSONDecoder takes seconds for 100,000
        // events); anything else — a file edited by hand — by JSONDecoder, which also says
        // what is wrong.
        if let state = bytes.withUnsafeBufferPointer({ buffer in
            var reader = FastReader(bytes: buffer)
            return reader.read()
        }) {
            return state
        }
        return try decodeJSON(bytes)
    }

    /// Reads exactly the layout ``encode(_:planID:)`` writes, or returns nil.
    struct FastReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var at = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        mutating func expect(_ text: StaticString) -> Bool {
            let count = text.utf8CodeUnitCount
            guard at + count <= bytes.count else { return false }
            let matches = text.withUTF8Buffer { expected in
                for i in 0..<count where bytes[at + i] != expected[i] { return false }
                return true
            }
            if matches { at += count }
            return matches
        }

        /// A string literal without escapes (nil when it has one: the slow path reads it).
        mutating func string() -> String? {
            guard at < bytes.count, bytes[at] == UInt8(ascii: "\"") else { return nil }
            let start = at + 1
            var end = start
            while end < bytes.count, bytes[end] != UInt8(ascii: "\"") {
                if bytes[end] == UInt8(ascii: "\\") || bytes[end] < 0x20 { return nil }
                end += 1
            }
            guard end < bytes.count else { return nil }
            at = end + 1
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }

        mutating func number(_ count: Int? = nil) -> Int? {
            var value = 0
            var digits = 0
            while at < bytes.count, bytes[at] >= 0x30, bytes[at] <= 0x39, digits < (count ?? 9) {
                value = value * 10 + Int(bytes[at] - 0x30)
                at += 1
                digits += 1
            }
            guard digits > 0, count == nil || digits == count else { return nil }
            return value
        }

        /// `"2026-11-20T10:00:00Z"`.
        mutating func stamp() -> Timestamp? {
            guard expect("\""), let y = number(4), expect("-"), let mo = number(2), expect("-"), let d = number(2), expect("T"),
                let h = number(2), expect(":"), let mi = number(2), expect(":"), let s = number(2), expect("Z\""),
                let day = Day(year: y, month: mo, day: d), h < 24, mi < 60, s < 60
            else { return nil }
            return Timestamp(secondsSince1970: day.dayNumber * 86_400 + h * 3600 + mi * 60 + s)
        }

        mutating func read() -> PublicationState? {
            guard expect("{\n  \"format\": \""), expect("arsplan-published-1"), expect("\",\n  \"plan\": "), string() != nil,
                expect(",\n  \"events\": {")
            else { return nil }
            var events: [String: PublishedEvent] = [:]
            var order: [String] = []
            if expect("}\n}\n") { return at == bytes.count ? PublicationState(events: events, fileOrder: order) : nil }
            events.reserveCapacity(bytes.count / 130)
            order.reserveCapacity(bytes.count / 130)
            repeat {
                guard expect("\n    "), let uid = string(), expect(": {\"start\": "), let start = string(), expect(", \"sequence\": "),
                    let sequence = number(), expect(", \"stamp\": "), let stamp = stamp(), expect(", \"fingerprint\": "),
                    let text = string(), let fingerprint = UInt64(text, radix: 16), text.utf8.count == 16, events[uid] == nil
                else { return nil }
                let inFeeds = !expect(", \"inFeeds\": false")
                guard expect("}") else { return nil }
                events[uid] = PublishedEvent(fingerprint: fingerprint, sequence: sequence, stamp: stamp, start: start, inFeeds: inFeeds)
                order.append(uid)
            } while expect(",")
            guard expect("\n  }\n}\n"), at == bytes.count else { return nil }
            return PublicationState(events: events, fileOrder: order)
        }
    }

}
