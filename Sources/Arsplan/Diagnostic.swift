/// Every stable code a diagnostic or a conflict can carry, printed in brackets after the
/// message (`[unknown_reference]`). The raw value is the printed code; each one is
/// explained in docs/plan-format.md ("Messages and what to do"). Programs match on these
/// cases, never on a message's text.
public enum DiagnosticCode: String, Hashable, Codable, Sendable, CaseIterable, CustomStringConvertible {
    // Reading the plan file.
    case yamlSyntax = "yaml_syntax"
    case unsupportedFormat = "unsupported_format"
    case invalidType = "invalid_type"
    case unknownKey = "unknown_key"
    case missingKey = "missing_key"
    case duplicateKey = "duplicate_key"
    /// Two activities (owners, target groups, …) with one id; the scheduler reports it too
    /// for a plan built in code.
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
    /// An id the plan does not define (from the reader, or the scheduler for a plan built in code).
    case unknownReference = "unknown_reference"
    /// A numbered reference past the last occurrence (from the reader for `dates`, the scheduler otherwise).
    case missingOccurrence = "missing_occurrence"
    case durationWithoutTime = "duration_without_time"
    /// An activity with no `owner` in a plan that declares owners (a warning).
    case activityWithoutOwner = "activity_without_owner"
    /// The same date twice in an activity's `dates` (a warning).
    case duplicateDate = "duplicate_date"
    /// A number beyond its limit in ``PlanLimits`` (an offset, a duration, a repeat interval).
    case valueOutOfRange = "value_out_of_range"
    /// A date outside ``PlanLimits/years`` (reader), or an occurrence outside
    /// ``PlanLimits/allowedDays(planYear:)`` (scheduler).
    case dateOutOfRange = "date_out_of_range"
    /// More occurrences for one activity or one plan than ``PlanLimits`` allows.
    case tooManyOccurrences = "too_many_occurrences"
    /// Lists and mappings nested deeper than ``PlanLimits/maxNestingDepth``.
    case nestingTooDeep = "nesting_too_deep"
    /// A value longer than ``PlanLimits/maxValueBytes``.
    case valueTooLong = "value_too_long"
    /// A plan file larger than ``PlanLimits/maxFileBytes``.
    case fileTooLarge = "file_too_large"
    /// A plan file that is not UTF-8 text (located at the first bad byte).
    case notUTF8 = "not_utf8"

    // Reading other files: the plan file itself, `dates-from` calendars, time zones.
    case unreadableFile = "unreadable_file"
    case icsUnreadable = "ics_unreadable"
    case icsParseError = "ics_parse_error"
    case icsNoEventsInYear = "ics_no_events_in_year"
    /// A `dates-from` calendar uses a TZID it does not define and arsplan does not know.
    case icsUnknownTimeZone = "ics_unknown_time_zone"
    /// libical complained about a `dates-from` calendar, but every event's dates are known.
    case icsWarning = "ics_warning"
    case unknownTimeZone = "unknown_time_zone"
    case libicalFailure = "libical_failure"
    /// The publication state beside the plan (`<plan>.published.json`) cannot be read or parsed.
    case publicationStateUnreadable = "publication_state_unreadable"
    /// The feeds were written but the publication state could not be saved.
    case publicationStateUnwritable = "publication_state_unwritable"

    // Scheduling: conflicts.
    case dependencyCycle = "dependency_cycle"
    /// The activity depends on one that could not be placed (unknown, in a cycle, …).
    case unplacedDependency = "unplaced_dependency"
    /// An occurrence moved by hand now comes before what it depends on allows.
    case dependencyViolated = "dependency_violated"
    /// The activity is placed relative to a named occurrence that has been cancelled.
    case cancelledDependency = "cancelled_dependency"
    case ambiguousReference = "ambiguous_reference"
    case windowViolated = "window_violated"
    case notBeforeViolated = "not_before_violated"
    case notAfterViolated = "not_after_violated"
    case pinnedPushed = "pinned_pushed"
    case ownerOverCapacity = "owner_over_capacity"
    case audienceOverCapacity = "audience_over_capacity"
    case channelOverCapacity = "channel_over_capacity"
    case fixedDateOnDayOff = "fixed_date_on_day_off"
    case outsidePlanYear = "outside_plan_year"
    case emptyRecurrence = "empty_recurrence"
    /// A time that does not exist on that day in the plan's zone (spring forward).
    case timeInDSTGap = "time_in_dst_gap"
    /// A time that occurs twice on that day in the plan's zone (fall back).
    case timeAmbiguous = "time_ambiguous"
    /// A numbered reference to an imported activity now names another meeting than at the last approval.
    case referenceTargetChanged = "reference_target_changed"

    // The change journal: the file, then its entries as they are replayed.
    case journalInvalidLine = "journal_invalid_line"
    case journalNewerVersion = "journal_newer_version"
    case journalDuplicateEntry = "journal_duplicate_entry"
    case journalUnreadable = "journal_unreadable"
    case journalUnwritable = "journal_unwritable"
    case journalNotAFile = "journal_not_a_file"
    case journalDanglingLink = "journal_dangling_link"
    case journalTornLine = "journal_torn_line"
    case journalTornLineRemoved = "journal_torn_line_removed"
    case journalEntryNotApplied = "journal_entry_not_applied"
    case journalEntryOccurrenceChanged = "journal_entry_occurrence_changed"
    case journalUndoNotApplied = "journal_undo_not_applied"
    case journalApprovalAltered = "journal_approval_altered"

    // A change or approval refused by `move`, `cancel`, `assign`, `undo`, `approve`: nothing is recorded.
    case changeUnknownActivity = "change_unknown_activity"
    case changeUnknownOccurrence = "change_unknown_occurrence"
    case changeOccurrenceRequired = "change_occurrence_required"
    case changeNoOccurrences = "change_no_occurrences"
    case changeUnknownOwner = "change_unknown_owner"
    case changeNothingToChange = "change_nothing_to_change"
    case changeNothingToUndo = "change_nothing_to_undo"
    case changeDayOutOfRange = "change_day_out_of_range"
    case changeJournalFull = "change_journal_full"
    /// Refused unless `--force`: a day off, before a dependency, a pinned activity, …
    case changeOnDayOff = "change_on_day_off"
    case changeBeforeDependency = "change_before_dependency"
    case changePinned = "change_pinned"
    case changeAlreadyPast = "change_already_past"
    case changeOutsidePlanYear = "change_outside_plan_year"
    case changeNewErrors = "change_new_errors"
    case changeReassignsPast = "change_reassigns_past"
    case approvalHasErrors = "approval_has_errors"
    case approvalUnchanged = "approval_unchanged"

    /// The printed code: `unknown_reference`.
    public var description: String { rawValue }

    /// Whether the code is about one entry of the journal as it is replayed (an entry that
    /// no longer applies, an undo of nothing, an edited approval): what a command that
    /// records a change shows about the journal besides its own result.
    public var isJournalEntryProblem: Bool {
        switch self {
        case .journalEntryNotApplied, .journalEntryOccurrenceChanged, .journalUndoNotApplied, .journalApprovalAltered: return true
        default: return false
        }
    }
}

/// A problem found in a plan file or a schedule, printed compiler-style:
/// `Plans/x.yaml:12:5: fel: okänd aktivitet 'vb2' … [unknown_reference]` (Swedish, the
/// default) or `…: error: unknown activity 'vb2' … [unknown_reference]` (English).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public var severity: Severity
    /// The stable code (`unknown_key`, `dependency_cycle`, …) that tests and scripts match.
    public var code: DiagnosticCode
    /// What the diagnostic says, rendered in the reader's language when printed.
    public var text: Message
    /// The file the diagnostic is about (as the user named it), when there is one.
    public var file: String?
    public var location: SourceLocation?
    /// Further lines shown under the message (the steps of a cycle, a hint).
    public var noteTexts: [Message]

    public init(
        severity: Severity, code: DiagnosticCode, text: Message, file: String? = nil, location: SourceLocation? = nil,
        notes: [Message] = []
    ) {
        self.severity = severity
        self.code = code
        self.text = text
        self.file = file
        self.location = location
        self.noteTexts = notes
    }

    /// The message in Swedish (the default language).
    public var message: String { text.text(in: .swedish) }

    /// The notes in Swedish (the default language).
    public var notes: [String] { noteTexts.map { $0.text(in: .swedish) } }

    /// `file:line:column: fel: message [code]` in Swedish, then one indented line per note.
    public var description: String { description(in: .swedish) }

    /// `file:line:column: severity: message [code]` in `language`, then one indented line per note.
    public func description(in language: Language) -> String {
        let catalogue = language.catalogue
        var prefix = ""
        if let file {
            prefix = file
            if let location { prefix += ":\(location.line):\(location.column)" }
            prefix += ": "
        }
        var text = "\(prefix)\(catalogue.severity(severity)): \(catalogue.text(self.text)) [\(code.rawValue)]"
        for note in noteTexts { text += "\n    \(catalogue.text(note))" }
        return text
    }
}

extension Conflict {
    /// The conflict as a diagnostic about `file`.
    public func diagnostic(file: String?) -> Diagnostic {
        Diagnostic(severity: severity, code: kind, text: text, file: file, location: location)
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
