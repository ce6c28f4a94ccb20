import Arsplan
import ArsplanJournal
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("arsplan-journal-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

func testEntry(_ sequence: Int, activity: String = "personalblad", occurrence: Int? = 1) -> JournalEntry {
    JournalEntry(
        sequence: sequence, at: Timestamp(iso: "2027-03-01T10:00:00Z")!, by: "Anna Berg", reason: "test \(sequence)",
        planHash: "sha256:x", action: .cancel(activity: Activity.ID(activity), occurrence: occurrence))
}

func line(_ entry: JournalEntry) throws -> String { try JournalFile.encode(entry) + "\n" }

/// The next entry after what is in the journal.
func nextEntry(_ contents: JournalContents) -> JournalEntry { testEntry((contents.entries.map(\.sequence).max() ?? 0) + 1) }

@Suite("Journal file: reading")
struct JournalReadingTests {
    func parse(_ text: String) throws(JournalFileError) -> JournalContents {
        try JournalContents.parse(Array(text.utf8), file: "x.journal.jsonl")
    }

    @Test func entriesBlankLinesAndLineNumbers() throws {
        let contents = try parse(try line(testEntry(1)) + "\n  \n" + (try line(testEntry(2))))
        #expect(contents.entries.map(\.sequence) == [1, 2])
        #expect(contents.lines == [1, 4])
        #expect(contents.warnings.isEmpty)
        #expect(contents.tornTail == nil)
        #expect(!contents.endsWithoutNewline)
    }

    @Test func aTornLastLineIsAWarningAndEarlierEntriesAreKept() throws {
        let good = try line(testEntry(1)) + (try line(testEntry(2)))
        let torn = String(try line(testEntry(3)).prefix(40))
        let contents = try parse(good + torn)
        #expect(contents.entries.map(\.sequence) == [1, 2])
        #expect(contents.tornTail == good.utf8.count..<(good + torn).utf8.count)
        #expect(
            contents.warnings.map(\.description) == [
                "x.journal.jsonl:3:1: varning: sista raden är ofullständig (den saknar radslut: en avbruten skrivning?) och hoppas över; de 2 poster som står före den behålls [journal_torn_line]"
            ])
        // NUL bytes from a crash, without a newline, are a torn tail as well.
        #expect(try parse(good + "\0\0\0\0").tornTail != nil)
    }

    @Test func aCompleteLastLineThatDoesNotDecodeIsAnErrorNotATornTail() throws {
        let good = try line(testEntry(1)) + (try line(testEntry(2)))
        // A hand-written entry with the occurrence as text, and plain garbage: both end with a newline.
        let handWritten = #"{"action":"cancel","activity":"personalblad","at":"2027-03-01T10:00:00Z","by":"Anna","occurrence":"4","seq":3,"v":1}"#
        #expect(throws: JournalFileError.invalidLine(file: "x.journal.jsonl", line: 3, problem: .wrongType("occurrence"))) {
            try parse(good + handWritten + "\n")
        }
        #expect(throws: JournalFileError.invalidLine(file: "x.journal.jsonl", line: 3, problem: .notAnObject)) {
            try parse(good + "{\"v\":1,\n")
        }
        // Blank lines after it do not make it a tail either.
        #expect(throws: JournalFileError.self) { try parse(good + "{\"v\":1,\n\n  \n") }
    }

    @Test(arguments: [
        (#""seq":9223372036854775807"#, "'seq' must be from 1 to 999999999, not 9223372036854775807"),
        (#""seq":0"#, "'seq' must be from 1 to 999999999, not 0"),
        (#""seq":-3"#, "'seq' must be from 1 to 999999999, not -3"),
        (#""seq":"7""#, "'seq' has the wrong type"),
    ])
    func everyNumberIsRangeChecked(seq: String, message: String) throws {
        let text = #"{"action":"cancel","activity":"a","at":"2027-03-01T10:00:00Z","by":"x",\#(seq),"v":1}"# + "\n"
        do {
            _ = try parse(text)
            Issue.record("'\(seq)' was read")
        } catch {
            guard case .invalidLine("x.journal.jsonl", 1, let problem) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(english(problem) == message)
        }
    }

    @Test func occurrencesUndoesAndDaysAreRangeChecked() throws {
        func message(_ json: String) -> String? {
            do {
                _ = try parse(json + "\n")
                return nil
            } catch {
                if case .invalidLine(_, _, let problem) = error { return english(problem) }
                return "\(error)"
            }
        }
        let base = #""at":"2027-03-01T10:00:00Z","by":"x","seq":2,"v":1"#
        #expect(
            message(#"{"action":"undo","undoes":9223372036854775807,\#(base)}"#) == "'undoes' must be from 1 to 999999999, not 9223372036854775807")
        #expect(message(#"{"action":"cancel","activity":"a","occurrence":0,\#(base)}"#) == "'occurrence' must be from 1 to 1000000, not 0")
        #expect(
            message(#"{"action":"move","activity":"a","occurrence":1,"day":"0000-01-01",\#(base)}"#)
                == "'day' must be a day in 1900–2200, not 0000-01-01")
        #expect(message(#"{"action":"move","activity":"a","occurrence":1,"day":"2027-03-01","occurrenceUID":"p-a-1",\#(base)}"#) != nil)
        #expect(
            message(
                #"{"action":"move","activity":"a","occurrence":1,"day":"2027-03-01","occurrenceUID":"p-a-1","occurrenceDay":"2027-02-01",\#(base)}"#)
                == nil)
        let approval =
            #"{"action":"approve","ref":"r","scheduleHash":"h","schedule":[{"uid":"p-a-1","activity":"a","index":1,"start":"9999-01-01","end":"9999-01-01","status":"planned"}],\#(base)}"#
        #expect(message(approval) == "'9999-01-01'–'9999-01-01' must lie in 1900–2200")
        let sequence =
            #"{"action":"approve","ref":"r","scheduleHash":"h","schedule":[{"uid":"p-a-1","activity":"a","index":1,"start":"2027-01-01","end":"2027-01-01","status":"planned","sequence":9223372036854775807}],\#(base)}"#
        #expect(message(sequence) == "'sequence' must be from 0 to 999999999, not 9223372036854775807")
    }

    @Test func aJournalWrittenInTodaysFormatReadsAsItIs() throws {
        // Lines exactly as arsplan wrote them before entries recorded their occurrence.
        let text = """
            {"action":"move","activity":"namnd","at":"2027-03-01T10:00:00Z","by":"Anna Berg","day":"2027-03-30","occurrence":3,"planHash":"sha256:a9fd","reason":"Ordföranden är bortrest","seq":1,"v":1}
            {"action":"cancel","activity":"kc-informationsblad","at":"2027-03-02T09:00:00Z","by":"Mikael Öberg","occurrence":2,"planHash":"sha256:a9fd","reason":"Inget nytt","seq":2,"v":1}
            {"action":"undo","at":"2027-03-03T08:00:00Z","by":"Maria Holm","planHash":"sha256:a9fd","seq":3,"undoes":2,"v":1}

            """
        let contents = try parse(text)
        #expect(contents.entries.map(\.sequence) == [1, 2, 3])
        #expect(contents.entries.allSatisfy { $0.target == nil })
        #expect(contents.entries[0].action == .move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil))
        // Written again, an old entry is the same bytes: nothing is added to it.
        #expect(try JournalFile.encode(contents.entries[0]) + "\n" == String(text.split(separator: "\n")[0]) + "\n")
    }

    @Test func aCompleteLastEntryWithoutItsNewlineIsKept() throws {
        let text = try line(testEntry(1)) + (try JournalFile.encode(testEntry(2)))
        let contents = try parse(text)
        #expect(contents.entries.count == 2)
        #expect(contents.endsWithoutNewline)
    }

    @Test func anInvalidLineInTheMiddleIsAnErrorNamingTheLine() throws {
        let text = try line(testEntry(1)) + "not json\n" + (try line(testEntry(2)))
        #expect(throws: JournalFileError.invalidLine(file: "x.journal.jsonl", line: 2, problem: .notAnObject)) { try parse(text) }
        let missing =
            try line(testEntry(1)) + #"{"v":1,"seq":2,"at":"2027-03-01T10:00:00Z","action":"undo","undoes":1}"# + "\n" + (try line(testEntry(3)))
        do {
            _ = try parse(missing)
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostic.description
                    == "x.journal.jsonl:2:1: fel: raden är ingen giltig post: 'by' saknas; rätta eller ta bort raden för hand; till dess sparas ingen ändring och loggen lämnas som den är (ett JSON-objekt per rad, se docs/journal.md) [journal_invalid_line]"
            )
        }
    }

    @Test func anEntryFromANewerVersionIsAnErrorWhereverItIs() throws {
        let newer = #"{"v":3,"seq":2,"at":"2027-03-01T10:00:00Z","by":"x","action":"split","into":3}"#
        for text in [try line(testEntry(1)) + newer + "\n", try line(testEntry(1)) + newer + "\n" + (try line(testEntry(3)))] {
            do {
                _ = try parse(text)
                Issue.record("expected an error")
            } catch {
                #expect(error == .newerVersion(file: "x.journal.jsonl", line: 2, version: 3))
                #expect(error.description.contains("written by a newer arsplan"))
                #expect(error.description.contains("upgrade arsplan"))
            }
        }
    }

    @Test func anEntryNumberUsedTwiceIsAnError() throws {
        let text = try line(testEntry(1)) + (try line(testEntry(2))) + (try line(testEntry(2)))
        #expect(throws: JournalFileError.duplicateSequence(file: "x.journal.jsonl", line: 3, sequence: 2, firstLine: 2)) { try parse(text) }
    }

    @Test func anAbsentJournalIsEmptyAndAFolderIsAnError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try JournalFile(path: directory.appendingPathComponent("none.journal.jsonl").path).read().entries.isEmpty)
        #expect(throws: JournalFileError.self) { try JournalFile(path: directory.path).read() }
    }

    @Test func theJournalLivesBesideThePlan() {
        #expect(JournalFile(forPlan: "Plans/serviceforvaltningen-2027.yaml").path == "Plans/serviceforvaltningen-2027.journal.jsonl")
        #expect(JournalFile(forPlan: "plan.yml").path == "plan.journal.jsonl")
        #expect(JournalFile(forPlan: "plan").path == "plan.journal.jsonl")
    }
}

@Suite("Journal file: appending")
struct JournalAppendingTests {
    @Test func theFirstAppendCreatesTheJournalWithItsEntryAndNothingElse() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = JournalFile(path: directory.appendingPathComponent("p.journal.jsonl").path)
        let appended = try #require(try journal.append { nextEntry($0) })
        #expect(appended.entry.sequence == 1)
        #expect(appended.line == 1)
        #expect(try String(contentsOfFile: journal.path, encoding: .utf8) == (try line(testEntry(1))))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["p.journal.jsonl"])
        let second = try #require(try journal.append { nextEntry($0) })
        #expect(second.line == 2)
        #expect(try journal.read().entries.map(\.sequence) == [1, 2])
    }

    @Test func decidingNotToWriteLeavesNoFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = JournalFile(path: directory.appendingPathComponent("p.journal.jsonl").path)
        #expect(try journal.append { _ in nil } == nil)
        #expect(!journal.exists)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func anIncompleteLastLineIsRemovedBeforeAppending() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = JournalFile(path: directory.appendingPathComponent("p.journal.jsonl").path)
        let good = try line(testEntry(1))
        try (good + #"{"v":1,"seq":2,"at":"2027-03-01T1"#).write(toFile: journal.path, atomically: false, encoding: .utf8)
        let appended = try #require(try journal.append { nextEntry($0) })
        #expect(appended.entry.sequence == 2)
        #expect(appended.line == 2)
        #expect(appended.warnings.map(\.code) == [.journalTornLine, .journalTornLineRemoved])
        #expect(try String(contentsOfFile: journal.path, encoding: .utf8) == good + (try line(testEntry(2))))
    }

    @Test func aMissingFinalNewlineIsAddedBeforeAppending() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = JournalFile(path: directory.appendingPathComponent("p.journal.jsonl").path)
        try JournalFile.encode(testEntry(1)).write(toFile: journal.path, atomically: false, encoding: .utf8)
        try journal.append { nextEntry($0) }
        #expect(try String(contentsOfFile: journal.path, encoding: .utf8) == (try line(testEntry(1))) + (try line(testEntry(2))))
    }

    @Test func anUnreadableJournalIsNotAppendedTo() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = JournalFile(path: directory.appendingPathComponent("p.journal.jsonl").path)
        let text = try line(testEntry(1)) + "garbage\n" + (try line(testEntry(2)))
        try text.write(toFile: journal.path, atomically: false, encoding: .utf8)
        #expect(throws: JournalFileError.self) { try journal.append { nextEntry($0) } }
        #expect(try String(contentsOfFile: journal.path, encoding: .utf8) == text)
    }

    @Test func twentyWritersAtOnceGiveTwentyIntactNumberedEntries() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("p.journal.jsonl").path
        let failures = Failures()
        // Each writer opens the file itself (its own open file description), as separate processes do.
        DispatchQueue.concurrentPerform(iterations: 20) { _ in
            do { try JournalFile(path: path).append { nextEntry($0) } } catch { failures.add("\(error)") }
        }
        #expect(failures.all.isEmpty)
        let contents = try JournalFile(path: path).read()
        #expect(contents.warnings.isEmpty)
        #expect(contents.entries.map(\.sequence) == Array(1...20))
        #expect(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count == 20)
    }

    @Test func aPathThatCannotBeCreatedIsAClearErrorAndNothingIsWritten() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // A "folder" that is a file: fails for root too, unlike permissions.
        let file = directory.appendingPathComponent("not-a-folder")
        try "x".write(to: file, atomically: false, encoding: .utf8)
        let journal = JournalFile(path: file.appendingPathComponent("p.journal.jsonl").path)
        do {
            try journal.append { nextEntry($0) }
            Issue.record("expected an error")
        } catch let error as JournalFileError {
            #expect(error.description.hasPrefix("cannot write the journal: "))
            #expect(error.description.hasSuffix("; nothing was recorded"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["not-a-folder"])
    }

    @Test(.enabled(if: getuid() != 0, "root writes into read-only folders"))
    func aReadOnlyFolderIsAClearErrorAndNothingIsWritten() throws {
        let directory = try temporaryDirectory()
        defer {
            chmod(directory.path, 0o755)
            try? FileManager.default.removeItem(at: directory)
        }
        chmod(directory.path, 0o555)
        let journal = JournalFile(path: directory.appendingPathComponent("p.journal.jsonl").path)
        #expect(throws: JournalFileError.cannotWrite(file: journal.path, reason: .create(directory: directory.path, .permissionDenied))) {
            try journal.append { nextEntry($0) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full"), "needs /dev/full"))
    func aDeviceIsNotAJournal() throws {
        // /dev/full would take the lock and fail every write: it is refused before that.
        #expect(throws: JournalFileError.notAFile(file: "/dev/full", kind: .device)) {
            try JournalFile(path: "/dev/full").append { nextEntry($0) }
        }
        #expect(throws: JournalFileError.notAFile(file: "/dev/null", kind: .device)) { try JournalFile(path: "/dev/null").read() }
    }

    @Test func aCompleteInvalidLastLineIsNeverTruncated() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let journal = JournalFile(path: directory.appendingPathComponent("p.journal.jsonl").path)
        let handWritten = #"{"action":"cancel","activity":"personalblad","at":"2027-03-01T10:00:00Z","by":"Anna","occurrence":"4","seq":2,"v":1}"#
        let text = try line(testEntry(1)) + handWritten + "\n"
        try text.write(toFile: journal.path, atomically: false, encoding: .utf8)
        #expect(throws: JournalFileError.invalidLine(file: journal.path, line: 2, problem: .wrongType("occurrence"))) {
            try journal.append { nextEntry($0) }
        }
        #expect(throws: JournalFileError.self) { try journal.read() }
        #expect(try String(contentsOfFile: journal.path, encoding: .utf8) == text)
    }

    @Test func aNamedPipeIsRefusedWithoutWaiting() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("p.journal.jsonl").path
        #expect(mkfifo(path, 0o644) == 0)
        // No writer ever opens the pipe: a blocking open would hang here.
        #expect(throws: JournalFileError.notAFile(file: path, kind: .namedPipe)) { try JournalFile(path: path).read() }
        #expect(throws: JournalFileError.notAFile(file: path, kind: .namedPipe)) { try JournalFile(path: path).append { nextEntry($0) } }
        #expect(throws: JournalFileError.notAFile(file: directory.path, kind: .folder)) { try JournalFile(path: directory.path).read() }
    }

    @Test func aDanglingSymbolicLinkIsRefusedAndNothingIsCreated() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("p.journal.jsonl").path
        let target = directory.appendingPathComponent("elsewhere/missing.jsonl").path
        #expect(symlink(target, path) == 0)
        #expect(throws: JournalFileError.danglingLink(file: path, target: target)) { try JournalFile(path: path).read() }
        #expect(throws: JournalFileError.danglingLink(file: path, target: target)) { try JournalFile(path: path).append { nextEntry($0) } }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["p.journal.jsonl"])
        // A link to a journal that exists is followed.
        let real = directory.appendingPathComponent("real.jsonl").path
        try line(testEntry(1)).write(toFile: real, atomically: false, encoding: .utf8)
        let link = directory.appendingPathComponent("link.jsonl").path
        #expect(symlink(real, link) == 0)
        try JournalFile(path: link).append { nextEntry($0) }
        #expect(try JournalFile(path: real).read().entries.map(\.sequence) == [1, 2])
    }
}

/// Collects failures from concurrent writers.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ item: String) { lock.withLock { items.append(item) } }
    var all: [String] { lock.withLock { items } }
}

/// What is wrong with a journal line, in English, as the tests above state it.
func english(_ problem: JournalLineProblem) -> String {
    let text = Message.file(.journalInvalidLine(problem)).text(in: .english)
    let start = text.range(of: "entry: ")!.upperBound
    let end = text.range(of: "; fix or remove")!.lowerBound
    return String(text[start..<end])
}
