import Arsplan

/// `index.html` beside the feeds: a plain, accessible page in Swedish that lists every feed
/// with what it holds and its subscribe links, and tells how to subscribe in Outlook,
/// Google Calendar and Apple Calendar. Deterministic: the same input gives the same bytes.
public struct FeedIndexPage: Sendable {
    public var plan: Plan
    public var feeds: [FeedDefinition]
    /// Where the feeds will be published (`https://intranat.example.se/arsplan/`). With it the
    /// page shows `webcal://` subscribe links and full https addresses; without it, links are
    /// relative to the page.
    public var baseURL: String?
    /// The year overview beside the page (`oversikt.html`), linked from it when given.
    public var overviewFileName: String?

    public init(plan: Plan, feeds: [FeedDefinition], baseURL: String? = nil, overviewFileName: String? = nil) {
        self.plan = plan
        self.feeds = feeds
        self.baseURL = baseURL
        self.overviewFileName = overviewFileName
    }

    /// `https://host/path/` with exactly one trailing slash, or nil when `text` is not a base
    /// URL feeds can be appended to (``baseURLProblem(_:)`` says why; the command line
    /// rejects those before getting here).
    public static func normalizedBaseURL(_ text: String) -> String? {
        guard baseURLProblem(text) == nil else { return nil }
        var result = text
        while result.hasSuffix("/") { result.removeLast() }
        return result + "/"
    }

    /// Why `text` cannot be the address the feeds are published under, or nil when it can.
    ///
    /// The feeds' addresses are the base URL followed by each file name, so the base must be
    /// a plain `http://` or `https://` folder address: a `?query` or `#fragment` would put the
    /// file name inside the query or fragment (every link would load the same page), and
    /// white space, quotes, angle brackets, backslashes and control characters have no place
    /// in an address.
    public static func baseURLProblem(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return "--base-url must be an http:// or https:// address, e.g. https://intranat.example.se/arsplan/."
        }
        if text.unicodeScalars.contains(where: { $0 == "?" || $0 == "#" }) {
            return "--base-url must be the folder the feeds are published in, without '?' or '#' "
                + "(the file names are added at the end of it), e.g. https://intranat.example.se/arsplan/."
        }
        let forbidden: Set<Unicode.Scalar> = [" ", "\"", "<", ">", "\\", "`", "{", "}", "|", "^"]
        if text.unicodeScalars.contains(where: { forbidden.contains($0) || $0.properties.isWhitespace || TerminalText.isControl($0) }) {
            return "--base-url must not contain spaces, quotes, angle brackets, backslashes or control characters; "
                + "write them percent-encoded (%20 for a space)."
        }
        let rest = text.unicodeScalars.drop(while: { $0 != ":" }).dropFirst(3)
        let host = rest.prefix(while: { $0 != "/" })
        if host.isEmpty || host.contains("@") {
            return "--base-url must name a host (and no user name), e.g. https://intranat.example.se/arsplan/."
        }
        return nil
    }

    /// The https (or http) address of a feed, when a base URL is given.
    public func httpURL(of feed: FeedDefinition) -> String? {
        baseURL.flatMap(Self.normalizedBaseURL).map { $0 + feed.fileName }
    }

    /// The `webcal://` address of a feed, when a base URL is given.
    public func webcalURL(of feed: FeedDefinition) -> String? {
        guard let http = httpURL(of: feed), let colon = http.firstIndex(of: ":") else { return nil }
        return "webcal" + http[colon...]
    }

    public func render() -> String {
        var html = ""
        func line(_ text: String) { html += text + "\n" }
        let title = "Kalendrar att prenumerera på – \(plan.title)"
        line("<!DOCTYPE html>")
        line("<html lang=\"sv\">")
        line("<head>")
        line("<meta charset=\"utf-8\">")
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        line("<title>\(escape(title))</title>")
        line("<style>")
        line("body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; background: #fff; }")
        line("table { border-collapse: collapse; width: 100%; margin-bottom: 2rem; }")
        line("caption { text-align: left; font-weight: bold; font-size: 1.2rem; padding: 0.5rem 0; }")
        line("th, td { border: 1px solid #767676; padding: 0.4rem 0.6rem; text-align: left; vertical-align: top; }")
        line("th { background: #f0f0f0; }")
        line("code { word-break: break-all; }")
        line("a { color: #0b4fa0; }")
        line("a:focus { outline: 3px solid #f2a900; }")
        line("</style>")
        line("</head>")
        line("<body>")
        line("<main>")
        line("<h1>\(escape(title))</h1>")
        line("<p>Här finns aktiviteterna i årsplanen för \(escape(plan.organization ?? plan.title)) \(plan.year) som kalendrar. "
            + "Prenumerera på den eller de kalendrar du behöver – alla aktiviteter, en målgrupp, en ansvarig, en kanal eller ett verksamhetsområde. "
            + "En prenumererad kalender uppdateras av sig själv när planen ändras: flyttade aktiviteter flyttas och inställda försvinner.</p>")
        line("<p><strong>Prenumerera, importera inte.</strong> En importerad fil blir en kopia som aldrig uppdateras, och ändringar i planen blir då dubbletter.</p>")
        if baseURL.flatMap(Self.normalizedBaseURL) == nil {
            line("<p>Länkarna nedan går till filerna bredvid den här sidan. För att prenumerera: högerklicka på länken, "
                + "välj <em>Kopiera länkadress</em> och klistra in adressen i kalenderprogrammet enligt instruktionerna nedan.</p>")
        }
        if let overviewFileName {
            line("<p><a href=\"\(escape(overviewFileName))\">Årsöversikt med årshjul</a> – hela årsplanen på en sida, att läsa eller skriva ut (årshjulet på A3).</p>")
        }
        line("<nav aria-label=\"Innehåll\"><ul>")
        line("<li><a href=\"#kalendrar\">Kalendrarna</a></li>")
        line("<li><a href=\"#outlook\">Prenumerera i Outlook</a></li>")
        line("<li><a href=\"#google\">Prenumerera i Google Kalender</a></li>")
        line("<li><a href=\"#apple\">Prenumerera i Apple Kalender (Mac, iPhone, iPad)</a></li>")
        line("</ul></nav>")

        line("<h2 id=\"kalendrar\">Kalendrarna</h2>")
        let groups: [(String, (FeedSubject) -> Bool)] = [
            ("Alla aktiviteter", { if case .all = $0 { return true } else { return false } }),
            ("Målgrupper", { if case .audience = $0 { return true } else { return false } }),
            ("Ansvariga", { if case .owner = $0 { return true } else { return false } }),
            ("Kanaler", { if case .channel = $0 { return true } else { return false } }),
            ("Verksamhetsområden", { if case .unit = $0 { return true } else { return false } }),
        ]
        for (caption, belongs) in groups {
            let members = feeds.filter { belongs($0.subject) }
            guard !members.isEmpty else { continue }
            line("<table>")
            line("<caption>\(escape(caption))</caption>")
            line("<thead><tr><th scope=\"col\">Kalender</th><th scope=\"col\">Innehåll</th><th scope=\"col\">Prenumerera</th></tr></thead>")
            line("<tbody>")
            for feed in members { line(row(feed)) }
            line("</tbody>")
            line("</table>")
        }

        line("<h2 id=\"outlook\">Prenumerera i Outlook</h2>")
        line("<ol>")
        line("<li>Kopiera kalenderns adress (https-adressen i tabellen ovan).</li>")
        line("<li><strong>Outlook på webben och nya Outlook:</strong> gå till Kalender, välj <em>Lägg till kalender</em> och sedan <em>Prenumerera från webben</em>. Klistra in adressen, ge kalendern ett namn och välj <em>Importera</em>.</li>")
        line("<li><strong>Klassiska Outlook för Windows:</strong> gå till Kalender, välj <em>Lägg till kalender</em> och sedan <em>Från Internet</em>. Klistra in adressen och svara <em>Ja</em> på frågan om du vill prenumerera.</li>")
        line("<li>Du kan också klicka på webcal-länken; då öppnar datorn sitt kalenderprogram och frågar om du vill prenumerera.</li>")
        line("</ol>")
        line("<p>Outlook hämtar prenumererade kalendrar med några timmars mellanrum. Det kan alltså dröja innan en ändring syns.</p>")

        line("<h2 id=\"google\">Prenumerera i Google Kalender</h2>")
        line("<ol>")
        line("<li>Kopiera kalenderns adress (https-adressen i tabellen ovan).</li>")
        line("<li>Öppna Google Kalender på en dator. Välj plustecknet vid <em>Andra kalendrar</em> och sedan <em>Från webbadress</em>.</li>")
        line("<li>Klistra in adressen och välj <em>Lägg till kalender</em>. Kalendern syns sedan också i mobilen.</li>")
        line("</ol>")
        line("<p><strong>Observera:</strong> Google Kalender hämtar prenumererade kalendrar när Google själv bestämmer, oftast var 8:e till var 24:e timme, "
            + "vad kalendern än begär. En ändring i planen kan därför synas först nästa dag i Google Kalender. Det går inte att skynda på.</p>")

        line("<h2 id=\"apple\">Prenumerera i Apple Kalender (Mac, iPhone, iPad)</h2>")
        line("<ol>")
        line("<li><strong>Mac:</strong> öppna Kalender och välj <em>Arkiv</em> &gt; <em>Ny kalenderprenumeration</em>. Klistra in adressen, välj <em>Prenumerera</em> och sedan hur ofta kalendern ska uppdateras (till exempel varje timme).</li>")
        line("<li><strong>iPhone och iPad:</strong> gå till <em>Inställningar</em> &gt; <em>Kalender</em> &gt; <em>Konton</em> &gt; <em>Lägg till konto</em> &gt; <em>Annat</em> &gt; <em>Lägg till prenumererad kalender</em> och klistra in adressen.</li>")
        line("<li>Att klicka på webcal-länken fungerar också på Mac, iPhone och iPad.</li>")
        line("</ol>")

        line("<p>Kalendrarna skapas av arsplan från planen <code>\(escape(plan.id))</code>. Tider anges i tidszonen \(escape(plan.timezone)).</p>")
        line("</main>")
        line("</body>")
        line("</html>")
        return html
    }

    /// The page as UTF-8 bytes.
    public func bytes() -> [UInt8] { Array(render().utf8) }

    private func row(_ feed: FeedDefinition) -> String {
        let count = feed.occurrenceIndices.count
        let countText: String
        switch count {
        case 0: countText = "Inga händelser just nu (kalendern är tom men går att prenumerera på)."
        case 1: countText = "1 händelse."
        default: countText = "\(count) händelser."
        }
        var cells = "<tr>"
        cells += "<th scope=\"row\">\(escape(feed.subjectName))</th>"
        cells += "<td>\(escape(feed.contents)) \(countText)</td>"
        cells += "<td>"
        if let webcal = webcalURL(of: feed), let http = httpURL(of: feed) {
            cells += "<a href=\"\(escape(webcal))\">Prenumerera på \(escape(feed.subjectName))</a>"
            cells += "<br>Adress att kopiera: <code>\(escape(http))</code>"
            cells += "<br><a href=\"\(escape(http))\">Ladda ner \(escape(feed.fileName))</a>"
        } else {
            cells += "<a href=\"\(escape(feed.fileName))\">\(escape(feed.fileName))</a>"
        }
        cells += "</td></tr>"
        return cells
    }
}

/// Escapes text for HTML element content and quoted attribute values.
func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
        switch character {
        case "&": result += "&amp;"
        case "<": result += "&lt;"
        case ">": result += "&gt;"
        case "\"": result += "&quot;"
        case "'": result += "&#39;"
        default: result.append(character)
        }
    }
    return result
}
