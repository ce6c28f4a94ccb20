import Arsplan
import ArsplanReport
import Testing

@Suite("Feed index page")
struct FeedIndexPageTests {
    static let plan = Plan(
        id: "sf-2027", title: "Kommunikationsplan <Serviceförvaltningen> & co 2027", year: 2027,
        organization: "Serviceförvaltningen",
        owners: [Owner(id: "anna", name: "Anna \"Kommunikatör\" Berg")],
        audiences: [
            Audience(id: "medarbetare", name: "Medarbetare"),
            Audience(id: "foretagare", name: "Företagare <script>alert(1)</script>"),
        ],
        channels: [Channel(id: "intranat", name: "Intranät")],
        units: [Unit(id: "kc", name: "Kontaktcenter Stockholm")],
        activities: [
            Activity(
                id: "blad", title: "Informationsblad", owner: "anna", audiences: ["medarbetare"], channels: ["intranat"],
                placement: .date(Day(year: 2027, month: 2, day: 2)!))
        ])

    static let schedule = Schedule(
        plan: plan,
        occurrences: [
            Occurrence(
                uid: "sf-2027-blad-1", activity: "blad", index: 1,
                timing: .allDay(first: Day(year: 2027, month: 2, day: 2)!, last: Day(year: 2027, month: 2, day: 2)!),
                status: .planned, owner: "anna")
        ],
        conflicts: [])

    static let feeds = schedule.feedDefinitions()

    @Test func withoutABaseURLSaysTheFolderMustBePublishedAndShowsRelativeLinks() {
        let html = FeedIndexPage(schedule: Self.schedule, feeds: Self.feeds).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        for feed in Self.feeds {
            #expect(html.contains("<a href=\"\(feed.fileName)\" class=\"file\">\(feed.fileName)</a>"), "\(feed.fileName)")
        }
        #expect(!html.contains("webcal://"))
        #expect(!html.contains("class=\"subscribe\""))
        #expect(html.contains("behöver läggas ut på en webbserver"))
        #expect(html.contains("mappens webbadress följd av kalenderns filnamn"))
        #expect(html.contains("1 händelse."))
        #expect(html.contains("Inga händelser just nu"))
        for heading in ["Alla aktiviteter", "Målgrupper", "Ansvariga", "Kanaler", "Verksamhetsområden"] {
            #expect(html.contains(">\(heading)</h3>"))
        }
        #expect(!html.contains("<table"))
        #expect(!html.contains("Ladda ner"))
    }

    @Test func withABaseURLGivesOneSubscribeButtonAndACopyButtonPerFeed() {
        let page = FeedIndexPage(schedule: Self.schedule, feeds: Self.feeds, baseURL: "https://intranat.example.se/arsplan")
        let html = page.render()
        #expect(html.contains("<a class=\"subscribe\" href=\"webcal://intranat.example.se/arsplan/malgrupp-medarbetare.ics\">Prenumerera"))
        #expect(html.contains("<code>https://intranat.example.se/arsplan/malgrupp-medarbetare.ics</code>"))
        #expect(html.contains("data-copy=\"https://intranat.example.se/arsplan/alla.ics\""))
        #expect(html.components(separatedBy: "class=\"subscribe\"").count - 1 == Self.feeds.count)
        #expect(html.components(separatedBy: "class=\"copy\"").count - 1 == Self.feeds.count)
        // No plain link to the https address: that is a download, the one-off import the page warns against.
        #expect(!html.contains("href=\"https://intranat.example.se/arsplan/alla.ics\""))
        #expect(!html.contains("Ladda ner"))
        #expect(page.webcalURL(of: Self.feeds[0]) == "webcal://intranat.example.se/arsplan/alla.ics")
        #expect(!html.contains("behöver läggas ut på en webbserver"))
    }

    @Test func feedsAreGroupedByKindAndOrderedSwedishAlphabetically() {
        var plan = Self.plan
        plan.audiences = ["Örebroare", "anställda", "Ängsbor", "Ålänningar", "Zebror"].enumerated().map {
            Audience(id: Audience.ID("a\($0.offset)"), name: $0.element)
        }
        let schedule = Schedule(plan: plan, occurrences: Self.schedule.occurrences, conflicts: [])
        let html = FeedIndexPage(schedule: schedule, feeds: schedule.feedDefinitions()).render()
        let positions = ["anställda", "Zebror", "Ålänningar", "Ängsbor", "Örebroare"].map { html.range(of: "<h4>\($0)</h4>")!.lowerBound }
        #expect(positions == positions.sorted())
        let groups = ["Alla aktiviteter", "Målgrupper", "Ansvariga", "Kanaler"].map { html.range(of: ">\($0)</h3>")!.lowerBound }
        #expect(groups == groups.sorted())
    }

    @Test func eachFeedShowsItsNextThreeEventsFromTheExportsDay() throws {
        var plan = Self.plan
        plan.activities = [
            Activity(
                id: "blad", title: "Informationsblad", owner: "anna", audiences: ["medarbetare"], channels: ["intranat"],
                placement: .date(Day(year: 2027, month: 2, day: 2)!))
        ]
        let days = [3, 10, 17, 24, 31].map { Day(year: 2027, month: 3, day: $0)! }
        let occurrences = days.enumerated().map { n, day in
            Occurrence(
                uid: "sf-2027-blad-\(n + 1)", activity: "blad", index: n + 1, timing: .allDay(first: day, last: day), status: .planned, owner: "anna")
        }
        let schedule = Schedule(plan: plan, occurrences: occurrences, conflicts: [])
        let feeds = schedule.feedDefinitions()
        let page = FeedIndexPage(schedule: schedule, feeds: feeds, now: Timestamp(startOf: Day(year: 2027, month: 3, day: 10)!))
        #expect(page.nextEvents(of: feeds[0]).map(\.timing.firstDay) == Array(days[1...3]))
        let html = page.render()
        #expect(html.contains("ons 10 mar 2027"))
        #expect(!html.contains("ons 3 mar 2027"))
        #expect(!html.contains("ons 31 mar 2027"))
        let late = FeedIndexPage(schedule: schedule, feeds: feeds, now: Timestamp(startOf: Day(year: 2028, month: 1, day: 1)!))
        #expect(late.nextEvents(of: feeds[0]).isEmpty)
        #expect(late.render().contains("Inga fler händelser i år."))
    }

    @Test func searchAndCopyNeedJavaScriptAndAreHiddenWithoutIt() {
        let html = FeedIndexPage(schedule: Self.schedule, feeds: Self.feeds, baseURL: "https://x.example/").render()
        #expect(html.contains("<div class=\"search\" hidden>"))
        #expect(html.contains("class=\"copy\" data-copy=\"https://x.example/alla.ics\" hidden>"))
        #expect(html.contains("<nav aria-label=\"Innehåll\">"))
    }

    @Test func explainsOutlookGoogleAndAppleAndGooglesDelay() {
        let html = FeedIndexPage(schedule: Self.schedule, feeds: Self.feeds).render()
        #expect(html.contains("id=\"outlook\""))
        #expect(html.contains("Prenumerera från webben"))
        #expect(html.contains("id=\"google\""))
        #expect(html.contains("Från webbadress"))
        #expect(html.contains("var 8:e till var 24:e timme"))
        #expect(html.contains("id=\"apple\""))
        #expect(html.contains("Ny kalenderprenumeration"))
        #expect(html.contains("id=\"thunderbird\""))
        #expect(html.contains("id=\"android\""))
        #expect(html.contains("ICSx⁵"))
        #expect(html.contains("Prenumerera, importera inte."))
    }

    @Test func escapesAllPlanText() {
        let html = FeedIndexPage(schedule: Self.schedule, feeds: Self.feeds).render()
        #expect(!html.contains("<script>alert"))
        #expect(html.components(separatedBy: "<script>").count == 2)  // the page's own, once
        #expect(html.contains("Företagare &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Kommunikationsplan &lt;Serviceförvaltningen&gt; &amp; co 2027"))
        #expect(html.contains("Anna &quot;Kommunikatör&quot; Berg"))
    }

    @Test func isDeterministic() {
        let a = FeedIndexPage(schedule: Self.schedule, feeds: Self.feeds, baseURL: "https://x.example/").bytes()
        let b = FeedIndexPage(schedule: Self.schedule, feeds: Self.feeds, baseURL: "https://x.example/").bytes()
        #expect(a == b)
    }

    @Test(arguments: [
        ("https://intranat.example.se/arsplan", "https://intranat.example.se/arsplan/"),
        ("https://intranat.example.se/arsplan//", "https://intranat.example.se/arsplan/"),
        ("http://localhost:8080", "http://localhost:8080/"),
        ("HTTPS://Example.se/", "HTTPS://Example.se/"),
    ])
    func baseURLsAreNormalized(input: String, expected: String) {
        #expect(FeedIndexPage.normalizedBaseURL(input) == expected)
    }

    @Test(arguments: ["ftp://example.se/", "intranat.example.se/arsplan", "https://", "https://a b/", "javascript:alert(1)", "https://x/\"><script>"])
    func badBaseURLsAreRejected(input: String) {
        #expect(FeedIndexPage.normalizedBaseURL(input) == nil)
    }
}
