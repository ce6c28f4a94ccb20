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

    /// The text of a plan file's bytes, or why it cannot be one: larger than
    /// ``PlanLimits/maxFileBytes`` (`file_too_large`) or not UTF-8 (`not_utf8`, at the line
    /// and column of the first byte that is not). Pure: the loader reads the bytes.
    public static func decodeText(_ bytes: [UInt8], file: String) -> Result<String, UnreadablePlanFile> {
        guard bytes.count <= PlanLimits.maxFileBytes else {
            return .failure(
                UnreadablePlanFile(
                    diagnostic: Diagnostic(
                        severity: .error, code: .fileTooLarge,
                        text: .plan(.fileTooLarge(bytes: bytes.count, limit: PlanLimits.maxFileBytes)),
                        file: file, location: SourceLocation(line: 1, column: 1))))
        }
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        let bad = firstInvalidUTF8Byte(bytes)
        let at = bytes.withUnsafeBufferPointer { editorLocation(ofByte: bad, in: $0) }
        return .failure(
            UnreadablePlanFile(
                diagnostic: Diagnostic(
                    severity: .error, code: .notUTF8,
                    text: .plan(.notUTF8(byte: bytes[bad], offset: bad)),
                    file: file, location: at)))
    }

    static func parseInOnePiece(_ text: String, file: String) -> PlanFileResult {
        var sink = DiagnosticSink(file: file)
        let composed: Composed
        switch composeYAML(text) {
        case .success(let tree):
            composed = tree
        case .failure(let failure):
            sink.error(failure.code, failure.text, at: failure.location, notes: failure.notes)
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

/// Why a plan file's bytes are not a text to read (``PlanFile/decodeText(_:file:)``).
public struct UnreadablePlanFile: Error, Sendable {
    public var diagnostic: Diagnostic
}

/// What ``PlanFile/parse(_:file:)`` found: what the file says, when it has no errors, and every diagnostic.
public struct PlanFileResult: Sendable {
    /// What the file says; nil when there is any error-severity diagnostic.
    public var document: PlanDocument?
    /// All problems of the file, in file order, each with file and line:column.
    public var diagnostics: [Diagnostic]

    public init(document: PlanDocument?, diagnostics: [Diagnostic]) {
        self.document = document
        self.diagnostics = diagnostics
    }

    /// A result holding `plan` as the file writes it (its `dates-from` calendars not yet read).
    public init(plan: Plan?, diagnostics: [Diagnostic]) {
        self.init(document: plan.map(PlanDocument.init), diagnostics: diagnostics)
    }

    /// The plan, when the file has no errors and takes no dates from another calendar. A plan
    /// with `dates-from` is complete only once its calendars are read: see
    /// ``PlanDocument/resolved(_:)`` (ArsplanWorkspace reads them beside the plan file).
    public var plan: Plan? { document?.plan }

    /// Whether any diagnostic is an error (the document is then nil).
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// A plan file as written: the plan, and the other calendars (`dates-from`) it takes dates from.
///
/// Reading those calendars is a step of its own (file access, libical), so the reader stays
/// pure: ``plan`` is nil until ``resolved(_:)`` has filled in every import's dates.
public struct PlanDocument: Sendable {
    /// The plan as written; the activities named in ``imports`` have no dates yet.
    private let written: Plan
    /// The `dates-from` placements in activity order.
    public let imports: [DatesFromImport]

    /// The document of `written`, finding its `dates-from` placements.
    public init(_ written: Plan) {
        self.written = written
        // Most plans have none: found out without copying any activity out.
        guard written.activities.contains(where: { if case .imported = $0.placement { true } else { false } }) else {
            imports = []
            return
        }
        var imports: [DatesFromImport] = []
        for index in written.activities.indices {
            // A plain case test first: binding the payload of every activity's placement costs.
            guard case .imported = written.activities[index].placement,
                case .imported(let source, let dates) = written.activities[index].placement, dates.isEmpty
            else { continue }
            let activity = written.activities[index]
            imports.append(
                DatesFromImport(
                    activity: activity.id, source: source, location: activity.placementLocation ?? activity.location, index: index))
        }
        self.imports = imports
    }

    /// The plan's year, the one an imported calendar's events are taken from.
    public var year: Int { written.year }
    /// The plan's time zone, the one an imported calendar's timed events are read in.
    public var timezone: String { written.timezone }
    /// The plan's id.
    public var id: String { written.id }

    /// The plan, when it imports nothing; nil while any `dates-from` calendar is unread.
    public var plan: Plan? { imports.isEmpty ? written : nil }

    /// The plan with every import's dates filled in by `dates` (called once per import, in
    /// activity order).
    public func resolved(_ dates: (DatesFromImport) throws -> [ImportedDate]) rethrows -> Plan {
        var plan = written
        for item in imports {
            plan.activities[item.index].placement = .imported(source: item.source, dates: try dates(item))
        }
        return plan
    }
}

/// One `dates-from:` placement: the activity, and the calendar file as the plan names it.
public struct DatesFromImport: Hashable, Sendable {
    /// The activity whose dates the calendar gives.
    public var activity: Activity.ID
    /// The calendar file as written in the plan (relative to the plan file's folder unless absolute).
    public var source: String
    /// Where the `dates-from:` key stands (else the activity), for diagnostics.
    public var location: SourceLocation?
    /// The activity's position in the plan.
    let index: Int
}

/// Collects diagnostics about one file.
struct DiagnosticSink {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String) { self.file = file }

    mutating func add(
        _ severity: Severity, _ code: DiagnosticCode, _ text: PlanText, at location: SourceLocation,
        notes: [PlanText] = []
    ) {
        diagnostics.append(
            Diagnostic(
                severity: severity, code: code, text: .plan(text), file: file, location: location,
                notes: notes.map(Message.plan))
        )
    }

    mutating func error(_ code: DiagnosticCode, _ text: PlanText, at location: SourceLocation, notes: [PlanText] = []) {
        add(.error, code, text, at: location, notes: notes)
    }

    mutating func warning(_ code: DiagnosticCode, _ text: PlanText, at location: SourceLocation, notes: [PlanText] = []) {
        add(.warning, code, text, at: location, notes: notes)
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
