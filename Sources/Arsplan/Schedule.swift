/// When an occurrence takes place: whole days, or a span of local time.
public enum OccurrenceTiming: Hashable, Sendable {
    /// All-day, from `first` to `last`, both inclusive.
    case allDay(first: Day, last: Day)
    /// From `start` to `end` in the plan's zone; `end` may fall on a later day.
    case timed(start: LocalDateTime, end: LocalDateTime)

    /// The day the occurrence starts.
    public var firstDay: Day {
        switch self {
        case .allDay(let first, _): return first
        case .timed(let start, _): return start.day
        }
    }

    /// The last day the occurrence covers (a timed event ending at 00:00 covers the day before).
    public var lastDay: Day {
        switch self {
        case .allDay(_, let last): return last
        case .timed(let start, let end):
            if end.time.minutesSinceMidnight == 0 && end.day > start.day { return end.day.adding(days: -1) }
            return end.day
        }
    }

    public var isAllDay: Bool {
        if case .allDay = self { return true }
        return false
    }
}

/// One placed occurrence of an activity.
public struct Occurrence: Hashable, Sendable, Identifiable {
    /// Stable across runs and moves: `<plan id>-<activity id>-<occurrence number>`; for an
    /// occurrence taken from another calendar (and a `for-each` occurrence of one),
    /// `<plan id>-<activity id>-<key>`, the key coming from the source event's UID
    /// (``ImportedDate/key``).
    public var uid: String
    public var activity: Activity.ID
    /// 1-based number among the activity's occurrences, in date order.
    public var index: Int
    public var timing: OccurrenceTiming
    public var status: OccurrenceStatus
    /// The owner after reassignments.
    public var owner: Owner.ID?
    /// How many recorded changes touched this occurrence's time or status (iCalendar SEQUENCE).
    public var sequence: Int
    /// When it last changed, from the journal; nil when it is as the plan file wrote it.
    public var lastModified: Timestamp?

    public var id: String { uid }

    public init(
        uid: String, activity: Activity.ID, index: Int, timing: OccurrenceTiming, status: OccurrenceStatus,
        owner: Owner.ID?, sequence: Int = 0, lastModified: Timestamp? = nil
    ) {
        self.uid = uid
        self.activity = activity
        self.index = index
        self.timing = timing
        self.status = status
        self.owner = owner
        self.sequence = sequence
        self.lastModified = lastModified
    }
}

/// How serious a conflict or diagnostic is.
public enum Severity: String, Hashable, Codable, Sendable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// An instant in UTC, whole seconds since 1970-01-01T00:00:00Z. Comes from the journal
/// (when a change was recorded); the core never reads the clock.
public struct Timestamp: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public var secondsSince1970: Int

    public init(secondsSince1970: Int) { self.secondsSince1970 = secondsSince1970 }

    /// Midnight UTC at the start of `day`.
    public init(startOf day: Day) { self.secondsSince1970 = day.dayNumber * 86_400 }

    public var day: Day { Day(dayNumber: Int((Double(secondsSince1970) / 86_400).rounded(.down))) }
    public var secondOfDay: Int { secondsSince1970 - day.dayNumber * 86_400 }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.secondsSince1970 < rhs.secondsSince1970 }

    /// ISO 8601 in UTC: `2027-03-30T14:05:00Z`.
    public var description: String {
        let s = secondOfDay
        return "\(day)T\(Day.pad(s / 3600, 2)):\(Day.pad(s / 60 % 60, 2)):\(Day.pad(s % 60, 2))Z"
    }
}

/// A problem with the schedule, reported and never hidden. Besides the message for people,
/// it carries its facts for programs: which activity, which occurrence, which dates.
public struct Conflict: Hashable, Sendable {
    /// What kind of problem it is: one of the scheduling codes (`window_violated`, …).
    public var kind: DiagnosticCode
    public var severity: Severity
    /// The activities involved, the one to look at first.
    public var activities: [Activity.ID]
    /// What the conflict says, rendered in the reader's language when printed.
    public var text: Message
    /// Where to look in the plan file, when known.
    public var location: SourceLocation?
    /// The number of the occurrence of `activities[0]` the conflict is about, when it is
    /// about one occurrence.
    public var occurrence: Int?
    /// The day the conflict is about: where the occurrence is (its last day when a deadline
    /// or `not-after` is missed; where it would go, for a pinned one pushed), or the day
    /// (the Monday of the week) a capacity is exceeded on.
    public var day: Day?
    /// The date the rule sets that `day` breaks: the earliest day allowed, the day it must
    /// share, the deadline, the `not-before` or `not-after` date, the pinned date.
    public var limit: Day?

    public init(
        kind: DiagnosticCode, severity: Severity, activities: [Activity.ID], text: Message, location: SourceLocation? = nil,
        occurrence: Int? = nil, day: Day? = nil, limit: Day? = nil
    ) {
        self.kind = kind
        self.severity = severity
        self.activities = activities
        self.text = text
        self.location = location
        self.occurrence = occurrence
        self.day = day
        self.limit = limit
    }

    /// The message in Swedish (the default language).
    public var message: String { text.text(in: .swedish) }
}

/// The result of scheduling a plan: every occurrence placed, every conflict found.
public struct Schedule: Sendable {
    public var plan: Plan
    /// Sorted by start, then by the activity's order in the plan, then occurrence number.
    public var occurrences: [Occurrence]
    public var conflicts: [Conflict]
    /// When the plan as a whole was last changed: the latest journal entry, or, with no journal,
    /// midnight UTC on 1 January of the plan year (a fixed value, so output stays deterministic).
    public var stamp: Timestamp

    public init(plan: Plan, occurrences: [Occurrence], conflicts: [Conflict], stamp: Timestamp? = nil) {
        self.plan = plan
        self.occurrences = occurrences
        self.conflicts = conflicts
        self.stamp = stamp ?? Schedule.baselineStamp(of: plan)
    }

    /// The fixed stamp of a plan as written: midnight UTC on 1 January of the plan year.
    /// What nobody has changed carries it, so output stays deterministic.
    public static func baselineStamp(of plan: Plan) -> Timestamp {
        Timestamp(startOf: Day(year: plan.year, month: 1, day: 1)!)
    }

    public var hasErrors: Bool { conflicts.contains { $0.severity == .error } }
}
