import Arsplan

/// `schedule --format json`: the schedule as other tools and tests read it.
///
/// `start`/`end` are local ISO dates for all-day occurrences (`end` inclusive) and local
/// date-times (`2027-03-30T17:00`) for timed ones, in the plan's zone.
public enum ScheduleJSON {
    /// The JSON text, keys sorted and indented, ending in a newline; deterministic.
    public static func render(_ schedule: Schedule) -> String {
        String(decoding: Array(renderChunks(schedule).joined()), as: UTF8.self)
    }

    /// ``render(_:)`` as pieces of UTF-8 to write out one after the other (the occurrences
    /// are most of the text; joining the pieces would copy them).
    ///
    /// (The occurrences used to be written in two halves on two cores. Measured, 20,000
    /// activities, whole process: at most 10.6 % of `schedule --format json`'s CPU samples
    /// moved to the second thread, 4.8 % less wall time in 7 interleaved runs; under the
    /// 10 % a fast path must save, so it went.)
    public static func renderChunks(_ schedule: Schedule) -> [[UInt8]] {
        let plan = schedule.plan
        let occurrences = schedule.occurrences

        // Keys in sorted order, as JSONEncoder's `.sortedKeys` would write them.
        var chunks: [[UInt8]] = []
        var json = JSONWriter(capacity: 4096)
        json.object { json in
            json.key("conflicts")
            json.array { json in
                for conflict in schedule.conflicts {
                    json.object { json in
                        json.key("activities")
                        json.ids(conflict.activities)
                        json.key("kind")
                        json.string(conflict.kind.rawValue)
                        json.key("line")
                        if let line = conflict.location?.line { json.int(line) } else { json.null() }
                        json.key("message")
                        json.string(conflict.message)
                        json.key("severity")
                        json.string(conflict.severity.rawValue)
                    }
                }
            }
            json.key("occurrences")
            json.array { json in
                chunks.append(json.take())
                chunks.append(occurrenceItems(schedule, occurrences.indices))
                json.count(items: occurrences.count)
            }
            json.key("plan")
            json.object { json in
                json.key("id")
                json.string(plan.id)
                json.key("timezone")
                json.string(plan.timezone)
                json.key("title")
                json.string(plan.title)
                json.key("year")
                json.int(plan.year)
            }
        }
        chunks.append(json.finishBytes())
        return chunks
    }

    /// The occurrences in `range` as items of the `occurrences` list (two levels deep),
    /// each with the separator that goes before it.
    private static func occurrenceItems(_ schedule: Schedule, _ range: Range<Int>) -> [UInt8] {
        let activities = schedule.plan.activities
        var activityIndex: [Activity.ID: Int] = [:]
        activityIndex.reserveCapacity(activities.count)
        for i in activities.indices where activityIndex[activities[i].id] == nil { activityIndex[activities[i].id] = i }

        var json = JSONWriter(capacity: 700 * range.count, itemsIn: [1, range.lowerBound])
        for n in range {
            // By position and field by field: copying whole activities and occurrences costs.
            let i = activityIndex[schedule.occurrences[n].activity]
            json.object { json in
                json.key(Keys.activity)
                json.string(schedule.occurrences[n].activity.rawValue)
                json.key(Keys.allDay)
                json.bool(schedule.occurrences[n].timing.isAllDay)
                json.key(Keys.audiences)
                json.ids(i.map { activities[$0].audiences } ?? [])
                json.key(Keys.channels)
                json.ids(i.map { activities[$0].channels } ?? [])
                json.key(Keys.end)
                switch schedule.occurrences[n].timing {
                case .allDay(_, let last): json.day(last)
                case .timed(_, let end): json.dateTime(end)
                }
                json.key(Keys.goals)
                json.ids(i.map { activities[$0].goals } ?? [])
                json.key(Keys.index)
                json.int(schedule.occurrences[n].index)
                json.key(Keys.kind)
                json.string(i.flatMap { activities[$0].kind })
                json.key(Keys.owner)
                json.string(schedule.occurrences[n].owner?.rawValue)
                json.key(Keys.pinned)
                json.bool(i.map { activities[$0].pinned } ?? false)
                json.key(Keys.sequence)
                json.int(schedule.occurrences[n].sequence)
                json.key(Keys.start)
                switch schedule.occurrences[n].timing {
                case .allDay(let first, _): json.day(first)
                case .timed(let start, _): json.dateTime(start)
                }
                json.key(Keys.status)
                json.string(schedule.occurrences[n].status.rawValue)
                json.key(Keys.title)
                json.string(i.map { activities[$0].title } ?? schedule.occurrences[n].activity.rawValue)
                json.key(Keys.uid)
                json.string(schedule.occurrences[n].uid)
                json.key(Keys.unit)
                json.string(i.flatMap { activities[$0].unit?.rawValue })
            }
        }
        return json.bytes
    }
}

/// The keys of an occurrence, made once.
private enum Keys {
    static let activity = JSONWriter.Key("activity")
    static let allDay = JSONWriter.Key("allDay")
    static let audiences = JSONWriter.Key("audiences")
    static let channels = JSONWriter.Key("channels")
    static let end = JSONWriter.Key("end")
    static let goals = JSONWriter.Key("goals")
    static let index = JSONWriter.Key("index")
    static let kind = JSONWriter.Key("kind")
    static let owner = JSONWriter.Key("owner")
    static let pinned = JSONWriter.Key("pinned")
    static let sequence = JSONWriter.Key("sequence")
    static let start = JSONWriter.Key("start")
    static let status = JSONWriter.Key("status")
    static let title = JSONWriter.Key("title")
    static let uid = JSONWriter.Key("uid")
    static let unit = JSONWriter.Key("unit")
}

extension OccurrenceTiming {
    /// Start and end as local ISO text: dates for all-day (end inclusive), date-times for timed.
    public var isoRange: (start: String, end: String) {
        switch self {
        case .allDay(let first, let last): (first.description, last.description)
        case .timed(let start, let end): (start.description, end.description)
        }
    }
}
