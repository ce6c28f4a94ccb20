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
        // (An empty filter lets every occurrence through: no activity is copied out to ask.)
        let shown =
            filter.isEmpty
            ? schedule.occurrences : schedule.occurrences.filter { filter.matches($0, of: plan.activity($0.activity), year: plan.year) }

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

        var texts = Texts(plan: plan, catalogue: catalogue)
        let rows = shown.map { Row($0, counts: counts, texts: &texts) }
        let weekWidth = rows.map(\.widths.week).max() ?? 0
        let datesWidth = rows.map(\.widths.dates).max() ?? 0
        let timeWidth = rows.map(\.widths.time).max() ?? 0
        // "  v. 12  tis 5 jan  17:00–19:00 " before the title; two spaces before the owner.
        let before = 2 + weekWidth + 2 + datesWidth + 1 + (timeWidth > 0 ? timeWidth + 1 : 0)
        let widestTitle = rows.map(\.widths.title).max() ?? 0
        let widestOwner = rows.map(\.widths.owner).max() ?? 0
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
            // Appended to `out` as it goes, padding from one string of spaces; trailing spaces
            // are taken off the end of `out` (the line follows a newline).
            let newWeek = row.week != currentWeek
            currentWeek = row.week
            out += "  "
            if newWeek { out += row.week }
            pad(&out, weekWidth - (newWeek ? row.widths.week : 0))
            out += "  "
            out += row.dates
            pad(&out, datesWidth - row.widths.dates)
            out += " "
            if timeWidth > 0 {
                out += row.time
                pad(&out, timeWidth - row.widths.time)
                out += " "
            }
            if row.widths.title <= titleWidth {
                out += row.title.whole
                pad(&out, titleWidth - row.widths.title)
            } else {
                out += row.title.fitted(to: titleWidth).padded(to: titleWidth)
            }
            out += "  "
            out += row.widths.owner <= ownerWidth ? row.owner : TerminalText.truncated(row.owner, to: ownerWidth)
            while out.utf8.last == UInt8(ascii: " ") { out.removeLast() }
            out += "\n"
        }
        return out
    }

    /// ``render(_:filter:width:catalogue:)`` as it was written before ``Texts``, row by row
    /// from scratch; for the tests, which compare the two.
    static func renderByRows(
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

    /// Runs of 0 to 127 spaces, made once.
    private static let paddings = (0..<128).map { String(repeating: " ", count: $0) }

    /// `count` spaces appended to `out` (none when `count` is not positive).
    private static func pad(_ out: inout String, _ count: Int) {
        guard count > 0 else { return }
        out += count < paddings.count ? paddings[count] : String(repeating: " ", count: count)
    }

    /// The texts rows share, each made once: a week's label, a day's short date, a time
    /// range, an activity's title, an owner's name. Made per row (with the activity copied
    /// out of the plan for its title) they were 265 M instructions of `schedule` on the
    /// 20,000-activity bench plan (32,073 rows; callgrind); the row-by-row table is kept as
    /// ``renderByRows(_:filter:width:catalogue:)`` for the tests to compare.
    struct Texts {
        let plan: Plan
        let catalogue: any Catalogue
        var weeks: [Int: String] = [:]
        var days: [Day: String] = [:]
        var times: [Int: String] = [:]
        var titles: [Activity.ID: String] = [:]
        var owners: [Owner.ID: String] = [:]
        var statuses: [OccurrenceStatus: String] = [:]

        init(plan: Plan, catalogue: any Catalogue) {
            self.plan = plan
            self.catalogue = catalogue
        }

        mutating func week(_ n: Int) -> String {
            if let known = weeks[n] { return known }
            let text = catalogue.view(.week(n))
            weeks[n] = text
            return text
        }

        mutating func shortDate(_ day: Day) -> String {
            if let known = days[day] { return known }
            let text = catalogue.shortDate(day)
            days[day] = text
            return text
        }

        mutating func time(_ start: TimeOfDay, _ end: TimeOfDay) -> String {
            let key = start.minutesSinceMidnight * 1440 + end.minutesSinceMidnight
            if let known = times[key] { return known }
            let text = "\(start)–\(end)"
            times[key] = text
            return text
        }

        mutating func title(_ id: Activity.ID) -> String {
            if let known = titles[id] { return known }
            let text = TerminalText.line(plan.activityTitle(id) ?? id.rawValue)
            titles[id] = text
            return text
        }

        mutating func owner(_ id: Owner.ID?) -> String {
            guard let id else { return "" }
            if let known = owners[id] { return known }
            let text = TerminalText.line(plan.owner(id)?.name ?? "")
            owners[id] = text
            return text
        }

        mutating func status(_ status: OccurrenceStatus) -> String {
            if let known = statuses[status] { return known }
            let text = "[\(catalogue.view(.status(status)).uppercased())] "
            statuses[status] = text
            return text
        }
    }

    /// One occurrence's cells, and their widths in terminal columns.
    struct Row {
        var first: Day
        var week: String
        var dates: String
        var time = ""
        var title: Title
        var owner: String
        var widths: (week: Int, dates: Int, time: Int, title: Int, owner: Int) = (0, 0, 0, 0, 0)

        init(_ occurrence: Occurrence, counts: [Activity.ID: Int], texts: inout Texts) {
            first = occurrence.timing.firstDay
            week = texts.week(first.isoWeek.week)
            dates = texts.shortDate(first)
            switch occurrence.timing {
            case .allDay(let from, let to):
                if from != to { dates += "–" + texts.shortDate(to) }
            case .timed(let start, let end):
                time = texts.time(start.time, end.time)
                if end.day != start.day { dates += "–" + texts.shortDate(occurrence.timing.lastDay) }
            }
            title = Title(
                prefix: occurrence.status == .planned ? "" : texts.status(occurrence.status),
                text: texts.title(occurrence.activity),
                suffix: (counts[occurrence.activity] ?? 0) > 1 ? " (\(occurrence.index)/\(counts[occurrence.activity]!))" : "")
            owner = texts.owner(occurrence.owner)
            widths = (
                TerminalText.width(week), TerminalText.width(dates), TerminalText.width(time), TerminalText.width(title.whole),
                TerminalText.width(owner)
            )
        }

        /// The cells as they were made before ``Texts``, each from scratch; for the tests.
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
