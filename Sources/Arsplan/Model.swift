/// A position in a plan file, 1-based, for diagnostics and conflict messages.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}

/// An identifier of one kind of thing in a plan (`Activity.ID`, `Owner.ID`, …);
/// the phantom `Tag` keeps identifiers of different kinds from being mixed up.
public struct Identifier<Tag>: Hashable, Comparable, Codable, Sendable, CustomStringConvertible,
    ExpressibleByStringLiteral
{
    public let rawValue: String

    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Per-day and per-week limits stated for an owner, target group or channel.
public struct Capacity: Hashable, Codable, Sendable {
    public var maxPerDay: Int?
    public var maxPerWeek: Int?

    public init(maxPerDay: Int? = nil, maxPerWeek: Int? = nil) {
        self.maxPerDay = maxPerDay
        self.maxPerWeek = maxPerWeek
    }
}

/// An owner (ansvarig): a person or role who owns activities.
public struct Owner: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = Identifier<Owner>
    public var id: ID
    public var name: String
    public var email: String?
    public var capacity: Capacity
    public var location: SourceLocation?

    public init(id: ID, name: String, email: String? = nil, capacity: Capacity = .init(), location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.email = email
        self.capacity = capacity
        self.location = location
    }
}

/// A target group (målgrupp).
public struct Audience: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = Identifier<Audience>
    public var id: ID
    public var name: String
    public var capacity: Capacity
    public var location: SourceLocation?

    public init(id: ID, name: String, capacity: Capacity = .init(), location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.location = location
    }
}

/// A channel (kanal).
public struct Channel: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = Identifier<Channel>
    public var id: ID
    public var name: String
    public var capacity: Capacity
    public var location: SourceLocation?

    public init(id: ID, name: String, capacity: Capacity = .init(), location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.capacity = capacity
        self.location = location
    }
}

/// A unit (verksamhetsområde) of the organisation.
public struct Unit: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = Identifier<Unit>
    public var id: ID
    public var name: String
    public var location: SourceLocation?

    public init(id: ID, name: String, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// A goal of the city's communication programme that activities may serve.
public struct Goal: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = Identifier<Goal>
    public var id: ID
    public var name: String
    public var location: SourceLocation?

    public init(id: ID, name: String, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.location = location
    }
}

/// A period the plan declares closed (summer weeks, bridge days); both ends inclusive.
public struct ClosedPeriod: Hashable, Codable, Sendable {
    public var from: Day
    public var to: Day
    public var name: String

    public init(from: Day, to: Day, name: String) {
        self.from = from
        self.to = to
        self.name = name
    }

    public func contains(_ day: Day) -> Bool { from <= day && day <= to }
}

/// Which public holidays the working-day calendar uses.
public enum HolidayRules: String, Hashable, Codable, Sendable {
    /// Swedish public holidays plus midsommarafton, julafton and nyårsafton.
    case sweden
    /// Weekends and the plan's closed periods only.
    case none
}

/// The plan's calendar settings.
public struct CalendarSettings: Hashable, Codable, Sendable {
    public var holidays: HolidayRules
    public var closed: [ClosedPeriod]

    public init(holidays: HolidayRules = .sweden, closed: [ClosedPeriod] = []) {
        self.holidays = holidays
        self.closed = closed
    }
}

/// A reference to another activity, or to one of its occurrences: `namnd` or `namnd[2]`.
public struct ActivityReference: Hashable, Codable, Sendable, CustomStringConvertible {
    public var activity: Activity.ID
    /// 1-based occurrence number, or nil for "the activity" (see the scheduler for
    /// what an unnumbered reference to a repeating activity means).
    public var occurrence: Int?

    public init(activity: Activity.ID, occurrence: Int? = nil) {
        self.activity = activity
        self.occurrence = occurrence
    }

    public var description: String {
        occurrence.map { "\(activity)[\($0)]" } ?? activity.rawValue
    }
}

/// A unit in which a dependency's offset is counted.
public enum OffsetUnit: String, Hashable, Codable, Sendable {
    /// Working days on the plan's calendar (weekends, holidays and closed days skipped).
    case workdays
    /// Calendar days.
    case days
    /// Calendar weeks of seven days.
    case weeks
}

/// `vb + 2 workdays`, `namnd[3] - 5 workdays`: a reference and an offset from it.
public struct DependencyOffset: Hashable, Codable, Sendable, CustomStringConvertible {
    public var reference: ActivityReference
    /// Always non-negative; the direction comes from `after` (later) or `before` (earlier).
    public var amount: Int
    public var unit: OffsetUnit
    /// Where the entry stands in the plan file, when it came from one.
    public var location: SourceLocation?

    public init(reference: ActivityReference, amount: Int, unit: OffsetUnit = .workdays, location: SourceLocation? = nil) {
        self.reference = reference
        self.amount = amount
        self.unit = unit
        self.location = location
    }

    public var description: String { "\(reference) ± \(amount) \(unit.rawValue)" }
}

/// When in a month or week a recurrence falls.
public enum RecurrenceDay: Hashable, Codable, Sendable {
    /// A weekday: for weekly recurrences, that day of each week.
    case weekday(Weekday)
    /// The n-th weekday of the month: 1…5, or -1 for the last.
    case nthWeekday(Int, Weekday)
    /// A day of the month, 1…31 (months without it are skipped); -1 for the last day.
    case dayOfMonth(Int)
}

/// How often a recurrence repeats.
public enum RecurrenceFrequency: Hashable, Codable, Sendable {
    case weeks(Int)
    case months(Int)
}

/// `repeat: {every: month, on: first tuesday, except-months: [7]}`.
public struct Recurrence: Hashable, Codable, Sendable {
    public var frequency: RecurrenceFrequency
    public var on: RecurrenceDay
    public var exceptMonths: Set<Int>
    public var exceptDates: Set<Day>
    /// Inclusive bounds; default the plan year.
    public var from: Day?
    public var until: Day?

    public init(
        frequency: RecurrenceFrequency, on: RecurrenceDay, exceptMonths: Set<Int> = [], exceptDates: Set<Day> = [],
        from: Day? = nil, until: Day? = nil
    ) {
        self.frequency = frequency
        self.on = on
        self.exceptMonths = exceptMonths
        self.exceptDates = exceptDates
        self.from = from
        self.until = until
    }
}

/// A date taken from another calendar (an imported `.ics`): all-day or at a time.
public struct ImportedDate: Hashable, Codable, Sendable {
    public var day: Day
    public var time: TimeOfDay?
    /// Length in minutes for timed entries; in days (inclusive count) for all-day ones.
    public var length: Int?
    /// What the source calendar knows the event by: a short hash of its UID (and, for an
    /// instance of a recurring event, its RECURRENCE-ID or original start). It ends the
    /// occurrence's UID instead of its number, so that a meeting added to or removed from the
    /// source calendar changes only that meeting (and what depends on it) in the feeds.
    public var key: String?

    public init(day: Day, time: TimeOfDay? = nil, length: Int? = nil, key: String? = nil) {
        self.day = day
        self.time = time
        self.length = length
        self.key = key
    }
}

/// How an activity is placed in the year: exactly one of these per activity.
public enum Placement: Hashable, Codable, Sendable {
    /// `date:` — one fixed date.
    case date(Day)
    /// `dates:` — a list of fixed dates.
    case dates([Day])
    /// `repeat:` — a rule; dates on a day off move to the next working day.
    case recurrence(Recurrence)
    /// `with:` — the same day as the referenced occurrence(s).
    case with(ActivityReference)
    /// `after:` and/or `before:` — relative placement; both together form a window.
    /// Several `after` entries: the latest wins.
    case relative(after: [DependencyOffset], before: DependencyOffset?)
    /// `dates-from:` — dates read from another calendar by an adapter before scheduling.
    case imported(source: String, dates: [ImportedDate])
}

/// An occurrence's status.
public enum OccurrenceStatus: String, Hashable, Codable, Sendable {
    case planned
    case tentative
    case cancelled
}

/// How long an occurrence lasts.
public enum ActivityDuration: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Minutes, for timed activities (`2h`, `90min`).
    case minutes(Int)
    /// Working days, for all-day activities (`3d`): the activity covers that many working days.
    case workdays(Int)
    /// Calendar weeks (`2w`).
    case weeks(Int)

    public var description: String {
        switch self {
        case .minutes(let m): return m % 60 == 0 ? "\(m / 60)h" : "\(m)min"
        case .workdays(let d): return "\(d)d"
        case .weeks(let w): return "\(w)w"
        }
    }
}

/// A change to one occurrence made after the plan was written (from the journal).
public struct OccurrenceOverride: Hashable, Codable, Sendable {
    /// The new day, when it was moved.
    public var day: Day?
    /// The new time, when it was moved to another time.
    public var time: TimeOfDay?
    /// The new status (cancelled, …).
    public var status: OccurrenceStatus?
    /// How many recorded changes touched this occurrence's time or status (iCalendar SEQUENCE).
    public var sequence: Int
    /// When the latest of those changes was recorded.
    public var modified: Timestamp?

    public init(day: Day? = nil, time: TimeOfDay? = nil, status: OccurrenceStatus? = nil, sequence: Int = 0, modified: Timestamp? = nil) {
        self.day = day
        self.time = time
        self.status = status
        self.sequence = sequence
        self.modified = modified
    }
}

/// A new owner for an activity's occurrences from a day on (`assign … --from DATE`).
public struct OwnerChange: Hashable, Codable, Sendable {
    public var from: Day
    public var owner: Owner.ID

    public init(from: Day, owner: Owner.ID) {
        self.from = from
        self.owner = owner
    }

    /// The owner on `day` of an activity owned by `owner` with these hand-overs (by ascending day).
    public static func owner(_ owner: Owner.ID?, handedOver changes: [OwnerChange], on day: Day) -> Owner.ID? {
        if changes.isEmpty { return owner }
        return changes.last(where: { $0.from <= day })?.owner ?? owner
    }
}

/// One activity of the årsplan.
public struct Activity: Hashable, Codable, Sendable, Identifiable {
    public typealias ID = Identifier<Activity>

    public var id: ID
    public var title: String
    public var kind: String?
    public var owner: Owner.ID?
    public var audiences: [Audience.ID]
    public var channels: [Channel.ID]
    public var unit: Unit.ID?
    public var goals: [Goal.ID]
    public var description: String?
    public var placement: Placement
    /// `for-each:` — one occurrence per occurrence of this activity; unnumbered
    /// references to it inside the placement mean "the corresponding occurrence".
    public var forEach: Activity.ID?
    /// Start time; nil means all-day.
    public var time: TimeOfDay?
    public var duration: ActivityDuration?
    public var notBefore: Day?
    public var notAfter: Day?
    /// Pinned activities never move by propagation.
    public var pinned: Bool
    public var status: OccurrenceStatus
    /// Changes from the journal, keyed by 1-based occurrence number.
    public var overrides: [Int: OccurrenceOverride]
    /// Owners handed over from a day on (`assign … --from`), by ascending day: an occurrence
    /// starting on or after a change's day has its owner; earlier ones keep ``owner``.
    public var ownerChanges: [OwnerChange] = []
    /// Where the activity starts in the plan file.
    public var location: SourceLocation?
    /// Where the key that places it (`date:`, `after:`, `dates-from:`, …) is written.
    public var placementLocation: SourceLocation?

    public init(
        id: ID, title: String, kind: String? = nil, owner: Owner.ID? = nil, audiences: [Audience.ID] = [],
        channels: [Channel.ID] = [], unit: Unit.ID? = nil, goals: [Goal.ID] = [], description: String? = nil,
        placement: Placement, forEach: Activity.ID? = nil, time: TimeOfDay? = nil, duration: ActivityDuration? = nil,
        notBefore: Day? = nil, notAfter: Day? = nil, pinned: Bool = false, status: OccurrenceStatus = .planned,
        overrides: [Int: OccurrenceOverride] = [:], location: SourceLocation? = nil, placementLocation: SourceLocation? = nil
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.owner = owner
        self.audiences = audiences
        self.channels = channels
        self.unit = unit
        self.goals = goals
        self.description = description
        self.placement = placement
        self.forEach = forEach
        self.time = time
        self.duration = duration
        self.notBefore = notBefore
        self.notAfter = notAfter
        self.pinned = pinned
        self.status = status
        self.overrides = overrides
        self.location = location
        self.placementLocation = placementLocation
    }
}

/// A whole plan: the values read from a plan file (plus, later, the journal replayed).
///
/// Looking a thing up by id (``activity(_:)``, ``owner(_:)``, …) goes through a position
/// index built when a list is set, so a command that looks up every occurrence's activity
/// stays linear in the size of the plan. The indexes are not part of the plan's value:
/// equality, hashing and coding ignore them.
public struct Plan: Hashable, Codable, Sendable {
    public var id: String
    public var title: String
    public var year: Int
    /// IANA zone name, `Europe/Stockholm` by default.
    public var timezone: String
    public var organization: String?
    public var calendar: CalendarSettings
    public var owners: [Owner] { didSet { ownerIndex.refresh(owners) } }
    public var audiences: [Audience] { didSet { audienceIndex.refresh(audiences) } }
    public var channels: [Channel] { didSet { channelIndex.refresh(channels) } }
    public var units: [Unit] { didSet { unitIndex.refresh(units) } }
    public var goals: [Goal] { didSet { goalIndex.refresh(goals) } }
    /// In plan-file order, which is also the order ties are broken in.
    public var activities: [Activity] { didSet { activityIndex.refresh(activities) } }

    private var activityIndex = PositionIndex<Activity>()
    private var ownerIndex = PositionIndex<Owner>()
    private var audienceIndex = PositionIndex<Audience>()
    private var channelIndex = PositionIndex<Channel>()
    private var unitIndex = PositionIndex<Unit>()
    private var goalIndex = PositionIndex<Goal>()

    enum CodingKeys: String, CodingKey {
        case id, title, year, timezone, organization, calendar, owners, audiences, channels, units, goals, activities
    }

    public init(
        id: String, title: String, year: Int, timezone: String = "Europe/Stockholm", organization: String? = nil,
        calendar: CalendarSettings = .init(), owners: [Owner] = [], audiences: [Audience] = [], channels: [Channel] = [],
        units: [Unit] = [], goals: [Goal] = [], activities: [Activity] = []
    ) {
        self.id = id
        self.title = title
        self.year = year
        self.timezone = timezone
        self.organization = organization
        self.calendar = calendar
        self.owners = owners
        self.audiences = audiences
        self.channels = channels
        self.units = units
        self.goals = goals
        self.activities = activities
        activityIndex.refresh(activities)
        ownerIndex.refresh(owners)
        audienceIndex.refresh(audiences)
        channelIndex.refresh(channels)
        unitIndex.refresh(units)
        goalIndex.refresh(goals)
    }

    /// The position of the (first) activity with this id in ``activities``.
    public func activityPosition(_ id: Activity.ID) -> Int? { activityIndex.position(of: id, in: activities) }

    public func activity(_ id: Activity.ID) -> Activity? { activityPosition(id).map { activities[$0] } }
    /// The title of the activity with this id, without copying the activity out.
    public func activityTitle(_ id: Activity.ID) -> String? { activityPosition(id).map { activities[$0].title } }
    public func owner(_ id: Owner.ID) -> Owner? { ownerIndex.position(of: id, in: owners).map { owners[$0] } }
    public func audience(_ id: Audience.ID) -> Audience? { audienceIndex.position(of: id, in: audiences).map { audiences[$0] } }
    public func channel(_ id: Channel.ID) -> Channel? { channelIndex.position(of: id, in: channels).map { channels[$0] } }
    public func unit(_ id: Unit.ID) -> Unit? { unitIndex.position(of: id, in: units).map { units[$0] } }
    public func goal(_ id: Goal.ID) -> Goal? { goalIndex.position(of: id, in: goals).map { goals[$0] } }
}

/// Where each id stands in one of a plan's lists (the first, with duplicates).
///
/// Rebuilt when the list changes length; changing an element in place (an override, an
/// owner) keeps it. A look-up checks the element it finds and, when the list was changed
/// behind the index's back (an id renamed, elements swapped) or the id is not known, looks
/// along the list. Equal to every other index: not part of a plan's value.
struct PositionIndex<Element: Identifiable>: Hashable, Sendable where Element.ID: Sendable {
    private var positions: [Element.ID: Int] = [:]
    private var indexedCount = -1

    mutating func refresh(_ elements: [Element]) {
        guard elements.count != indexedCount else { return }
        var positions: [Element.ID: Int] = [:]
        positions.reserveCapacity(elements.count)
        // By index: `for element in` would copy every element out. One look-up per id (the
        // first position is put back for a repeated id): asking first and then inserting
        // hashed every id twice, 8 M instructions for the bench plan's 20,000 activities.
        for i in elements.indices {
            if let first = positions.updateValue(i, forKey: elements[i].id) { positions[elements[i].id] = first }
        }
        self.positions = positions
        indexedCount = elements.count
    }

    func position(of id: Element.ID, in elements: [Element]) -> Int? {
        if let p = positions[id], p < elements.count, elements[p].id == id { return p }
        return elements.indices.first { elements[$0].id == id }
    }

    static func == (_: Self, _: Self) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

extension Activity {
    /// The owner of an occurrence that starts on `day`: the latest ``ownerChanges`` entry
    /// from that day or earlier, else ``owner``.
    public func owner(on day: Day) -> Owner.ID? { OwnerChange.owner(owner, handedOver: ownerChanges, on: day) }

    /// Hands the activity to `owner`: from `day` on, or entirely when `day` is nil.
    public mutating func assign(_ owner: Owner.ID, from day: Day?) {
        guard let day else {
            self.owner = owner
            ownerChanges = []
            return
        }
        ownerChanges.removeAll { $0.from >= day }
        ownerChanges.append(OwnerChange(from: day, owner: owner))
    }
}
