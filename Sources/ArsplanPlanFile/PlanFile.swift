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
        if text.utf8.count >= parallelThreshold, let cut = ActivitiesCut.find(in: text),
            let result = parseInTwoParts(text, file: file, cut: cut)
        {
            return result
        }
        return parseInOnePiece(text, file: file)
    }

    /// The text of a plan file's bytes, or why it cannot be one: larger than
    /// ``PlanLimits/maxFileBytes`` (`file_too_large`) or not UTF-8 (`not_utf8`, at the line
    /// and column of the first byte that is not). Pure: the loader reads the bytes.
    public static func decodeText(_ bytes: [UInt8], file: String) -> Result<String, UnreadablePlanFile> {
        guard bytes.count <= PlanLimits.maxFileBytes else {
            return .failure(
                UnreadablePlanFile(
                    diagnostic: Diagnostic(
                        severity: .error, code: DiagnosticCode.fileTooLarge.rawValue,
                        message: "the plan file is \(bytes.count) bytes, more than the limit of \(PlanLimits.maxFileBytes) bytes",
                        file: file, location: SourceLocation(line: 1, column: 1))))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        let bad = firstInvalidUTF8Byte(bytes)
        let at = bytes.withUnsafeBufferPointer { editorLocation(ofByte: bad, in: $0) }
        return .failure(
            UnreadablePlanFile(
                diagnostic: Diagnostic(
                    severity: .error, code: DiagnosticCode.notUTF8.rawValue,
                    message: "the plan file is not UTF-8 text: byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at offset \(bad) cannot start or continue a character; save the file as UTF-8",
                    file: file, location: at)))
    }

    static func parseInOnePiece(_ text: String, file: String) -> PlanFileResult {
        var sink = DiagnosticSink(file: file)
        let tree = Handoff<Composed>()
        switch composeYAML(text) {
        case .success(let composed):
            tree.value = composed
        case .failure(let failure):
            sink.error(failure.code, failure.message, at: failure.location, notes: failure.notes)
            return PlanFileResult(plan: nil, diagnostics: sink.sorted())
        }
        var reader = PlanReader(sink: sink, duplicates: tree.value!.duplicates)
        let plan = reader.read(tree.value!.root)
        let diagnostics = reader.finish()
        if text.utf8.count >= parallelThreshold { releaseInBackground(tree, reader) }
        return result(plan: plan, diagnostics: diagnostics)
    }

    static func result(plan: Plan?, diagnostics: [Diagnostic]) -> PlanFileResult {
        let hasErrors = diagnostics.contains { $0.severity == .error }
        return PlanFileResult(plan: hasErrors ? nil : plan, diagnostics: diagnostics)
    }
}

/// Why a plan file's bytes are not a text to read (``PlanFile/decodeText(_:file:)``).
public struct UnreadablePlanFile: Error, Sendable {
    public var diagnostic: Diagnostic
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
    /// A number beyond its limit in ``PlanLimits`` (an offset, a duration, a repeat interval).
    case valueOutOfRange = "value_out_of_range"
    /// A date outside the years ``PlanLimits/years``.
    case dateOutOfRange = "date_out_of_range"
    /// More occurrences for one activity than ``PlanLimits/maxOccurrencesPerActivity``.
    case tooManyOccurrences = "too_many_occurrences"
    /// Lists and mappings nested deeper than ``PlanLimits/maxNestingDepth``.
    case nestingTooDeep = "nesting_too_deep"
    /// A value longer than ``PlanLimits/maxValueBytes``.
    case valueTooLong = "value_too_long"
    /// A plan file larger than ``PlanLimits/maxFileBytes``.
    case fileTooLarge = "file_too_large"
    /// A plan file that is not UTF-8 text.
    case notUTF8 = "not_utf8"
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
