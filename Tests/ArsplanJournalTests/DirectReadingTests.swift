import Arsplan
import Foundation
import Testing

@testable import ArsplanJournal

/// The journal read straight from its bytes (`JournalLineReader`) against `JSONDecoder`:
/// the same entries, lines, warnings and errors, on journals arsplan writes and on lines it
/// never would.
@Suite("Journal file: reading lines directly")
struct DirectReadingTests {
    /// The journal's bytes read both ways: equal contents, or equal errors.
    func bothWays(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        bothWays(Array(text.utf8), sourceLocation: sourceLocation)
    }

    func bothWays(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let direct = Result(catching: { () throws(JournalFileError) in try JournalContents.parse(bytes, file: "j.jsonl") })
        let decoded = Result(catching: { () throws(JournalFileError) in try JournalContents.parse(bytes, file: "j.jsonl", directReading: false) })
        switch (direct, decoded) {
        case (.success(let a), .success(let b)):
            #expect(a.entries == b.entries, sourceLocation: sourceLocation)
            #expect(a.lines == b.lines, sourceLocation: sourceLocation)
            #expect(a.warnings == b.warnings, sourceLocation: sourceLocation)
            #expect(a.tornTail == b.tornTail, sourceLocation: sourceLocation)
            #expect(a.endsWithoutNewline == b.endsWithoutNewline, sourceLocation: sourceLocation)
        case (.failure(let a), .failure(let b)):
            #expect(a == b, sourceLocation: sourceLocation)
        default:
            Issue.record("one way read it, the other did not: \(direct) against \(decoded)", sourceLocation: sourceLocation)
        }
    }

    /// A journal as the commands write it on the example plan: an approval, moves with and
    /// without a time, cancellations, a new owner, an undo.
    static func exampleJournal() throws -> (text: String, entries: [JournalEntry]) {
        let plan = ExamplePlanJournalTests.plan
        var entries: [JournalEntry] = []
        func record(_ request: ChangeRequest, _ time: String, reason: String? = "skäl \"citat\" \\ och\ttab") throws {
            let replay = JournalReplay(plan: plan, entries: entries)
            let context = ChangeContext(at: Timestamp(iso: time)!, by: "Åsa Öberg 👩‍💼", reason: reason, planHash: ExamplePlanJournalTests.planHash)
            entries.append(try Rescheduling.propose(request, on: replay, context: context).entry)
        }
        try record(.approve(ref: "FL-protokoll 2026-12-10 §4 / \u{1}"), "2026-12-10T13:00:00Z", reason: nil)
        try record(.move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil), "2027-03-01T10:00:00Z")
        try record(.move(activity: "namnd", occurrence: 5, day: Day(iso: "2027-05-26")!, time: TimeOfDay(hour: 9, minute: 5)), "2027-03-01T11:00:00Z")
        try record(.cancel(activity: "kc-informationsblad", occurrence: 2), "2027-03-02T09:00:00Z")
        try record(.cancel(activity: "personalblad", occurrence: nil), "2027-03-02T09:10:00Z")
        try record(.assign(activity: "vb-kunder", owner: "kommunikator"), "2027-03-02T09:30:00Z")
        try record(.assign(activity: "personalblad", owner: "hr", from: Day(iso: "2027-06-01")!), "2027-03-02T09:40:00Z")
        try record(.undo, "2027-03-03T08:00:00Z", reason: nil)
        try record(.approve(ref: "FL-protokoll 2027-03-10 §3"), "2027-03-10T13:00:00Z", reason: nil)
        let text = try entries.map { try JournalFile.encode($0) + "\n" }.joined()
        return (text, entries)
    }

    @Test func arsplansOwnLinesAreReadDirectlyAndGiveTheSameEntries() throws {
        let (text, entries) = try Self.exampleJournal()
        let bytes = Array(text.utf8)
        var start = 0
        var direct: [JournalEntry] = []
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
            // Every line arsplan writes takes the direct path: nil would mean JSONDecoder read it.
            direct.append(try #require(JournalLineReader.entry(in: bytes, start..<i)))
            start = i + 1
        }
        #expect(direct == entries)
        #expect(try JournalContents.parse(bytes, file: "j.jsonl", directReading: false).entries == entries)
        bothWays(text)
        // Blank lines, a last line without its newline, a torn last line.
        bothWays("\n  \n" + text.replacingOccurrences(of: "\n", with: "\n\n"))
        bothWays(String(text.dropLast()))
        bothWays(text + String(text.prefix(120)))
    }

    static let move =
        #"{"action":"move","activity":"namnd","at":"2027-03-01T10:00:00Z","by":"Anna Berg","day":"2027-03-30","occurrence":3,"occurrenceDay":"2027-03-23","occurrenceUID":"sf-2027-namnd-3","planHash":"sha256:a9fd","reason":"Bortrest","seq":4,"v":1}"#
    static let approval =
        #"{"action":"approve","at":"2026-12-10T13:00:00Z","by":"FL","planHash":"sha256:a9","ref":"§4","schedule":[{"activity":"namnd","end":"2027-01-20T19:00","index":1,"owner":"kommunikator","sequence":0,"start":"2027-01-20T17:00","status":"planned","title":"Nämnd","uid":"sf-2027-namnd-1"},{"activity":"vb","end":"2027-02-03","index":1,"start":"2027-02-01","status":"cancelled","uid":"sf-2027-vb-1"}],"scheduleHash":"sha256:00","seq":1,"v":1}"#

    /// Each variation of a valid line: what the direct reader leaves to JSONDecoder, and what
    /// is wrong; both ways must agree on every one.
    static let variations: [String] = {
        var v: [String] = []
        // Other layouts of valid JSON: spaces, keys in another order, escapes arsplan does not write.
        v.append(move.replacingOccurrences(of: ",", with: ", "))
        v.append(" " + move)
        v.append(move + " ")
        v.append(move + "\r")
        v.append(move.replacingOccurrences(of: #""v":1"#, with: #""v":1.0"#))
        v.append(move.replacingOccurrences(of: #""seq":4"#, with: #""seq":4e0"#))
        v.append(move.replacingOccurrences(of: "Anna", with: #"A\u006Ena \"\/\\\b\f\n\r\t \ud83d\ude00"#))
        v.append(
            move.replacingOccurrences(of: #"{"action":"move","#, with: #"{"seq":4,"action":"move","#).replacingOccurrences(of: #","seq":4"#, with: "")
        )
        v.append(#"{"#)
        v.append(#"{}"#)
        v.append(#"[]"#)
        v.append("null")
        v.append(move + "}")
        v.append(String(move.dropLast()))
        v.append(move.replacingOccurrences(of: #""seq":4"#, with: #""seq":4,"seq":5"#))
        v.append(move.replacingOccurrences(of: #""v":1"#, with: #""v":1,"extra":[1,{"a":null}]"#))
        v.append(move.replacingOccurrences(of: #""reason":"Bortrest""#, with: #""reason":null"#))
        v.append(move.replacingOccurrences(of: #""by":"Anna Berg""#, with: #""by":null"#))
        // Numbers and values out of range or of the wrong kind.
        v.append(move.replacingOccurrences(of: #""v":1"#, with: #""v":2"#))
        v.append(move.replacingOccurrences(of: #""v":1"#, with: #""v":0"#))
        v.append(move.replacingOccurrences(of: #""v":1"#, with: #""v":-1"#))
        v.append(move.replacingOccurrences(of: #""v":1"#, with: #""v":01"#))
        v.append(move.replacingOccurrences(of: #""seq":4"#, with: #""seq":0"#))
        v.append(move.replacingOccurrences(of: #""seq":4"#, with: #""seq":1000000000"#))
        v.append(move.replacingOccurrences(of: #""seq":4"#, with: #""seq":99999999999999999999"#))
        v.append(move.replacingOccurrences(of: #""seq":4"#, with: #""seq":"4""#))
        v.append(move.replacingOccurrences(of: #""occurrence":3"#, with: #""occurrence":1000001"#))
        v.append(move.replacingOccurrences(of: #""day":"2027-03-30""#, with: #""day":"2027-02-30""#))
        v.append(move.replacingOccurrences(of: #""day":"2027-03-30""#, with: #""day":"2300-03-30""#))
        v.append(move.replacingOccurrences(of: #""day":"2027-03-30""#, with: #""day":"+027-03-30""#))
        v.append(move.replacingOccurrences(of: #""day":"2027-03-30""#, with: #""day":"2027-3-30""#))
        v.append(move.replacingOccurrences(of: #""day":"2027-03-30""#, with: #""day":"2027-03-30","time":"9:30""#))
        v.append(move.replacingOccurrences(of: #""day":"2027-03-30""#, with: #""day":"2027-03-30","time":"24:00""#))
        v.append(move.replacingOccurrences(of: #""day":"2027-03-30""#, with: #""day":"2027-03-30","time":"9.30""#))
        v.append(move.replacingOccurrences(of: #""at":"2027-03-01T10:00:00Z""#, with: #""at":"2027-03-01T10:00:00+01:00""#))
        v.append(move.replacingOccurrences(of: #""at":"2027-03-01T10:00:00Z""#, with: #""at":"2027-03-01T10:00:60Z""#))
        v.append(move.replacingOccurrences(of: #""action":"move""#, with: #""action":"jump""#))
        v.append(move.replacingOccurrences(of: #","occurrenceUID":"sf-2027-namnd-3""#, with: ""))
        v.append(move.replacingOccurrences(of: #","occurrenceDay":"2027-03-23","occurrenceUID":"sf-2027-namnd-3""#, with: ""))
        v.append(move.replacingOccurrences(of: #","day":"2027-03-30""#, with: ""))
        v.append(move.replacingOccurrences(of: #""activity":"namnd","#, with: ""))
        v.append(move.replacingOccurrences(of: #""action":"move""#, with: #""action":"cancel""#))
        v.append(move.replacingOccurrences(of: #""action":"move""#, with: #""action":"assign""#))
        v.append(move.replacingOccurrences(of: #""action":"move""#, with: #""action":"assign","owner":"x""#))
        v.append(move.replacingOccurrences(of: #""action":"move""#, with: #""action":"undo","undoes":2"#))
        v.append(move.replacingOccurrences(of: #""action":"move""#, with: #""action":"undo","undoes":0"#))
        v.append(move.replacingOccurrences(of: "Anna", with: "A\u{1}na"))
        v.append(move.replacingOccurrences(of: "Anna", with: #"A\ud800na"#))
        v.append(move.replacingOccurrences(of: "Anna", with: #"A\x41na"#))
        // The approval's schedule.
        v.append(approval)
        v.append(approval.replacingOccurrences(of: #""schedule":["#, with: #""schedule":[ "#))
        v.append(approval.replacingOccurrences(of: #""status":"cancelled""#, with: #""status":"gone""#))
        v.append(approval.replacingOccurrences(of: #""status":"cancelled""#, with: #""status":"tentative""#))
        v.append(approval.replacingOccurrences(of: #""index":1,"start""#, with: #""index":0,"start""#))
        v.append(approval.replacingOccurrences(of: #""sequence":0"#, with: #""sequence":-1"#))
        v.append(approval.replacingOccurrences(of: #""end":"2027-02-03""#, with: #""end":"2027-02-03T10:00""#))
        v.append(approval.replacingOccurrences(of: #""end":"2027-02-03""#, with: #""end":"1899-02-03""#))
        v.append(approval.replacingOccurrences(of: #""start":"2027-01-20T17:00""#, with: #""start":"2027-01-20 17:00""#))
        v.append(approval.replacingOccurrences(of: #""uid":"sf-2027-vb-1"}"#, with: #""uid":"sf-2027-vb-1","more":1}"#))
        v.append(approval.replacingOccurrences(of: #","uid":"sf-2027-vb-1""#, with: ""))
        v.append(approval.replacingOccurrences(of: #""schedule":[{"#, with: #""schedule":[],"x":[{"#))
        v.append(approval.replacingOccurrences(of: #""title":"Nämnd","#, with: #""title":"N\u00e4mnd","#))
        // Keys next to the nine an occurrence has: one byte short or long, another case, escaped.
        for (key, other) in [
            ("status", "statu"), ("status", "statuss"), ("start", "stard"), ("start", "starts"), ("sequence", "sequenc"),
            ("sequence", "sequences"), ("uid", "uid "), ("uid", "Uid"), ("uid", "\\u0075id"), ("end", "en"), ("activity", "activitY"),
            ("index", "indexx"), ("title", "titl"), ("owner", "owners"),
        ] {
            v.append(approval.replacingOccurrences(of: "\"\(key)\":", with: "\"\(other)\":"))
        }
        v.append(approval.replacingOccurrences(of: #""index":1,"start""#, with: #""index":1,"s"#))
        v.append(approval.replacingOccurrences(of: #""uid":"sf-2027-vb-1"}"#, with: #""uid"}"#))
        return v
    }()

    @Test(arguments: variations)
    func linesArsplanDoesNotWriteAreReadAsJSONDecoderReadsThem(line: String) {
        bothWays(line + "\n")
        bothWays("\n" + line)
        bothWays(Self.move + "\n" + line + "\n")
    }

    /// The reader tells an approved occurrence's keys apart by their bytes packed into an
    /// integer; each constant is its key's name packed.
    @Test func occurrenceKeysAreTheirNamesPacked() {
        func packed(_ name: String) -> UInt64 { name.utf8.reduce(0) { $0 << 8 | UInt64($1) } }
        typealias Key = JournalLineReader.OccurrenceKey
        let keys: [(UInt64, String)] = [
            (Key.uid, "uid"), (Key.activity, "activity"), (Key.index, "index"), (Key.title, "title"), (Key.start, "start"),
            (Key.end, "end"), (Key.status, "status"), (Key.owner, "owner"), (Key.sequence, "sequence"),
        ]
        for (constant, name) in keys { #expect(constant == packed(name), "\(name)") }
        #expect(Set(keys.map(\.0)).count == keys.count)
    }

    /// An approval whose occurrences repeat days (the reader reuses the last day it read for
    /// the same ten bytes) next to ones that differ in one digit or are out of range.
    @Test func repeatedDaysInAnApproval() {
        let first =
            #"{"activity":"namnd","end":"2027-01-20","index":1,"owner":"o","sequence":0,"start":"2027-01-20","status":"planned","title":"N","uid":"u-1"}"#
        for second in [
            #"{"activity":"vb","end":"2027-01-20","index":1,"start":"2027-01-20","status":"planned","uid":"u-2"}"#,
            #"{"activity":"vb","end":"2027-01-21","index":1,"start":"2027-01-20","status":"planned","uid":"u-2"}"#,
            #"{"activity":"vb","end":"2027-01-20T10:00","index":1,"start":"2027-01-20T09:00","status":"planned","uid":"u-2"}"#,
            #"{"activity":"vb","end":"2027-01-2x","index":1,"start":"2027-01-20","status":"planned","uid":"u-2"}"#,
            #"{"activity":"vb","end":"2201-01-20","index":1,"start":"2027-01-20","status":"planned","uid":"u-2"}"#,
            #"{"activity":"vb","end":"2027-02-29","index":1,"start":"2027-01-20","status":"planned","uid":"u-2"}"#,
        ] {
            let schedule: String = "[" + first + "," + second + "," + first + "]"
            let head = #"{"action":"approve","at":"2026-12-10T13:00:00Z","by":"FL","planHash":"sha256:a9","ref":"§4","schedule":"#
            let tail = #","scheduleHash":"sha256:00","seq":1,"v":1}"#
            bothWays(head + schedule + tail + "\n")
        }
    }

    @Test func bytesThatAreNotUTF8() {
        var bytes = Array(Self.move.utf8)
        let at = bytes.firstIndex(of: UInt8(ascii: "A"))!
        for bad: [UInt8] in [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xC0, 0x80]] {
            bytes.replaceSubrange(at..<at + 1, with: bad)
            bothWays(bytes + [UInt8(ascii: "\n")])
            bothWays(bytes)
            bytes = Array(Self.move.utf8)
        }
    }
}
