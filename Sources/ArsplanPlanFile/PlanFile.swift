import Arsplan

/// Reads plan files (YAML) into a ``Plan``, with a located diagnostic for every problem.
///
/// The reader walks the YAML node tree itself rather than decoding with `Codable`, so
/// that every diagnostic carries the line and column of the scalar it is about.
public enum PlanFile {
    /// The plan-file format versions this reader understands (`format: 1`).
    public static let supportedFormats: ClosedRange<Int> = 1...1

    /// Parses plan-file text. Pure: no file access. `file` is the path as the user named it, used in diagnostics.
    public static func parse(_ text: String, file: String) -> PlanFileResult {
        // Large files on two cores (see `parallelThreshold`).
        if text.utf8.count >= parallelThreshold, let cut = ActivitiesCut.find(in: text),
            let result = parseInTwoParts(text, file: file, cut: cut)
        {
            return result
        }
        return parseInOnePiece(text, file: file)
    }

    static func parseInOnePiece(_ text: String, file: String) -> PlanFileResult {
        var sink = DiagnosticSink(file: file)
        let composed: Composed
        switch composeYAML(text) {
        case .success(let tree):
            composed = tree
        case .failure(let failure):
            sink.error(.yamlSyntax, failure.message, at: failure.location, notes: failure.notes)
            return PlanFileResult(plan: nil, diagnostics: sink.sorted())
        }
        var reader = PlanReader(sink: sink, duplicates: composed.duplicates)
        let plan = reader.read(composed.root)
        return result(plan: plan, diagnostics: reader.finish())
    }

    static func result(plan: Plan?, diagnostics: [Diagnostic]) -> PlanFileResult {
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return PlanFileResult(plan: hasErrors ? nil : plan, diagnostics: diagnostics)
    }
}

/// What ``PlanFile/parse(_:file:)`` found: the plan, when the file has no errors, and every diagnostic.
public struct PlanFileResult: Sendable {
    /// The plan; nil when there is any error-severity diagnostic.
    public var plan: Plan?
    /// All problems of the file, in file order, each with file and line:column.
    public var diagnostics: [Diagnostic]

    public init(plan: Plan?, diagnostics: [Diagnostic]) {
        self.plan = plan
        self.diagnostics = diagnostics
    }

    /// Whether any diagnostic is an error (the plan is then nil).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The stable codes of the reader's diagnostics (printed in brackets after the message).
enum DiagnosticCode: String, CaseIterable {
    case yamlSyntax = "yaml_syntax"
    case unsupportedFormat = "unsupported_format"
    case invalidType = "invalid_type"
    case unknownKey = "unknown_key"
    case missingKey = "missing_key"
    case duplicateKey = "duplicate_key"
    case duplicateID = "duplicate_id"
    case invalidID = "invalid_id"
    case invalidValue = "invalid_value"
    case invalidDate = "invalid_date"
    case invalidTime = "invalid_time"
    case invalidDuration = "invalid_duration"
    case invalidRange = "invalid_range"
    case invalidReference = "invalid_reference"
    case invalidOffset = "invalid_offset"
    case invalidRepeat = "invalid_repeat"
    case invalidForEach = "invalid_for_each"
    case missingPlacement = "missing_placement"
    case multiplePlacements = "multiple_placements"
    case unknownReference = "unknown_reference"
    case missingOccurrence = "missing_occurrence"
    case durationWithoutTime = "duration_without_time"
}

/// Collects diagnostics about one file.
struct DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func add(
        _ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation,
        notes: [String] = []
    ) {
        diagnostics.append(
            Diagnostic(
                severity: severity, code: code.rawValue, message: message, file: file, location: location, notes: notes)
        )
    }

    mutating func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [String] = []) {
        add(.error, code, message, at: location, notes: notes)
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation, notes: [String] = [])
    {
        add(.warning, code, message, at: location, notes: notes)
    }

    mutating func append(_ more: [Diagnostic]) { diagnostics += more }

    /// The diagnostics in file order (a stable sort keeps same-place diagnostics in the order found).
    func sorted() -> [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            let la = a.element.location ?? SourceLocation(line: 0, column: 0)
            let lb = b.element.location ?? SourceLocation(line: 0, column: 0)
            if la.line != lb.line { return la.line < lb.line }
            if la.column != lb.column { return la.column < lb.column }
            return a.offset < b.offset
        }.map(\.element)
    }
}
