import Arsplan
import CLibical

/// Times of day that do not exist, or exist twice, in the plan's zone on their day.
///
/// The check lives here, not in the core: the core has no time-zone data, and libical has
/// the system's (the same rules the feeds' VTIMEZONE is written from), so it is right for
/// any `timezone:` a plan names, not only for the EU rule (last Sunday of March and October,
/// 01:00 UTC) that a table in the core could hold.
public enum ClockCheck {
    /// A warning for every timed occurrence that starts in the spring-forward gap
    /// (`time_in_dst_gap`) or in the repeated hour of the autumn (`time_ambiguous`), at the
    /// activity's line in the plan file. Each distinct start is looked up once.
    public static func conflicts(in schedule: Schedule) throws(ICalError) -> [Conflict] {
        libicalLock.lock()
        defer { libicalLock.unlock() }
        let zone = try BuiltinZone.named(schedule.plan.timezone)
        var verdicts: [LocalDateTime: DiagnosticCode?] = [:]
        var changeDays: [Day: Bool] = [:]
        var reported: Set<String> = []
        var result: [Conflict] = []
        for occurrence in schedule.occurrences {
            guard case .timed(let start, _) = occurrence.timing, occurrence.status != .cancelled else { continue }
            // Most days have no clock change: one look per day, not per start (a large plan has
            // thousands of distinct starts).
            let changes: Bool
            if let known = changeDays[start.day] {
                changes = known
            } else {
                changes = clockChanges(on: start.day, zone.pointer)
                changeDays[start.day] = changes
            }
            guard changes else { continue }
            let verdict: DiagnosticCode?
            if let known = verdicts[start] {
                verdict = known
            } else {
                verdict = check(start, zone.pointer)
                verdicts[start] = verdict
            }
            guard let code = verdict, reported.insert("\(occurrence.activity)|\(start.day)").inserted else { continue }
            let activity = schedule.plan.activity(occurrence.activity)
            let time = start.time.description
            let text: ScheduleText =
                code == .timeInDSTGap
                ? .timeInClockGap(activity: occurrence.activity.rawValue, time: time, day: start.day, zone: zone.name)
                : .timeTwice(activity: occurrence.activity.rawValue, time: time, day: start.day, zone: zone.name)
            result.append(
                Conflict(
                    kind: code, severity: .warning, activities: [occurrence.activity], text: .schedule(text),
                    location: activity?.location, occurrence: occurrence.index, day: start.day))
        }
        return result
    }

    /// Whether the day is not 24 hours long in `zone` (midnight to midnight).
    private static func clockChanges(on day: Day, _ zone: OpaquePointer) -> Bool {
        func midnight(_ day: Day) -> time_t {
            var time = icaltimetype.local(LocalDateTime(day: day, time: TimeOfDay(hour: 0, minute: 0)!))
            time.zone = zone
            return icaltime_as_timet_with_zone(time, zone)
        }
        return midnight(day.adding(days: 1)) - midnight(day) != 86_400
    }

    private static func check(_ local: LocalDateTime, _ zone: OpaquePointer) -> DiagnosticCode? {
        var time = icaltimetype.local(local)
        time.zone = zone
        let instant = icaltime_as_timet_with_zone(time, zone)
        func wall(_ t: time_t) -> (Int32, Int32, Int32) {
            let back = icaltime_from_timet_with_zone(t, 0, zone)
            return (back.day, back.hour, back.minute)
        }
        let wanted = (Int32(local.day.day), Int32(local.time.hour), Int32(local.time.minute))
        if wall(instant) != wanted { return .timeInDSTGap }
        if wall(instant - 3600) == wanted || wall(instant + 3600) == wanted { return .timeAmbiguous }
        return nil
    }
}
