import Arsplan
import Testing

@testable import ArsplanJournal

/// Entries written without `JSONEncoder` (`JournalLineWriter`) against `JSONEncoder`: the
/// same bytes, for every kind of entry and texts with every kind of character.
@Suite("Journal file: writing lines directly")
struct DirectWritingTests {
    /// Texts an entry may carry: quotes, backslashes, slashes, Swedish, emoji, combining marks,
    /// the line and paragraph separators, a byte-order mark, DEL.
    static let texts = [
        "", "Anna Berg", #"säger "hej" \ och / delar"#, "Åsa Öberg 👩‍💼", "e\u{301}", "\u{2028}\u{2029}\u{FEFF}\u{7F}", "§4 – FL ½",
    ]

    /// The same bytes both ways; `direct`: whether the line must have been written directly.
    func sameBothWays(_ entry: JournalEntry, direct: Bool? = true, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        #expect(try JournalFile.encode(entry) == JournalFile.encode(entry, directWriting: false), sourceLocation: sourceLocation)
        if let direct { #expect((JournalLineWriter.line(entry) != nil) == direct, "written directly", sourceLocation: sourceLocation) }
    }

    /// The example journal (its texts have a tab and a control character: some lines are left to JSONEncoder).
    @Test func theExampleJournalIsTheSameBytes() throws {
        let entries = try DirectReadingTests.exampleJournal().entries
        for entry in entries { try sameBothWays(entry, direct: nil) }
        #expect(entries.contains { JournalLineWriter.line($0) != nil })
        #expect(entries.contains { JournalLineWriter.line($0) == nil })
    }

    @Test(arguments: texts)
    func everyKindOfEntryWithEveryKindOfText(text: String) throws {
        let at = Timestamp(iso: "2027-03-01T10:00:00Z")!
        let day = Day(iso: "2027-03-30")!
        let schedule = Scheduler.schedule(ExamplePlanJournalTests.plan)
        var approved = schedule.occurrences.prefix(40).map { ApprovedOccurrence($0, in: schedule.plan) }
        approved[0].title = text
        approved[1].owner = nil
        approved[2].uid = text
        approved[3].owner = Owner.ID(text)
        approved[4].sequence = 999_999_999
        let actions: [JournalAction] = [
            .move(activity: Activity.ID(text), occurrence: 3, day: day, time: nil),
            .move(activity: "namnd", occurrence: 1_000_000, day: day, time: TimeOfDay(hour: 9, minute: 5)),
            .cancel(activity: "namnd", occurrence: nil), .cancel(activity: "namnd", occurrence: 2),
            .assign(activity: "vb", owner: Owner.ID(text)), .assign(activity: "vb", owner: "hr", from: day), .undo(entry: 999_999_999),
            .approve(Approval(ref: text, scheduleHash: "sha256:00", occurrences: approved)),
            .approve(Approval(ref: "§1", scheduleHash: text, occurrences: [])),
        ]
        for action in actions {
            for reason in [nil, text] {
                for planHash in [nil, "sha256:a9fd", text] {
                    for target in [nil, OccurrenceMark(uid: text, day: day)] {
                        let entry = JournalEntry(
                            sequence: 12, at: at, by: text, reason: reason, planHash: planHash, action: action, target: target)
                        try sameBothWays(entry)
                    }
                }
            }
        }
    }

    /// A control character in any text: left to JSONEncoder, which escapes it its own way.
    @Test(arguments: [0, 1, 8, 9, 10, 12, 13, 27, 31])
    func controlCharactersAreLeftToJSONEncoder(code: UInt32) throws {
        let text = "a\(Character(Unicode.Scalar(code)!))b"
        let at = Timestamp(iso: "2027-03-01T10:00:00Z")!
        try sameBothWays(JournalEntry(sequence: 1, at: at, by: text, reason: nil, planHash: nil, action: .undo(entry: 1)), direct: false)
        try sameBothWays(
            JournalEntry(sequence: 1, at: at, by: "x", reason: nil, planHash: nil, action: .cancel(activity: Activity.ID(text), occurrence: nil)),
            direct: false)
        // Read back, the same entry either way.
        let line = Array(
            (try JournalFile.encode(JournalEntry(sequence: 1, at: at, by: text, reason: text, planHash: nil, action: .undo(entry: 1))) + "\n").utf8)
        #expect(try JournalContents.parse(line, file: "j").entries == JournalContents.parse(line, file: "j", directReading: false).entries)
    }
}
