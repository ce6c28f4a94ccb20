/// One line of a plan's change journal: who changed what, when and why.
///
/// The journal is the plan's history. The plan file is the communicators' text and is
/// never rewritten by a command; every change made from the command line (a move, a
/// cancellation, a new owner, an undo, an approval) is appended as an entry, and the
/// effective plan is the plan file with the entries replayed (``JournalReplay``).
///
/// Entries are `Codable` as one flat JSON object (see `docs/journal.md`):
/// `{"action":"move","activity":"namnd","at":"2027-03-01T10:00:00Z","by":"Anna Berg",
/// "day":"2027-03-30","occurrence":3,"planHash":"sha256:…","reason":"…","seq":4,"v":1}`.
public struct JournalEntry: Hashable, Sendable {
    /// The newest journal format this arsplan reads and writes. Format 2 adds `from` to
    /// `assign`; an entry is written in the oldest format that holds it (``JournalAction/minimumVersion``),
    /// so a journal without such an entry stays readable by an arsplan that reads only format 1.
    public static let currentVersion = 2

    /// The format version the entry was written in (`v`).
    public var version: Int
    /// The entry's number (`seq`), 1 for the first; undo refers to entries by it.
    public var sequence: Int
    /// When the change was recorded, in UTC.
    public var at: Timestamp
    /// Who made it (a name, or a body such as "Förvaltningsledningen").
    public var by: String
    /// Why: the reason given with `--reason`; nil for approvals (they carry a minutes reference).
    public var reason: String?
    /// The content hash of the plan file when the entry was written (``ContentHash``).
    public var planHash: String?
    public var action: JournalAction
    /// Which occurrence a move, or a cancellation of one occurrence, meant: its UID and day as
    /// the schedule stood when the entry was recorded (`occurrenceUID`, `occurrenceDay`). The
    /// replay applies the entry only while the occurrence at that position still is that one.
    /// Nil in entries written before arsplan recorded it; those apply by position alone.
    public var target: OccurrenceMark?

    public init(
        version: Int? = nil, sequence: Int, at: Timestamp, by: String, reason: String?,
        planHash: String?, action: JournalAction, target: OccurrenceMark? = nil
    ) {
        self.version = version ?? action.minimumVersion
        self.sequence = sequence
        self.at = at
        self.by = by
        self.reason = reason
        self.planHash = planHash
        self.action = action
        self.target = target
    }

    /// The largest entry number (`seq`, `undoes`) a journal may hold: numbers stay far from
    /// where arithmetic on them could overflow.
    public static let maximumSequence = 999_999_999
    /// The largest occurrence number (`occurrence`, an approved occurrence's `index`) an entry may name.
    public static let maximumOccurrence = 1_000_000
    /// The years a day in an entry may lie in.
    public static let years = 1900...2200

    /// Whether the entry changes the plan (move, cancel, assign) and so can be undone.
    public var isChange: Bool {
        switch action {
        case .move, .cancel, .assign: return true
        case .undo, .approve: return false
        }
    }
}

/// One occurrence as a journal entry saw it: its calendar UID and the (first) day it was on.
public struct OccurrenceMark: Hashable, Sendable {
    public var uid: String
    public var day: Day

    public init(uid: String, day: Day) {
        self.uid = uid
        self.day = day
    }
}

/// What a journal entry does.
public enum JournalAction: Hashable, Sendable {
    /// One occurrence moved to another day (and, optionally, another start time).
    case move(activity: Activity.ID, occurrence: Int, day: Day, time: TimeOfDay?)
    /// One occurrence cancelled, or every occurrence of the activity when `occurrence` is nil.
    case cancel(activity: Activity.ID, occurrence: Int?)
    /// The activity handed to another owner: every occurrence, or with `from` only those
    /// starting on or after that day (journal format 2).
    case assign(activity: Activity.ID, owner: Owner.ID, from: Day? = nil)
    /// Reverses the change recorded in the entry with this sequence number.
    case undo(entry: Int)
    /// Management approved the schedule as it then stood.
    case approve(Approval)

    /// The stable name written in the journal (`"action": "move"`).
    public var name: String {
        switch self {
        case .move: return "move"
        case .cancel: return "cancel"
        case .assign: return "assign"
        case .undo: return "undo"
        case .approve: return "approve"
        }
    }

    /// The oldest journal format (`v`) that holds the action: 2 for `assign … --from`, else 1.
    public var minimumVersion: Int {
        if case .assign(_, _, .some) = self { return 2 }
        return 1
    }

    /// The activity the action is about, if it is about one.
    public var activity: Activity.ID? {
        switch self {
        case .move(let activity, _, _, _), .cancel(let activity, _), .assign(let activity, _, _): return activity
        case .undo, .approve: return nil
        }
    }
}

/// An approval: management adopted the schedule as it stood, recorded with the minutes
/// reference and the schedule itself, so that later deviations — including hand edits of
/// the plan file — can be listed against it.
public struct Approval: Hashable, Sendable {
    /// The minutes reference ("FL-protokoll 2026-12-10 §4").
    public var ref: String
    /// ``Approval/hash(of:)`` of `occurrences` when it was recorded.
    public var scheduleHash: String
    /// The approved schedule, one entry per occurrence, in schedule order.
    public var occurrences: [ApprovedOccurrence]

    public init(ref: String, scheduleHash: String, occurrences: [ApprovedOccurrence]) {
        self.ref = ref
        self.scheduleHash = scheduleHash
        self.occurrences = occurrences
    }

    /// The approval of `schedule` as it stands.
    public init(of schedule: Schedule, ref: String) {
        let occurrences = schedule.occurrences.map { ApprovedOccurrence($0, in: schedule.plan) }
        self.init(ref: ref, scheduleHash: Approval.hash(of: occurrences), occurrences: occurrences)
    }

    /// Whether `scheduleHash` still matches the recorded occurrences (false when the journal
    /// line was edited by hand).
    public var isIntact: Bool { Approval.hash(of: occurrences) == scheduleHash }

    /// A stable hash of a schedule's substance: each occurrence's uid, timing, status and
    /// owner, sorted by uid. Titles, sequence numbers and conflicts do not count.
    ///
    /// The text is built as bytes and sorted by uid bytes where that is the same order
    /// (``ApprovalText``, which has the figures); ``hashByText(of:)`` is the string version,
    /// kept for the tests to compare.
    public static func hash(of occurrences: [ApprovedOccurrence]) -> String {
        ContentHash.sha256(bytes: ApprovalText.sorted(occurrences))
    }

    /// ``hash(of:)`` as one `String` built occurrence by occurrence (what it was before it
    /// was built as bytes); for the tests, which compare the two.
    static func hashByText(of occurrences: [ApprovedOccurrence]) -> String {
        var text = ""
        for o in occurrences.sorted(by: { $0.uid < $1.uid }) {
            let (start, end) = o.timing.journalText
            text += "\(o.uid)\t\(start)\t\(end)\t\(o.status.rawValue)\t\(o.owner?.rawValue ?? "")\n"
        }
        return ContentHash.sha256(text: text)
    }

    /// The hash of a resolved schedule, as an approval of it would record.
    public static func hash(of schedule: Schedule) -> String {
        hash(of: schedule.occurrences.map { ApprovedOccurrence($0, in: schedule.plan) })
    }
}

/// One occurrence as it was approved.
public struct ApprovedOccurrence: Hashable, Sendable {
    public var uid: String
    public var activity: Activity.ID
    public var index: Int
    /// The activity's title then, so a later removed activity can still be named.
    public var title: String
    public var timing: OccurrenceTiming
    public var status: OccurrenceStatus
    public var owner: Owner.ID?
    /// Its iCalendar SEQUENCE then; keeps SEQUENCE growing when the plan file is edited by hand.
    public var sequence: Int

    public init(
        uid: String, activity: Activity.ID, index: Int, title: String, timing: OccurrenceTiming, status: OccurrenceStatus,
        owner: Owner.ID?, sequence: Int = 0
    ) {
        self.uid = uid
        self.activity = activity
        self.index = index
        self.title = title
        self.timing = timing
        self.status = status
        self.owner = owner
        self.sequence = sequence
    }

    public init(_ occurrence: Occurrence, in plan: Plan) {
        self.init(
            uid: occurrence.uid, activity: occurrence.activity, index: occurrence.index,
            title: plan.activityTitle(occurrence.activity) ?? occurrence.activity.rawValue, timing: occurrence.timing,
            status: occurrence.status, owner: occurrence.owner, sequence: occurrence.sequence)
    }

    public var state: OccurrenceState { OccurrenceState(timing: timing, status: status, owner: owner) }
}

/// What a change can alter about an occurrence: when, whether, and whose.
public struct OccurrenceState: Hashable, Sendable {
    public var timing: OccurrenceTiming
    public var status: OccurrenceStatus
    public var owner: Owner.ID?

    public init(timing: OccurrenceTiming, status: OccurrenceStatus, owner: Owner.ID?) {
        self.timing = timing
        self.status = status
        self.owner = owner
    }

    public init(_ occurrence: Occurrence) {
        self.init(timing: occurrence.timing, status: occurrence.status, owner: occurrence.owner)
    }
}

// MARK: - Text forms

extension Timestamp {
    /// Parses `YYYY-MM-DDTHH:MM:SSZ` (UTC, as the journal writes it); nil for anything else.
    public init?(iso text: some StringProtocol) {
        let text = String(text)
        guard text.count == 20, text.hasSuffix("Z") else { return nil }
        let chars = Array(text)
        guard chars[10] == "T", chars[13] == ":", chars[16] == ":", let day = Day(iso: String(chars[0..<10])),
            let h = Int(String(chars[11..<13])), let m = Int(String(chars[14..<16])), let s = Int(String(chars[17..<19])),
            (0...23).contains(h), (0...59).contains(m), (0...59).contains(s)
        else { return nil }
        self.init(secondsSince1970: day.dayNumber * 86_400 + h * 3600 + m * 60 + s)
    }
}

extension LocalDateTime {
    /// Parses `YYYY-MM-DDTHH:MM`; nil for anything else.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = Day(iso: parts[0]), parts[1].count == 5, let time = TimeOfDay(text: parts[1]) else { return nil }
        self.init(day: day, time: time)
    }
}

extension OccurrenceTiming {
    /// Start and end as the journal (and `schedule --format json`) writes them: local dates
    /// for all-day occurrences (end inclusive), local date-times for timed ones.
    public var journalText: (start: String, end: String) {
        switch self {
        case .allDay(let first, let last): return (first.description, last.description)
        case .timed(let start, let end): return (start.description, end.description)
        }
    }

    /// The timing `journalText` wrote; nil when the texts are neither two dates nor two date-times.
    public init?(journalStart start: String, end: String) {
        if let first = Day(iso: start), let last = Day(iso: end) {
            self = .allDay(first: first, last: last)
        } else if let s = LocalDateTime(iso: start), let e = LocalDateTime(iso: end) {
            self = .timed(start: s, end: e)
        } else {
            return nil
        }
    }
}

// MARK: - Codable

/// A journal entry written by a newer arsplan than this one (its `v` is higher than
/// ``JournalEntry/currentVersion``).
public struct UnsupportedJournalVersion: Error, Hashable, Sendable {
    public var version: Int
    public init(version: Int) { self.version = version }
}

extension JournalEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case version = "v"
        case sequence = "seq"
        case at, by, reason, planHash, action
        case activity, occurrence, day, time, owner, from, undoes, ref, scheduleHash, schedule
        case occurrenceUID, occurrenceDay
    }

    /// An integer within `range`, or a located decoding error naming the key and the range.
    static func decodeNumber<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key, in range: ClosedRange<Int>) throws -> Int {
        let value = try c.decode(Int.self, forKey: key)
        guard range.contains(value) else {
            throw JournalLineProblem.outOfRange(key: key.stringValue, from: range.lowerBound, to: range.upperBound, value: value)
        }
        return value
    }

    /// A day (`YYYY-MM-DD`) within ``JournalEntry/years``, or a located decoding error.
    static func decodeDay<Key: CodingKey>(_ c: KeyedDecodingContainer<Key>, _ key: Key) throws -> Day {
        let day = try c.decode(Day.self, forKey: key)
        guard JournalEntry.years.contains(day.year) else {
            throw JournalLineProblem.dayOutOfRange(
                key: key.stringValue, from: JournalEntry.years.lowerBound, to: JournalEntry.years.upperBound, day: day)
        }
        return day
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        // The version first: a newer entry may not decode as this version's fields.
        version = try c.decode(Int.self, forKey: .version)
        guard version <= JournalEntry.currentVersion else { throw UnsupportedJournalVersion(version: version) }
        guard version >= 1 else {
            throw JournalLineProblem.versionBelowOne(version)
        }
        sequence = try Self.decodeNumber(c, .sequence, in: 1...JournalEntry.maximumSequence)
        let atText = try c.decode(String.self, forKey: .at)
        guard let at = Timestamp(iso: atText) else {
            throw JournalLineProblem.notATime(atText)
        }
        self.at = at
        by = try c.decode(String.self, forKey: .by)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        planHash = try c.decodeIfPresent(String.self, forKey: .planHash)
        let name = try c.decode(String.self, forKey: .action)
        let occurrence = c.contains(.occurrence) ? try Self.decodeNumber(c, .occurrence, in: 1...JournalEntry.maximumOccurrence) : nil
        switch name {
        case "move":
            action = .move(
                activity: try c.decode(Activity.ID.self, forKey: .activity), occurrence: occurrence ?? 1,
                day: try Self.decodeDay(c, .day), time: try c.decodeIfPresent(TimeOfDay.self, forKey: .time))
        case "cancel":
            action = .cancel(activity: try c.decode(Activity.ID.self, forKey: .activity), occurrence: occurrence)
        case "assign":
            // `from` is format 2: in an entry that says it is format 1 it is an error, not ignored.
            if version < 2 && c.contains(.from) {
                throw DecodingError.dataCorruptedError(
                    forKey: .from, in: c, debugDescription: "'from' needs journal format 2 ('v': 2), not \(version)")
            }
            action = .assign(
                activity: try c.decode(Activity.ID.self, forKey: .activity), owner: try c.decode(Owner.ID.self, forKey: .owner),
                from: c.contains(.from) ? try Self.decodeDay(c, .from) : nil)
        case "undo":
            action = .undo(entry: try Self.decodeNumber(c, .undoes, in: 1...JournalEntry.maximumSequence))
        case "approve":
            action = .approve(
                Approval(
                    ref: try c.decode(String.self, forKey: .ref), scheduleHash: try c.decode(String.self, forKey: .scheduleHash),
                    occurrences: try c.decode([ApprovedOccurrence].self, forKey: .schedule)))
        default:
            throw JournalLineProblem.unknownAction(name)
        }
        // Written since the journal records which occurrence it meant; both or neither.
        if c.contains(.occurrenceUID) || c.contains(.occurrenceDay) {
            target = OccurrenceMark(uid: try c.decode(String.self, forKey: .occurrenceUID), day: try Self.decodeDay(c, .occurrenceDay))
        } else {
            target = nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(version, forKey: .version)
        try c.encode(sequence, forKey: .sequence)
        try c.encode(at.description, forKey: .at)
        try c.encode(by, forKey: .by)
        try c.encodeIfPresent(reason, forKey: .reason)
        try c.encodeIfPresent(planHash, forKey: .planHash)
        try c.encode(action.name, forKey: .action)
        switch action {
        case .move(let activity, let occurrence, let day, let time):
            try c.encode(activity, forKey: .activity)
            try c.encode(occurrence, forKey: .occurrence)
            try c.encode(day, forKey: .day)
            try c.encodeIfPresent(time, forKey: .time)
        case .cancel(let activity, let occurrence):
            try c.encode(activity, forKey: .activity)
            try c.encodeIfPresent(occurrence, forKey: .occurrence)
        case .assign(let activity, let owner, let from):
            try c.encode(activity, forKey: .activity)
            try c.encode(owner, forKey: .owner)
            try c.encodeIfPresent(from, forKey: .from)
        case .undo(let entry):
            try c.encode(entry, forKey: .undoes)
        case .approve(let approval):
            try c.encode(approval.ref, forKey: .ref)
            try c.encode(approval.scheduleHash, forKey: .scheduleHash)
            try c.encode(approval.occurrences, forKey: .schedule)
        }
        if let target {
            try c.encode(target.uid, forKey: .occurrenceUID)
            try c.encode(target.day, forKey: .occurrenceDay)
        }
    }
}

extension ApprovedOccurrence: Codable {
    enum CodingKeys: String, CodingKey {
        case uid, activity, index, title, start, end, status, owner, sequence
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        uid = try c.decode(String.self, forKey: .uid)
        activity = try c.decode(Activity.ID.self, forKey: .activity)
        index = try JournalEntry.decodeNumber(c, .index, in: 1...JournalEntry.maximumOccurrence)
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? activity.rawValue
        let start = try c.decode(String.self, forKey: .start)
        let end = try c.decode(String.self, forKey: .end)
        guard let timing = OccurrenceTiming(journalStart: start, end: end) else {
            throw JournalLineProblem.notARange(start: start, end: end)
        }
        guard JournalEntry.years.contains(timing.firstDay.year), JournalEntry.years.contains(timing.lastDay.year) else {
            throw JournalLineProblem.rangeOutsideYears(
                start: start, end: end, from: JournalEntry.years.lowerBound, to: JournalEntry.years.upperBound)
        }
        self.timing = timing
        status = try c.decode(OccurrenceStatus.self, forKey: .status)
        owner = try c.decodeIfPresent(Owner.ID.self, forKey: .owner)
        sequence = c.contains(.sequence) ? try JournalEntry.decodeNumber(c, .sequence, in: 0...JournalEntry.maximumSequence) : 0
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        let (start, end) = timing.journalText
        try c.encode(uid, forKey: .uid)
        try c.encode(activity, forKey: .activity)
        try c.encode(index, forKey: .index)
        try c.encode(title, forKey: .title)
        try c.encode(start, forKey: .start)
        try c.encode(end, forKey: .end)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(owner, forKey: .owner)
        try c.encode(sequence, forKey: .sequence)
    }
}
