import Arsplan
import CLibical
import Foundation

/// How feeds are written.
public struct FeedOptions: Hashable, Sendable {
    /// The part of every UID after `@`; the plan's id when nil (`sf-2027-namnd-3@sf-2027`).
    public var uidDomain: String?
    /// Keep cancelled occurrences, with `STATUS:CANCELLED` and "INSTÄLLT: " before the title.
    /// By default they are left out, so they vanish from subscribed calendars.
    public var keepCancelled: Bool
    /// `REFRESH-INTERVAL` and `X-PUBLISHED-TTL`: how often clients should reload (a hint only;
    /// Google Calendar refreshes every 8–24 hours whatever it says). Whole seconds, at least 1.
    public var refreshInterval: Duration
    /// The start of every calendar's name; the plan's title when nil.
    public var baseName: String?
    /// `PRODID`.
    public var productID: String
    /// Serialize each event as one libical component instead of property by property with
    /// repeated lines reused: the same bytes, more slowly (the tests compare the two).
    var wholeEvents = false

    public static let defaultProductID = "-//arsplan//arsplan//SV"

    public init(
        uidDomain: String? = nil, keepCancelled: Bool = false, refreshInterval: Duration = .seconds(12 * 3600),
        baseName: String? = nil, productID: String = FeedOptions.defaultProductID
    ) {
        self.uidDomain = uidDomain
        self.keepCancelled = keepCancelled
        self.refreshInterval = refreshInterval
        self.baseName = baseName
        self.productID = productID
    }
}

/// Writes a schedule's subscription feeds with libical.
///
/// Each occurrence's VEVENT is built, serialized once and freed; the feeds are assembled
/// from those pieces, so an occurrence in five feeds is serialized once. The output depends
/// only on the schedule, the options and the system's time-zone data (a tzdata update can
/// change the VTIMEZONE text): no clock is read.
public struct FeedWriter: Sendable {
    public var options: FeedOptions

    public init(options: FeedOptions = .init()) {
        self.options = options
    }

    /// Every feed of `schedule`, in the order of `Schedule.feedDefinitions`.
    ///
    /// With `publishing` (what the workspace passes), each event's SEQUENCE, DTSTAMP and
    /// LAST-MODIFIED are decided against what was published before (``PublishedEvent/next``):
    /// unchanged events keep theirs, changed ones are bumped once; the result carries the new
    /// ``FeedSet/publication`` state and the ``FeedSet/changes``. Without it the journal's
    /// counts and times are used as they are, and 1 January of the plan year for what nobody
    /// changed (a fixed value: tests and library use that have no clock).
    ///
    /// `definitions`: the schedule's ``Schedule/feedDefinitions(keepCancelled:baseName:)`` with
    /// these options, when the caller has them already.
    public func write(_ schedule: Schedule, publishing: Publishing? = nil, definitions: [FeedDefinition]? = nil) throws(ICalError) -> FeedSet {
        libicalLock.lock()
        defer { libicalLock.unlock() }

        let plan = schedule.plan
        let zone = try BuiltinZone.named(plan.timezone)
        let definitions = definitions ?? schedule.feedDefinitions(keepCancelled: options.keepCancelled, baseName: options.baseName)
        let included = definitions.first?.occurrenceIndices ?? []

        // One VTIMEZONE for the years the events touch (the plan year at least).
        var firstYear = plan.year
        var lastYear = plan.year
        for index in included {
            let timing = schedule.occurrences[index].timing
            firstYear = min(firstYear, timing.firstDay.year)
            lastYear = max(lastYear, timing.lastDay.adding(days: 1).year)
        }
        let vtimezone = try zone.minimalVTimezone(years: firstYear...lastYear).serialized()

        // Events: each built, serialized once and freed, in order, on this thread: libical is
        // touched by one thread at a time (the module's lock). (Large schedules used to be
        // built in one chunk per core. Measured, 20,000 activities, whole process `export`:
        // at most 14 % of the CPU samples ran on the other threads, 4.8 % less wall time in
        // 7 interleaved runs; under the 10 % a fast path must save, and it ran libical on
        // several threads at once, so it went.)
        let text = EventText(schedule: schedule)
        let domain = options.uidDomain.flatMap { $0.isEmpty ? nil : $0 } ?? plan.id
        // Without a publication state, an occurrence nobody has changed keeps the plan's fixed
        // stamp (1 January of the plan year).
        let baseline = Schedule.baselineStamp(of: schedule.plan)
        let occurrences = schedule.occurrences
        var output = try EventOutput(capacity: included.count * 1024, wholeEvents: options.wholeEvents)
        var ranges = [Range<Int>?](repeating: nil, count: occurrences.count)
        var fingerprints = ActivityFingerprints()
        var descriptions = Descriptions()
        var starts = StartTexts()
        // The new state: the previous one with only what changed written over it (most events
        // are unchanged, and hashing 100,000 UIDs again costs).
        var published = publishing?.previous.events ?? [:]
        var stillPublished = 0
        var changes: [PublicationChange] = []
        for index in included {
            let occurrence = occurrences[index]
            let entry = text.entry(at: index)
            let (description, descriptionID) = descriptions.description(occurrence, entry, text: text)
            var stamp = occurrence.lastModified ?? baseline
            var sequence = occurrence.sequence
            if let publishing {
                let fingerprint = fingerprints.event(occurrence, entry, description: description, text: text)
                let before = publishing.previous.events[occurrence.uid]
                let (event, change) = PublishedEvent.next(
                    after: before, fingerprint: fingerprint, start: starts.text(occurrence.timing),
                    journalSequence: occurrence.sequence, journalModified: occurrence.lastModified, now: publishing.now)
                if let change {
                    changes.append(PublicationChange(uid: occurrence.uid, kind: change, before: before, after: event))
                    published[occurrence.uid] = event
                }
                if change == nil || change == .changed { stillPublished += 1 }
                stamp = event.stamp
                sequence = event.sequence
            }
            let start = output.bytes.count
            try writeEvent(
                occurrence, entry, stamp: stamp, sequence: sequence, description: description, descriptionID: descriptionID, zone: zone,
                domain: domain, text: text, into: &output)
            ranges[index] = start..<output.bytes.count
        }
        let events = output.bytes
        var publication: PublicationState?
        if let previous = publishing?.previous {
            // What was in the feeds and is not now has been removed; it stays in the state.
            if previous.events.values.reduce(0, { $0 + ($1.inFeeds ? 1 : 0) }) != stillPublished {
                var removed: [PublicationChange] = []
                var present = Set<String>(minimumCapacity: included.count)
                for index in included { present.insert(occurrences[index].uid) }
                for (uid, event) in previous.events where event.inFeeds && !present.contains(uid) {
                    var gone = event
                    gone.inFeeds = false
                    published[uid] = gone
                    removed.append(PublicationChange(uid: uid, kind: .removed, before: event, after: nil))
                }
                changes += removed.sorted { $0.uid < $1.uid }
            }
            // No UID was added (UIDs are only ever added to the state): the file's order still
            // lists exactly its keys (``PublicationState/fileOrder``).
            publication = PublicationState(events: published, fileOrder: published.count == previous.events.count ? previous.fileOrder : nil)
        }

        // Calendar heads: libical serializes an empty VCALENDAR; we keep all but its last line.
        var heads: [[UInt8]] = []
        heads.reserveCapacity(definitions.count)
        for definition in definitions {
            var head = try calendarHead(definition, zone: zone)
            head += vtimezone
            heads.append(head)
        }
        return FeedSet(feeds: definitions, heads: heads, events: events, eventRanges: ranges, publication: publication, changes: changes)
    }

    /// When an occurrence starts, as the publication state writes it.
    static func startText(_ timing: OccurrenceTiming) -> String {
        switch timing {
        case .allDay(let first, _): return first.description
        case .timed(let start, _): return start.description
        }
    }

    private func calendarHead(_ feed: FeedDefinition, zone: BuiltinZone) throws(ICalError) -> [UInt8] {
        let calendar = try OwnedComponent(kind: ICAL_VCALENDAR_COMPONENT)
        let name = singleLine(feed.calendarName)
        let description = singleLine(feed.calendarDescription)
        let seconds = max(1, Int(options.refreshInterval.components.seconds))
        try calendar.add(icalproperty_new_prodid(singleLine(options.productID)), "PRODID")
        try calendar.add(icalproperty_new_version("2.0"), "VERSION")
        try calendar.add(icalproperty_new_calscale("GREGORIAN"), "CALSCALE")
        try calendar.add(icalproperty_new_method(ICAL_METHOD_PUBLISH), "METHOD")
        try calendar.add(icalproperty_new_name(name), "NAME")
        try calendar.addX("X-WR-CALNAME", EscapedXLine.placeholder(1))
        try calendar.add(icalproperty_new_description(description), "DESCRIPTION")
        try calendar.addX("X-WR-CALDESC", EscapedXLine.placeholder(2))
        try calendar.addX("X-WR-TIMEZONE", zone.name)
        try calendar.add(
            icalproperty_new_refreshinterval(icaldurationtype_from_int(Int32(clamping: seconds))),
            parameter: icalparameter_new_value(ICAL_VALUE_DURATION), "REFRESH-INTERVAL")
        let ttl = icaldurationtype_from_int(Int32(clamping: seconds))
        guard let ttlText = icaldurationtype_as_ical_string_r(ttl) else { throw .libical("could not format a duration") }
        defer { icalmemory_free_buffer(ttlText) }
        try calendar.addX("X-PUBLISHED-TTL", String(cString: ttlText))

        var bytes = try calendar.serialized()
        let tail = FeedSet.tail
        guard bytes.count >= tail.count, Array(bytes.suffix(tail.count)) == tail else {
            throw .libical("unexpected end of a serialized VCALENDAR")
        }
        bytes.removeLast(tail.count)
        // libical 3.0.16 writes X-property values with commas and semicolons raw (vobject and
        // Radicale then cut the name at the comma): those two lines are escaped and folded here.
        bytes = try EscapedXLine.substitute(
            in: bytes, [EscapedXLine.placeholder(1): ("X-WR-CALNAME", name), EscapedXLine.placeholder(2): ("X-WR-CALDESC", description)])
        return bytes
    }

    private func writeEvent(
        _ occurrence: Occurrence, _ entry: EventText.Entry, stamp: Timestamp, sequence: Int, description: String, descriptionID: Int,
        zone: BuiltinZone, domain: String, text: EventText, into output: inout EventOutput
    ) throws(ICalError) {
        try output.begin()
        try output.addUID(occurrence.uid, domain: domain, activity: entry.number)
        try output.add(.dtstamp(stamp), "DTSTAMP", icalproperty_new_dtstamp(.utc(stamp)))
        switch occurrence.timing {
        case .allDay(let first, let last):
            let end = max(first, last).adding(days: 1)
            try output.add(.startDay(first), "DTSTART", icalproperty_new_dtstart(.date(first)))
            try output.add(.endDay(end), "DTEND", icalproperty_new_dtend(.date(end)))
        case .timed(let start, let end):
            let end = max(start, end)
            try output.add(
                .startTime(start), "DTSTART", icalproperty_new_dtstart(.local(start)), parameter: icalparameter_new_tzid(zone.name))
            try output.add(
                .endTime(end), "DTEND", icalproperty_new_dtend(.local(end)), parameter: icalparameter_new_tzid(zone.name))
        }
        try output.add(
            .summary(activity: entry.number, cancelled: occurrence.status == .cancelled), "SUMMARY",
            icalproperty_new_summary(text.summary(occurrence, entry)))
        if !description.isEmpty {
            try output.add(.description(descriptionID), "DESCRIPTION", icalproperty_new_description(description))
        }
        let categories = text.categories(entry)
        if !categories.isEmpty {
            // One CATEGORIES property, each value escaped (libical 3.0.16 writes CATEGORIES raw).
            try output.addEscaped(.categories(activity: entry.number), name: "CATEGORIES", values: categories)
        }
        switch occurrence.status {
        case .planned: break
        case .tentative: try output.add(.status(.tentative), "STATUS", icalproperty_new_status(ICAL_STATUS_TENTATIVE))
        case .cancelled: try output.add(.status(.cancelled), "STATUS", icalproperty_new_status(ICAL_STATUS_CANCELLED))
        }
        let sequence = Int32(clamping: max(0, sequence))
        try output.add(.sequence(sequence), "SEQUENCE", icalproperty_new_sequence(sequence))
        try output.add(.lastModified(stamp), "LAST-MODIFIED", icalproperty_new_lastmodified(.utc(stamp)))
        // Information, not appointments: subscribers are not shown as busy.
        try output.add(.transparent, "TRANSP", icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT))
        try output.end()
    }
}

/// What an export decides stamps and SEQUENCE against: what was published before, and the
/// export's clock.
public struct Publishing: Sendable {
    public var previous: PublicationState
    public var now: Timestamp

    public init(previous: PublicationState, now: Timestamp) {
        self.previous = previous
        self.now = now
    }
}

/// The fingerprints of events' visible content — exactly the values the writer hands libical
/// for DTSTART, DTEND, SUMMARY, DESCRIPTION, CATEGORIES and STATUS — with each activity's
/// title and categories hashed once per thread.
struct ActivityFingerprints {
    private var summaries: [UInt64?] = []
    private var categories: [UInt64?] = []

    mutating func event(_ occurrence: Occurrence, _ entry: EventText.Entry, description: String, text: EventText) -> UInt64 {
        var f = ContentFingerprint()
        switch occurrence.timing {
        case .allDay(let first, let last):
            f.add(0)
            f.add(first.dayNumber)
            f.add(max(first, last).dayNumber)
        case .timed(let start, let end):
            let end = max(start, end)
            f.add(1)
            f.add(start.day.dayNumber)
            f.add(start.time.minutesSinceMidnight)
            f.add(end.day.dayNumber)
            f.add(end.time.minutesSinceMidnight)
        }
        let cancelled = occurrence.status == .cancelled
        f.add(Int(bitPattern: UInt(Self.cached(&summaries, 2 * entry.number + (cancelled ? 1 : 0)) { [text.summary(occurrence, entry)] })))
        // Each category a text of its own (they may hold commas): the hash separates them.
        f.add(Int(bitPattern: UInt(Self.cached(&categories, entry.number) { text.categories(entry) })))
        f.add(description)
        switch occurrence.status {
        case .planned: f.add(0)
        case .tentative: f.add(1)
        case .cancelled: f.add(2)
        }
        return f.value
    }

    private static func hash(_ texts: [String]) -> UInt64 {
        var f = ContentFingerprint()
        for text in texts { f.add(text) }
        return f.value
    }

    private static func cached(_ table: inout [UInt64?], _ slot: Int, _ make: () -> [String]) -> UInt64 {
        if slot < table.count, let value = table[slot] { return value }
        if slot >= table.count { table += Array(repeating: nil, count: slot + 1 - table.count) }
        let value = hash(make())
        table[slot] = value
        return value
    }
}

/// When occurrences start, as the publication state writes them (``FeedWriter/startText(_:)``),
/// each day's and time's text made once. (Every event of an export whose events all changed
/// needs one; made anew each time they were 0.36 G instructions of the bench plan's export,
/// callgrind, 7 Dec 2026.)
struct StartTexts {
    private var days: [Int: String] = [:]
    private var times: [Int: String] = [:]
    /// Whole texts of timed starts, by day number × 1440 + minutes: one look-up for most
    /// events, and no text put together (72 M → 25 M instructions for the bench plan's
    /// 100,432 changed events, callgrind, 8 Dec 2026).
    private var starts: [Int: String] = [:]

    mutating func text(_ timing: OccurrenceTiming) -> String {
        switch timing {
        case .allDay(let first, _): return day(first)
        case .timed(let start, _):
            let minutes = start.time.minutesSinceMidnight
            let key = start.day.dayNumber * 1440 + minutes
            if let known = starts[key] { return known }
            let time: String
            if let known = times[minutes] {
                time = known
            } else {
                time = start.time.description
                times[minutes] = time
            }
            let text = day(start.day) + "T" + time
            starts[key] = text
            return text
        }
    }

    private mutating func day(_ day: Day) -> String {
        if let known = days[day.dayNumber] { return known }
        let text = day.description
        days[day.dayNumber] = text
        return text
    }
}

/// Each distinct DESCRIPTION worked out once, with a number the serialized line is kept by.
///
/// An occurrence's description depends only on its activity, its status and, when it was
/// handed to another owner, that owner (``EventText/description(_:_:)``): the activity's
/// common ones are found by ``EventText/descriptionSlot(_:_:)`` without building or hashing
/// the text; the others by their text. The same text always gets the same number.
/// (Measured, callgrind, the 100,000-occurrence bench plan, 7 Dec 2026: libical serializing
/// every event's DESCRIPTION anew was 2.6 G of the feeds' 5.5 G instructions, building the
/// texts 0.3 G; once per activity both vanish.)
struct Descriptions {
    private var bySlot: [(text: String, id: Int)?] = []
    private var byText: [String: Int] = [:]

    mutating func description(_ occurrence: Occurrence, _ entry: EventText.Entry, text: EventText) -> (text: String, id: Int) {
        guard let slot = text.descriptionSlot(occurrence, entry) else {
            let made = text.description(occurrence, entry)
            return (made, id(made))
        }
        if slot < bySlot.count, let known = bySlot[slot] { return known }
        if slot >= bySlot.count { bySlot += Array(repeating: nil, count: slot + 1 - bySlot.count) }
        let made = text.description(occurrence, entry)
        let known = (made, id(made))
        bySlot[slot] = known
        return known
    }

    private mutating func id(_ text: String) -> Int {
        if let id = byText[text] { return id }
        let id = byText.count
        byText[text] = id
        return id
    }
}

/// Where events are serialized to, one thread's worth.
///
/// libical serializes a component as `BEGIN:` line, each property's own serialization in
/// order, `END:` line. So an event is written the same way, piece by piece: the two frame
/// lines are libical's serialization of an empty VEVENT, and every property is built and
/// serialized by libical, except that a property already serialized with the same value
/// (the same DTSTAMP, start day or title, which most events share) is taken from the
/// earlier serialization. Every byte still comes from libical; the result is byte for byte
/// libical's serialization of the whole event (``wholeEvents`` does that, for the tests).
struct EventOutput {
    /// What a reusable property line is known by: its name and value.
    enum Line: Hashable {
        case dtstamp(Timestamp)
        case lastModified(Timestamp)
        case startDay(Day)
        case endDay(Day)
        case startTime(LocalDateTime)
        case endTime(LocalDateTime)
        /// An activity's title and categories, by its ``EventText/Entry``.
        case summary(activity: Int, cancelled: Bool)
        case categories(activity: Int)
        case status(OccurrenceStatus)
        case sequence(Int32)
        case transparent
        /// A DESCRIPTION, by its number in ``Descriptions``.
        case description(Int)

        static let propertyCount = 10

        /// Which property the line is of (its place among the recent lines).
        var property: Int {
            switch self {
            case .dtstamp: 0
            case .lastModified: 1
            case .startDay, .startTime: 2
            case .endDay, .endTime: 3
            case .summary: 4
            case .categories: 5
            case .status: 6
            case .sequence: 7
            case .transparent: 8
            case .description: 9
            }
        }

        /// For a title or categories line, its place among the activities' lines.
        var activitySlot: Int? {
            switch self {
            case .summary(let activity, let cancelled): 3 * activity + (cancelled ? 1 : 0)
            case .categories(let activity): 3 * activity + 2
            default: nil
            }
        }
    }

    private(set) var bytes: [UInt8] = []
    private let frame: (begin: [UInt8], end: [UInt8])
    /// Every line serialized, by name and value; titles and categories by activity instead.
    private var lines: [Line: [UInt8]] = [:]
    private var activityLines: [[UInt8]?] = []
    private var descriptionLines: [[UInt8]?] = []
    /// Per activity, a UID libical wrote unchanged and where its last digits are (``addUID(_:activity:)``).
    private var uidShapes: [(value: [UInt8], run: Range<Int>)?] = []
    /// Where a UID's bytes are joined (``addUID(_:domain:activity:)``), kept for its capacity.
    private var uidBytes: [UInt8] = []
    /// The line last written for each property: events in date order mostly repeat it, and
    /// comparing costs less than hashing.
    private var recent: [(line: Line, bytes: [UInt8])?] = Array(repeating: nil, count: Line.propertyCount)
    /// Builds each event as a component and serializes it whole (the reference the tests compare with).
    private let wholeEvents: Bool
    private var event: OwnedComponent?
    /// In ``wholeEvents`` mode: the lines to put in place of placeholders once the event is serialized.
    private var pendingLines: [String: (name: String, values: [String])] = [:]

    /// A TEXT property with several values (CATEGORIES) that libical would not escape: written
    /// by ``EscapedXLine`` — cached per activity like the lines libical serializes — or, in
    /// ``wholeEvents`` mode, a libical placeholder replaced after the event is serialized.
    mutating func addEscaped(_ line: Line, name: String, values: [String]) throws(ICalError) {
        if let event {
            let placeholder = EscapedXLine.placeholder(3 + pendingLines.count)
            guard let property = icalproperty_new_x(placeholder) else { throw .libical("could not create \(name)") }
            icalproperty_set_x_name(property, name)
            icalcomponent_add_property(event.pointer, property)
            pendingLines[placeholder] = (name, values)
            return
        }
        let property = line.property
        if let last = recent[property], last.line == line {
            bytes += last.bytes
            return
        }
        let slot = line.activitySlot!
        if slot < activityLines.count, let serialized = activityLines[slot] {
            bytes += serialized
            recent[property] = (line, serialized)
            return
        }
        let serialized = EscapedXLine.line(name, values: values)
        bytes += serialized
        if slot >= activityLines.count { activityLines += Array(repeating: nil, count: slot + 1 - activityLines.count) }
        activityLines[slot] = serialized
        recent[property] = (line, serialized)
    }

    init(capacity: Int, wholeEvents: Bool = false) throws(ICalError) {
        bytes.reserveCapacity(capacity)
        self.wholeEvents = wholeEvents
        let empty = try OwnedComponent(kind: ICAL_VEVENT_COMPONENT).serialized()
        guard let lineEnd = empty.firstIndex(of: 0x0A), Array(empty[lineEnd + 1..<empty.count]) == Array("END:VEVENT\r\n".utf8) else {
            throw .libical("unexpected serialization of an empty VEVENT")
        }
        frame = (Array(empty[...lineEnd]), Array(empty[(lineEnd + 1)...]))
    }

    mutating func begin() throws(ICalError) {
        if wholeEvents { event = try OwnedComponent(kind: ICAL_VEVENT_COMPONENT) } else { bytes += frame.begin }
    }

    mutating func end() throws(ICalError) {
        if let event {
            var serialized = try event.serialized()
            if !pendingLines.isEmpty { serialized = try EscapedXLine.substitute(in: serialized, pendingLines) }
            bytes += serialized
            pendingLines = [:]
            self.event = nil
        } else {
            bytes += frame.end
        }
    }

    /// Adds the UID line of `value` (the occurrence's uid and `@domain`), an occurrence of the
    /// activity numbered `activity`.
    ///
    /// libical escapes TEXT character by character and folds a line only past 75 octets. So
    /// once libical has written an activity's UID exactly as `UID:` + value + CRLF, another
    /// UID of that activity that differs from it only in the digits of its last run of digits
    /// (`sf-2027-namnd-3@sf-2027` and `…-4@…`: the same length, digits never escaped) comes out
    /// the same way, and is written so without asking libical; any other goes to libical.
    /// (libical serializing every event's UID was 0.7 G of the bench plan's 2.8 G for the
    /// feeds, callgrind, 7 Dec 2026.) The tests compare with libical's whole events.
    mutating func addUID(_ value: String, activity: Int) throws(ICalError) {
        if event != nil {
            try add(nil, "UID", icalproperty_new_uid(value))
            return
        }
        var value = value
        if value.withUTF8({ writeKnownUID($0, activity: activity) }) { return }
        let start = bytes.count
        try OwnedProperty(icalproperty_new_uid(value), "UID").serialize(into: &bytes)
        let plain = value.withUTF8 { value in
            bytes.count - start == Self.uidName.count + value.count + 2
                && bytes[start..<start + Self.uidName.count].elementsEqual(Self.uidName)
                && bytes[(start + Self.uidName.count)..<(bytes.count - 2)].elementsEqual(value)
                && bytes[bytes.count - 2] == 0x0D && bytes[bytes.count - 1] == 0x0A
        }
        guard plain, let run = value.withUTF8({ Self.lastDigits($0) }) else { return }
        if activity >= uidShapes.count { uidShapes += Array(repeating: nil, count: activity + 1 - uidShapes.count) }
        uidShapes[activity] = (Array(value.utf8), run)
    }

    private static let uidName = Array("UID:".utf8)

    /// Writes the UID line of `value` when it has the shape libical wrote unchanged for the
    /// activity numbered `activity` (``addUID(_:activity:)``); false otherwise.
    private mutating func writeKnownUID(_ value: UnsafeBufferPointer<UInt8>, activity: Int) -> Bool {
        guard activity < uidShapes.count, let shape = uidShapes[activity], value.count == shape.value.count,
            let run = Self.lastDigits(value), run == shape.run
        else { return false }
        let same = shape.value.withUnsafeBufferPointer { known in
            (run.lowerBound == 0 || memcmp(value.baseAddress!, known.baseAddress!, run.lowerBound) == 0)
                && (run.upperBound == value.count
                    || memcmp(value.baseAddress! + run.upperBound, known.baseAddress! + run.upperBound, value.count - run.upperBound) == 0)
        }
        guard same else { return false }
        bytes += Self.uidName
        bytes += value
        bytes += Self.lineEnd
        return true
    }

    private static let lineEnd: [UInt8] = [0x0D, 0x0A]

    /// Adds the UID line of `uid@domain` as ``addUID(_:activity:)`` of `singleLine` of it
    /// does. When both are printable ASCII without spaces (`singleLine` leaves their join as
    /// it is) and the UID has its activity's known shape, the line is written from their
    /// bytes without making the text: making it and checking it were 142 M instructions of
    /// the bench plan's feeds, every event changed (callgrind, 8 Dec 2026). The tests compare
    /// with libical's whole events, which take the text.
    mutating func addUID(_ uid: String, domain: String, activity: Int) throws(ICalError) {
        if event == nil {
            var uid = uid
            var domain = domain
            let written = uid.withUTF8 { u in
                domain.withUTF8 { d -> Bool in
                    guard Self.isPlain(u), Self.isPlain(d) else { return false }
                    uidBytes.removeAll(keepingCapacity: true)
                    uidBytes.append(contentsOf: u)
                    uidBytes.append(0x40)
                    uidBytes.append(contentsOf: d)
                    var joined = uidBytes
                    defer { uidBytes = joined }
                    return joined.withUnsafeBufferPointer { writeKnownUID($0, activity: activity) }
                }
            }
            if written { return }
        }
        try addUID(singleLine("\(uid)@\(domain)"), activity: activity)
    }

    /// Whether every byte is printable ASCII other than the space.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        !bytes.contains { $0 <= 0x20 || $0 >= 0x7F }
    }

    /// Where the last run of ASCII digits before the domain (the last `@`) in `bytes` lies, or
    /// nil without one: the occurrence's number in `sf-2027-namnd-3@sf-2027`, not the year the
    /// domain ends with. (Searched from the end, the run was the domain's for every plan whose
    /// id ends in digits, and no UID of such a plan was ever written without libical.)
    static func lastDigits(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var end = bytes.count
        if let at = bytes.lastIndex(of: 0x40) { end = at }
        while end > 0, !(0x30...0x39).contains(bytes[end - 1]) { end -= 1 }
        guard end > 0 else { return nil }
        var start = end - 1
        while start > 0, (0x30...0x39).contains(bytes[start - 1]) { start -= 1 }
        return start..<end
    }

    /// The earlier serialization of `line`, if any.
    private func known(_ line: Line) -> [UInt8]? {
        if let slot = line.activitySlot { return slot < activityLines.count ? activityLines[slot] : nil }
        if case .description(let id) = line { return id < descriptionLines.count ? descriptionLines[id] : nil }
        return lines[line]
    }

    private static func store(_ serialized: [UInt8], at slot: Int, in table: inout [[UInt8]?]) {
        if slot >= table.count { table += Array(repeating: nil, count: slot + 1 - table.count) }
        table[slot] = serialized
    }

    /// Adds a property made by `make` (with `parameter`, when given), or the earlier
    /// serialization of the same `line`.
    mutating func add(
        _ line: Line?, _ what: @autoclosure () -> String, _ make: @autoclosure () -> OpaquePointer?,
        parameter: @autoclosure () -> OpaquePointer? = nil
    ) throws(ICalError) {
        if let event {
            let property = make()
            if let parameter = parameter() { try event.add(property, parameter: parameter, what()) } else { try event.add(property, what()) }
            return
        }
        guard let line else {
            try OwnedProperty(make(), parameter: parameter(), what()).serialize(into: &bytes)
            return
        }
        let property = line.property
        if let last = recent[property], last.line == line {
            bytes += last.bytes
            return
        }
        if let serialized = known(line) {
            bytes += serialized
            recent[property] = (line, serialized)
            return
        }
        let start = bytes.count
        try OwnedProperty(make(), parameter: parameter(), what()).serialize(into: &bytes)
        let serialized = Array(bytes[start...])
        if let slot = line.activitySlot {
            Self.store(serialized, at: slot, in: &activityLines)
        } else if case .description(let id) = line {
            Self.store(serialized, at: id, in: &descriptionLines)
        } else {
            lines[line] = serialized
        }
        recent[property] = (line, serialized)
    }
}

/// A schedule's feeds, written: the pieces libical serialized, assembled per feed on demand
/// so that all feeds of a large plan need not be in memory at once.
public struct FeedSet: Sendable {
    /// The feeds, in order: `alla.ics`, then target groups, owners, channels, units.
    public let feeds: [FeedDefinition]
    let heads: [[UInt8]]
    let events: [UInt8]
    let eventRanges: [Range<Int>?]
    /// What is published after this export, when written with ``Publishing``.
    public let publication: PublicationState?
    /// The events that change for subscribers (added and changed in schedule order, then
    /// removed by UID); empty without ``Publishing``.
    public let changes: [PublicationChange]

    static let tail: [UInt8] = Array("END:VCALENDAR\r\n".utf8)

    init(
        feeds: [FeedDefinition], heads: [[UInt8]], events: [UInt8], eventRanges: [Range<Int>?], publication: PublicationState? = nil,
        changes: [PublicationChange] = []
    ) {
        self.feeds = feeds
        self.heads = heads
        self.events = events
        self.eventRanges = eventRanges
        self.publication = publication
        self.changes = changes
    }

    /// The iCalendar bytes (UTF-8, CRLF) of `feeds[index]`.
    public func bytes(at index: Int) -> [UInt8] {
        let feed = feeds[index]
        let ranges = feed.occurrenceIndices.compactMap { eventRanges[$0] }
        var result: [UInt8] = []
        result.reserveCapacity(heads[index].count + ranges.reduce(0) { $0 + $1.count } + Self.tail.count)
        result += heads[index]
        for range in ranges { result += events[range] }
        result += Self.tail
        return result
    }

    /// The bytes of the feed with this file name, or nil.
    public func bytes(named fileName: String) -> [UInt8]? {
        feeds.firstIndex { $0.fileName == fileName }.map(bytes(at:))
    }

    /// Every feed as a file: name and bytes, in order. Holds all feeds in memory at once;
    /// `bytes(at:)` one at a time keeps a large export small.
    public var files: [(name: String, bytes: [UInt8])] {
        feeds.indices.map { (feeds[$0].fileName, bytes(at: $0)) }
    }
}

/// An X-property line escaped as RFC 5545 escapes TEXT (`\\`, `\;`, `\,`, `\n`) and folded at
/// 75 octets without splitting a character — what libical 3.0.16 does not do for X-properties.
enum EscapedXLine {
    /// A value libical writes unchanged on one line, replaced afterwards by the real line.
    static func placeholder(_ n: Int) -> String { "ARSPLAN-PLACEHOLDER-\(n)" }

    static func escaped(_ value: String) -> String {
        // Nothing to escape (no backslash, semicolon, comma, CR or LF byte: each Character the
        // switch below changes holds one): the value as it is.
        var value = value
        if value.withUTF8({ !$0.contains { $0 == 0x5C || $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D } }) { return value }
        return escapedByCharacters(value)
    }

    /// ``escaped(_:)`` the general way, Character by Character (the tests compare the two).
    static func escapedByCharacters(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for character in value {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// `NAME:value` folded: lines of at most 75 octets, CRLF, continuation lines start with a space.
    static func line(_ name: String, _ value: String) -> [UInt8] { line(name, values: [value]) }

    /// `NAME:a,b\,c`: each value escaped, the values separated by commas, folded.
    static func line(_ name: String, values: [String]) -> [UInt8] {
        var bytes: [UInt8] = []
        var lineLength = 0
        // Each scalar's UTF-8 bytes as they are (an array made per scalar was 97 M instructions
        // of the bench plan's feeds, callgrind, 8 Dec 2026).
        for scalar in (name + ":" + values.map(escaped).joined(separator: ",")).unicodeScalars {
            let encoded = scalar.utf8
            if lineLength + encoded.count > 75 {
                bytes += [0x0D, 0x0A, 0x20]
                lineLength = 1
            }
            bytes += encoded
            lineLength += encoded.count
        }
        return bytes + [0x0D, 0x0A]
    }

    /// `bytes` with each placeholder's line (`X-…:placeholder` CRLF) replaced by the real line.
    static func substitute(in bytes: [UInt8], _ lines: [String: (name: String, value: String)]) throws(ICalError) -> [UInt8] {
        try substitute(in: bytes, lines.mapValues { (name: $0.name, values: [$0.value]) })
    }

    static func substitute(in bytes: [UInt8], _ lines: [String: (name: String, values: [String])]) throws(ICalError) -> [UInt8] {
        var result = bytes
        for (placeholder, line) in lines.sorted(by: { $0.key < $1.key }) {
            let old = Array("\(line.name):\(placeholder)\r\n".utf8)
            guard let start = firstRange(of: old, in: result) else { throw .libical("could not place \(line.name)") }
            result.replaceSubrange(start..<start + old.count, with: self.line(line.name, values: line.values))
        }
        return result
    }

    private static func firstRange(of needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] && Array(haystack[i..<i + needle.count]) == needle {
            return i
        }
        return nil
    }
}
