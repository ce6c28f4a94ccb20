import Arsplan
import Yams

// Yams's composer rejects a mapping with a repeated key as a whole (`duplicatedKeysInMapping`,
// with the location of the first occurrence only), which would hide every other problem of
// the file. So when that happens the reader finds the repeated key in the text, records
// it, replaces its name by a same-length placeholder (columns stay right) and composes
// again. The walker reports the recorded keys where it meets them, with both locations.

/// A mapping key written a second (third, …) time in the same mapping.
struct DuplicateKey {
    var key: String
    /// Where the repeated key stands.
    var location: SourceLocation
    /// Where the key was first written in the same mapping.
    var first: SourceLocation
}

/// The composed document and the repeated keys taken out of it.
struct Composed {
    var root: Node?
    var duplicates: [DuplicateKey]
}

/// YAML that could not be composed at all.
struct ComposeFailure: Error {
    var code: DiagnosticCode
    var message: String
    var location: SourceLocation
    var notes: [String] = []
}

/// The first code point of the placeholders that stand for repeated keys (private use area).
let duplicatePlaceholderBase: UInt32 = 0xE000
let duplicatePlaceholderLimit: UInt32 = 0xF000

/// Whether a key's text is a placeholder put in for a repeated key.
func isDuplicatePlaceholder(_ key: String) -> Bool {
    guard let first = key.unicodeScalars.first else { return false }
    return first.value >= duplicatePlaceholderBase && first.value < duplicatePlaceholderLimit
}

/// Composes `text`, taking repeated mapping keys out (see above) instead of failing on them.
func composeTolerant(_ text: String) -> Result<Composed, ComposeFailure> {
    // Made only when a key is repeated: most files compose the first time.
    var document: TextDocument?
    var duplicates: [DuplicateKey] = []
    while true {
        do {
            // The basic resolver leaves every scalar untyped: the reader uses the text as
            // written, and resolving tags (regular expressions per scalar) is most of
            // Yams's time on a large plan.
            let root = try Yams.compose(yaml: document?.text ?? text, .basic)
            return .success(Composed(root: root, duplicates: duplicates))
        } catch let error as YamlError {
            if case .duplicatedKeysInMapping(let keys, let context) = error, let key = keys.first {
                let first = SourceLocation(line: context.mark.line, column: context.mark.column)
                // Each repeated key costs one more compose of the whole file; past this
                // many the file is reported as it stands rather than taking long.
                let limit = min(200, Int(duplicatePlaceholderLimit - duplicatePlaceholderBase))
                if document == nil { document = TextDocument(text) }
                if duplicates.count < limit,
                    let repeated = document!.replaceRepeatedKey(
                        key, firstAt: first,
                        placeholder: Unicode.Scalar(duplicatePlaceholderBase + UInt32(duplicates.count))!)
                {
                    duplicates.append(DuplicateKey(key: key, location: repeated, first: first))
                    continue
                }
                return .failure(
                    ComposeFailure(
                        code: .duplicateKey, message: "key '\(key)' is written more than once in the same mapping",
                        location: first))
            }
            return .failure(failure(for: error, in: document?.text ?? text))
        } catch {
            return .failure(
                ComposeFailure(
                    code: .yamlSyntax, message: "invalid YAML: \(error)", location: .init(line: 1, column: 1)))
        }
    }
}

/// Turns a Yams error into a message and the location libyaml reported.
private func failure(for error: YamlError, in text: String) -> ComposeFailure {
    func location(_ mark: Mark) -> SourceLocation { SourceLocation(line: mark.line, column: mark.column) }
    func message(_ problem: String, _ context: YamlError.Context?) -> String {
        var message = "invalid YAML: \(problem)"
        if let context, !context.text.isEmpty {
            message += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
        }
        return message
    }
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
        .composer(let context, let problem, let mark, _):
        var notes: [String] = []
        if problem.contains("found character that cannot start any token"), text.contains("\t") {
            notes.append("YAML indents with spaces; a tab cannot be used for indentation")
        }
        let lines = [mark.line, context?.mark.line].compactMap { $0 }
        if let reference = lines.lazy.compactMap({ bracketedReference(onLine: $0, of: text) }).first {
            notes.append(
                "inside { } or [ ] a bracket starts a list: put a reference with an occurrence number in quotes, \"\(reference)\""
            )
        }
        return ComposeFailure(
            code: .yamlSyntax, message: message(problem, context), location: location(mark), notes: notes)
    case .reader(let problem, let offset, _, _):
        return ComposeFailure(
            code: .yamlSyntax, message: "invalid YAML: \(problem)",
            location: offset.map { TextDocument(text).location(ofUTF8Offset: $0) } ?? .init(line: 1, column: 1))
    default:
        return ComposeFailure(
            code: .yamlSyntax, message: "invalid YAML: \(error)", location: .init(line: 1, column: 1))
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

/// The text as Unicode scalars with line starts, addressed by 1-based line and column
/// the way libyaml counts them (one column per code point).
private struct TextDocument {
    var scalars: [Unicode.Scalar]
    /// Index in `scalars` where each line starts.
    var lineStarts: [Int]

    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        lineStarts = [0]
        var i = 0
        while i < scalars.count {
            if scalars[i] == "\r" {
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
                lineStarts.append(i + 1)
            } else if scalars[i] == "\n" {
                lineStarts.append(i + 1)
            }
            i += 1
        }
    }

    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    func index(_ location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= lineStarts.count else { return nil }
        let index = lineStarts[location.line - 1] + location.column - 1
        return index < scalars.count ? index : nil
    }

    func location(of index: Int) -> SourceLocation {
        var line = 0
        while line + 1 < lineStarts.count, lineStarts[line + 1] <= index { line += 1 }
        return SourceLocation(line: line + 1, column: index - lineStarts[line] + 1)
    }

    func location(ofUTF8Offset offset: Int) -> SourceLocation {
        var bytes = 0
        for (index, scalar) in scalars.enumerated() {
            if bytes >= offset { return location(of: index) }
            bytes += String(scalar).utf8.count
        }
        return location(of: max(0, scalars.count - 1))
    }

    /// End of the line that `index` is on (the index of its line break, or the end).
    func lineEnd(after index: Int) -> Int {
        var i = index
        while i < scalars.count, scalars[i] != "\n", scalars[i] != "\r" { i += 1 }
        return i
    }

    /// If `form` stands at `index` followed by optional spaces and `:`, returns true.
    func keyMatches(_ form: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + form.count <= scalars.count, Array(scalars[index..<index + form.count]) == form
        else { return false }
        var i = index + form.count
        while i < scalars.count, scalars[i] == " " || scalars[i] == "\t" { i += 1 }
        guard i < scalars.count, scalars[i] == ":" else { return false }
        // `key:value` in plain style is one scalar; the colon must be followed by a space,
        // a line break, the end or a flow indicator.
        let next = i + 1 < scalars.count ? scalars[i + 1] : " "
        return form.first == "\"" || form.first == "'" || [" ", "\t", "\n", "\r", ",", "}", "]"].contains(next)
    }

    /// Finds the next occurrence of `key` in the mapping whose first occurrence is at
    /// `first`, replaces its text by placeholders and returns where it stands.
    mutating func replaceRepeatedKey(_ key: String, firstAt first: SourceLocation, placeholder: Unicode.Scalar)
        -> SourceLocation?
    {
        guard let start = index(first) else { return nil }
        let keyScalars = Array(key.unicodeScalars)
        guard !keyScalars.isEmpty else { return nil }
        var form = keyScalars
        if scalars[start] == "\"" || scalars[start] == "'" { form = [scalars[start]] + keyScalars + [scalars[start]] }
        guard keyMatches(form, at: start) else { return nil }

        // A flow mapping (`{a: 1, a: 2}`) when the key follows `{` or `,`.
        var before = start - 1
        while before >= 0, scalars[before] == " " || scalars[before] == "\t" { before -= 1 }
        let found: Int?
        if before >= 0, scalars[before] == "{" || scalars[before] == "," {
            found = findInFlowMapping(form, after: start + form.count)
        } else {
            found = findInBlockMapping(form, column: first.column, afterLine: first.line)
        }
        guard let found else { return nil }
        let keyStart = form.count == keyScalars.count ? found : found + 1
        for i in 0..<keyScalars.count {
            scalars[keyStart + i] = i == 0 ? placeholder : Unicode.Scalar(duplicatePlaceholderBase)!
        }
        return location(of: found)
    }

    private func findInBlockMapping(_ form: [Unicode.Scalar], column: Int, afterLine line: Int) -> Int? {
        var next = line  // 0-based index of the line after `line`
        while next < lineStarts.count {
            let lineStart = lineStarts[next]
            let end = lineEnd(after: lineStart)
            var i = lineStart
            while i < end, scalars[i] == " " { i += 1 }
            next += 1
            if i == end || scalars[i] == "#" { continue }
            let indent = i - lineStart + 1
            if indent < column { return nil }
            if indent == column, keyMatches(form, at: i) { return i }
        }
        return nil
    }

    private func findInFlowMapping(_ form: [Unicode.Scalar], after start: Int) -> Int? {
        var depth = 0
        var i = start
        var afterComma = false
        while i < scalars.count {
            let c = scalars[i]
            if afterComma, depth == 0, c != " ", c != "\t", c != "\n", c != "\r" {
                if keyMatches(form, at: i) { return i }
                afterComma = false
            }
            switch c {
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                if depth < 0 { return nil }
            case ",": afterComma = depth == 0
            case "\"", "'":
                // Skip a quoted scalar ('' is an escaped quote inside single quotes).
                i += 1
                while i < scalars.count {
                    if c == "\"", scalars[i] == "\\" {
                        i += 2
                        continue
                    }
                    if scalars[i] == c {
                        if c == "'", i + 1 < scalars.count, scalars[i + 1] == "'" {
                            i += 2
                            continue
                        }
                        break
                    }
                    i += 1
                }
            case "#" where i > start && [" ", "\t"].contains(scalars[i - 1]):
                // A comment runs to the end of the line.
                i = lineEnd(after: i) - 1
            default: break
            }
            i += 1
        }
        return nil
    }
}
