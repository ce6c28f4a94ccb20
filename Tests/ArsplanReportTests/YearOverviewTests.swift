import Arsplan
import ArsplanPlanFile
import ArsplanReport
import Foundation
import Testing

@Suite("Year overview")
struct YearOverviewTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let planPath = root.appendingPathComponent("Plans/serviceforvaltningen-2027.yaml").path
    static let text = try! String(contentsOfFile: planPath, encoding: .utf8)
    static let plan: Plan = {
        let parsed = PlanFile.parse(text, file: planPath)
        precondition(!parsed.hasErrors, "the example plan has errors")
        // The council calendar (`dates-from`) left unread; the page `arsplan report` makes with
        // it is the snapshot in arsplanTests.
        return parsed.document!.resolved { _ in [] }
    }()
    static let planHash = ContentHash.sha256(Array(text.utf8))

    static func day(_ text: String) -> Day { Day(iso: text)! }

    // MARK: The example plan (as the plan file writes it; the byte-for-byte snapshot of the
    // page `arsplan report` makes, with the dates taken from other calendars, is in arsplanTests)

    @Test func theWheelHasOneMarkPerOccurrenceAndTheListEveryOccurrence() {
        let replay = JournalReplay(plan: Self.plan, entries: [])
        let page = YearOverviewPage.render(.current(replay, planHash: Self.planHash, today: nil))
        let occurrences = replay.schedule.occurrences
        #expect(occurrences.count > 100)
        #expect(page.components(separatedBy: "<g class=\"occ\" data-uid=").count - 1 == occurrences.count)
        for occurrence in occurrences {
            #expect(page.contains("data-uid=\"\(occurrence.uid)\""))
            #expect(page.contains("<tr id=\"\(occurrence.uid)\""))
        }
        #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        for month in ["Januari", "Februari", "Mars", "April", "Maj", "Juni", "Juli", "Augusti", "September", "Oktober", "November", "December"] {
            #expect(page.contains(">\(month)</text>"), "\(month) on the wheel")
        }
        // Headings in order: one h1, then h2 and h3 only below an h2.
        let headings = page.components(separatedBy: "<h").dropFirst().compactMap { $0.first }.filter { $0.isNumber }
        #expect(headings.first == "1")
        #expect(headings.filter { $0 == "1" }.count == 1)
        #expect(headings.firstIndex(of: "3")! > headings.firstIndex(of: "2")!)
        // The wheel has a text alternative, and nothing is fetched.
        #expect(page.contains("role=\"img\" aria-labelledby=\"arshjul-titel arshjul-beskrivning\""))
        #expect(!page.contains("src=") && !page.contains("<link") && !page.contains("<script"))
    }

    @Test func whyItLiesThereIsInSwedishWords() {
        let replay = JournalReplay(plan: Self.plan, entries: [])
        let page = YearOverviewPage.render(.current(replay, planHash: Self.planHash, today: nil))
        #expect(page.contains("3 arbetsdagar efter Servicenämndens sammanträde (3/11)"))
        #expect(page.contains("Återkommande varje månad, första tisdagen, utom i juli"))
        #expect(page.contains("Fast datum"))
    }

    @Test func theLoadShowsTheWeekOverItsLimit() {
        let replay = JournalReplay(plan: Self.plan, entries: [])
        let page = YearOverviewPage.render(.current(replay, planHash: Self.planHash, today: nil))
        // Week 15: four mailings to customers against max-per-week 3 — the plan's one warning.
        #expect(page.contains("<td class=\"h4 over\" title=\"Kunder och beställare – förvaltningar och bolag, vecka 15: 4 tillfällen, över max 3"))
        #expect(page.contains("Kunder och beställare – förvaltningar och bolag vecka 15 (4 mot max 3)"))
        #expect(page.components(separatedBy: " over\"").count - 1 == 1)
    }

    @Test func approvedThenMovedShowsBothPlacesAndTheApprovedVersionReprintsAsApproved() throws {
        var entries: [JournalEntry] = []
        func record(_ request: ChangeRequest, at time: String, by: String) throws {
            let replay = JournalReplay(plan: Self.plan, entries: entries)
            let proposal = try Rescheduling.propose(
                request, on: replay,
                context: ChangeContext(at: Timestamp(iso: time)!, by: by, reason: "Ordföranden är bortrest", planHash: Self.planHash))
            entries.append(proposal.entry)
        }
        try record(.approve(ref: "FL 2026-12-10 §4"), at: "2026-12-10T10:00:00Z", by: "Förvaltningsledningen")
        try record(.move(activity: "namnd", occurrence: 3, day: Self.day("2027-03-30"), time: nil), at: "2027-03-01T10:00:00Z", by: "Anna Berg")
        try record(.cancel(activity: "kundenkat", occurrence: nil), at: "2027-03-02T10:00:00Z", by: "Anna Berg")
        let replay = JournalReplay(plan: Self.plan, entries: entries)

        let current = YearOverview.current(replay, planHash: Self.planHash, today: Self.day("2027-03-03"))
        let page = YearOverviewPage.render(current)
        // Moved and cancelled rows take the general row template, the others a plain one, and
        // the load tables' cells one for empty, counted and over-limit cells: the same bytes as
        // with the general templates.
        #expect(YearOverviewPage.render(current, plainTemplates: false) == page)
        #expect(page.contains("2026-12-10 11:00 av Förvaltningsledningen, FL 2026-12-10 §4 (journalpost #1)"))
        #expect(page.contains("Fastställt: tis 23 mar 17:00–19:00"))
        #expect(page.contains("<span class=\"flag\">Flyttad</span>"))
        #expect(page.contains("<span class=\"flag\">Inställd</span>"))
        #expect(page.contains("class=\"approved-places\""))
        #expect(page.contains("Fastställt läge: Servicenämndens sammanträde (3/11)"))
        #expect(page.contains("<g class=\"today\">"))
        #expect(page.contains("Aktuell version: planfilen med journalens ändringar till och med 2027-03-02."))
        #expect(page.contains("#2 2027-03-01 11:00 Anna Berg: Ordföranden är bortrest"))

        let approved = try #require(YearOverview.approved(replay, planHash: Self.planHash, today: nil))
        let reprint = YearOverviewPage.render(approved)
        #expect(YearOverviewPage.render(approved, plainTemplates: false) == reprint)
        #expect(reprint.contains("Fastställd version: schemat som det fastställdes 2026-12-10 av Förvaltningsledningen (FL 2026-12-10 §4)."))
        #expect(!reprint.contains("<span class=\"flag\">Flyttad</span>"))
        #expect(!reprint.contains("<span class=\"flag\">Inställd</span>"))
        #expect(
            reprint.contains(
                "<td class=\"date\">tis 23 mar</td><td class=\"time\">17:00–19:00</td><th scope=\"row\"><span class=\"title\">Servicenämndens sammanträde (3/11)"
            ))
        #expect(reprint.components(separatedBy: "<g class=\"occ\"").count - 1 == approved.occurrences.count)
        // Nothing approved: no approved version.
        #expect(YearOverview.approved(JournalReplay(plan: Self.plan, entries: []), planHash: Self.planHash, today: nil) == nil)
    }

    @Test func ringsCanBeChannelsUnitsOwnersOrGoals() {
        let replay = JournalReplay(plan: Self.plan, entries: [])
        for rings in YearOverview.Rings.allCases {
            let svg = YearOverviewPage.wheelSVG(.current(replay, planHash: nil, today: nil, rings: rings))
            #expect(svg.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.components(separatedBy: "<g class=\"occ\"").count - 1 == replay.schedule.occurrences.count, "\(rings)")
        }
        let owners = YearOverviewPage.wheelSVG(.current(replay, planHash: nil, today: nil, rings: .owners))
        #expect(owners.contains("Ringar: ansvariga (utifrån och in)"))
        #expect(owners.contains("</tspan> Karin Ljungberg</text>"))
    }

    @Test func aRangeShowsOnlyItsOccurrences() {
        let replay = JournalReplay(plan: Self.plan, entries: [])
        let range = Self.day("2027-03-01")...Self.day("2027-03-31")
        let overview = YearOverview.current(replay, planHash: nil, today: nil, range: range)
        let page = YearOverviewPage.render(overview)
        let inMarch = replay.schedule.occurrences.filter { $0.timing.lastDay >= range.lowerBound && $0.timing.firstDay <= range.upperBound }
        #expect(!inMarch.isEmpty)
        #expect(page.components(separatedBy: "<g class=\"occ\"").count - 1 == inMarch.count)
        #expect(page.contains("<h3 id=\"manad-2027-3\">"))
        #expect(!page.contains("<h3 id=\"manad-2027-4\">"))
    }

    // MARK: Escaping and size

    static let hostile: Plan = Plan(
        id: "x", title: "<script>alert(\"plan\")</script> & 'co'", year: 2026, organization: "Förvaltningen \"Öst\" & <Väst>",
        owners: [Owner(id: "o", name: "Anna \"A\" O'Berg <b>")],
        audiences: [Audience(id: "a", name: "Kunder & <i>beställare</i>", capacity: Capacity(maxPerWeek: 1))],
        channels: [Channel(id: "c", name: "Intranät \"nya\"")],
        goals: [Goal(id: "g", name: "Mål <1> & 'två'")],
        activities: [
            Activity(
                id: "t", title: "<script>alert('x')</script> & \"citat\"", kind: "\"><svg onload=alert(1)>", owner: "o", audiences: ["a"],
                channels: ["c"], goals: ["g"], placement: .dates([Day(year: 2026, month: 12, day: 30)!, Day(year: 2026, month: 12, day: 31)!]),
                duration: .workdays(3))
        ])

    @Test func everyPieceOfPlanTextIsEscapedInThePageAndTheWheel() {
        let schedule = Scheduler.schedule(Self.hostile)
        let overview = YearOverview(plan: Self.hostile, occurrences: schedule.occurrences, conflicts: schedule.conflicts)
        for output in [YearOverviewPage.render(overview), YearOverviewPage.wheelSVG(overview)] {
            #expect(!output.contains("<script"))
            #expect(!output.contains("<svg onload"))
            #expect(!output.contains("<b>") && !output.contains("<i>") && !output.contains("<1>") && !output.contains("<Väst>"))
            #expect(output.contains("&quot;&gt;&lt;svg onload=alert(1)&gt;"))
            #expect(output.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;citat&quot;"))
            #expect(output.contains("Anna &quot;A&quot; O&#39;Berg &lt;b&gt;"))
        }
        let page = YearOverviewPage.render(overview)
        #expect(
            page.contains("<title>Årsplan 2026 – &lt;script&gt;alert(&quot;plan&quot;)&lt;/script&gt; &amp; &#39;co&#39; (aktuell version)</title>"))
        #expect(page.contains("Mål &lt;1&gt; &amp; &#39;två&#39;"))
        // The second occurrence runs into the next year: it is on the wheel, cut at 31 December.
        #expect(page.components(separatedBy: "<g class=\"occ\"").count - 1 == 2)
    }

    @Test func veryLargePlansGetOneMarkPerDayAndRing() {
        var plan = Plan(id: "big", title: "Stor plan", year: 2027, audiences: [Audience(id: "a", name: "A"), Audience(id: "b", name: "B")])
        for i in 0..<2000 {
            plan.activities.append(
                Activity(
                    id: .init("a\(i)"), title: "Aktivitet \(i)", audiences: [i % 3 == 0 ? "a" : "b"],
                    placement: .date(Day(year: 2027, month: 1 + i % 12, day: 1 + i % 28)!)))
        }
        let schedule = Scheduler.schedule(plan)
        let svg = YearOverviewPage.wheelSVG(YearOverview(plan: plan, occurrences: schedule.occurrences, conflicts: schedule.conflicts))
        #expect(!svg.contains("class=\"occ\""))
        let counts = svg.components(separatedBy: "data-count=\"").dropFirst().map { Int($0.prefix { $0.isNumber })! }
        #expect(counts.reduce(0, +) == 2000)
        let audienceOf = Dictionary(uniqueKeysWithValues: plan.activities.map { ($0.id, $0.audiences[0].rawValue) })
        let cells = Set(schedule.occurrences.map { occurrence in "\(occurrence.timing.firstDay)-\(audienceOf[occurrence.activity]!)" })
        #expect(counts.count == cells.count)
    }

    /// The page's parts rendered on two cores or on one, the rows in parts of any size: the same bytes.
    @Test func onTwoCoresOrOneThePageIsTheSame() {
        let replay = JournalReplay(plan: Self.plan, entries: [])
        let overview = YearOverview.current(replay, planHash: Self.planHash, today: Day(iso: "2027-03-01"))
        let one = YearOverviewPage.render(overview, twoCoresFrom: Int.max)
        #expect(YearOverviewPage.render(overview, twoCoresFrom: 0) == one)
        #expect(YearOverviewPage.render(overview) == one)
        #expect(YearOverviewPage.render(overview, twoCoresFrom: 0, plainTemplates: false) == one)
        // The rows of a month cut in parts (of 1, 7 and 40 rows): parts of a month are joined in order.
        for rowsPerPart in [1, 7, 40] {
            #expect(YearOverviewPage.render(overview, twoCoresFrom: 0, rowsPerPart: rowsPerPart) == one)
            #expect(YearOverviewPage.render(overview, twoCoresFrom: Int.max, rowsPerPart: rowsPerPart) == one)
        }
    }

    /// Above `listByActivityAbove` occurrences the list has one row per activity with all its
    /// dates, grouped by the month of its first occurrence, and says so; below it one row per
    /// occurrence. Everything else on the page is the same.
    @Test func veryLargePlansAreListedActivityByActivity() {
        let replay = JournalReplay(plan: Self.plan, entries: [])
        var overview = YearOverview.current(replay, planHash: Self.planHash, today: nil)
        let occurrences = replay.schedule.occurrences
        overview.listByActivityAbove = occurrences.count
        let byOccurrence = YearOverviewPage.render(overview)
        overview.listByActivityAbove = occurrences.count - 1
        let byActivity = YearOverviewPage.render(overview)

        #expect(!byOccurrence.contains("by-activity"))
        for occurrence in occurrences { #expect(byOccurrence.contains("<tr id=\"\(occurrence.uid)\"")) }
        #expect(!byActivity.contains("<tr id=\"\(occurrences[0].uid)\""))
        #expect(byActivity.contains("\(occurrences.count) tillfällen är fler än en lista kan visa ett och ett"))
        // One row per activity, each with as many dates as it has occurrences.
        let activities = Set(occurrences.map(\.activity))
        let rows = byActivity.components(separatedBy: "<tr id=\"aktivitet-").dropFirst()
        #expect(rows.count == activities.count)
        let council = occurrences.filter { $0.activity == "namnd" }
        #expect(council.count > 1)
        let row = rows.first { $0.hasPrefix("namnd\"") }!
        #expect(row.contains("<td class=\"count\">\(council.count) tillfällen</td>"))
        let dates = row.components(separatedBy: "<td class=\"dates\">")[1].prefix { $0 != "<" }
        #expect(dates.components(separatedBy: ", ").count == council.count)
        #expect(dates.hasPrefix(Swedish.shortDate(council[0].timing.firstDay)))
        // The wheel and the rest of the page do not change.
        let wheel = { (page: String) in page.components(separatedBy: "<svg")[1].components(separatedBy: "</svg>")[0] }
        #expect(wheel(byActivity) == wheel(byOccurrence))
        #expect(byActivity.components(separatedBy: "id=\"belastning\"")[1] == byOccurrence.components(separatedBy: "id=\"belastning\"")[1])
    }
}
