import Arsplan
import Foundation

/// A journal file's entries as read, with the line each came from and what was odd about it.
public struct JournalContents: Sendable {
    /// The entries in file order.
    public var entries: [JournalEntry]
    /// The 1-based line of each entry.
    public var lines: [Int]
    /// Warnings about the file (an incomplete last line), each naming file and line.
    public var warnings: [Diagnostic]
    /// The bytes of an incomplete last line, when there is one: ignored when reading,
    /// removed before the next entry is appended.
    public var tornTail: Range<Int>?
    /// The last entry is complete but its line lacks the final newline (added before appending).
    public var endsWithoutNewline: Bool
    /// For each entry, whether it is an intact approval (true for other entries), when it was
    /// worked out as the journal was read (the workspace does, on a second core); nil: not yet.
    public var approvalsIntact: [Bool]? = nil
    /// The ``OutputDigest`` (hex) of the bytes the entries were read from, when they were read
    /// from bytes: what `export` records of the journal to tell that its inputs are those of
    /// the last export. The same bytes always give the same entries; 1–2 instructions a byte
    /// (9 M for the 20,000-activity bench plan's 5.7 MB journal, on the core that reads it).
    public var bytesDigest: String? = nil

    public init(
        entries: [JournalEntry] = [], lines: [Int] = [], warnings: [Diagnostic] = [], tornTail: Range<Int>? = nil, endsWithoutNewline: Bool = false
    ) {
        self.entries = entries
        self.lines = lines
        self.warnings = warnings
        self.tornTail = tornTail
        self.endsWithoutNewline = endsWithoutNewline
    }

    /// An absent journal: no entries.
    public static let empty = JournalContents()

    /// The line of the entry at `position`, for diagnostics.
    public func line(ofPosition position: Int) -> Int? { lines.indices.contains(position) ? lines[position] : nil }

    /// Parses journal bytes: one JSON object a line, blank lines allowed. Pure.
    ///
    /// A complete line (one that ends with its newline) that is not a valid entry is an error
    /// naming `file:line`, wherever it is: nothing that was written whole is ever dropped.
    /// Only a last line *without* its newline that does not decode — what a power cut or a
    /// crash in the middle of an append leaves — is a torn tail: reported as a warning and
    /// ignored, the entries before it kept. An entry with a newer format version than this
    /// arsplan reads is an error wherever it is; so is an entry number used twice.
    ///
    /// `directReading` (on but in tests) reads lines in arsplan's own layout straight from
    /// their bytes (``JournalLineReader``) and gives only the others to `JSONDecoder`.
    public static func parse(_ bytes: [UInt8], file: String, directReading: Bool = true) throws(JournalFileError) -> JournalContents {
        var contents = JournalContents()
        // Line boundaries: (start, end excluding the newline, hasNewline).
        var spans: [(start: Int, end: Int, newline: Bool)] = []
        var start = 0
        for i in bytes.indices where bytes[i] == UInt8(ascii: "\n") {
            spans.append((start, i, true))
            start = i + 1
        }
        if start < bytes.count { spans.append((start, bytes.count, false)) }
        let lastNonBlank = spans.lastIndex { !isBlank(bytes[$0.start..<$0.end]) }

        if !bytes.isEmpty {
            var digest = OutputDigest()
            digest.add(bytes: bytes)
            contents.bytesDigest = digest.hex
        }
        let decoder = JSONDecoder()
        var firstLineOf: [Int: Int] = [:]
        for (i, span) in spans.enumerated() {
            let text = bytes[span.start..<span.end]
            if isBlank(text) { continue }
            let line = i + 1
            let entry: JournalEntry
            do {
                if directReading, let read = JournalLineReader.entry(in: bytes, span.start..<span.end) {
                    entry = read
                } else {
                    entry = try decoder.decode(JournalEntry.self, from: Data(text))
                }
            } catch let newer as UnsupportedJournalVersion {
                throw .newerVersion(file: file, line: line, version: newer.version)
            } catch {
                if i == lastNonBlank && !span.newline {
                    contents.tornTail = span.start..<bytes.count
                    let kept = contents.entries.count
                    contents.warnings.append(
                        Diagnostic(
                            severity: .warning, code: .journalTornLine,
                            text: .file(.journalTornLine(kept: kept)),
                            file: file, location: SourceLocation(line: line, column: 1)))
                    break
                }
                throw .invalidLine(file: file, line: line, problem: describe(error))
            }
            if let first = firstLineOf[entry.sequence] {
                throw .duplicateSequence(file: file, line: line, sequence: entry.sequence, firstLine: first)
            }
            firstLineOf[entry.sequence] = line
            contents.entries.append(entry)
            contents.lines.append(line)
            if !span.newline { contents.endsWithoutNewline = true }
        }
        return contents
    }

    private static func isBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
    }

    /// What is wrong with a line, naming the key.
    static func describe(_ error: any Error) -> JournalLineProblem {
        func path(_ keys: [any CodingKey]) -> String { keys.map(\.stringValue).filter { !$0.isEmpty }.joined(separator: ".") }
        switch error {
        case let problem as JournalLineProblem:
            return problem
        case DecodingError.keyNotFound(let key, let context):
            let at = path(context.codingPath)
            return .missingKey(key.stringValue, in: at.isEmpty ? nil : at)
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return .wrongType(path(context.codingPath))
        case DecodingError.dataCorrupted(let context):
            if context.codingPath.isEmpty { return .notAnObject }
            return .decoder(context.debugDescription)
        default:
            return .decoder("\(error)")
        }
    }
}

/// What can go wrong reading or writing a journal file. Every case names the file.
public enum JournalFileError: Error, Hashable, Sendable, CustomStringConvertible {
    case invalidLine(file: String, line: Int, problem: JournalLineProblem)
    case newerVersion(file: String, line: Int, version: Int)
    case duplicateSequence(file: String, line: Int, sequence: Int, firstLine: Int)
    case cannotRead(file: String, reason: JournalIOProblem)
    case cannotWrite(file: String, reason: JournalIOProblem)
    /// The journal's path is a named pipe, a device, a socket or a folder.
    case notAFile(file: String, kind: JournalFileKind)
    /// The journal's path is a symbolic link to something that does not exist.
    case danglingLink(file: String, target: String)

    /// What went wrong, in the catalogue.
    public var text: FileText {
        switch self {
        case .invalidLine(_, _, let problem): return .journalInvalidLine(problem)
        case .newerVersion(_, _, let version): return .journalNewerVersion(version: version, reads: JournalEntry.currentVersion)
        case .duplicateSequence(_, _, let sequence, let first): return .journalDuplicateEntry(sequence: sequence, firstLine: first)
        case .cannotRead(_, let reason): return .journalUnreadable(reason: reason)
        case .cannotWrite(_, let reason): return .journalUnwritable(reason: reason)
        case .notAFile(_, let kind): return .journalNotAFile(kind: kind)
        case .danglingLink(_, let target): return .journalDanglingLink(target: target)
        }
    }

    /// What went wrong, in English (for logs and test failures; people read ``diagnostic``).
    public var description: String { Message.file(text).text(in: .english) }

    /// The error's stable code.
    public var code: DiagnosticCode {
        switch self {
        case .invalidLine: return .journalInvalidLine
        case .newerVersion: return .journalNewerVersion
        case .duplicateSequence: return .journalDuplicateEntry
        case .cannotRead: return .journalUnreadable
        case .cannotWrite: return .journalUnwritable
        case .notAFile: return .journalNotAFile
        case .danglingLink: return .journalDanglingLink
        }
    }

    /// The error as a compiler-style diagnostic: `file:line:1: error: … [code]`.
    public var diagnostic: Diagnostic {
        switch self {
        case .invalidLine(let file, let line, _), .newerVersion(let file, let line, _), .duplicateSequence(let file, let line, _, _):
            return Diagnostic(severity: .error, code: code, text: .file(text), file: file, location: SourceLocation(line: line, column: 1))
        case .cannotRead(let file, _), .cannotWrite(let file, _), .notAFile(let file, _), .danglingLink(let file, _):
            return Diagnostic(severity: .error, code: code, text: .file(text), file: file)
        }
    }
}
