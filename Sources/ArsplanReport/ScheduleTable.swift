import Arsplan

/// `schedule` without `--format`: the year month by month, for reading in a terminal.
///
/// Each row: the ISO week (shown on a week's first row in the month), the date or dates, the
/// time, the title and the owner. The table fits ``standardWidth`` columns: titles, then
/// owners' names, are shortened with "…" (counted in terminal columns: å is one, a CJK
/// character two) so that the owner column stays aligned; `width: nil` (`--wide`) shortens
/// nothing.
public enum ScheduleTable {
    /// The widest line of the table unless `--wide`.
    public static let standardWidth = 100
    /// The owner column's width when titles must be shortened; longer names are shortened too.
    public static let ownerWidth = 16

    /// The occurrences `filter` lets through, with the whole plan's summary. Occurrence
    /// numbers ("(3/11)") count all of an activity's occurrences, shown or not. Plan text is
    /// cleaned of control characters (``TerminalText``); the words are `catalogue`'s.
    public static func render(
        _ schedule: Schedule, filter: ScheduleFilter = ScheduleFilter(), width: Int? = standardWidth,
        catalogue: any Catalogue = SwedishCatalogue()
    ) -> String {
        let plan = schedule.plan
        var counts: [Activity.ID: Int] = [:]
        for occurrence in schedule.occurrences { counts[occurrence.activity, default: 0] += 1 }
        let shown = schedule.occurrences.filter { filter.matches($0, of: plan.activity($0.activity), year: plan.year) }

        let errors = schedule.conflicts.filter { $0.severity == .error }.count
        let warnings = schedule.conflicts.filter { $0.severity == .warning }.count
        var out = "\(TerminalText.line(plan.title)) (\(TerminalText.line(plan.id)))\n"
        let summary: ViewText =
            filter.isEmpty
            ? .summary(occurrences: schedule.occurrences.count, activities: plan.activities.count, errors: errors, warnings: warnings)
            : .filteredSummary(
                shown: shown.count, occurrences: schedule.occurrences.count, activities: plan.activities.count, errors: errors,
                warnings: warnings)
        out += catalogue.view(summary) + "\n"
        if shown.isEmpty { return out + "\n" + catalogue.view(.nothingShown) + "\n" }

        let rows = shown.map { Row($0, plan: plan, counts: counts, catalogue: catalogue) }
        let weekWidth = rows.map { TerminalText.width($0.week) }.max() ?? 0
        let datesWidth = rows.map { TerminalText.width($0.dates) }.max() ?? 0
        let timeWidth = rows.map { TerminalText.width($0.time) }.max() ?? 0
        // "  v. 12  tis 5 jan  17:00–19:00 " before the title; two spaces before the owner.
        let before = 2 + weekWidth + 2 + datesWidth + 1 + (timeWidth > 0 ? timeWidth + 1 : 0)
        let widestTitle = rows.map { TerminalText.width($0.title.whole) }.max() ?? 0
        let widestOwner = rows.map { TerminalText.width($0.owner) }.max() ?? 0
        var titleWidth = widestTitle
        var ownerWidth = widestOwner
        if let width, before + widestTitle + 2 + widestOwner > width {
            ownerWidth = min(widestOwner, Self.ownerWidth)
            titleWidth = min(widestTitle, max(width - before - 2 - ownerWidth, 10))
        }

        var currentMonth: (Int, Int)?
        var currentWeek = ""
        for row in rows {
            let first = row.first
            if currentMonth.map({ $0 != (first.year, first.month) }) ?? true {
                currentMonth = (first.year, first.month)
                currentWeek = ""
                out += "\n\(catalogue.month(first.month).uppercased()) \(first.year)\n"
            }
            let week = row.week == currentWeek ? "" : row.week
            currentWeek = row.week
            var line = "  \(week.padded(to: weekWidth))  \(row.dates.padded(to: datesWidth)) "
            if timeWidth > 0 { line += row.time.padded(to: timeWidth) + " " }
            line += row.title.fitted(to: titleWidth).padded(to: titleWidth)
            line += "  " + TerminalText.truncated(row.owner, to: ownerWidth)
            out += line.trailingSpacesRemoved + "\n"
        }
        return out
    }

    /// One occurrence's cells.
    struct Row {
        var first: Day
        var week: String
        var dates: String
        var time = ""
        var title: Title
        var owner: String

        init(_ occurrence: Occurrence, plan: Plan, counts: [Activity.ID: Int], catalogue: any Catalogue) {
            first = occurrence.timing.firstDay
            week = catalogue.view(.week(first.isoWeek.week))
            dates = catalogue.shortDate(first)
            switch occurrence.timing {
            case .allDay(let from, let to):
                if from != to { dates += "–" + catalogue.shortDate(to) }
            case .timed(let start, let end):
                time = "\(start.time)–\(end.time)"
                if end.day != start.day { dates += "–" + catalogue.shortDate(occurrence.timing.lastDay) }
            }
            title = Title(
                prefix: occurrence.status == .planned ? "" : "[\(catalogue.view(.status(occurrence.status)).uppercased())] ",
                text: TerminalText.line(plan.activity(occurrence.activity)?.title ?? occurrence.activity.rawValue),
                suffix: (counts[occurrence.activity] ?? 0) > 1 ? " (\(occurrence.index)/\(counts[occurrence.activity]!))" : "")
            owner = TerminalText.line(occurrence.owner.flatMap { plan.owner($0)?.name } ?? "")
        }
    }

    /// A title cell: "[INSTÄLLD] " and "(3/11)" are kept whole when the text between is shortened.
    struct Title {
        var prefix: String
        var text: String
        var suffix: String

        var whole: String { prefix + text + suffix }

        func fitted(to width: Int) -> String {
            guard TerminalText.width(whole) > width else { return whole }
            let room = width - TerminalText.width(prefix) - TerminalText.width(suffix)
            guard room >= 2 else { return TerminalText.truncated(whole, to: width) }
            return prefix + TerminalText.truncated(text, to: room) + suffix
        }
    }
}

extension String {
    /// Padded with spaces to `width` terminal columns (``TerminalText/width(_:)``).
    func padded(to width: Int) -> String {
        let columns = TerminalText.width(self)
        return columns >= width ? self : self + String(repeating: " ", count: width - columns)
    }

    var trailingSpacesRemoved: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
