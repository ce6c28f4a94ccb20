import Arsplan

/// `schedule` without `--format`: the year month by month, for reading in a terminal.
public enum ScheduleTable {
    /// Plan text is cleaned of control characters (``TerminalText``).
    public static func render(_ schedule: Schedule) -> String {
        let plan = schedule.plan
        let activities = Dictionary(plan.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var counts: [Activity.ID: Int] = [:]
        for occurrence in schedule.occurrences { counts[occurrence.activity, default: 0] += 1 }

        let errors = schedule.conflicts.filter { $0.severity == .error }.count
        let warnings = schedule.conflicts.filter { $0.severity == .warning }.count
        var out = "\(TerminalText.line(plan.title)) (\(TerminalText.line(plan.id)))\n"
        out += "\(schedule.occurrences.count) tillfällen, \(plan.activities.count) aktiviteter"
        out += " · \(errors) fel, \(warnings) varning\(warnings == 1 ? "" : "ar")\n"

        let titles = schedule.occurrences.map { occurrence -> String in
            var title = TerminalText.line(activities[occurrence.activity]?.title ?? occurrence.activity.rawValue)
            if let count = counts[occurrence.activity], count > 1 { title += " (\(occurrence.index)/\(count))" }
            if occurrence.status != .planned { title = "[\(Swedish.status(occurrence.status).uppercased())] " + title }
            return title
        }
        let titleWidth = min(titles.map(\.count).max() ?? 0, 72)

        var currentMonth: (Int, Int)?
        for (occurrence, title) in zip(schedule.occurrences, titles) {
            let first = occurrence.timing.firstDay
            if currentMonth.map({ $0 != (first.year, first.month) }) ?? true {
                currentMonth = (first.year, first.month)
                out += "\n\(Swedish.monthNames[first.month - 1].uppercased()) \(first.year)\n"
            }
            var dates = Swedish.shortDate(first)
            var time = ""
            switch occurrence.timing {
            case .allDay(let from, let to):
                if from != to { dates += "–" + Swedish.shortDate(to) }
            case .timed(let start, let end):
                time = "\(start.time)–\(end.time)"
                if end.day != start.day { dates += "–" + Swedish.shortDate(occurrence.timing.lastDay) }
            }
            let owner = TerminalText.line(occurrence.owner.flatMap { plan.owner($0)?.name } ?? "")
            out += "  \(dates.padded(to: 21)) \(time.padded(to: 11)) \(title.padded(to: titleWidth))  \(owner)".trailingSpacesRemoved + "\n"
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
