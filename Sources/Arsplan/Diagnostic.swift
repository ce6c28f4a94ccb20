/// A problem found in a plan file or a schedule, printed compiler-style:
/// `Plans/x.yaml:12:5: error: unknown activity 'vb2' in 'after' (did you mean 'vb'?) [unknown_reference]`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    /// A stable snake_case code (`unknown_key`, `dependency_cycle`, …) that tests and scripts can match.
    public var code: String
    public var message: String
    /// The file the diagnostic is about (as the user named it), when there is one.
    public var file: String?
    public var location: SourceLocation?
    /// Further lines shown under the message (the steps of a cycle, a hint).
    public var notes: [String]

    public init(
        severity: Severity, code: String, message: String, file: String? = nil, location: SourceLocation? = nil,
        notes: [String] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.file = file
        self.location = location
        self.notes = notes
    }

    /// `file:line:column: severity: message [code]`, then one indented line per note.
    public var description: String {
        var prefix = ""
        if let file {
            prefix = file
            if let location { prefix += ":\(location.line):\(location.column)" }
            prefix += ": "
        }
        var text = "\(prefix)\(severity.rawValue): \(message) [\(code)]"
        for note in notes { text += "\n    \(note)" }
        return text
    }
}

extension Conflict {
    /// The conflict as a diagnostic about `file`.
    public func diagnostic(file: String?) -> Diagnostic {
        Diagnostic(severity: severity, code: kind.rawValue, message: message, file: file, location: location)
    }
}

/// Suggests the closest of `candidates` to a misspelt `name` ("did you mean 'vb'?").
///
/// Bounded: a name longer than ``suggestionMaxLength`` gets no suggestion, and a candidate
/// whose length differs from the name's by more than the edit limit (at most 3) is skipped
/// without comparing, so the cost is at most candidates × 64² steps, whatever is written.
public func closestMatch(to name: String, in candidates: some Sequence<String>) -> String? {
    guard name.utf8.count <= suggestionMaxLength * 4 else { return nil }
    let lowered = Array(name.lowercased())
    guard lowered.count <= suggestionMaxLength else { return nil }
    var best: (String, Int)?
    for candidate in candidates {
        // Cheap length checks before any Character work (a character is 1–4 UTF-8 bytes… or more).
        let bytes = candidate.utf8.count
        guard bytes + 3 >= lowered.count, bytes <= 4 * (suggestionMaxLength + 3) else { continue }
        let other = Array(candidate.lowercased())
        let limit = max(1, min(3, max(lowered.count, other.count) / 3))
        guard abs(lowered.count - other.count) <= limit else { continue }
        let distance = editDistance(lowered, other)
        guard distance <= limit else { continue }
        if best == nil || distance < best!.1 || (distance == best!.1 && candidate < best!.0) {
            best = (candidate, distance)
        }
    }
    return best?.0
}

/// The longest name (in characters) ``closestMatch(to:in:)`` looks for a suggestion for.
public let suggestionMaxLength = 64

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
