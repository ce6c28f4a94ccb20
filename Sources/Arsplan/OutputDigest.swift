/// A 128-bit digest of an export's files, so that an export can tell whether it would write
/// the same bytes as the one before without reading the old files back (the folder's
/// marker keeps the digest). Two 64-bit lanes over 8-byte words, each multiplied and folded
/// so every input bit reaches every output bit: several gigabytes a second where FNV-1a's
/// byte at a time (``ContentFingerprint``) manages about half a gigabyte.
///
/// Not for secrets: it only has to tell "the same bytes" from "different bytes", in every
/// run and on every machine (the words are read little-endian, unlike Swift's seeded
/// `Hasher`).
public struct OutputDigest: Sendable {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var length: UInt64 = 0

    public init() {}

    /// Adds `bytes`; the digest of two pieces is not that of their concatenation (each piece's
    /// length counts), so a list of pieces hashes unambiguously.
    public mutating func add(bytes: UnsafeRawBufferPointer) {
        var a = self.a
        var b = self.b
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            Self.mix(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)), &a, &b)
            offset += 8
        }
        var last: UInt64 = 0
        var shift: UInt64 = 0
        while offset < count {
            last |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        // The tail and the piece's length as two more words.
        Self.mix(last, &a, &b)
        Self.mix(UInt64(count), &a, &b)
        self.a = a
        self.b = b
        length &+= UInt64(count)
    }

    public mutating func add(bytes: [UInt8]) {
        bytes.withUnsafeBytes { add(bytes: $0) }
    }

    public mutating func add(_ text: String) {
        add(bytes: Array(text.utf8))
    }

    /// Adds one number as one word (no length: the caller's order of calls tells what it is).
    public mutating func add(_ number: Int) {
        Self.mix(UInt64(bitPattern: Int64(number)), &a, &b)
        length &+= 8
    }

    @inline(__always)
    private static func mix(_ word: UInt64, _ a: inout UInt64, _ b: inout UInt64) {
        a = (a ^ word) &* 0x9FB2_1C65_1E98_DF25
        a ^= a >> 32
        b = (b &+ word) &* 0xFF51_AFD7_ED55_8CCD
        b ^= b >> 29
    }

    /// 32 lower-case hex digits.
    public var hex: String {
        var a = self.a ^ length
        var b = self.b ^ (length &* 0x9E37_79B9_7F4A_7C15)
        a = (a ^ (b >> 31)) &* 0xBF58_476D_1CE4_E5B9
        b = (b ^ (a >> 27)) &* 0x94D0_49BB_1331_11EB
        a ^= a >> 31
        b ^= b >> 33
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8](repeating: 0, count: 32)
        for (half, value) in [(0, a), (16, b)] {
            var v = value
            for i in stride(from: 15, through: 0, by: -1) {
                out[half + i] = digits[Int(v & 0xF)]
                v >>= 4
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
