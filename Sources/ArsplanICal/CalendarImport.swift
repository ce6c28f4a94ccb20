import Arsplan
import CLibical

/// Reads the dates of another calendar (`dates-from:` in a plan): the city's board meetings,
/// the intranet's events.
public enum CalendarImport {
    /// The dates of the VEVENTs of `text` (an `.ics` file's content) that fall in `year`.
    ///
    /// RRULE, RDATE and EXDATE are expanded, RECURRENCE-ID overrides replace the instances
    /// they name, cancelled events and instances are left out. Times are converted to
    /// `timeZone` (the plan's zone; floating times are taken as already in it), all-day
    /// events stay all-day. Sorted by day and time, without duplicates.
    ///
    /// - Parameter file: the file's name as the user wrote it, for messages.
    /// - Throws: `ICalError.unparsableCalendar` when libical reports problems (its
    ///   `X-LIC-ERROR` properties), `.noEventsInYear` when nothing falls in `year`,
    ///   `.unknownTimeZone` for a zone libical does not know.
    public static func dates(fromICS text: String, file: String, year: Int, timeZone: String) throws(ICalError)
        -> [ImportedDate]
    {
        libicalLock.lock()
        defer { libicalLock.unlock() }

        let planZone = try BuiltinZone.named(timeZone)
        guard !text.utf8.contains(0), let parsed = icalparser_parse_string(text) else {
            throw .unparsableCalendar(file: file, problems: ["no iCalendar data found"])
        }
        let root = OwnedComponent(adopting: parsed)
        var problems: [String] = []
        collectErrors(root.pointer, into: &problems)
        if !problems.isEmpty { throw .unparsableCalendar(file: file, problems: problems) }
        var events: [OpaquePointer] = []
        collectEvents(root.pointer, into: &events)
        if events.isEmpty && !containsCalendar(root.pointer) {
            throw .unparsableCalendar(file: file, problems: ["no VCALENDAR found"])
        }

        let reader = Reader(planZone: planZone.pointer, year: year)
        // RECURRENCE-ID overrides, by UID: which instances of the master they replace.
        var replaced: [String: Set<InstantKey>] = [:]
        for event in events {
            guard let property = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) else { continue }
            let uid = icalcomponent_get_uid(event).map { String(cString: $0) } ?? ""
            replaced[uid, default: []].insert(reader.key(icalproperty_get_datetime_with_component(property, event)))
        }

        var result: Set<ImportedDate> = []
        for event in events {
            if icalcomponent_get_status(event) == ICAL_STATUS_CANCELLED { continue }
            let isOverride = icalcomponent_get_first_property(event, ICAL_RECURRENCEID_PROPERTY) != nil
            let uid = icalcomponent_get_uid(event).map { String(cString: $0) } ?? ""
            let skip = isOverride ? [] : replaced[uid] ?? []
            for date in reader.instances(of: event, expand: !isOverride, skipping: skip) { result.insert(date) }
        }
        guard !result.isEmpty else { throw .noEventsInYear(file: file, year: year) }
        return result.sorted { a, b in
            (a.day, a.time?.minutesSinceMidnight ?? -1, a.length ?? 0) < (b.day, b.time?.minutesSinceMidnight ?? -1, b.length ?? 0)
        }
    }

    private static func collectErrors(_ component: OpaquePointer, into problems: inout [String]) {
        var property = icalcomponent_get_first_property(component, ICAL_XLICERROR_PROPERTY)
        while let current = property {
            problems.append(icalproperty_get_xlicerror(current).map { String(cString: $0) } ?? "unknown error")
            property = icalcomponent_get_next_property(component, ICAL_XLICERROR_PROPERTY)
        }
        var child = icalcomponent_get_first_component(component, ICAL_ANY_COMPONENT)
        while let current = child {
            collectErrors(current, into: &problems)
            child = icalcomponent_get_next_component(component, ICAL_ANY_COMPONENT)
        }
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
    }

    fileprivate struct Reader {
        let planZone: OpaquePointer
        let year: Int
        /// Guards against rules that never end quickly (FREQ=MINUTELY from 1990).
        let maximumIterations = 200_000

        func key(_ time: icaltimetype) -> InstantKey {
            if time.is_date != 0 { return .date(Int(time.year), Int(time.month), Int(time.day)) }
            return .instant(seconds(time))
        }

        /// Seconds since 1970 in UTC; floating times are read in the plan's zone.
        func seconds(_ time: icaltimetype) -> Int {
            Int(icaltime_as_timet_with_zone(time, time.zone ?? planZone))
        }

        func instances(of event: OpaquePointer, expand: Bool, skipping: Set<InstantKey>) -> [ImportedDate] {
            guard let startProperty = icalcomponent_get_first_property(event, ICAL_DTSTART_PROPERTY) else { return [] }
            let start = icalproperty_get_datetime_with_component(startProperty, event)
            guard icaltime_is_null_time(start) == 0, icaltime_is_valid_time(start) != 0 else { return [] }
            let allDay = start.is_date != 0

            // Length: DTEND, else DURATION, else one day (all-day) or nothing (timed).
            var lengthSeconds = allDay ? 86_400 : 0
            if let endProperty = icalcomponent_get_first_property(event, ICAL_DTEND_PROPERTY) {
                let end = icalproperty_get_datetime_with_component(endProperty, event)
                if icaltime_is_null_time(end) == 0 {
                    lengthSeconds = allDay ? dayNumber(end) * 86_400 - dayNumber(start) * 86_400 : seconds(end) - seconds(start)
                }
            } else if let durationProperty = icalcomponent_get_first_property(event, ICAL_DURATION_PROPERTY) {
                lengthSeconds = Int(icaldurationtype_as_int(icalproperty_get_duration(durationProperty)))
            }
            lengthSeconds = max(0, lengthSeconds)

            var starts: [icaltimetype] = [start]
            if expand {
                var rule = icalcomponent_get_first_property(event, ICAL_RRULE_PROPERTY)
                while let current = rule {
                    starts += expansion(of: icalproperty_get_rrule(current), from: start)
                    rule = icalcomponent_get_next_property(event, ICAL_RRULE_PROPERTY)
                }
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

            var result: [ImportedDate] = []
            for instance in starts {
                if excluded.contains(key(instance)) { continue }
                if let date = importedDate(instance, allDay: allDay, lengthSeconds: lengthSeconds, excluded: excluded) {
                    result.append(date)
                }
            }
            return result
        }

        private func expansion(of rule: icalrecurrencetype, from start: icaltimetype) -> [icaltimetype] {
            guard let iterator = icalrecur_iterator_new(rule, start) else { return [] }
            defer { icalrecur_iterator_free(iterator) }
            var result: [icaltimetype] = []
            var count = 0
            while count < maximumIterations {
                count += 1
                var next = icalrecur_iterator_next(iterator)
                if icaltime_is_null_time(next) != 0 { break }
                if Int(next.year) > year + 1 { break }
                next.zone = start.zone
                next.is_date = start.is_date
                result.append(next)
            }
            return result
        }

        private func dayNumber(_ time: icaltimetype) -> Int {
            Day(year: Int(time.year), month: Int(time.month), day: Int(time.day))?.dayNumber ?? 0
        }

        private func importedDate(_ time: icaltimetype, allDay: Bool, lengthSeconds: Int, excluded: Set<InstantKey>)
            -> ImportedDate?
        {
            if allDay {
                guard let day = Day(year: Int(time.year), month: Int(time.month), day: Int(time.day)),
                    day.year == year
                else { return nil }
                return ImportedDate(day: day, time: nil, length: max(1, lengthSeconds / 86_400))
            }
            // A DATE in EXDATE also removes a timed instance on that day (in the event's zone).
            if excluded.contains(.date(Int(time.year), Int(time.month), Int(time.day))) { return nil }
            let local = time.zone == nil ? time : icaltime_convert_to_zone(time, planZone)
            guard let day = Day(year: Int(local.year), month: Int(local.month), day: Int(local.day)), day.year == year,
                let clock = TimeOfDay(hour: Int(local.hour), minute: Int(local.minute))
            else { return nil }
            return ImportedDate(day: day, time: clock, length: lengthSeconds / 60)
        }
    }
}
