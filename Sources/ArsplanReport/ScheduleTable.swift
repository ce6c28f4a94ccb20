import Arsplan

/// `schedule` without `--format`: the year month by month, for reading in a terminal.
public enum ScheduleTable {
    public static func render(_ schedule: Schedule) -> String {
        let plan = schedule.plan
        let activities = Dictionary(plan.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var counts: [Activity.ID: Int] = [:]
        for occurrence in schedule.occurrences { counts[occurrence.activity, default: 0] += 1 }

        let errors = schedule.conflicts.filter { $0.severity == .error }.count
        let warnings = schedule.conflicts.filter { $0.severity == .warning }.count
        var out = "\(plan.title) (\(plan.id))\n"
        out += "\(schedule.occurrences.count) tillfällen, \(plan.activities.count) aktiviteter"
        out += " · \(errors) fel, \(warnings) varning\(warnings == 1 ? "" : "ar")\n"

        var currentMonth: (Int, Int)?
        for occurrence in schedule.occurrences {
            let first = occurrence.timing.firstDay
            if currentMonth.map({ $0 != (first.year, first.month) }) ?? true {
                currentMonth = (first.year, first.month)
                out += "\n\(Swedish.monthNames[first.month - 1].uppercased()) \(first.year)\n"
            }
            let activity = activities[occurrence.activity]
            var when = Swedish.shortDate(first).padded(to: 11)
            switch occurrence.timing {
            case .allDay(let from, let to):
                when += from == to ? "".padded(to: 12) : "–\(Swedish.shortDate(to))".padded(to: 12)
            case .timed(let start, let end):
                let until = end.day == start.day ? "\(end.time)" : "\(end.day.day)/\(end.day.month) \(end.time)"
                when += "\(start.time)–\(until)".padded(to: 12)
            }
            var title = activity?.title ?? occurrence.activity.rawValue
            if let count = counts[occurrence.activity], count > 1 { title += " (\(occurrence.index)/\(count))" }
            if occurrence.status != .planned { title = "[\(Swedish.status(occurrence.status).uppercased())] " + title }
            let owner = occurrence.owner.flatMap { plan.owner($0)?.name } ?? ""
            out += "  \(when) \(title.padded(to: 56)) \(owner)".trailingSpacesRemoved + "\n"
        }
        return out
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
