import Arsplan
import CLibical

/// What `dates-from` found in a calendar: its dates, and what libical warned about that did
/// not keep any event's dates from being known.
public struct ImportedCalendar: Hashable, Sendable {
    public var dates: [ImportedDate]
    public var warnings: [ImportWarning]
}

/// A libical warning about a calendar file, with the line it is about when it can be found —
/// or (`cut`) an event whose repetitions arsplan stopped following (see ``CalendarImport/maximumSteps``).
public struct ImportWarning: Hashable, Sendable {
    /// 1-based line in the `.ics` file (of the property libical complained about; of a cut
    /// event's UID).
    public var line: Int?
    /// libical's own words (empty for a cut event).
    public var message: String
    /// Set when the warning is arsplan's, not libical's: some instances of an event were not read.
    public var cutEvent: CutEvent?
    /// The warning is arsplan's, not libical's: some instances of an event were not read.
    public var cut: Bool { cutEvent != nil }

    public init(line: Int?, message: String, cutEvent: CutEvent? = nil) {
        self.line = line
        self.message = message
        self.cutEvent = cutEvent
    }
}

/// An event whose repetitions arsplan stopped following, as facts for the message catalogue.
public struct CutEvent: Hashable, Sendable {
    /// The event's SUMMARY, when it has one.
    public var summary: String?
    public var uid: String
    /// The first day not read (nil: nothing of the plan year was read).
    public var from: Day?
    public var year: Int
    /// The limits that cut it: steps of its rule per event, and per file.
    public var steps: Int
    public var stepsPerFile: Int

    public init(summary: String?, uid: String, from: Day?, year: Int, steps: Int, stepsPerFile: Int) {
        self.summary = summary
        self.uid = uid
        self.from = from
        self.year = year
        self.steps = steps
        self.stepsPerFile = stepsPerFile
    }

    /// The catalogue text of the warning.
    public var text: FileText {
        .eventCut(summary: summary, uid: uid, from: from, year: year, steps: steps, stepsPerFile: stepsPerFile)
    }
}

/// Reads the dates of another calendar (`dates-from:` in a plan): the city's board meetings,
/// the intranet's events.
public enum CalendarImport {
    /// The dates of the VEVENTs of `text` (an `.ics` file's content) in `year`.
    public static func dates(fromICS text: String, file: String, year: Int, timeZone: String) throws(ICalError)
        -> [ImportedDate]
    {
        try read(ics: text, file: file, year: year, timeZone: timeZone).dates
    }

    /// The dates of the VEVENTs of `text` (an `.ics` file's content) that fall in `year` (or run
    /// into it from the year before), with libical's harmless warnings.
    ///
    /// RRULE, RDATE and EXDATE are expanded, RECURRENCE-ID overrides replace the instances
    /// they name, cancelled events and instances are left out. Times are converted to
    /// `timeZone` (the plan's zone; floating times are taken as already in it), all-day
    /// events stay all-day and keep their span (DTEND or DURATION). A TZID without a VTIMEZONE
    /// is read as the IANA zone of that name, or the zone a Windows name (Outlook, Exchange)
    /// stands for. Each date carries a key from its event's UID (and RECURRENCE-ID or
    /// instance start). Sorted by day and time, without duplicates.
    ///
    /// Empty TEXT values (Google's `DESCRIPTION:`) are valid and pass silently; other libical
    /// complaints (`X-LIC-ERROR`) become ``ImportWarning``s, unless they are about a property
    /// that says when an event is (DTSTART, DTEND, DURATION, RRULE, RDATE, EXDATE,
    /// RECURRENCE-ID, or a VTIMEZONE's offsets): then the file is refused.
    ///
    /// - Parameter file: the file's name as the user wrote it, for messages.
    /// - Throws: `ICalError.unparsableCalendar` for what cannot be read, `.noEventsInYear`
    ///   when nothing falls in `year`, `.unknownTimeZone` for a plan zone libical does not
    ///   know, `.unknownEventTimeZone` for a TZID that is neither defined in the file nor known.
    public static func read(ics text: String, file: String, year: Int, timeZone: String) throws(ICalError) -> ImportedCalendar {
        libicalLock.lock()
        defer { libicalLock.unlock() }

        let planZone = try BuiltinZone.named(timeZone)
        guard !text.utf8.contains(0) else { throw .unparsableCalendar(file: file, problems: ["NUL byte in the text"]) }
        guard let parsed = icalparser_parse_string(text) else { throw .notACalendar(file: file) }
        let root = OwnedComponent(adopting: parsed)
        let lines = SourceLines(text)
        var problems: [String] = []
        var warnings: [ImportWarning] = []
        var cursor = 0
        collectErrors(root.pointer, lines: lines, cursor: &cursor, problems: &problems, warnings: &warnings)
        var budget = maximumStepsPerFile
        let endlessZone = endlessZoneRule(root.pointer, lines: lines, budget: &budget)
        if !problems.isEmpty { throw .unparsableCalendar(file: file, problems: problems) }
        if let endlessZone {
            throw .zoneRuleTooLong(file: file, tzid: endlessZone.tzid, line: endlessZone.line, steps: maximumSteps, stepsPerFile: maximumStepsPerFile)
        }
        var events: [OpaquePointer] = []
        collectEvents(root.pointer, into: &events)
        if events.isEmpty && !containsCalendar(root.pointer) {
            throw .notACalendar(file: file)
        }
        try supplyMissingZones(events, lines: lines, file: file)

        let reader = Reader(planZone: planZone.pointer, year: year)
        // RECURRENCE-ID overrides, by UID: which instances of the master they replace.
        var replaced: [String: Set<InstantKey>] = [:]
        for event in events {
            guard let property = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) else { continue }
            let uid = icalcomponent_get_uid(event).map { String(cString: $0) } ?? ""
            replaced[uid, default: []].insert(reader.key(icalproperty_get_datetime_with_component(property, event)))
        }

        var result: [ImportedDate] = []
        for event in events {
            if icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED { continue }
            let isOverride = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != nil
            let uid = icalcomponent_get_uid(event).map { String(cString: $0) } ?? ""
            let skip = isOverride ? [] : replaced[uid] ?? []
            let read = reader.instances(of: event, uid: uid, expand: !isOverride, skipping: skip, budget: &budget)
            result += read.dates
            if let cutAt = read.cut {
                var cursor = 0
                warnings.append(
                    ImportWarning(
                        line: uid.isEmpty ? nil : lines.find(name: "UID", value: uid, from: &cursor), message: "",
                        cutEvent: CutEvent(
                            summary: reader.summary(event), uid: uid, from: cutAt, year: year, steps: maximumSteps,
                            stepsPerFile: maximumStepsPerFile)))
            }
        }
        guard !result.isEmpty else {
            // Nothing read because every event that reaches the year was cut: say so, or the
            // user is told of an empty year with no word of why.
            let cut = warnings.compactMap(\.cutEvent)
            if let first = cut.first { throw .noEventsReadInYear(file: file, year: year, cutEvents: cut.count, first: first) }
            throw .noEventsInYear(file: file, year: year)
        }
        let sorted = result.sorted { a, b in
            (a.day, a.time?.minutesSinceMidnight ?? -1, a.length ?? 0, a.key ?? "") < (
                b.day, b.time?.minutesSinceMidnight ?? -1, b.length ?? 0, b.key ?? ""
            )
        }
        // Two events at the same time and of the same length are one date (the first key kept).
        var dates: [ImportedDate] = []
        for date in sorted {
            if let last = dates.last, last.day == date.day, last.time == date.time, last.length == date.length { continue }
            dates.append(date)
        }
        return ImportedCalendar(dates: dates, warnings: warnings)
    }

    /// Most steps of libical's recurrence iterator spent on one event: the instances it returns
    /// and the periods (hours, days, …, of the rule's FREQ and INTERVAL) it walks between them
    /// to reach the plan year. An event that needs more is cut, with a warning naming it.
    public static let maximumSteps = 20_000
    /// Most steps spent on all events of one calendar file together.
    public static let maximumStepsPerFile = 1_000_000

    /// Properties whose problems leave an event's dates unknown.
    private static let dateProperties: Set<String> = [
        "DTSTART", "DTEND", "DURATION", "RRULE", "RDATE", "EXDATE", "RECURRENCE-ID", "TZOFFSETFROM", "TZOFFSETTO", "TZID",
    ]
    /// TEXT properties an empty value is valid for (Google writes `DESCRIPTION:`, `LOCATION:`,
    /// `X-WR-CALDESC:`); libical 3.0 complains "No value for … property" about them.
    private static let textProperties: Set<String> = [
        "X", "DESCRIPTION", "LOCATION", "SUMMARY", "COMMENT", "CONTACT", "CATEGORIES", "RESOURCES", "NAME", "TZNAME",
    ]

    /// libical's `X-LIC-ERROR`s: problems (fatal) and warnings, each with the line it is about.
    private static func collectErrors(
        _ component: OpaquePointer, lines: SourceLines, cursor: inout Int, problems: inout [String], warnings: inout [ImportWarning]
    ) {
        var property = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY)
        while let current = property {
            let message = icalproperty_get_xlicerror(current).map { String(cString: $0) } ?? "unknown error"
            let (name, value) = Self.subject(of: message)
            let line = name.flatMap { lines.find(name: $0, value: value, from: &cursor) }
            let emptyText = message.hasPrefix("No value for ") && name.map(textProperties.contains) == true
            if let name, dateProperties.contains(name) {
                problems.append((line.map { "line \($0): " } ?? "") + message.trimmingTrailingColon)
            } else if !emptyText {
                warnings.append(ImportWarning(line: line, message: message.trimmingTrailingColon))
            }
            property = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)
        }
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let current = child {
            collectErrors(current, lines: lines, cursor: &cursor, problems: &problems, warnings: &warnings)
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
    }

    /// The property an `X-LIC-ERROR` message is about and the value it quotes: "Can't parse as
    /// DATE-TIME value in DTSTAMP property. Removing entire property: bad" → ("DTSTAMP", "bad").
    private static func subject(of message: String) -> (name: String?, value: String?) {
        var name: String?
        let words = message.split(separator: " ")
        if let i = words.firstIndex(of: "property.") ?? words.firstIndex(of: "property"), i > 0 {
            name = String(words[i - 1]).uppercased()
        }
        var value: String?
        if let range = message.range(of: "Removing entire property:") {
            value = String(message[range.upperBound...]).trimmingSpaces
        }
        return (name, value)
    }

    /// Gives every TZID the events use without a VTIMEZONE one: the builtin zone of that IANA
    /// name, or of the IANA zone a Windows name stands for (CLDR's windowsZones), under the
    /// TZID the file uses. Without it libical reads such times as floating — in the plan's
    /// zone, hours off for `TZID="Eastern Standard Time"`.
    private static func supplyMissingZones(_ events: [OpaquePointer], lines: SourceLines, file: String) throws(ICalError) {
        var supplied: Set<String> = []
        for event in events {
            guard let calendar = icalcomponent_get_parent(event) else { continue }
            for kind in [ICAL_DTSTART_PROPERTY, ICAL_DTEND_PROPERTY, ICAL_RDATE_PROPERTY, ICAL_EXDATE_PROPERTY, ICAL_RECURRENCEID_PROPERTY] {
                var property = icalcomponent_get_first_property(event, kind)
                while let current = property {
                    defer { property = icalcomponent_get_next_property(event, kind) }
                    guard let parameter = icalproperty_get_first_parameter(current, ICAL_TZID_PARAMETER),
                        let raw = icalparameter_get_tzid(parameter)
                    else { continue }
                    let tzid = String(cString: raw)
                    if supplied.contains(tzid) || icalcomponent_get_timezone(calendar, tzid) != nil { continue }
                    var name = tzid
                    if let slash = name.range(of: "sourceforge.net/") { name = String(name[slash.upperBound...]) }
                    name = WindowsZones.iana[name] ?? name
                    guard !name.isEmpty, let zone = icaltimezone_get_builtin_timezone(name), let builtin = icaltimezone_get_component(zone),
                        let clone = icalcomponent_new_clone(builtin)
                    else {
                        var cursor = 0
                        throw .unknownEventTimeZone(file: file, tzid: tzid, line: lines.find(tzid: tzid, from: &cursor))
                    }
                    if let property = icalcomponent_get_first_property(clone, ICAL_TZID_PROPERTY) {
                        icalproperty_set_tzid(property, tzid)
                    }
                    icalcomponent_add_component(calendar, clone)
                    supplied.insert(tzid)
                }
            }
        }
    }

    /// Refuses a VTIMEZONE whose transitions libical could not expand quickly.
    ///
    /// libical expands a zone's STANDARD and DAYLIGHT rules from their DTSTART up to 2037 the
    /// first time a time in the zone is converted, and its iterator walks on to the first
    /// transition after that (up to the year 2582 for a rule that never matches): a rule
    /// `FREQ=DAILY` from the year 1000 took 4.6 s, an hourly one would take minutes. A rule that
    /// needs more than ``maximumSteps`` steps (periods walked, transitions returned) is a
    /// problem at the zone's TZID line.
    /// - Returns: the first zone with such a rule (its TZID and that line), or nil.
    private static func endlessZoneRule(_ component: OpaquePointer, lines: SourceLines, budget: inout Int) -> (tzid: String, line: Int?)? {
        guard icalcomponent_isa(component) == ICAL_VTIMEZONE_COMPONENT else {
            var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
            while let current = child {
                if let found = endlessZoneRule(current, lines: lines, budget: &budget) { return found }
                child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
            }
            return nil
        }
        let tzid =
            icalcomponent_get_first_property(component, ICAL_TZID_PROPERTY).flatMap { icalproperty_get_tzid($0) }
            .map { String(cString: $0) } ?? ""
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let current = child {
            let start = icalcomponent_get_dtstart(current)
            var property = icalcomponent_get_first_property(current, ICAL_RRULE_PROPERTY)
            while let rule = property, icaltime_is_null_time(start) == 0 {
                var steps = min(maximumSteps, budget)
                let bounded = Reader.transitionsAreBounded(icalproperty_get_rrule(rule), from: start, steps: &steps)
                budget -= min(maximumSteps, budget) - steps
                if !bounded {
                    var cursor = 0
                    return (tzid, lines.find(name: "TZID", value: tzid, from: &cursor))
                }
                property = icalcomponent_get_next_property(current, ICAL_RRULE_PROPERTY)
            }
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
        return nil
    }

    private static func collectEvents(_ component: OpaquePointer, into events: inout [OpaquePointer]) {
        if icalcomponent_isa(component) == ICAL_VEVENT_COMPONENT {
            events.append(component)
            return
        }
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let current = child {
            collectEvents(current, into: &events)
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
    }

    private static func containsCalendar(_ component: OpaquePointer) -> Bool {
        if icalcomponent_isa(component) == ICAL_VCALENDAR_COMPONENT { return true }
        return icalcomponent_get_first_component(component, ICAL_VCALENDAR_COMPONENT) != nil
    }

    /// An instance's identity for EXDATE and RECURRENCE-ID matching.
    fileprivate enum InstantKey: Hashable {
        case date(Int, Int, Int)
        case instant(Int)
        /// A time far from the plan year, by its fields and zone: no instance that is read can
        /// have it, and converting it would cost libical a re-expansion of its zone.
        case far(String)

        /// `D2027-1-27`, `T1801087200` (seconds since 1970, UTC): part of an instance's identity.
        var text: String {
            switch self {
            case .date(let y, let m, let d): return "D\(y)-\(m)-\(d)"
            case .instant(let seconds): return "T\(seconds)"
            case .far(let fields): return "F\(fields)"
            }
        }
    }

    /// Reads the instances of events that are near the plan year.
    ///
    /// Only times near the plan year are converted between zones: libical 3.0 expands a
    /// VTIMEZONE's transitions up to 2037 and expands them all again for every conversion of
    /// a later time (a few hundred milliseconds each for a zone with monthly rules from the
    /// year 1000). Instances are read from 1 January of the year before the plan year (an
    /// instance may run into the plan year) up to 2 January of the year after (a zone east
    /// of the plan's may still put it in the plan year).
    fileprivate struct Reader {
        let planZone: OpaquePointer
        let year: Int

        /// (year, month, day) of a time's own fields, whatever its zone.
        private typealias Fields = (Int, Int, Int)

        private static func fields(_ time: icaltimetype) -> Fields { (Int(time.year), Int(time.month), Int(time.day)) }

        /// The first day instances are read from, and the day they are read before.
        private var windowStart: Fields { (year - 1, 1, 1) }
        private var windowEnd: Fields { (year + 1, 1, 2) }

        /// Whether an instance starting at `time` (by its own fields) can be or run into a date of the plan year.
        func isNear(_ time: icaltimetype) -> Bool {
            let fields = Self.fields(time)
            return fields >= windowStart && fields < windowEnd
        }

        /// Whether `time` may be converted: within two years of the plan year (a day's margin
        /// around the instances read, so that an EXDATE in another zone still matches).
        private func isConvertible(_ time: icaltimetype) -> Bool {
            abs(Int(time.year) - year) <= 2
        }

        func key(_ time: icaltimetype) -> InstantKey {
            if time.is_date != 0 { return .date(Int(time.year), Int(time.month), Int(time.day)) }
            guard isConvertible(time) else {
                let zone = icaltime_get_tzid(time).map { String(cString: $0) } ?? ""
                return .far("\(time.year)-\(time.month)-\(time.day)T\(time.hour):\(time.minute):\(time.second)@\(zone)")
            }
            return .instant(seconds(time))
        }

        /// Seconds since 1970 in UTC; floating times are read in the plan's zone. Only for
        /// times that are convertible.
        func seconds(_ time: icaltimetype) -> Int {
            Int(icaltime_as_timet_with_zone(time, time.zone ?? planZone))
        }

        /// Seconds since 1970 of a time's own fields, as if they were UTC: no zone conversion.
        private func fieldSeconds(_ time: icaltimetype) -> Int {
            dayNumber(time) * 86_400 + Int(time.hour) * 3_600 + Int(time.minute) * 60 + Int(time.second)
        }

        /// Seconds from `start` to `end`: in UTC when both may be converted, else by their fields.
        private func secondsBetween(_ start: icaltimetype, _ end: icaltimetype) -> Int {
            if isConvertible(start) && isConvertible(end) { return seconds(end) - seconds(start) }
            return fieldSeconds(end) - fieldSeconds(start)
        }

        /// The event's instances near the plan year, and whether (and from which day on, when
        /// known) its rules were cut for taking more steps than `budget` (the file's) or
        /// ``CalendarImport/maximumSteps`` allow.
        func instances(of event: OpaquePointer, uid: String, expand: Bool, skipping: Set<InstantKey>, budget: inout Int)
            -> (dates: [ImportedDate], cut: Day??)
        {
            guard let startProperty = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY) else { return ([], nil) }
            let start = icalproperty_get_datetime_with_component(startProperty, event)
            guard icaltime_is_null_time(start) == 0, icaltime_is_valid_time(start) != 0 else { return ([], nil) }
            let allDay = start.is_date != 0

            // Length: DTEND, else DURATION, else one day (all-day) or nothing (timed).
            var lengthSeconds = allDay ? 86_400 : 0
            if let endProperty = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY) {
                let end = icalproperty_get_datetime_with_component(endProperty, event)
                if icaltime_is_null_time(end) == 0 {
                    lengthSeconds = allDay ? dayNumber(end) * 86_400 - dayNumber(start) * 86_400 : secondsBetween(start, end)
                }
            } else if let durationProperty = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY) {
                lengthSeconds = Int(icaldurationtype_as_int(icalproperty_get_duration(durationProperty)))
            }
            lengthSeconds = max(0, lengthSeconds)

            var starts: [icaltimetype] = [start]
            var cut: Day?? = nil
            if expand {
                var steps = min(CalendarImport.maximumSteps, budget)
                var rule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)
                while let current = rule {
                    let expanded = expansion(of: icalproperty_get_rrule(current), from: start, steps: &steps)
                    starts += expanded.times
                    if let at = expanded.cut, cut == nil { cut = .some(at) }
                    rule = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY)
                }
                budget -= min(CalendarImport.maximumSteps, budget) - steps
                var rdate = icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY)
                while let current = rdate {
                    let value = icalproperty_get_rdate(current)
                    var time = icaltime_is_null_time(value.time) == 0 ? icalproperty_get_datetime_with_component(current, event) : value.period.start
                    if icaltime_is_null_time(time) != 0 { time = value.period.start }
                    if time.zone == nil && time.is_date == 0 && value.time.zone == nil { time.zone = start.zone }
                    if icaltime_is_null_time(time) == 0 { starts.append(time) }
                    rdate = icalcomponent_get_next_property(event, ICAL_RDATE_PROPERTY)
                }
            }
            var excluded = skipping
            if expand {
                var exdate = icalcomponent_get_first_property(event, ICAL_EXDATE_PROPERTY)
                while let current = exdate {
                    excluded.insert(key(icalproperty_get_datetime_with_component(current, event)))
                    exdate = icalcomponent_get_next_property(event, ICAL_EXDATE_PROPERTY)
                }
            }

            // What the source knows each instance by: its UID, and for an instance of a recurring
            // event (or an override of one) its original start — the RECURRENCE-ID.
            let recurrenceID = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY).map {
                key(icalproperty_get_datetime_with_component($0, event))
            }
            let recurring =
                recurrenceID != nil || starts.count > 1
                || icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY) != nil
                || icalcomponent_get_first_property(event, ICAL_RDATE_PROPERTY) != nil
            var result: [ImportedDate] = []
            for instance in starts where isNear(instance) {
                let instanceKey = key(instance)
                if excluded.contains(instanceKey) { continue }
                guard var date = importedDate(instance, allDay: allDay, lengthSeconds: lengthSeconds, excluded: excluded) else { continue }
                var identity = uid.isEmpty ? "no UID\n" + (summary(event) ?? "") : uid
                if recurring || uid.isEmpty { identity += "\n" + (recurrenceID ?? instanceKey).text }
                // Ten hex digits (40 bits) of SHA-256: unique enough among one calendar's events.
                date.key = String(ContentHash.sha256(text: identity).dropFirst("sha256:".count).prefix(10))
                result.append(date)
            }
            return (result, cut)
        }

        /// The instances of `rule` near the plan year, spending at most `steps`.
        ///
        /// libical's iterator walks every period of the rule (every hour of FREQ=HOURLY) from
        /// DTSTART, within one call as long as no instance matches (a rule that never matches
        /// walks to the year 2582), and checks UNTIL at every period. So UNTIL is brought
        /// forward to the end of the window, a rule without COUNT is started at the window
        /// (`icalrecur_iterator_set_start`; for sub-daily rules at a whole number of
        /// INTERVALs from DTSTART, which libical 3.0 does not keep itself), and the periods to
        /// walk are counted before the walk: a rule that needs more than `steps` is cut.
        /// - Returns: the instances, and when cut the first day not read (nil: before the window).
        private func expansion(of rule: icalrecurrencetype, from start: icaltimetype, steps: inout Int) -> (
            times: [icaltimetype], cut: Day??
        ) {
            var rule = rule
            let end = civilTime(windowEnd, like: start)
            if icaltime_is_null_time(rule.until) != 0 || Self.fields(rule.until) >= windowEnd { rule.until = end }
            if Self.fields(rule.until) < windowStart { return ([], nil) }
            guard let period = Self.periodSeconds(rule.freq) else { return ([], nil) }
            let interval = max(1, Int(rule.interval))

            // Where the iterator starts walking: DTSTART, or for a rule without COUNT the window.
            // libical 3.0's icalrecur_iterator_set_start keeps the INTERVAL's phase for DAILY and
            // longer, but not for sub-daily rules (HOURLY;INTERVAL=7 from 2019 comes out an hour
            // off): those get a DTSTART moved by a whole number of INTERVALs to at most one INTERVAL
            // before the window — the same instances, as the minute and second stay DTSTART's.
            var from = start
            var setStart = false
            if rule.count == 0 && Self.fields(start) < windowStart && !(period < 86_400 && start.is_date != 0) {
                from = civilTime(windowStart, like: start)
                setStart = period >= 86_400
                if !setStart {
                    let unit = period * interval
                    let whole = (fieldSeconds(from) - fieldSeconds(start)) / unit * unit
                    from = start
                    icaltime_adjust(&from, Int32(whole / 86_400), 0, 0, Int32(whole % 86_400))
                }
            }
            let walk = max(0, (fieldSeconds(end) - fieldSeconds(from)) / (period * interval))
            guard walk < steps else {
                steps = 0
                return ([], .some(nil))
            }
            steps -= walk
            guard let iterator = icalrecur_iterator_new(rule, setStart ? start : from) else { return ([], nil) }
            defer { icalrecur_iterator_free(iterator) }
            if setStart {
                guard icalrecur_iterator_set_start(iterator, from) != 0 else { return ([], nil) }
            }
            var result: [icaltimetype] = []
            while true {
                guard steps > 0 else {
                    return (result, .some(result.last.map { Day(dayNumber: dayNumber($0) + 1) }))
                }
                steps -= 1
                var next = icalrecur_iterator_next(iterator)
                if icaltime_is_null_time(next) != 0 || Self.fields(next) >= windowEnd { break }
                next.zone = start.zone
                next.is_date = start.is_date
                if isNear(next) { result.append(next) }
            }
            return (result, nil)
        }

        /// Whether libical can expand the transitions of a VTIMEZONE rule from `start` within
        /// `steps`: the periods its iterator may walk (to UNTIL, or the year 2582 where libical
        /// stops) and the transitions up to 2037 (where libical's expansion ends).
        static func transitionsAreBounded(_ rule: icalrecurrencetype, from start: icaltimetype, steps: inout Int) -> Bool {
            guard let period = periodSeconds(rule.freq) else { return true }
            let interval = max(1, Int(rule.interval))
            let lastYear = icaltime_is_null_time(rule.until) == 0 ? min(Int(rule.until.year), 2582) : 2582
            let walk = max(0, lastYear + 1 - Int(start.year)) * 365 * 86_400 / (period * interval)
            guard walk < steps else { return false }
            steps -= walk
            guard let iterator = icalrecur_iterator_new(rule, start) else { return true }
            defer { icalrecur_iterator_free(iterator) }
            while steps > 0 {
                steps -= 1
                let next = icalrecur_iterator_next(iterator)
                if icaltime_is_null_time(next) != 0 || next.year > 2037 { return true }
            }
            return false
        }

        /// Midnight of `fields` (a date when `time` is one), in `time`'s zone.
        private func civilTime(_ fields: Fields, like time: icaltimetype) -> icaltimetype {
            var civil = time
            civil.year = Int32(fields.0)
            civil.month = Int32(fields.1)
            civil.day = Int32(fields.2)
            civil.hour = 0
            civil.minute = 0
            civil.second = 0
            return civil
        }

        /// The length of one period of FREQ, in seconds (months and years at their shortest).
        static func periodSeconds(_ frequency: icalrecurrencetype_frequency) -> Int? {
            switch frequency {
            case ICAL_SECONDLY_RECURRENCE: return 1
            case ICAL_MINUTELY_RECURRENCE: return 60
            case ICAL_HOURLY_RECURRENCE: return 3_600
            case ICAL_DAILY_RECURRENCE: return 86_400
            case ICAL_WEEKLY_RECURRENCE: return 7 * 86_400
            case ICAL_MONTHLY_RECURRENCE: return 28 * 86_400
            case ICAL_YEARLY_RECURRENCE: return 365 * 86_400
            default: return nil
            }
        }

        private func dayNumber(_ time: icaltimetype) -> Int {
            Day(year: Int(time.year), month: Int(time.month), day: Int(time.day))?.dayNumber ?? 0
        }

        func summary(_ event: OpaquePointer) -> String? {
            icalcomponent_get_summary(event).map { String(cString: $0) }
        }

        /// The instance as a date of the plan year: one that starts in it, or starts in the
        /// year before and runs into it (the conference from 30 December to 2 January).
        private func importedDate(_ time: icaltimetype, allDay: Bool, lengthSeconds: Int, excluded: Set<InstantKey>)
            -> ImportedDate?
        {
            if allDay {
                let days = max(1, lengthSeconds / 86_400)
                guard let day = Day(year: Int(time.year), month: Int(time.month), day: Int(time.day)),
                    day.year == year || (day.year < year && day.adding(days: days - 1).year == year)
                else { return nil }
                return ImportedDate(day: day, time: nil, length: days)
            }
            // A DATE in EXDATE also removes a timed instance on that day (in the event's zone).
            if excluded.contains(.date(Int(time.year), Int(time.month), Int(time.day))) { return nil }
            let local = time.zone == nil ? time : icaltime_convert_to_zone(time, planZone)
            guard let day = Day(year: Int(local.year), month: Int(local.month), day: Int(local.day)),
                let clock = TimeOfDay(hour: Int(local.hour), minute: Int(local.minute))
            else { return nil }
            if day.year != year {
                guard day.year < year else { return nil }
                // Where it ends, in the plan's zone: kept when that is after the year began. An end
                // days away from the new year is decided without converting it (it may be far).
                let endSeconds = seconds(time) + lengthSeconds
                let newYear = (Day(year: year, month: 1, day: 1)?.dayNumber ?? 0) * 86_400
                if endSeconds > newYear + 2 * 86_400 { return ImportedDate(day: day, time: clock, length: lengthSeconds / 60) }
                guard endSeconds > newYear - 2 * 86_400 else { return nil }
                let end = icaltime_from_timet_with_zone(time_t(endSeconds), 0, planZone)
                guard Int(end.year) == year, end.month > 1 || end.day > 1 || end.hour > 0 || end.minute > 0 else {
                    return nil
                }
            }
            return ImportedDate(day: day, time: clock, length: lengthSeconds / 60)
        }
    }
}

/// The unfolded lines of an `.ics` file with their line numbers, to point warnings at a line.
struct SourceLines {
    /// Property name (upper case, without parameters), its value, and the 1-based line it starts on.
    private var entries: [(name: String, value: String, line: Int, text: String)] = []

    init(_ text: String) {
        var current: (text: String, line: Int)?
        var number = 0
        func flush() {
            guard let current else { return }
            let text = current.text
            let nameEnd = text.firstIndex { $0 == ";" || $0 == ":" } ?? text.endIndex
            let colon = Self.valueStart(text)
            entries.append(
                (String(text[..<nameEnd]).uppercased(), colon.map { String(text[$0...]) } ?? "", current.line, text))
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            number += 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if let first = line.first, first == " " || first == "\t", current != nil {
                current!.text += line.dropFirst()
            } else {
                flush()
                current = (line, number)
            }
        }
        flush()
    }

    /// Where the value starts: after the first colon outside a quoted parameter value.
    private static func valueStart(_ text: String) -> String.Index? {
        var quoted = false
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { quoted.toggle() }
            if character == ":" && !quoted { return text.index(after: index) }
            index = text.index(after: index)
        }
        return nil
    }

    /// The line of the first property named `name` (`X`: any X-property) with `value`, looked
    /// for from `cursor` on (libical reports in file order), then from the start.
    func find(name: String, value: String?, from cursor: inout Int) -> Int? {
        func matches(_ entry: (name: String, value: String, line: Int, text: String)) -> Bool {
            let nameMatches = name == "X" ? entry.name.hasPrefix("X-") : entry.name == name
            return nameMatches && (value.map { $0.isEmpty ? entry.value.isEmpty : entry.value == $0 || entry.text.hasSuffix($0) } ?? true)
        }
        for i in cursor..<entries.count where matches(entries[i]) {
            cursor = i + 1
            return entries[i].line
        }
        return entries.first(where: matches)?.line
    }

    /// The first line whose parameters name `tzid`.
    func find(tzid: String, from cursor: inout Int) -> Int? {
        entries.first { $0.text.contains("TZID=\(tzid)") || $0.text.contains("TZID=\"\(tzid)\"") }?.line
    }
}

extension String {
    fileprivate var trimmingSpaces: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }

    /// libical ends some messages with a colon and nothing after it.
    fileprivate var trimmingTrailingColon: String {
        var text = trimmingSpaces
        if text.hasSuffix(":") { text.removeLast() }
        return text
    }
}
