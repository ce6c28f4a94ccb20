import Arsplan
import CYAML

// YAML text → ``Node`` tree, composed here from libyaml's event stream.
//
// libyaml (the C parser under Yams, PyYAML and most YAML tools) does the YAML: scanning,
// parsing, escapes, block and flow styles, encodings. This file only stacks its events
// into nodes. Composing ourselves rather than through Yams keeps a 20,000-activity plan
// inside its time budget (Yams allocates an event object, a tag object and a boxed node
// for every scalar and hashes every mapping's keys; that alone took most of the budget),
// and it lets a mapping with a repeated key be reported with both places while the rest
// of the file is still read (Yams rejects the whole document at the first repeated key).
// This and nothing else in the reader touches libyaml's pointers.

/// A mapping key written a second (third, …) time in the same mapping.
struct DuplicateKey: Sendable {
    var key: String
    /// Where the repeated key stands.
    var location: SourceLocation
    /// Where the key was first written in the same mapping.
    var first: SourceLocation
}

/// The composed document and the repeated keys found in it.
struct Composed: Sendable {
    /// The root node; nil for a file with no content (empty, or comments only).
    var root: Node?
    var duplicates: [DuplicateKey]
}

/// YAML that could not be composed at all.
struct ComposeFailure: Error {
    var text: PlanText
    var location: SourceLocation
    var notes: [PlanText] = []
    /// The diagnostic code: `yaml_syntax`, or the limit that was reached.
    var code: DiagnosticCode = .yamlSyntax
}

/// Composes `text` (one YAML document) into nodes. `lineOffset` is added to every line
/// (for a part of a file composed on its own, starting after that many lines).
func composeYAML(_ text: String, lineOffset: Int = 0) -> Result<Composed, ComposeFailure> {
    var text = text
    return text.withUTF8 { composeYAML($0, lineOffset: lineOffset) }
}

/// ``composeYAML(_:lineOffset:)`` of UTF-8 bytes. `onlyLF`: the caller knows every line
/// of `bytes` ends at an LF (``hasLineBreaksOtherThanLF(_:chunked:)`` is false), so the
/// text is not scanned again for breaks that need a ``LineMap``.
func composeYAML(_ bytes: [UInt8], lineOffset: Int = 0, onlyLF: Bool = false) -> Result<Composed, ComposeFailure> {
    bytes.withUnsafeBufferPointer { composeYAML($0, lineOffset: lineOffset, onlyLF: onlyLF) }
}

private func composeYAML(_ bytes: UnsafeBufferPointer<UInt8>, lineOffset: Int, onlyLF: Bool = false) -> Result<Composed, ComposeFailure> {
    let parser = YAMLParser(bytes)
    let lines = onlyLF ? nil : LineMap(bytes)
    var composer = Composer(lineOffset: lineOffset, lines: lines)
    while true {
        var event = yaml_event_t()
        guard parser.next(&event) else { return .failure(parser.failure(in: bytes, lines: lines)) }
        defer { yaml_event_delete(&event) }
        switch composer.take(event) {
        case .more: continue
        case .done: return .success(Composed(root: composer.root, duplicates: composer.duplicates))
        case .failed(let failure): return .failure(failure)
        }
    }
}

/// libyaml's parser reading one buffer; freed with its owner. The buffer must outlive it.
private final class YAMLParser {
    /// The parser's state, allocated apart rather than kept in a stored `var`: `&parser` of
    /// a class's stored property is an exclusivity check at run time, once per event
    /// (29 M instructions for the 3.1 MB bench plan, callgrind).
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        parser.initialize(to: yaml_parser_t())
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deinitialize(count: 1)
        parser.deallocate()
    }

    /// The next event into `event` (which the caller deletes); false on a YAML error.
    func next(_ event: inout yaml_event_t) -> Bool {
        yaml_parser_parse(parser, &event) == 1
    }

    /// What libyaml reported, as a message with the place it points at.
    func failure(in bytes: UnsafeBufferPointer<UInt8>, lines: LineMap?) -> ComposeFailure {
        let parser = self.parser.pointee
        let problem = parser.problem.map { String(cString: $0) } ?? "unreadable YAML"
        func mark(_ mark: yaml_mark_t) -> SourceLocation {
            lines?.location(line: mark.line, column: mark.column) ?? SourceLocation(line: mark.line + 1, column: mark.column + 1)
        }
        switch parser.error {
        case YAML_READER_ERROR:
            // An encoding problem: libyaml gives a byte offset, not a line.
            let location = editorLocation(ofByte: parser.problem_offset, in: bytes)
            return ComposeFailure(text: .yamlSyntax(problem: problem, context: nil, contextAt: nil), location: location)
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var text = PlanText.yamlSyntax(problem: problem, context: nil, contextAt: nil)
            let location = mark(parser.problem_mark)
            var lines = [location.line]
            if let context = parser.context.map({ String(cString: $0) }), !context.isEmpty {
                let at = mark(parser.context_mark)
                text = .yamlSyntax(problem: problem, context: context, contextAt: at)
                lines.append(at.line)
            }
            return ComposeFailure(
                text: text, location: location, notes: notes(problem: problem, at: location, lines: lines, in: bytes))
        default:
            return ComposeFailure(
                text: .yamlSyntax(problem: problem, context: nil, contextAt: nil), location: SourceLocation(line: 1, column: 1))
        }
    }
}

/// Stacks events into nodes.
private struct Composer {
    /// A collection being composed: its items so far (a mapping's keys and values alternate).
    struct Open {
        var isMapping: Bool
        var mark: Node.Mark
        var anchor: String?
        var items: [Node] = []

        init(isMapping: Bool, mark: Node.Mark, anchor: String?) {
            self.isMapping = isMapping
            self.mark = mark
            self.anchor = anchor
            // Room for a typical activity's keys and values, or a short list, at once.
            items.reserveCapacity(isMapping ? 24 : 4)
        }
    }

    init(lineOffset: Int, lines: LineMap?) {
        self.lineOffset = lineOffset
        self.lines = lines
    }

    enum Step {
        case more, done
        case failed(ComposeFailure)
    }

    let lineOffset: Int
    /// libyaml's lines → an editor's, when the text has line breaks they disagree on.
    let lines: LineMap?
    var stack: [Open] = []
    var root: Node?
    var anchors: [String: Node] = [:]
    var duplicates: [DuplicateKey] = []
    var documents = 0

    mutating func take(_ event: yaml_event_t) -> Step {
        let mark: Node.Mark
        if let lines {
            let at = lines.location(line: event.start_mark.line, column: event.start_mark.column)
            mark = Node.Mark(line: lineOffset + at.line, column: at.column)
        } else {
            mark = Node.Mark(line: lineOffset + Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        }
        switch event.type {
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            guard data.length <= PlanLimits.maxValueBytes else {
                return .failed(
                    ComposeFailure(
                        text: .valueTooLong(bytes: data.length, limit: PlanLimits.maxValueBytes),
                        location: mark.location, code: .valueTooLong))
            }
            let string = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let isPlain = data.style == YAML_PLAIN_SCALAR_STYLE || data.style == YAML_ANY_SCALAR_STYLE
            let node = Node.scalar(Node.Scalar(string: string, isPlain: isPlain, mark: mark))
            if let anchor = data.anchor { anchors[String(cString: anchor)] = node }
            add(node)
        case YAML_SEQUENCE_START_EVENT where stack.count >= PlanLimits.maxNestingDepth,
            YAML_MAPPING_START_EVENT where stack.count >= PlanLimits.maxNestingDepth:
            // Refused before it is composed: nothing deeper is built, walked or released.
            return .failed(
                ComposeFailure(
                    text: .nestingTooDeep(limit: PlanLimits.maxNestingDepth),
                    location: mark.location, code: .nestingTooDeep))
        case YAML_SEQUENCE_START_EVENT:
            stack.append(Open(isMapping: false, mark: mark, anchor: event.data.sequence_start.anchor.map { String(cString: $0) }))
        case YAML_MAPPING_START_EVENT:
            stack.append(Open(isMapping: true, mark: mark, anchor: event.data.mapping_start.anchor.map { String(cString: $0) }))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let open = stack.popLast() else { break }
            let node: Node
            if open.isMapping {
                findRepeatedKeys(open.items)
                node = .mapping(Node.Mapping(keysAndValues: open.items, mark: open.mark))
            } else {
                node = .sequence(Node.Sequence(items: open.items, mark: open.mark))
            }
            if let anchor = open.anchor { anchors[anchor] = node }
            add(node)
        case YAML_ALIAS_EVENT:
            let name = event.data.alias.anchor.map { String(cString: $0) } ?? ""
            guard let node = anchors[name] else {
                return .failed(
                    ComposeFailure(
                        text: .aliasWithoutAnchor(name: name), location: mark.location))
            }
            add(node)
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                return .failed(
                    ComposeFailure(
                        text: .secondDocument, location: mark.location, notes: [.secondDocumentNote]))
            }
        case YAML_STREAM_END_EVENT:
            return .done
        default:
            break  // stream start, document end
        }
        return .more
    }

    private mutating func add(_ node: consuming Node) {
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].items.append(node)
        }
    }

    /// Records every scalar key that repeats an earlier key of the same mapping.
    private mutating func findRepeatedKeys(_ keysAndValues: [Node]) {
        let count = keysAndValues.count / 2
        guard count > 1 else { return }
        func key(_ i: Int) -> Node.Scalar? { keysAndValues[2 * i].scalar }
        if count <= 16 {
            // Comparing each key with the earlier ones beats hashing for mappings this small.
            for j in 1..<count {
                guard let later = key(j) else { continue }
                for i in 0..<j {
                    guard let earlier = key(i), earlier.string == later.string else { continue }
                    record(later, first: earlier)
                    break
                }
            }
        } else {
            var first: [String: Node.Scalar] = [:]
            for i in 0..<count {
                guard let scalar = key(i) else { continue }
                if let earlier = first[scalar.string] { record(scalar, first: earlier) } else { first[scalar.string] = scalar }
            }
        }
    }

    private mutating func record(_ repeated: Node.Scalar, first: Node.Scalar) {
        duplicates.append(DuplicateKey(key: repeated.string, location: repeated.mark.location, first: first.mark.location))
    }
}

/// Hints for the YAML mistakes plan authors make most.
private func notes(
    problem: String, at location: SourceLocation, lines: [Int], in bytes: UnsafeBufferPointer<UInt8>
) -> [PlanText] {
    var notes: [PlanText] = []
    let text = String(decoding: bytes, as: UTF8.self)
    let fileLines = text.split(separator: "\n", omittingEmptySubsequences: false)
    if problem.contains("tab") || problem.contains("found character that cannot start any token"),
        bytes.contains(UInt8(ascii: "\t"))
    {
        notes.append(.tabNote)
    }
    if let reference = lines.lazy.compactMap({ bracketedReference(onLine: $0, of: text) }).first {
        notes.append(.bracketNote(reference: reference))
    } else if problem == "mapping values are not allowed in this context",
        let quoted = quotedValueLine(location.line, in: fileLines)
    {
        notes.append(.quoteValueNote(line: quoted))
    } else if problem == "mapping values are not allowed in this context" || problem == "did not find expected key"
        || problem == "did not find expected '-' indicator",
        let column = siblingIndentation(around: location.line, in: fileLines)
    {
        notes.append(.indentationNote(column: column))
    }
    return notes
}

/// The line `line` (1-based) with its value quoted, when it is `key: value` whose value has
/// a colon and a space in it (`title: T2: Tertialrapport` → `title: "T2: Tertialrapport"`),
/// without its indentation.
private func quotedValueLine(_ line: Int, in lines: [Substring]) -> String? {
    guard line >= 1, line <= lines.count else { return nil }
    let content = String(lines[line - 1]).trimmingTrailingCarriageReturn()
    let indent = content.prefix(while: { $0 == " " })
    var body = content.dropFirst(indent.count)
    if body.hasPrefix("- ") {
        body = body.dropFirst(2)
    }
    let prefix = content.dropFirst(indent.count).prefix(content.count - indent.count - body.count)
    guard let colon = body.range(of: ": ") else { return nil }
    let key = body[..<colon.lowerBound]
    let value = body[colon.upperBound...].trimmingCharacters(in: " ")
    guard !key.isEmpty, key.allSatisfy(isIdentifierCharacter), value.contains(": "),
        let first = value.first, !"\"'[{|>&*!#".contains(first)
    else { return nil }
    var escaped = ""
    for character in value {
        if character == "\\" || character == "\"" { escaped.append("\\") }
        escaped.append(character)
    }
    return "\(prefix)\(key): \"\(escaped)\""
}

/// The column (1-based) the keys of the nearest line above `line` with content start in,
/// when `line` (or the nearest line above it with content) starts in another: where its
/// siblings are. The key after a list item's `- ` counts, so `  - id: x` gives column 5.
private func siblingIndentation(around line: Int, in lines: [Substring]) -> Int? {
    guard line >= 1, line <= lines.count else { return nil }
    func indentation(_ text: Substring) -> Int? {
        var body = text.drop(while: { $0 == " " })
        guard let first = body.first, first != "#", first != "\r" else { return nil }
        while body.hasPrefix("- ") { body = body.dropFirst(2).drop(while: { $0 == " " }) }
        return text.count - body.count
    }
    // The line the error is on, or the nearest line above with content.
    var index = line - 1
    while index >= 0, indentation(lines[index]) == nil { index -= 1 }
    guard index >= 1, let own = indentation(lines[index]) else { return nil }
    var above = index - 1
    while above >= 0, indentation(lines[above]) == nil { above -= 1 }
    guard above >= 0, let sibling = indentation(lines[above]), sibling != own else { return nil }
    return sibling + 1
}

extension String {
    fileprivate func trimmingTrailingCarriageReturn() -> String { hasSuffix("\r") ? String(dropLast()) : self }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var s = self
        while let c = s.first, set.contains(c) { s = s.dropFirst() }
        while let c = s.last, set.contains(c) { s = s.dropLast() }
        return String(s)
    }
}

/// A reference with an occurrence number (`namnd[2]`) written unquoted inside a flow
/// collection on the given line, which YAML reads as the start of a list.
private func bracketedReference(onLine line: Int, of text: String) -> String? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard line >= 1, line <= lines.count else { return nil }
    let content = Array(lines[line - 1])
    guard content.contains("{") || content.filter({ $0 == "[" }).count > 1 else { return nil }
    var i = 0
    while i < content.count {
        if content[i] == "[", i > 0, isIdentifierCharacter(content[i - 1]), content[i - 1] != "-" {
            var start = i
            while start > 0, isIdentifierCharacter(content[start - 1]) { start -= 1 }
            var end = i + 1
            while end < content.count, content[end].isNumber { end += 1 }
            if end > i + 1, end < content.count, content[end] == "]" {
                return String(content[start...end])
            }
        }
        i += 1
    }
    return nil
}

/// The offset of the first byte of `bytes` that is not part of well-formed UTF-8 (the
/// first byte of an ill-formed sequence); `bytes.count` when all are well formed.
func firstInvalidUTF8Byte(_ bytes: [UInt8]) -> Int {
    var i = 0
    while i < bytes.count {
        let b = bytes[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch b {
        case 0x00...0x7F:
            i += 1
            continue
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return i
        }
        guard i + length <= bytes.count else { return i }
        for k in 1..<length {
            let c = bytes[i + k]
            let (lo, hi) = k == 1 ? (low, high) : (0x80, 0xBF)
            guard c >= lo, c <= hi else { return i }
        }
        i += length
    }
    return bytes.count
}

/// The line and column an editor shows for the byte at `offset`: lines end at LF, CRLF
/// or a lone CR (YAML 1.2's line breaks, which libyaml and editors agree on); NEL, U+2028
/// and U+2029 are ordinary characters. Columns count code points from 1.
func editorLocation(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> SourceLocation {
    var line = 1
    var column = 1
    var i = 0
    let end = min(max(0, offset), bytes.count)
    while i < end {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if byte == UInt8(ascii: "\r") {
            if i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "\n") {
                i += 1
                if i >= end { break }
            }
            line += 1
            column = 1
        } else if byte & 0xC0 != 0x80 {
            column += 1
        }
        i += 1
    }
    return SourceLocation(line: line, column: column)
}

/// libyaml's line numbers turned into an editor's. libyaml (YAML 1.1) ends a line at LF,
/// CRLF, CR, NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029); YAML
/// 1.2 and editors only at LF, CRLF and CR. For a text with any of the other three this
/// maps each libyaml line to the editor's line it lies on and the column it starts at, so
/// every diagnostic names the line an editor shows. Nil (no mapping needed) otherwise.
struct LineMap {
    /// For each libyaml line (0-based): the editor's line (1-based) and the editor's
    /// column (0-based) it starts at.
    private var starts: [(line: Int, column: Int)] = [(1, 0)]

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard hasYAML11LineBreaks(bytes) else { return nil }
        var line = 1
        var column = 0
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x0A || byte == 0x0D {
                i += byte == 0x0D && i + 1 < bytes.count && bytes[i + 1] == 0x0A ? 2 : 1
                line += 1
                column = 0
                starts.append((line, 0))
                continue
            }
            if let length = yaml11OnlyBreak(bytes, at: i) {
                i += length
                column += 1
                starts.append((line, column))
                continue
            }
            if byte & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
    }

    /// The editor's 1-based location of libyaml's 0-based `line` and `column`.
    func location(line: Int, column: Int) -> SourceLocation {
        guard line >= 0, line < starts.count else { return SourceLocation(line: line + 1, column: column + 1) }
        return SourceLocation(line: starts[line].line, column: starts[line].column + column + 1)
    }
}

/// The length of a NEL (C2 85), U+2028 (E2 80 A8) or U+2029 (E2 80 A9) at `i`, if one starts there.
@inline(__always)
private func yaml11OnlyBreak(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
    if bytes[i] == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0x85 { return 2 }
    if bytes[i] == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 { return 3 }
    return nil
}

/// Whether `bytes` holds a line break only YAML 1.1 (libyaml) counts: NEL, U+2028, U+2029.
func hasYAML11LineBreaks(_ bytes: UnsafeBufferPointer<UInt8>, chunked: Bool = true) -> Bool {
    var i = nextCROrNonASCII(bytes, from: 0, chunked: chunked)
    while i < bytes.count {
        if bytes[i] >= 0xC2, yaml11OnlyBreak(bytes, at: i) != nil { return true }
        i = nextCROrNonASCII(bytes, from: i + 1, chunked: chunked)
    }
    return false
}

/// Whether `bytes` holds a line break that a count of LF bytes would miss: a CR not
/// followed by LF, or one of the YAML 1.1 breaks. Such a file is read in one piece (the
/// two-part reader counts lines by LF).
func hasLineBreaksOtherThanLF(_ bytes: UnsafeBufferPointer<UInt8>, chunked: Bool = true) -> Bool {
    var i = nextCROrNonASCII(bytes, from: 0, chunked: chunked)
    while i < bytes.count {
        let byte = bytes[i]
        if byte == 0x0D, i + 1 >= bytes.count || bytes[i + 1] != 0x0A { return true }
        if byte >= 0xC2, yaml11OnlyBreak(bytes, at: i) != nil { return true }
        i = nextCROrNonASCII(bytes, from: i + 1, chunked: chunked)
    }
    return false
}

/// The position of the first CR or non-ASCII byte at or after `start` (every other line
/// break starts with one), or `bytes.count`.
///
/// Fast path: thirty-two bytes at a time while none is one (the compiler turns the chunk's
/// OR into vector code), then byte by byte. ``hasLineBreaksOtherThanLF(_:chunked:)`` of
/// the 3.1 MB bench plan went from 25.0 M to 2.4 M instructions (callgrind); `LineBreakTests`
/// force both paths (`chunked`) on texts with every break at every position of a chunk.
@inline(never)  // one copy of the loop
private func nextCROrNonASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, chunked: Bool) -> Int {
    var i = start
    if chunked {
        while i + 32 <= bytes.count {
            var flags: UInt8 = 0
            for k in 0..<32 {
                let byte = bytes[i &+ k]  // (no overflow check: the loop then vectorises)
                flags |= (byte & 0x80) | (byte == 0x0D ? 1 : 0)
            }
            if flags != 0 { break }
            i += 32
        }
    }
    while i < bytes.count, bytes[i] < 0x80, bytes[i] != 0x0D { i += 1 }
    return i
}
