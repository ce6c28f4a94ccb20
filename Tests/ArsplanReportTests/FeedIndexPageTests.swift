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

    @Test func listsEveryFeedWithItsCountAndRelativeLinks() {
        let html = FeedIndexPage(plan: Self.plan, feeds: Self.feeds).render()
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"sv\">"))
        for feed in Self.feeds {
            #expect(html.contains("<a href=\"\(feed.fileName)\">\(feed.fileName)</a>"), "\(feed.fileName)")
        }
        #expect(!html.contains("webcal://"))
        #expect(html.contains("1 händelse."))
        #expect(html.contains("Inga händelser just nu"))
        #expect(html.contains("Kopiera länkadress"))
        for caption in ["Alla aktiviteter", "Målgrupper", "Ansvariga", "Kanaler", "Verksamhetsområden"] {
            #expect(html.contains("<caption>\(caption)</caption>"))
        }
    }

    @Test func withABaseURLGivesWebcalAndHttpsLinks() {
        let page = FeedIndexPage(plan: Self.plan, feeds: Self.feeds, baseURL: "https://intranat.example.se/arsplan")
        let html = page.render()
        #expect(html.contains("<a href=\"webcal://intranat.example.se/arsplan/malgrupp-medarbetare.ics\">"))
        #expect(html.contains("<code>https://intranat.example.se/arsplan/malgrupp-medarbetare.ics</code>"))
        #expect(html.contains("<a href=\"https://intranat.example.se/arsplan/alla.ics\">"))
        #expect(page.webcalURL(of: Self.feeds[0]) == "webcal://intranat.example.se/arsplan/alla.ics")
        #expect(!html.contains("Kopiera länkadress"))
    }

    @Test func explainsOutlookGoogleAndAppleAndGooglesDelay() {
        let html = FeedIndexPage(plan: Self.plan, feeds: Self.feeds).render()
        #expect(html.contains("id=\"outlook\""))
        #expect(html.contains("Prenumerera från webben"))
        #expect(html.contains("id=\"google\""))
        #expect(html.contains("Från webbadress"))
        #expect(html.contains("var 8:e till var 24:e timme"))
        #expect(html.contains("id=\"apple\""))
        #expect(html.contains("Ny kalenderprenumeration"))
        #expect(html.contains("Prenumerera, importera inte."))
    }

    @Test func escapesAllPlanText() {
        let html = FeedIndexPage(plan: Self.plan, feeds: Self.feeds).render()
        #expect(!html.contains("<script>"))
        #expect(html.contains("Företagare &lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("Kommunikationsplan &lt;Serviceförvaltningen&gt; &amp; co 2027"))
        #expect(html.contains("Anna &quot;Kommunikatör&quot; Berg"))
    }

    @Test func isDeterministic() {
        let a = FeedIndexPage(plan: Self.plan, feeds: Self.feeds, baseURL: "https://x.example/").bytes()
        let b = FeedIndexPage(plan: Self.plan, feeds: Self.feeds, baseURL: "https://x.example/").bytes()
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
