import Arsplan

/// `schedule --format json`: the schedule as other tools and tests read it.
///
/// `start`/`end` are local ISO dates for all-day occurrences (`end` inclusive) and local
/// date-times (`2027-03-30T17:00`) for timed ones, in the plan's zone.
public enum ScheduleJSON {
    /// The JSON text, keys sorted and indented, ending in a newline; deterministic.
    public static func render(_ schedule: Schedule) -> String {
        let plan = schedule.plan
        var activityIndex: [Activity.ID: Int] = [:]
        activityIndex.reserveCapacity(plan.activities.count)
        for (i, activity) in plan.activities.enumerated() where activityIndex[activity.id] == nil { activityIndex[activity.id] = i }

        let occurrences: [JSONText] = schedule.occurrences.map { occurrence in
            let activity = activityIndex[occurrence.activity].map { plan.activities[$0] }
            let (start, end) = occurrence.timing.isoRange
            return .object([
                ("uid", .string(occurrence.uid)),
                ("activity", .string(occurrence.activity.rawValue)),
                ("index", .int(occurrence.index)),
                ("title", .string(activity?.title ?? occurrence.activity.rawValue)),
                ("kind", .optional(activity?.kind)),
                ("start", .string(start)),
                ("end", .string(end)),
                ("allDay", .bool(occurrence.timing.isAllDay)),
                ("owner", .optional(occurrence.owner?.rawValue)),
                ("audiences", .strings(activity?.audiences.map(\.rawValue) ?? [])),
                ("channels", .strings(activity?.channels.map(\.rawValue) ?? [])),
                ("unit", .optional(activity?.unit?.rawValue)),
                ("goals", .strings(activity?.goals.map(\.rawValue) ?? [])),
                ("status", .string(occurrence.status.rawValue)),
                ("pinned", .bool(activity?.pinned ?? false)),
                ("sequence", .int(occurrence.sequence)),
            ])
        }
        let conflicts: [JSONText] = schedule.conflicts.map {
            .object([
                ("kind", .string($0.kind.rawValue)),
                ("severity", .string($0.severity.rawValue)),
                ("activities", .strings($0.activities.map(\.rawValue))),
                ("message", .string($0.message)),
                ("line", $0.location.map { .int($0.line) } ?? .null),
            ])
        }
        let document = JSONText.object([
            ("plan", .object([
                ("id", .string(plan.id)), ("title", .string(plan.title)), ("year", .int(plan.year)),
                ("timezone", .string(plan.timezone)),
            ])),
            ("occurrences", .array(occurrences)),
            ("conflicts", .array(conflicts)),
        ])
        return document.serialized() + "\n"
    }
}

extension OccurrenceTiming {
    /// Start and end as local ISO text: dates for all-day (end inclusive), date-times for timed.
    public var isoRange: (start: String, end: String) {
        switch self {
        case .allDay(let first, let last): return (first.description, last.description)
        case .timed(let start, let end): return (start.description, end.description)
        }
    }
}
