import Arsplan
import ArsplanSupport
import Foundation
import Mustache
import Synchronization

/// Renders a ``YearOverview`` as one self-contained HTML page (styles and the wheel inline,
/// nothing fetched), or the wheel alone as an SVG file. Built with Mustache templates:
/// every piece of plan text goes in through an escaping `{{…}}`.
public enum YearOverviewPage {
    /// From this many occurrences shown, the page's parts (the wheel, the load tables, the
    /// rows of the list) are rendered on two cores (``TwoCores``, ``rowsPerPart``). The
    /// 20,000-activity bench plan (32,000 occurrences), before the parts were cut smaller:
    /// 2.7 G of the page's 9.5 G instructions ran on the second thread beside 4.3 G on the
    /// first (callgrind, 7 Dec 2026); on the shared machine (load 10 on 2
    /// cores) wall times with and without the second core (`taskset -c 0`) could not be told
    /// apart, 2.6–3.8 s either way. Below it (the example plan has 170) a thread costs more
    /// than the page (about 40 ms whole process).
    public static let twoCoresFrom = 2_000

    /// The most rows of the list rendered as one part, each core taking the next part when it
    /// is done with one. The 20,000-activity bench plan's months have 2,000–3,400 rows each:
    /// with one part per month, cut in two where half the rows lay, the cores' shares were
    /// 4.3 G and 2.8 G instructions; in parts of 500 rows taken in turn 3.0 G and 2.8 G, the
    /// first thread's share of the whole process 5.0 G of 8.55 G (callgrind with
    /// `--separate-threads`, 7 Dec 2026; the parts cost 40 M instructions more in all).
    public static let rowsPerPart = 500

    /// The whole page; its parts on two cores from `twoCoresFrom` occurrences shown (`Int.max`:
    /// on this thread only, for a caller that already keeps the other core busy).
    ///
    /// `plainTemplates: false` renders every row of the list and every cell of the load tables
    /// with the general template, the way the plain ones must render too (for the test that
    /// compares them).
    public static func render(
        _ overview: YearOverview, twoCoresFrom: Int = twoCoresFrom, rowsPerPart: Int = rowsPerPart, plainTemplates: Bool = true
    ) -> String {
        var builder = Builder(overview)
        builder.plainTemplates = plainTemplates
        builder.rowsPerPart = max(1, rowsPerPart)
        return YearOverviewTemplates.page.render(builder.pageValues(twoCoresFrom: twoCoresFrom))
    }

    /// The wheel alone, as a standalone SVG document (to paste into an agenda).
    public static func wheelSVG(_ overview: YearOverview) -> String {
        let builder = Builder(overview)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + YearOverviewTemplates.wheel.render(builder.wheelValues()) + "\n"
    }
}

/// Mustache's values: `[String: Any]` dictionaries, with a key left out (never set to nil)
/// where a section should not render.
typealias Values = [String: Any]

struct Builder: Sendable {
    let overview: YearOverview
    let plan: Plan
    let activities: [Activity.ID: Activity]
    let titles: [Activity.ID: String]
    let counts: [Activity.ID: Int]
    let shown: [Occurrence]
    /// Each shown occurrence's activity as its position in `plan.activities` (the first of its
    /// id, the one `activities` holds), -1 when the plan has none of that id. Looked up once,
    /// so that the page's work per occurrence (wheel, legend, load tables, list by activity,
    /// target groups reached) goes by position and works out what depends on the activity
    /// once per activity (with each timing's words made once in the list by activity). The
    /// 100,000-occurrence bench plan's `export`: the overview 2.52 G → 1.13 G instructions
    /// (callgrind, 8 Dec 2026; the page is the same bytes).
    let shownActivity: [Int]
    let calendar: WorkingCalendar
    let geometry: WheelGeometry
    let deviationByUID: [String: Deviation]
    let layout: (rings: [YearOverview.Ring], ringsOf: @Sendable (Occurrence, Activity?) -> [Int])
    let ownerNames: [Owner.ID: String]
    let audienceNames: [Audience.ID: String]
    let channelNames: [Channel.ID: String]
    /// Whether a row of the list is rendered with the plain row template for the parts it has
    /// (no sections; ``RowParts``) instead of the general one, and a cell of the load tables with
    /// one for an empty, a counted or an over-limit cell (``HeatCell``). Each `{{name}}` costs
    /// Mustache about 10 k instructions (the name split at dots, four or five dynamic casts
    /// of `Any`), each section more: the plain row has 11 look-ups instead of 13 and no
    /// section. The 20,000-activity bench plan (32,000 rows): 9.85 G → 8.51 G instructions
    /// whole process (callgrind, release build, 7 Dec 2026); the page is the same bytes.
    var plainTemplates = true
    /// The most rows of the list rendered as one part (``YearOverviewPage/rowsPerPart``).
    var rowsPerPart = YearOverviewPage.rowsPerPart

    init(_ overview: YearOverview) {
        self.overview = overview
        plan = overview.plan
        activities = plan.activityIndex
        titles = activities.mapValues(\.title)
        shown = overview.shown
        var positions: [Activity.ID: Int] = [:]
        positions.reserveCapacity(plan.activities.count)
        for i in plan.activities.indices where positions[plan.activities[i].id] == nil { positions[plan.activities[i].id] = i }
        var shownActivity: [Int] = []
        shownActivity.reserveCapacity(shown.count)
        for i in shown.indices { shownActivity.append(positions[shown[i].activity] ?? -1) }
        self.shownActivity = shownActivity
        if overview.range == nil {
            // Every occurrence is shown: counted by position (each id hashed once per activity).
            var perActivity = [Int](repeating: 0, count: plan.activities.count)
            var counts: [Activity.ID: Int] = [:]
            for i in shown.indices {
                if shownActivity[i] >= 0 { perActivity[shownActivity[i]] += 1 } else { counts[shown[i].activity, default: 0] += 1 }
            }
            for a in perActivity.indices where perActivity[a] > 0 { counts[plan.activities[a].id] = perActivity[a] }
            self.counts = counts
        } else {
            counts = overview.occurrenceCounts
        }
        calendar = WorkingCalendar(plan: plan)
        layout = overview.ringLayout(activities: activities, shownActivities: shownActivity)
        ownerNames = Dictionary(plan.owners.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        audienceNames = Dictionary(plan.audiences.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        channelNames = Dictionary(plan.channels.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        geometry = WheelGeometry(
            year: plan.year, center: Wheel.center, innerRadius: Wheel.ringsInner, outerRadius: Wheel.ringsOuter,
            ringCount: max(1, layout.rings.count), gap: Wheel.gap)
        var byUID: [String: Deviation] = [:]
        if overview.version == .current {
            for deviation in overview.deviations?.deviations ?? [] { byUID[deviation.uid] = deviation }
        }
        deviationByUID = byUID
    }

    // MARK: Words

    func label(_ occurrence: Occurrence) -> String {
        let title = titles[occurrence.activity] ?? occurrence.activity.rawValue
        let count = counts[occurrence.activity] ?? 1
        return count > 1 ? "\(title) (\(occurrence.index)/\(count))" : title
    }

    func localDate(_ timestamp: Timestamp) -> String { JournalText.localTime(timestamp, zone: plan.timezone) }

    var versionName: String { overview.version == .approved ? "Fastställd version" : "Aktuell version" }

    /// What a printed page says about which version it is.
    var stamp: String {
        switch overview.version {
        case .approved:
            let a = overview.approval!
            return "Fastställd version: schemat som det fastställdes \(localDate(a.at).prefix(10)) av \(a.by) (\(a.ref))."
        case .current:
            if let latest = overview.latestEntry {
                return "Aktuell version: planfilen med journalens ändringar till och med \(localDate(latest).prefix(10))."
            }
            return "Aktuell version: planfilen som den är skriven (ingen journal)."
        }
    }

    func timeText(_ timing: OccurrenceTiming) -> (date: String, time: String) {
        switch timing {
        case .allDay(let first, let last):
            return (first == last ? Swedish.shortDate(first) : "\(Swedish.shortDate(first))–\(Swedish.shortDate(last))", "heldag")
        case .timed(let start, let end):
            let lastDay = timing.lastDay
            let date = lastDay == start.day ? Swedish.shortDate(start.day) : "\(Swedish.shortDate(start.day))–\(Swedish.shortDate(lastDay))"
            return (date, "\(start.time)–\(end.time)")
        }
    }

    func ownerName(_ id: Owner.ID?) -> String {
        guard let id else { return "–" }
        return ownerNames[id] ?? id.rawValue
    }

    // MARK: The page

    func pageValues(twoCoresFrom: Int = YearOverviewPage.twoCoresFrom) -> Values {
        var values: Values = [:]
        let yearText = String(plan.year)
        values["pageTitle"] = "Årsplan \(yearText) – \(plan.title) (\(versionName.lowercased()))"
        values["title"] = plan.title
        values["year"] = yearText
        values["subtitle"] = "\(plan.organization ?? plan.title) · årsplan \(yearText) · \(versionName.lowercased())"
        values["stamp"] = stamp
        values["css"] = YearOverviewStyle.css
        values["facts"] = facts()

        let conflicts = overview.conflicts.sorted { ($0.severity, $1.location?.line ?? 0) > ($1.severity, $0.location?.line ?? 0) }
        if !conflicts.isEmpty {
            values["hasConflicts"] = true
            let errors = conflicts.filter { $0.severity == .error }.count
            let warnings = conflicts.filter { $0.severity == .warning }.count
            values["conflictSummary"] =
                "\(JournalText.count(errors, "fel", "fel")) och \(JournalText.count(warnings, "varning", "varningar")) som förvaltningsledningen bör känna till innan planen fastställs:"
        }
        values["conflicts"] = conflicts.map { c -> Values in
            [
                "severity": c.severity == .error ? "Fel" : c.severity == .warning ? "Varning" : "Not",
                "code": c.severity.rawValue, "message": c.message, "kind": c.kind.rawValue,
            ]
        }

        values["wheelHelp"] =
            "Året läses medurs från toppen. Varje ring är en \(ringWord.singular) (numren står i ringarna vid årsskiftet och förklaras bredvid hjulet); varje tillfälle är ett märke på sin dag, en aktivitet över flera dagar en båge. Slaget av aktivitet visas med färg och form. Allt som hjulet visar står också i listan Månad för månad."
        values["wheelCaption"] = wheelDescription
        values["listIntro"] = listIntro
        // The wheel, the load tables and the rows of the list are nearly all of a large plan's
        // page: they are rendered as parts, on two cores from `twoCoresFrom` occurrences, each
        // core taking the next part when it is done with one (`renderParts`). The rows are cut
        // in parts of at most `rowsPerPart` so that the cores finish together.
        var parts: [@Sendable () -> String] = [
            { YearOverviewTemplates.wheel.render(wheelValues()) },
            { YearOverviewTemplates.heatmap.render(heatmap(.audiences)) },
            { YearOverviewTemplates.heatmap.render(heatmap(.channels)) },
        ]
        let months = listsByActivity ? [] : monthGroups()
        var monthParts: [Range<Int>] = []  // for each month, its parts in `parts`
        if listsByActivity {
            for g in activityGroups() {
                parts.append { YearOverviewTemplates.activityMonth.render(activityMonthValues(year: g.year, month: g.month, g.activities)) }
            }
        } else {
            for g in months {
                let first = parts.count
                for start in stride(from: g.range.lowerBound, to: g.range.upperBound, by: rowsPerPart) {
                    let range = start..<min(start + rowsPerPart, g.range.upperBound)
                    parts.append { YearOverviewTemplates.rows.render(["runs": RowRun.runs(rowValues(shown[range]))] as Values) }
                }
                monthParts.append(first..<parts.count)
            }
        }
        let rendered = Self.renderParts(parts, size: shown.count, twoCoresFrom: twoCoresFrom)
        values["wheel"] = rendered[0]
        values["heatmapTables"] = rendered[1] + rendered[2]
        if listsByActivity {
            values["monthTables"] = rendered[3...].joined()
        } else {
            var tables = ""
            for (g, range) in zip(months, monthParts) {
                tables += YearOverviewTemplates.month.render(
                    monthValues(year: g.year, month: g.month, count: g.range.count, rows: rendered[range].joined()))
            }
            values["monthTables"] = tables
        }
        values["hasMonths"] = !shown.isEmpty
        let goals = goalValues()
        values["goals"] = goals
        if !goals.isEmpty { values["hasGoals"] = true }
        let unreached = unreachedAudiences()
        if !unreached.isEmpty { values["unreached"] = unreached.joined(separator: ", ") }
        let deviations = deviationValues()
        values["deviations"] = deviations
        if !deviations.isEmpty { values["hasDeviations"] = true }
        values["deviationIntro"] = deviationIntro
        values["footer"] =
            "\(stamp) Skapad av arsplan från planen \(plan.id). Tider i tidszonen \(plan.timezone)."
        return values
    }

    var ringWord: (singular: String, plural: String, heading: String) {
        switch overview.rings {
        case .audiences: return ("målgrupp", "målgrupper", "Ringar: målgrupper (utifrån och in)")
        case .channels: return ("kanal", "kanaler", "Ringar: kanaler (utifrån och in)")
        case .units: return ("verksamhetsområde", "verksamhetsområden", "Ringar: verksamhetsområden (utifrån och in)")
        case .owners: return ("ansvarig", "ansvariga", "Ringar: ansvariga (utifrån och in)")
        case .goals: return ("mål", "mål", "Ringar: mål (utifrån och in)")
        }
    }

    /// Whether the list has one row per activity instead of one per occurrence.
    var listsByActivity: Bool { shown.count > overview.listByActivityAbove }

    var listIntro: String {
        if listsByActivity {
            var text =
                "\(JournalText.count(shown.count, "tillfälle", "tillfällen")) är fler än en lista kan visa ett och ett (över \(JournalText.count(overview.listByActivityAbove, "tillfälle", "tillfällen"))). "
            text +=
                "Listan visar därför varje aktivitet en gång, under månaden för dess första tillfälle, med alla dess datum; varför varje tillfälle ligger där det ligger visar arsplan schedule."
            if overview.version == .current && overview.deviations != nil {
                text += " ”flyttad”, ”ny” och ”inställd” vid ett datum jämför med den fastställda planen."
            }
            return text
        }
        var text = "Alla \(JournalText.count(shown.count, "tillfälle", "tillfällen")) i datumordning"
        if let range = overview.range {
            text += " från \(Swedish.longDate(range.lowerBound)) till \(Swedish.longDate(range.upperBound))"
        }
        text += ", med ISO-veckonummer och varför varje tillfälle ligger där det ligger."
        if overview.version == .current && overview.deviations != nil {
            text += " ”Flyttad”, ”Ny” och ”Inställd” jämför med den fastställda planen."
        }
        return text
    }

    func facts() -> [Values] {
        var facts: [Values] = []
        func fact(_ term: String, _ value: String, warn: Bool = false) {
            var f: Values = ["term": term, "value": value]
            if warn { f["warn"] = true }
            facts.append(f)
        }
        fact("Version", stamp)
        if let a = overview.approval {
            fact("Fastställd", "\(localDate(a.at)) av \(a.by), \(a.ref) (journalpost #\(a.sequence))")
            if let report = overview.deviations {
                let n = report.deviations.count
                let text =
                    n == 0
                    ? "Inga: schemat är som det fastställdes."
                    : "\(JournalText.count(n, "tillfälle avviker", "tillfällen avviker")) från den fastställda planen (se Avvikelser)."
                fact("Avvikelser sedan dess", text, warn: n > 0)
            }
        } else {
            fact("Fastställd", "Nej – planen har inte fastställts (arsplan approve).", warn: true)
        }
        let activityCount = Set(shown.map(\.activity)).count
        var scope = "\(JournalText.count(shown.count, "tillfälle", "tillfällen")) i \(JournalText.count(activityCount, "aktivitet", "aktiviteter"))"
        let cancelled = shown.filter { $0.status == .cancelled }.count
        if cancelled > 0 { scope += ", varav \(cancelled) inställda" }
        if let range = overview.range { scope += "; visar \(range.lowerBound)–\(range.upperBound)" }
        fact("Omfattning", scope)
        let errors = overview.conflicts.filter { $0.severity == .error }.count
        let warnings = overview.conflicts.filter { $0.severity == .warning }.count
        fact(
            "Konflikter", "\(JournalText.count(errors, "fel", "fel")), \(JournalText.count(warnings, "varning", "varningar"))",
            warn: errors + warnings > 0)
        return facts
    }

    // MARK: Month by month

    /// The occurrences shown, cut into months: (year, month, range of `shown`).
    func monthGroups() -> [(year: Int, month: Int, range: Range<Int>)] {
        var groups: [(year: Int, month: Int, range: Range<Int>)] = []
        var start = 0
        for i in shown.indices {
            let day = shown[i].timing.firstDay
            let next = i + 1 < shown.count ? shown[i + 1].timing.firstDay : nil
            if next.map({ ($0.year, $0.month) != (day.year, day.month) }) ?? true {
                groups.append((day.year, day.month, start..<(i + 1)))
                start = i + 1
            }
        }
        return groups
    }

    /// Runs `parts` and gives their results in order: on this thread only below `twoCoresFrom`
    /// occurrences (`size`), else on this thread and one other, each taking the next part not
    /// yet taken when it is done with one — so a core slowed by other work on the machine
    /// takes fewer parts. The bytes are the same either way.
    static func renderParts(_ parts: [@Sendable () -> String], size: Int, twoCoresFrom: Int) -> [String] {
        let queue = PartQueue(count: parts.count)
        let work: @Sendable () -> [(Int, String)] = {
            var done: [(Int, String)] = []
            while let i = queue.next() { done.append((i, parts[i]())) }
            return done
        }
        let (a, b) = TwoCores.run(size: size, threshold: twoCoresFrom, work, work)
        var results = [String](repeating: "", count: parts.count)
        for (i, text) in a + b { results[i] = text }
        return results
    }

    /// A month of the list: its heading and its rows (rendered in parts with `rowValues`).
    func monthValues(year: Int, month: Int, count: Int, rows: String) -> Values {
        [
            "name": "\(Swedish.monthNames[month - 1].capitalizedFirst) \(year)",
            "anchor": "manad-\(year)-\(month)",
            "countText": JournalText.count(count, "tillfälle", "tillfällen"),
            "stamp": stamp,
            "rows": rows,
        ]
    }

    func rowValues(_ occurrences: ArraySlice<Occurrence>) -> [OccurrenceRow] {
        let isDayOff: (Day) -> String? = { day in self.calendar.dayOff(on: day).map(\.name) }
        var rows: [OccurrenceRow] = []
        rows.reserveCapacity(occurrences.count)
        for occurrence in occurrences {
            let first = occurrence.timing.firstDay
            let activity = activities[occurrence.activity]
            let (date, time) = timeText(occurrence.timing)
            let week = first.isoWeek
            let row = OccurrenceRow(
                uid: Text(occurrence.uid),
                week: Text(week.year == first.year ? String(week.week) : "\(week.week) (\(week.year))"),
                date: Text(date), time: Text(time), title: Text(label(occurrence)),
                owner: Text(ownerName(occurrence.owner)),
                audiences: Text((activity?.audiences ?? []).map { audienceNames[$0] ?? $0.rawValue }.joined(separator: ", ").orDash),
                channels: Text((activity?.channels ?? []).map { channelNames[$0] ?? $0.rawValue }.joined(separator: ", ").orDash),
                why: Text(PlacementText.reason(for: occurrence, activity: activity, titles: titles, counts: counts, isDayOff: isDayOff)))
            if let kind = activity?.kind, !kind.isEmpty { row.kind = Text(kind) }
            var flags: [String] = []
            var notes: [String] = []
            if occurrence.status == .cancelled {
                flags.append("Inställd")
                row.status = Text("cancelled")
            } else if occurrence.status == .tentative {
                flags.append("Preliminär")
            }
            if let deviation = deviationByUID[occurrence.uid] {
                if deviation.kinds.contains(.added) { flags.append("Ny") }
                if deviation.kinds.contains(.moved), let approved = deviation.approved {
                    flags.append("Flyttad")
                    notes.append("Fastställt: \(JournalText.timing(approved.timing))")
                }
                if deviation.kinds.contains(.reassigned), let approved = deviation.approved {
                    notes.append("Fastställd ansvarig: \(ownerName(approved.owner))")
                }
                if deviation.kinds.contains(.reinstated) { flags.append("Blir av igen") }
                if occurrence.status != .cancelled { row.status = Text("changed") }
            }
            if !flags.isEmpty { row.flag = Text(flags.joined(separator: ", ")) }
            if !notes.isEmpty { row.note = Text(notes.joined(separator: "; ")) }
            if plainTemplates {
                row.template = .plain(
                    RowParts(status: !(row.status is Bool), flag: !flags.isEmpty, kind: !(row.kind is Bool), note: !notes.isEmpty))
            }
            rows.append(row)
        }
        return rows
    }

    /// The activities shown, each with the indices (in `shown`) of its occurrences, in the
    /// order of their first occurrence, cut into months by that first occurrence.
    func activityGroups() -> [(year: Int, month: Int, activities: [[Int]])] {
        // By the activity's position; by id only for an activity the plan lacks.
        var listOfActivity = [Int](repeating: -1, count: plan.activities.count)
        var position: [Activity.ID: Int] = [:]
        var lists: [[Int]] = []
        for i in shown.indices {
            let a = shownActivity[i]
            if a >= 0 {
                if listOfActivity[a] >= 0 {
                    lists[listOfActivity[a]].append(i)
                } else {
                    listOfActivity[a] = lists.count
                    lists.append([i])
                }
            } else if let p = position[shown[i].activity] {
                lists[p].append(i)
            } else {
                position[shown[i].activity] = lists.count
                lists.append([i])
            }
        }
        var groups: [(year: Int, month: Int, activities: [[Int]])] = []
        for list in lists {
            let day = shown[list[0]].timing.firstDay
            if let last = groups.last, last.year == day.year, last.month == day.month {
                groups[groups.count - 1].activities.append(list)
            } else {
                groups.append((day.year, day.month, [list]))
            }
        }
        return groups
    }

    func activityMonthValues(year: Int, month: Int, _ lists: [[Int]]) -> Values {
        var rows: [ActivityRow] = []
        rows.reserveCapacity(lists.count)
        // Each timing's words made once (most activities share their days and times).
        var timeTexts: [OccurrenceTiming: (date: String, time: String)] = [:]
        for list in lists {
            let first = shown[list[0]]
            let activity = activities[first.activity]
            // Whether every occurrence has the same time (its text), without a set of them.
            var firstTime: String?
            var oneTime = true
            var owners: [Owner.ID?] = []
            var dates: [String] = []
            dates.reserveCapacity(list.count)
            for i in list {
                let timing = shown[i].timing
                let date: String
                let time: String
                if let known = timeTexts[timing] {
                    (date, time) = known
                } else {
                    (date, time) = timeText(timing)
                    timeTexts[timing] = (date, time)
                }
                if let firstTime {
                    if oneTime && time != firstTime { oneTime = false }
                } else {
                    firstTime = time
                }
                if !owners.contains(shown[i].owner) { owners.append(shown[i].owner) }
                var marks: [String] = []
                if shown[i].status == .cancelled { marks.append("inställd") }
                if !deviationByUID.isEmpty, let deviation = deviationByUID[shown[i].uid] {
                    if deviation.kinds.contains(.added) { marks.append("ny") }
                    if deviation.kinds.contains(.moved) { marks.append("flyttad") }
                }
                dates.append(marks.isEmpty ? date : "\(date) (\(marks.joined(separator: ", ")))")
            }
            let title = titles[first.activity] ?? first.activity.rawValue
            let row = ActivityRow(
                anchor: Text("aktivitet-\(first.activity.rawValue)"), title: Text(title),
                count: Text(JournalText.count(list.count, "tillfälle", "tillfällen")),
                time: Text(oneTime ? firstTime ?? "olika tider" : "olika tider"), dates: Text(dates.joined(separator: ", ")),
                owner: Text(owners.map(ownerName).joined(separator: ", ")),
                audiences: Text((activity?.audiences ?? []).map { audienceNames[$0] ?? $0.rawValue }.joined(separator: ", ").orDash),
                channels: Text((activity?.channels ?? []).map { channelNames[$0] ?? $0.rawValue }.joined(separator: ", ").orDash))
            if let kind = activity?.kind, !kind.isEmpty { row.kind = Text(kind) }
            rows.append(row)
        }
        return [
            "name": "\(Swedish.monthNames[month - 1].capitalizedFirst) \(year)",
            "anchor": "manad-\(year)-\(month)",
            "countText": "\(JournalText.count(rows.count, "aktivitet", "aktiviteter")) med första tillfället i månaden",
            "stamp": stamp,
            "rows": rows,
        ]
    }

    // MARK: Load

    enum LoadSubject { case audiences, channels }

    func heatmap(_ subject: LoadSubject) -> Values {
        let weeks = WheelGeometry.weeks(of: plan.year)
        var weekIndex: [Int: Int] = [:]  // day number of the week's first day in the year → column
        for (i, w) in weeks.enumerated() {
            var d = w.first
            while d <= w.last {
                weekIndex[d.dayNumber] = i
                d = d.adding(days: 1)
            }
        }
        let names: [(id: String, name: String, max: Int?)]
        switch subject {
        case .audiences: names = plan.audiences.map { ($0.id.rawValue, $0.name, $0.capacity.maxPerWeek) }
        case .channels: names = plan.channels.map { ($0.id.rawValue, $0.name, $0.capacity.maxPerWeek) }
        }
        var row: [String: Int] = [:]
        for (i, n) in names.enumerated() where row[n.id] == nil { row[n.id] = i }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: weeks.count), count: names.count)
        var lists = [[[String]]](repeating: [[String]](repeating: [], count: weeks.count), count: names.count)
        let keepLists = shown.count <= 5000
        // Each activity's rows, found once (its target groups or channels, each once): made per
        // occurrence, with the activity copied out of the dictionary, they were 764 M
        // instructions of the 100,000-occurrence bench plan's export (callgrind).
        // (By the activity's position: ``shownActivity``.)
        var activityRows = [[Int]?](repeating: nil, count: plan.activities.count)
        for i in shown.indices where shown[i].status != .cancelled {
            guard let column = weekIndex[shown[i].timing.firstDay.dayNumber] else { continue }
            let a = shownActivity[i]
            guard a >= 0 else { continue }
            let rows: [Int]
            if let known = activityRows[a] {
                rows = known
            } else {
                let keys: [String]
                switch subject {
                case .audiences: keys = plan.activities[a].audiences.map(\.rawValue)
                case .channels: keys = plan.activities[a].channels.map(\.rawValue)
                }
                // In the order a set of the keys gave them before: counts do not depend on it,
                // the lists' labels do not either (one row each).
                rows = Set(keys).compactMap { row[$0] }
                activityRows[a] = rows
            }
            for r in rows {
                counts[r][column] += 1
                if keepLists { lists[r][column].append(label(shown[i])) }
            }
        }
        let peak = max(1, counts.joined().max() ?? 1)
        var overloaded: [String] = []
        var rows: [[Values]] = [[], []]
        let split = (weeks.count + 1) / 2
        for (r, n) in names.enumerated() {
            var halves: [[HeatCell]] = [[], []]
            for (c, count) in counts[r].enumerated() {
                let scale = Double(max(peak, n.max ?? 0))
                var level = count == 0 ? 0 : 1 + Int((Double(count) / scale * 3.999).rounded(.down))
                level = min(level, 4)
                let cell = HeatCell(level: Text(String(level)), text: Text(count == 0 ? "" : String(count)))
                let over = n.max.map { count > $0 } ?? false
                if over {
                    cell.over = true
                    cell.text = Text("\(count)!")
                    overloaded.append("\(n.name) vecka \(weeks[c].week) (\(count) mot max \(n.max!))")
                }
                if count > 0 {
                    var title = "\(n.name), vecka \(weeks[c].week): \(JournalText.count(count, "tillfälle", "tillfällen"))"
                    if over { title += ", över max \(n.max!)" }
                    if keepLists { title += " – " + lists[r][c].joined(separator: "; ") }
                    cell.title = Text(title)
                }
                if plainTemplates {
                    cell.template =
                        count == 0 && !over
                        ? YearOverviewTemplates.emptyCell : over ? YearOverviewTemplates.overCell : YearOverviewTemplates.countedCell
                }
                halves[c < split ? 0 : 1].append(cell)
            }
            for h in 0..<2 {
                var v: Values = ["name": n.name, "cells": halves[h]]
                if let m = n.max { v["max"] = String(m) }
                rows[h].append(v)
            }
        }
        let word = subject == .audiences ? ("Målgrupper", "Målgrupp") : ("Kanaler", "Kanal")
        var result: Values = [
            "heading": word.0,
            "halves": (0..<2).map { h -> Values in
                let part = h == 0 ? Array(weeks[..<split]) : Array(weeks[split...])
                return [
                    "caption": "\(word.0) per vecka, vecka \(part.first!.week)–\(part.last!.week)",
                    "subject": word.1,
                    "weeks": part.map { ["label": String($0.week)] as Values },
                    "rows": rows[h],
                ]
            },
        ]
        if !overloaded.isEmpty { result["overloaded"] = overloaded.joined(separator: "; ") }
        return result
    }

    // MARK: Goals

    func goalValues() -> [Values] {
        plan.goals.map { goal in
            var tertials = [0, 0, 0]
            var serving: [Activity.ID: Int] = [:]
            var order: [Activity.ID] = []
            for occurrence in shown where occurrence.status != .cancelled {
                guard let activity = activities[occurrence.activity], activity.goals.contains(goal.id) else { continue }
                tertials[(occurrence.timing.firstDay.month - 1) / 4] += 1
                if serving[activity.id] == nil { order.append(activity.id) }
                serving[activity.id, default: 0] += 1
            }
            var v: Values = [
                "name": goal.name, "t1": String(tertials[0]), "t2": String(tertials[1]), "t3": String(tertials[2]),
                "total": String(tertials.reduce(0, +)),
                "activities": order.map { id in
                    let n = serving[id]!
                    return "\(titles[id] ?? id.rawValue)" + (n > 1 ? " (\(n))" : "")
                }.joined(separator: ", ").orDash,
            ]
            if order.isEmpty { v["empty"] = true }
            return v
        }
    }

    func unreachedAudiences() -> [String] {
        var reached = Set<Audience.ID>()
        // Each activity's target groups once (by position: ``shownActivity``).
        var seen = [Bool](repeating: false, count: plan.activities.count)
        for i in shown.indices where shown[i].status != .cancelled {
            let a = shownActivity[i]
            guard a >= 0, !seen[a] else { continue }
            seen[a] = true
            for audience in plan.activities[a].audiences { reached.insert(audience) }
        }
        return plan.audiences.filter { !reached.contains($0.id) }.map(\.name)
    }

    // MARK: Deviations

    var deviationIntro: String {
        guard let report = overview.deviations, let a = overview.approval else {
            return "Planen har inte fastställts, så det finns inga avvikelser att visa. Fastställ den med arsplan approve."
        }
        var text = "Jämfört med planen som fastställdes \(localDate(a.at).prefix(10)) (\(a.ref)): "
        text +=
            report.isEmpty
            ? "inget tillfälle har ändrats."
            : "\(JournalText.count(report.deviations.count, "tillfälle avviker", "tillfällen avviker")) – samma lista som arsplan deviations ger."
        if overview.version == .approved && !report.isEmpty {
            text += " Hjulet och listorna ovan visar den fastställda versionen."
        }
        return text
    }

    func deviationValues() -> [Values] {
        guard let report = overview.deviations else { return [] }
        var counts = counts
        for o in report.approval.approval.occurrences where counts[o.activity] == nil { counts[o.activity] = 0 }
        var approvedCounts: [Activity.ID: Int] = [:]
        for o in report.approval.approval.occurrences { approvedCounts[o.activity, default: 0] += 1 }
        let entries = Dictionary(overview.entries.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        return report.deviations.map { d in
            let showOwner = d.kinds.contains(.reassigned)
            let count = max(counts[d.activity] ?? 0, approvedCounts[d.activity] ?? 0)
            var cause: [String] = []
            if let primary = d.primaryCause, let entry = entries[primary.sequence] {
                cause.append(
                    (primary.direct ? "" : "följer med ") + "#\(entry.sequence) \(localDate(entry.at)) \(entry.by)"
                        + (entry.reason.map { ": \($0)" } ?? ""))
            }
            if d.editedInPlanFile { cause.append("ändrad direkt i planfilen") }
            return [
                "title": JournalText.occurrence(d.activity, d.index, in: plan, count: count, title: d.title),
                "kinds": d.kinds.map(JournalText.kind).joined(separator: ", "),
                "approved": JournalText.state(d.approved, in: plan, showOwner: showOwner),
                "current": JournalText.state(d.current, in: plan, showOwner: showOwner),
                "cause": cause.joined(separator: "; ").orDash,
            ]
        }
    }
}

extension String {
    var orDash: String { isEmpty ? "–" : self }
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// One row of the list "Månad för månad", looked up by name without a dictionary (a large
/// plan's page has tens of thousands). A section that does not apply is `false`: a value not
/// found would be looked for in every enclosing context.
final class OccurrenceRow: MustacheParent {
    let uid, week, date, time, title, owner, audiences, channels, why: Text
    var kind: Any = false
    var status: Any = false
    var flag: Any = false
    var note: Any = false
    /// The row's template: the general one, or the plain one for the parts the row has (see
    /// ``Builder/plainTemplates``).
    var template = RowTemplate.general

    init(uid: Text, week: Text, date: Text, time: Text, title: Text, owner: Text, audiences: Text, channels: Text, why: Text) {
        self.uid = uid
        self.week = week
        self.date = date
        self.time = time
        self.title = title
        self.owner = owner
        self.audiences = audiences
        self.channels = channels
        self.why = why
    }

    /// The values by their names in the row templates: `u` uid, `w` week, `d` date, `t` time,
    /// `n` title (name), `k` kind, `o` owner, `a` audiences, `c` channels, `y` why, `s` status,
    /// `f` flag, `m` note (see ``YearOverviewTemplates/row``).
    func child(named name: String) -> Any? {
        switch name {
        case "u": return uid
        case "w": return week
        case "d": return date
        case "t": return time
        case "n": return title
        case "k": return kind
        case "o": return owner
        case "a": return audiences
        case "c": return channels
        case "y": return why
        case "s": return status
        case "f": return flag
        case "m": return note
        default: return nil
        }
    }
}

/// One row of the list by activity (above ``YearOverview/listByActivityAbove`` occurrences):
/// an activity with its dates.
final class ActivityRow: MustacheParent {
    let anchor, title, count, time, dates, owner, audiences, channels: Text
    var kind: Any = false

    init(anchor: Text, title: Text, count: Text, time: Text, dates: Text, owner: Text, audiences: Text, channels: Text) {
        self.anchor = anchor
        self.title = title
        self.count = count
        self.time = time
        self.dates = dates
        self.owner = owner
        self.audiences = audiences
        self.channels = channels
    }

    func child(named name: String) -> Any? {
        switch name {
        case "anchor": return anchor
        case "title": return title
        case "count": return count
        case "time": return time
        case "dates": return dates
        case "owner": return owner
        case "audiences": return audiences
        case "channels": return channels
        case "kind": return kind
        default: return nil
        }
    }
}

/// Which template a row of the list takes: the general one, or the plain one for the parts
/// the row has.
enum RowTemplate: Equatable {
    case general
    case plain(RowParts)

    /// The template for a run of rows that take this one.
    var template: MustacheTemplate {
        switch self {
        case .general: YearOverviewTemplates.row
        case .plain(let parts): YearOverviewTemplates.plainRows[parts.rawValue]
        }
    }
}

/// The parts a row of the list may have or not: a status (its class), a flag, a kind and a
/// note; each combination has a plain row template (``YearOverviewTemplates/plainRows``).
struct RowParts: OptionSet, Hashable {
    let rawValue: Int
    static let status = RowParts(rawValue: 1)
    static let flag = RowParts(rawValue: 2)
    static let kind = RowParts(rawValue: 4)
    static let note = RowParts(rawValue: 8)
    /// Every combination, by its raw value.
    static let all = (0..<16).map(RowParts.init(rawValue:))

    init(rawValue: Int) { self.rawValue = rawValue }

    init(status: Bool, flag: Bool, kind: Bool, note: Bool) {
        var parts: RowParts = []
        if status { parts.insert(.status) }
        if flag { parts.insert(.flag) }
        if kind { parts.insert(.kind) }
        if note { parts.insert(.note) }
        self = parts
    }
}

/// Rows of the list one after the other that take the same template: `r` the run's
/// template, `rows` its rows.
final class RowRun: MustacheParent {
    let template: RowTemplate
    var rows: [OccurrenceRow]

    init(template: RowTemplate, rows: [OccurrenceRow]) {
        self.template = template
        self.rows = rows
    }

    /// `rows` cut into runs, in order.
    static func runs(_ rows: [OccurrenceRow]) -> [RowRun] {
        var runs: [RowRun] = []
        for row in rows {
            if let last = runs.last, last.template == row.template {
                last.rows.append(row)
            } else {
                runs.append(RowRun(template: row.template, rows: [row]))
            }
        }
        return runs
    }

    func child(named name: String) -> Any? {
        switch name {
        case "r": return template.template
        case "rows": return rows
        default: return nil
        }
    }
}

/// The parts of the page not yet taken by either core (``Builder/renderParts(_:size:twoCoresFrom:)``).
final class PartQueue: Sendable {
    private let taken = Mutex(0)
    private let count: Int

    init(count: Int) { self.count = count }

    /// The next part to render, nil when all are taken.
    func next() -> Int? {
        taken.withLock { taken in
            guard taken < count else { return nil }
            defer { taken += 1 }
            return taken
        }
    }
}

/// One cell of the load tables (target group or channel × ISO week). Its template is the
/// general one (sections for "over" and the title) or, with ``Builder/plainTemplates``, one
/// for an empty, a counted or an over-limit cell: most cells of a load table are empty, and
/// the empty cell's template looks nothing up. Names as in ``OccurrenceRow``: `c` the
/// template, `l` level, `o` over, `t` title, `x` text. The example plan's page (1,325 cells,
/// 953 of them empty): 339 M → 272 M instructions whole process; the
/// 20,000-activity bench plan's, whose cells are nearly all counted, the same 8.0 G
/// (callgrind, 7 Dec 2026).
final class HeatCell: MustacheParent {
    let level: Text
    var text: Text
    var over: Any = false
    var title: Any = false
    var template = YearOverviewTemplates.cell

    init(level: Text, text: Text) {
        self.level = level
        self.text = text
    }

    func child(named name: String) -> Any? {
        switch name {
        case "c": return template
        case "l": return level
        case "x": return text
        case "t": return title
        case "o": return over
        default: return nil
        }
    }
}
