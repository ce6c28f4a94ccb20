import Arsplan
import Foundation

/// `schedule --format json`: the schedule as other tools and tests read it.
///
/// `start`/`end` are local ISO dates for all-day occurrences (`end` inclusive) and local
/// date-times (`2027-03-30T17:00`) for timed ones, in the plan's zone.
public enum ScheduleJSON {
    struct Document: Encodable {
        var plan: PlanHead
        var occurrences: [OccurrenceEntry]
        var conflicts: [ConflictEntry]
    }

    struct PlanHead: Encodable {
        var id: String
        var title: String
        var year: Int
        var timezone: String
    }

    struct OccurrenceEntry: Encodable {
        var uid: String
        var activity: String
        var index: Int
        var title: String
        var kind: String?
        var start: String
        var end: String
        var allDay: Bool
        var owner: String?
        var audiences: [String]
        var channels: [String]
        var unit: String?
        var goals: [String]
        var status: String
        var pinned: Bool
        var sequence: Int

        func encode(to encoder: any Encoder) throws {
            // Explicit so that absent values are written as null rather than left out.
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(uid, forKey: .uid)
            try c.encode(activity, forKey: .activity)
            try c.encode(index, forKey: .index)
            try c.encode(title, forKey: .title)
            try c.encode(kind, forKey: .kind)
            try c.encode(start, forKey: .start)
            try c.encode(end, forKey: .end)
            try c.encode(allDay, forKey: .allDay)
            try c.encode(owner, forKey: .owner)
            try c.encode(audiences, forKey: .audiences)
            try c.encode(channels, forKey: .channels)
            try c.encode(unit, forKey: .unit)
            try c.encode(goals, forKey: .goals)
            try c.encode(status, forKey: .status)
            try c.encode(pinned, forKey: .pinned)
            try c.encode(sequence, forKey: .sequence)
        }

        enum CodingKeys: String, CodingKey {
            case uid, activity, index, title, kind, start, end, allDay, owner, audiences, channels, unit, goals, status, pinned, sequence
        }
    }

    struct ConflictEntry: Encodable {
        var kind: String
        var severity: String
        var activities: [String]
        var message: String
        var line: Int?
    }

    /// The JSON text, keys sorted and indented, ending in a newline; deterministic.
    public static func render(_ schedule: Schedule) -> String {
        let plan = schedule.plan
        let activities = Dictionary(plan.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let document = Document(
            plan: PlanHead(id: plan.id, title: plan.title, year: plan.year, timezone: plan.timezone),
            occurrences: schedule.occurrences.map { occurrence in
                let activity = activities[occurrence.activity]
                let (start, end) = occurrence.timing.isoRange
                return OccurrenceEntry(
                    uid: occurrence.uid, activity: occurrence.activity.rawValue, index: occurrence.index,
                    title: activity?.title ?? occurrence.activity.rawValue, kind: activity?.kind, start: start, end: end,
                    allDay: occurrence.timing.isAllDay, owner: occurrence.owner?.rawValue,
                    audiences: activity?.audiences.map(\.rawValue) ?? [], channels: activity?.channels.map(\.rawValue) ?? [],
                    unit: activity?.unit?.rawValue, goals: activity?.goals.map(\.rawValue) ?? [],
                    status: occurrence.status.rawValue, pinned: activity?.pinned ?? false, sequence: occurrence.sequence)
            },
            conflicts: schedule.conflicts.map {
                ConflictEntry(
                    kind: $0.kind.rawValue, severity: $0.severity.rawValue, activities: $0.activities.map(\.rawValue),
                    message: $0.message, line: $0.location?.line)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(document)  // Only strings, numbers and arrays: cannot fail.
        return String(decoding: data, as: UTF8.self) + "\n"
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
