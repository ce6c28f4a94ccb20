import Testing

@testable import Arsplan

/// SHA-256 over whole blocks against the byte-at-a-time version it replaced, and the
/// approval's schedule hash built as bytes against the one built as a `String`.
@Suite("Content hashes built from bytes")
struct ByteHashTests {
    /// The byte-at-a-time SHA-256 arsplan had before (FIPS 180-4, written plainly): the reference.
    struct ReferenceSHA256 {
        static let k: [UInt32] = [
            0x428a_2f98, 0x7137_4491, 0xb5c0_fbcf, 0xe9b5_dba5, 0x3956_c25b, 0x59f1_11f1, 0x923f_82a4, 0xab1c_5ed5,
            0xd807_aa98, 0x1283_5b01, 0x2431_85be, 0x550c_7dc3, 0x72be_5d74, 0x80de_b1fe, 0x9bdc_06a7, 0xc19b_f174,
            0xe49b_69c1, 0xefbe_4786, 0x0fc1_9dc6, 0x240c_a1cc, 0x2de9_2c6f, 0x4a74_84aa, 0x5cb0_a9dc, 0x76f9_88da,
            0x983e_5152, 0xa831_c66d, 0xb003_27c8, 0xbf59_7fc7, 0xc6e0_0bf3, 0xd5a7_9147, 0x06ca_6351, 0x1429_2967,
            0x27b7_0a85, 0x2e1b_2138, 0x4d2c_6dfc, 0x5338_0d13, 0x650a_7354, 0x766a_0abb, 0x81c2_c92e, 0x9272_2c85,
            0xa2bf_e8a1, 0xa81a_664b, 0xc24b_8b70, 0xc76c_51a3, 0xd192_e819, 0xd699_0624, 0xf40e_3585, 0x106a_a070,
            0x19a4_c116, 0x1e37_6c08, 0x2748_774c, 0x34b0_bcb5, 0x391c_0cb3, 0x4ed8_aa4a, 0x5b9c_ca4f, 0x682e_6ff3,
            0x748f_82ee, 0x78a5_636f, 0x84c8_7814, 0x8cc7_0208, 0x90be_fffa, 0xa450_6ceb, 0xbef9_a3f7, 0xc671_78f2,
        ]

        static func hex(_ message: [UInt8]) -> String {
            var h: [UInt32] = [0x6a09_e667, 0xbb67_ae85, 0x3c6e_f372, 0xa54f_f53a, 0x510e_527f, 0x9b05_688c, 0x1f83_d9ab, 0x5be0_cd19]
            var padded = message + [0x80]
            while padded.count % 64 != 56 { padded.append(0) }
            let bits = UInt64(message.count) * 8
            for shift in stride(from: 56, through: 0, by: -8) { padded.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
            func rotr(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }
            for block in stride(from: 0, to: padded.count, by: 64) {
                var w = [UInt32](repeating: 0, count: 64)
                for i in 0..<16 {
                    for j in 0..<4 { w[i] = w[i] << 8 | UInt32(padded[block + 4 * i + j]) }
                }
                for i in 16..<64 {
                    let s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3)
                    let s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10)
                    w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
                }
                var v = h
                for i in 0..<64 {
                    let t1 = v[7] &+ (rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25)) &+ ((v[4] & v[5]) ^ (~v[4] & v[6])) &+ k[i] &+ w[i]
                    let t2 = (rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22)) &+ ((v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]))
                    v = [t1 &+ t2, v[0], v[1], v[2], v[3] &+ t1, v[4], v[5], v[6]]
                }
                for i in 0..<8 { h[i] &+= v[i] }
            }
            let digits = Array("0123456789abcdef")
            return "sha256:" + String(h.flatMap { word in (0..<8).reversed().map { digits[Int(word >> UInt32(4 * $0) & 0xf)] } })
        }
    }

    /// Every length around the block and padding boundaries, and a long text, against the reference.
    @Test func everyLengthAgainstTheReference() {
        var generator = SystemRandomNumberGenerator()
        for length in Array(0...200) + [447, 448, 511, 512, 1000, 4096, 100_003] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            #expect(ContentHash.sha256(bytes: bytes) == ReferenceSHA256.hex(bytes), "length \(length)")
            #expect(ContentHash.sha256(bytes) == ContentHash.sha256(bytes: bytes))
            #expect(ContentHash.sha256(bytes.lazy.map { $0 }) == ContentHash.sha256(bytes: bytes))
        }
    }

    /// The approval's hash built as bytes is the hash of the text it was built as before.
    @Test func theScheduleHashAsBytesIsTheHashOfTheText() {
        let allDay = OccurrenceTiming.allDay(first: Day(year: 2027, month: 1, day: 5)!, last: Day(year: 2027, month: 12, day: 31)!)
        let timed = OccurrenceTiming.timed(
            start: LocalDateTime(day: Day(year: 2027, month: 3, day: 9)!, time: TimeOfDay(hour: 7, minute: 5)!),
            end: LocalDateTime(day: Day(year: 2028, month: 10, day: 10)!, time: TimeOfDay(hour: 23, minute: 59)!))
        let farOff = OccurrenceTiming.allDay(first: Day(year: 900, month: 2, day: 28)!, last: Day(year: 9999, month: 12, day: 31)!)
        var occurrences: [ApprovedOccurrence] = []
        for (n, uid) in ["p-b-2", "p-a-1", "p-å-1", "p-Z-1", "p-a-10", "p-👩‍💼-3", "p-a-1", ""].enumerated() {
            occurrences.append(
                ApprovedOccurrence(
                    uid: uid, activity: Activity.ID(uid), index: n + 1, title: "t", timing: [allDay, timed, farOff][n % 3],
                    status: [.planned, .tentative, .cancelled][n % 3], owner: n % 2 == 0 ? Owner.ID("ägare \(n)") : nil, sequence: n))
        }
        #expect(Approval.hash(of: occurrences) == Approval.hashByText(of: occurrences))
        #expect(Approval.hash(of: []) == Approval.hashByText(of: []))
        // The example plan's schedule, as `approve` records it.
        let schedule = Scheduler.schedule(ExamplePlanJournalTests.plan)
        let approved = schedule.occurrences.map { ApprovedOccurrence($0, in: schedule.plan) }
        #expect(approved.count > 100)
        #expect(Approval.hash(of: approved) == Approval.hashByText(of: approved))
        #expect(Self.hashes(approved).byBytes == Self.hashes(approved).byString)
    }

    /// The hash of the approval text sorted by uid bytes, and sorted by `String`.
    static func hashes(_ occurrences: [ApprovedOccurrence]) -> (byBytes: String, byString: String) {
        (
            ContentHash.sha256(bytes: ApprovalText.sorted(occurrences)),
            ContentHash.sha256(bytes: ApprovalText.sorted(occurrences, byteOrder: false))
        )
    }

    /// Uids that make the byte sort work for its answer: a long shared prefix, keys that tie
    /// (a uid ending where another goes on with zero bytes), uids shorter than the prefix plus
    /// the key, tabs and newlines inside a uid, and equal uids whose lines differ (their order
    /// is the schedule's). Sorted by bytes and by `String`, the texts are the same.
    @Test(arguments: [0, 1, 2, 3, 4, 5, 6, 7])
    func uidsSortedByBytesAsByString(seed: UInt64) {
        var random = NaiveReplayTests.Generator(state: seed)
        let pieces = ["", "a", "b", "a\u{0}", "\u{0}", "-1", "-10", "-2", "\t", "\n", "\r", "Z", "~", "aaaaaaaa", "aaaaaaab"]
        let prefix = ["bench-20000-a", "", "x", "sf-2027-"][Int(seed % 4)]
        let day = Day(year: 2027, month: 3, day: 1)!
        var occurrences: [ApprovedOccurrence] = []
        for n in 0..<300 {
            var uid = prefix
            for _ in 0..<Int.random(in: 0..<4, using: &random) { uid += pieces.randomElement(using: &random)! }
            occurrences.append(
                ApprovedOccurrence(
                    uid: uid, activity: "a", index: 1, title: "t", timing: .allDay(first: day.adding(days: n), last: day.adding(days: n)),
                    status: .planned, owner: n % 3 == 0 ? nil : Owner.ID("o\(n % 7)")))
        }
        #expect(Self.hashes(occurrences).byBytes == Self.hashes(occurrences).byString)
        #expect(Approval.hash(of: occurrences) == Approval.hashByText(of: occurrences))
        // One occurrence, and all uids the same.
        #expect(Approval.hash(of: [occurrences[0]]) == Approval.hashByText(of: [occurrences[0]]))
        let same = occurrences.map { o in
            var o = o
            o.uid = prefix
            return o
        }
        #expect(Self.hashes(same).byBytes == Self.hashes(same).byString)
        #expect(Approval.hash(of: same) == Approval.hashByText(of: same))
    }

    /// A uid that is not ASCII sends the whole approval to the `String` sort, where canonically
    /// equivalent uids ("é" composed and decomposed) are equal: the hash is still the text's.
    @Test func uidsThatAreNotASCIISortAsStrings() {
        let day = Day(year: 2027, month: 3, day: 1)!
        let uids = ["p-e\u{301}-1", "p-\u{e9}-1", "p-e-1", "p-f-1", "p-\u{e9}-1", "p-ö", "p-z"]
        let occurrences = uids.enumerated().map { n, uid in
            ApprovedOccurrence(
                uid: uid, activity: "a", index: n + 1, title: "t", timing: .allDay(first: day.adding(days: n), last: day.adding(days: n)),
                status: .tentative, owner: "o")
        }
        #expect(Approval.hash(of: occurrences) == Approval.hashByText(of: occurrences))
        #expect(Approval.hash(of: occurrences.reversed()) == Approval.hashByText(of: occurrences.reversed()))
    }
}
