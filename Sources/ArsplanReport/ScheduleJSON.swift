import Arsplan

/// `schedule --format json`: the schedule as other tools and tests read it.
///
/// `start`/`end` are local ISO dates for all-day occurrences (`end` inclusive) and local
/// date-times (`2027-03-30T17:00`) for timed ones, in the plan's zone.
public enum ScheduleJSON {
    /// The JSON text, keys sorted and indented, ending in a newline; deterministic.
    public static func render(_ schedule: Schedule) -> String { String(decoding: renderBytes(schedule), as: UTF8.self) }

    /// ``render(_:)`` as UTF-8 bytes, for writing out without a copy into a `String`.
    public static func renderBytes(_ schedule: Schedule) -> [UInt8] {
        let plan = schedule.plan
        let activities = plan.activities
        var activityIndex: [Activity.ID: Int] = [:]
        activityIndex.reserveCapacity(plan.activities.count)
        for (i, activity) in plan.activities.enumerated() where activityIndex[activity.id] == nil { activityIndex[activity.id] = i }

        // Keys in sorted order, as JSONEncoder's `.sortedKeys` would write them.
        var json = JSONWriter(capacity: 4096 + 700 * schedule.occurrences.count)
        json.object { json in
            json.key("conflicts")
            json.array { json in
                for conflict in schedule.conflicts {
                    json.object { json in
                        json.key("activities")
                        json.strings(conflict.activities.map(\.rawValue))
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
                for occurrence in schedule.occurrences {
                    // By position: copying a whole activity out for each occurrence costs.
                    let i = activityIndex[occurrence.activity]
                    json.object { json in
                        json.key("activity")
                        json.string(occurrence.activity.rawValue)
                        json.key("allDay")
                        json.bool(occurrence.timing.isAllDay)
                        json.key("audiences")
                        json.ids(i.map { activities[$0].audiences } ?? [])
                        json.key("channels")
                        json.ids(i.map { activities[$0].channels } ?? [])
                        json.key("end")
                        json.string(occurrence.timing.isoEnd)
                        json.key("goals")
                        json.ids(i.map { activities[$0].goals } ?? [])
                        json.key("index")
                        json.int(occurrence.index)
                        json.key("kind")
                        json.string(i.flatMap { activities[$0].kind })
                        json.key("owner")
                        json.string(occurrence.owner?.rawValue)
                        json.key("pinned")
                        json.bool(i.map { activities[$0].pinned } ?? false)
                        json.key("sequence")
                        json.int(occurrence.sequence)
                        json.key("start")
                        json.string(occurrence.timing.isoStart)
                        json.key("status")
                        json.string(occurrence.status.rawValue)
                        json.key("title")
                        json.string(i.map { activities[$0].title } ?? occurrence.activity.rawValue)
                        json.key("uid")
                        json.string(occurrence.uid)
                        json.key("unit")
                        json.string(i.flatMap { activities[$0].unit?.rawValue })
                    }
                }
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
        return json.finishBytes()
    }
}

extension OccurrenceTiming {
    /// Start and end as local ISO text: dates for all-day (end inclusive), date-times for timed.
    public var isoRange: (start: String, end: String) { (isoStart, isoEnd) }

    public var isoStart: String {
        switch self {
        case .allDay(let first, _): first.description
        case .timed(let start, _): start.description
        }
    }

    public var isoEnd: String {
        switch self {
        case .allDay(_, let last): last.description
        case .timed(_, let end): end.description
        }
    }
}
