import Arsplan
import Testing

@testable import ArsplanPlanFile

/// Issue 9, finding 8: every reported line is the one an editor shows (LF, CRLF and a lone
/// CR end lines; NEL, U+2028 and U+2029 do not), the two-core reader counts exactly as the
/// one-piece reader, and a file that is not UTF-8 is reported at its first bad byte.
struct LineBreakTests {
    static let head = "plan: {id: stor, title: Stor plan, year: 2027}\n"

    static func activities(_ count: Int) -> String {
        (1...count).map { "  - id: a\($0)\n    title: \"Aktivitet \($0)\"\n    date: 2027-03-\(10 + $0 % 18)\n" }.joined()
    }

    private func located(_ text: String, _ code: DiagnosticCode) -> [String] {
        PlanFile.parse(text, file: "p.yaml").diagnostics.filter { $0.code == code }.map { "\($0.location!.line):\($0.location!.column)" }
    }

    @Test(arguments: ["\u{2028}", "\u{2029}", "\u{85}"])
    func aYAML11OnlyLineBreakDoesNotCountAsALine(_ separator: String) {
        // In a quoted title: libyaml folds it as a line break; the editor shows one line.
        let text = "plan: {id: t, title: \"Ett\(separator)Två\", year: 2027}\nactivities:\n  - {id: a, title: A, date: 2027-02-30}\n"
        #expect(located(text, .invalidDate) == ["3:29"])
        // In a comment: libyaml ends the comment there, and the rest is a YAML error, reported
        // on the editor's line at the character after the separator.
        let comment = "plan: {id: t, title: T, year: 2027}\n# note\(separator) here\nactivities: []\n"
        #expect(located(comment, .yamlSyntax) == ["2:9"])
    }

    @Test(arguments: [("\r", 4), ("\r\n", 4), ("\n", 4)])
    func crCrlfAndLfEndALine(_ separator: String, _ line: Int) {
        let text = "plan: {id: t, title: T, year: 2027}\n# kommentar\(separator)activities:\n  - {id: a, title: A, date: 2027-02-30}\n"
        #expect(located(text, .invalidDate) == ["\(line):29"])
    }

    @Test func aLargeFileWithOtherLineBreaksIsReadInOnePieceWithTheSameLines() {
        var text = Self.head + "activities:\n" + Self.activities(4500)
        text = text.replacingOccurrences(of: "Aktivitet 4499\"", with: "Akti\u{2028}vitet 3999\"")
        text += "  - {id: sist, title: Sist, date: 2027-02-30}\n"
        #expect(text.utf8.count >= PlanFile.parallelThreshold)
        #expect(ActivitiesCut.find(in: text) == nil)
        #expect(located(text, .invalidDate) == ["13503:35"])
        let crText = (Self.head + "activities:\n" + Self.activities(4500) + "  - {id: sist, title: Sist, date: 2027-02-30}\n")
            .replacingOccurrences(of: "\n", with: "\r")
        #expect(ActivitiesCut.find(in: crText) == nil)
        #expect(located(crText, .invalidDate) == ["13503:35"])
    }

    @Test func aRepeatedActivitiesKeyIsReportedHoweverTheFileIsRead() throws {
        let items = Self.activities(4500)
        for text in [
            Self.head + "activities: []\nactivities:\n" + items,
            Self.head + "activities:\n" + items + "activities:\n" + items,
            Self.head + "activities:\n" + items + "activities: []\n",
        ] {
            let whole = PlanFile.parseInOnePiece(text, file: "p.yaml")
            let parsed = PlanFile.parse(text, file: "p.yaml")
            #expect(whole.diagnostics.contains { $0.code == .duplicateKey })
            #expect(parsed.diagnostics.map(\.description) == whole.diagnostics.map(\.description))
        }
    }

    @Test func aFileThatIsNotUTF8IsLocatedAtItsFirstBadByte() throws {
        let bytes = Array("plan: {id: t, title: T, year: 2027}\r\n# Caf".utf8) + [0xE9] + Array(" åäö\n".utf8)
        guard case .failure(let unreadable) = PlanFile.decodeText(bytes, file: "p.yaml") else {
            Issue.record("Latin-1 bytes were taken as UTF-8")
            return
        }
        #expect(unreadable.diagnostic.code == .notUTF8)
        #expect(unreadable.diagnostic.location == SourceLocation(line: 2, column: 6))
        // Truncated, overlong and surrogate sequences are all ill-formed; the offset is the first byte.
        #expect(firstInvalidUTF8Byte(Array("åä".utf8) + [0xC3]) == 4)
        #expect(firstInvalidUTF8Byte([0x41, 0xC0, 0x80]) == 1)
        #expect(firstInvalidUTF8Byte([0x41, 0xED, 0xA0, 0x80]) == 1)
        #expect(firstInvalidUTF8Byte(Array("Malmö ✓ 𝄞".utf8)) == Array("Malmö ✓ 𝄞".utf8).count)
        guard case .success = PlanFile.decodeText(Array("Malmö".utf8), file: "p.yaml") else {
            Issue.record("UTF-8 was refused")
            return
        }
    }

    /// The scans for line breaks other than LF look at 32 bytes at a time (a fast path):
    /// with every break, and bytes that only look like one, at every position around a
    /// chunk's edges, they answer what the byte-by-byte scan answers, and what is written.
    @Test func theChunkedScansForLineBreaksAgreeWithTheByteByByteScans() {
        let pieces: [(bytes: [UInt8], otherThanLF: Bool, yaml11: Bool)] = [
            ([0x0D], true, false), ([0x0D, 0x0A], false, false), ([0x0A], false, false),
            (Array("\u{85}".utf8), true, true), (Array("\u{2028}".utf8), true, true), (Array("\u{2029}".utf8), true, true),
            (Array("å".utf8), false, false), (Array("\u{2027}".utf8), false, false), (Array("\u{2030}".utf8), false, false),
            ([0xC2], false, false), ([0xE2, 0x80], false, false), (Array("✓".utf8), false, false),
        ]
        for length in [0, 1, 31, 32, 33, 64, 97] {
            let plain = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            for piece in pieces {
                for position in 0...length {
                    var bytes = plain
                    bytes.insert(contentsOf: piece.bytes, at: position)
                    bytes.withUnsafeBufferPointer { buffer in
                        let written = "\(piece.bytes) at \(position) of \(length)"
                        #expect(hasLineBreaksOtherThanLF(buffer) == piece.otherThanLF, "\(written)")
                        #expect(hasLineBreaksOtherThanLF(buffer, chunked: false) == piece.otherThanLF, "\(written)")
                        #expect(hasYAML11LineBreaks(buffer) == piece.yaml11, "\(written)")
                        #expect(hasYAML11LineBreaks(buffer, chunked: false) == piece.yaml11, "\(written)")
                    }
                }
            }
            plain.withUnsafeBufferPointer { buffer in
                #expect(!hasLineBreaksOtherThanLF(buffer) && !hasYAML11LineBreaks(buffer))
            }
        }
    }
}
