import Arsplan

/// `index.html` beside the feeds: a plain, accessible page in Swedish that lists every feed,
/// grouped by kind and ordered by name, with what it holds, its next three events and how to
/// subscribe, and tells how to subscribe in Outlook, Google Calendar, Apple Calendar,
/// Thunderbird and Android. Works at 360 px wide (lists, no tables) and without JavaScript;
/// with it, a search box filters the feeds and buttons copy the addresses. Every piece of plan
/// text is escaped (``escape(_:)``). Deterministic: the same input gives the same bytes.
public struct FeedIndexPage: Sendable {
    public var plan: Plan
    public var feeds: [FeedDefinition]
    /// The occurrences the feeds' indices point into (the schedule's).
    public var occurrences: [Occurrence]
    /// Where the feeds will be published (`https://intranat.example.se/arsplan/`). With it the
    /// page shows `webcal://` subscribe links and full https addresses; without it, it says the
    /// folder must be published first, and links are relative to the page.
    public var baseURL: String?
    /// The export's clock: each feed shows its next three events from this day on.
    public var now: Timestamp?
    /// The year overview beside the page (`oversikt.html`), linked from it when given.
    public var overviewFileName: String?

    public init(
        schedule: Schedule, feeds: [FeedDefinition], baseURL: String? = nil, now: Timestamp? = nil, overviewFileName: String? = nil
    ) {
        self.plan = schedule.plan
        self.occurrences = schedule.occurrences
        self.feeds = feeds
        self.baseURL = baseURL
        self.now = now
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

    /// The kinds of feeds, in the order the page lists them, with their headings and anchors.
    static let groups: [(heading: String, anchor: String, belongs: @Sendable (FeedSubject) -> Bool)] = [
        ("Alla aktiviteter", "alla", { if case .all = $0 { return true } else { return false } }),
        ("Målgrupper", "malgrupper", { if case .audience = $0 { return true } else { return false } }),
        ("Ansvariga", "ansvariga", { if case .owner = $0 { return true } else { return false } }),
        ("Kanaler", "kanaler", { if case .channel = $0 { return true } else { return false } }),
        ("Verksamhetsområden", "verksamhetsomraden", { if case .unit = $0 { return true } else { return false } }),
    ]

    /// Swedish alphabetical order: a–z, then å, ä, ö; case and other accents ignored.
    static func sortKey(_ text: String) -> [UInt32] {
        text.lowercased().unicodeScalars.map { scalar in
            switch scalar {
            case "å": return 0x7B
            case "ä", "æ": return 0x7C
            case "ö", "ø": return 0x7D
            case "é", "è", "ê", "ë": return 0x65
            case "á", "à", "â": return 0x61
            case "ü", "ú": return 0x75
            default: return scalar.value
            }
        }
    }

    public func render() -> String {
        var html = ""
        func line(_ text: String) { html += text + "\n" }
        let title = "Kalendrar att prenumerera på – \(plan.title)"
        let base = baseURL.flatMap(Self.normalizedBaseURL)
        line("<!DOCTYPE html>")
        line("<html lang=\"sv\">")
        line("<head>")
        line("<meta charset=\"utf-8\">")
        line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        line("<title>\(escape(title))</title>")
        line("<style>")
        line(Self.style)
        line("</style>")
        line("</head>")
        line("<body>")
        line("<main>")
        line("<h1>\(escape(title))</h1>")
        line(
            "<p>Här finns aktiviteterna i årsplanen för \(escape(plan.organization ?? plan.title)) \(plan.year) som kalendrar. "
                + "Prenumerera på den eller de kalendrar du behöver – alla aktiviteter, en målgrupp, en ansvarig, en kanal eller ett verksamhetsområde. "
                + "En prenumererad kalender uppdateras av sig själv när planen ändras: flyttade aktiviteter flyttas och inställda försvinner.</p>")
        line(
            "<p class=\"note\"><strong>Prenumerera, importera inte.</strong> Om du laddar ner en kalenderfil och öppnar den blir den en kopia "
                + "som aldrig uppdateras, och när planen ändras får du dubbletter och gamla datum. Använd adressen och prenumerera enligt instruktionerna nedan.</p>"
        )
        if let base {
            line(
                "<p>Välj <strong>Prenumerera</strong> vid kalendern du vill ha: datorn eller telefonen öppnar sitt kalenderprogram och frågar om du vill prenumerera. "
                    + "Fungerar det inte, kopiera adressen och klistra in den i kalenderprogrammet enligt instruktionerna längre ned.</p>")
            line("<p>Alla kalendrar finns under <code>\(escape(base))</code>.</p>")
        } else {
            line("<div class=\"note\" id=\"ej-publicerad\">")
            line(
                "<p><strong>Den här mappen behöver läggas ut på en webbserver</strong> (till exempel intranätet) innan någon kan prenumerera. "
                    + "En kalender går inte att prenumerera på från en fil på din dator eller från en delad mapp.</p>")
            line(
                "<p>Adressen att prenumerera på blir mappens webbadress följd av kalenderns filnamn. Ligger mappen på "
                    + "<code>https://intranat.exempel.se/arsplan/</code> blir adressen till alla aktiviteter "
                    + "<code>https://intranat.exempel.se/arsplan/alla.ics</code>. Filnamnen står vid varje kalender nedan.</p>")
            line(
                "<p>Den som exporterar kan ange adressen med <code>arsplan export … --base-url https://…/</code>; då visar sidan färdiga prenumerationslänkar.</p>"
            )
            line("</div>")
        }
        if let overviewFileName {
            line(
                "<p><a href=\"\(escape(overviewFileName))\">Årsöversikt med årshjul</a> – hela årsplanen på en sida, att läsa eller skriva ut (årshjulet på A3).</p>"
            )
        }
        line("<nav aria-label=\"Innehåll\"><ul>")
        for group in Self.groups where feeds.contains(where: { group.belongs($0.subject) }) {
            line("<li><a href=\"#\(group.anchor)\">\(escape(group.heading))</a></li>")
        }
        line("<li><a href=\"#hur\">Så prenumererar du</a></li>")
        line("</ul></nav>")

        line("<h2 id=\"kalendrar\">Kalendrarna</h2>")
        line("<div class=\"search\" hidden>")
        line("<label for=\"sok\">Sök kalender</label>")
        line("<input type=\"search\" id=\"sok\" autocomplete=\"off\" placeholder=\"t.ex. ditt namn, en målgrupp eller en kanal\">")
        line("<p id=\"sokresultat\" role=\"status\"></p>")
        line("</div>")
        for group in Self.groups {
            var members = feeds.filter { group.belongs($0.subject) }
            guard !members.isEmpty else { continue }
            members.sort { Self.sortKey($0.subjectName).lexicographicallyPrecedes(Self.sortKey($1.subjectName)) }
            line("<section class=\"group\" aria-labelledby=\"\(group.anchor)\">")
            line("<h3 id=\"\(group.anchor)\">\(escape(group.heading))</h3>")
            line("<ul class=\"feeds\">")
            for feed in members { html += card(feed, base: base) }
            line("</ul>")
            line("</section>")
        }

        line("<h2 id=\"hur\">Så prenumererar du</h2>")
        line(
            "<p>Kopiera kalenderns adress (\(base == nil ? "mappens webbadress följd av filnamnet" : "knappen <em>Kopiera adressen</em>")) och lägg till den som prenumeration i ditt kalenderprogram. "
                + "Välj aldrig <em>Importera</em> eller <em>Öppna fil</em>.</p>")
        line("<h3 id=\"outlook\">Outlook</h3>")
        line("<ul>")
        line(
            "<li><strong>Outlook på webben och nya Outlook:</strong> gå till Kalender, välj <em>Lägg till kalender</em> och sedan <em>Prenumerera från webben</em>. Klistra in adressen, ge kalendern ett namn och välj <em>Importera</em> (i den rutan betyder det prenumerera).</li>"
        )
        line(
            "<li><strong>Klassiska Outlook för Windows:</strong> gå till Kalender, välj <em>Lägg till kalender</em> och sedan <em>Från Internet</em>. Klistra in adressen och svara <em>Ja</em> på frågan om du vill prenumerera.</li>"
        )
        line("</ul>")
        line("<p>Outlook hämtar prenumererade kalendrar med några timmars mellanrum; en ändring kan dröja så länge.</p>")
        line("<h3 id=\"google\">Google Kalender</h3>")
        line("<ol>")
        line("<li>Öppna Google Kalender på en dator. Välj plustecknet vid <em>Andra kalendrar</em> och sedan <em>Från webbadress</em>.</li>")
        line("<li>Klistra in adressen och välj <em>Lägg till kalender</em>. Kalendern syns sedan också i mobilen.</li>")
        line("</ol>")
        line(
            "<p><strong>Observera:</strong> Google Kalender hämtar prenumererade kalendrar när Google själv bestämmer, oftast var 8:e till var 24:e timme, "
                + "vad kalendern än begär. En ändring i planen kan därför synas först nästa dag i Google Kalender. Det går inte att skynda på.</p>")
        line("<h3 id=\"apple\">Apple Kalender (Mac, iPhone, iPad)</h3>")
        line("<ul>")
        line(
            "<li><strong>Mac:</strong> öppna Kalender och välj <em>Arkiv</em> &gt; <em>Ny kalenderprenumeration</em>. Klistra in adressen, välj <em>Prenumerera</em> och sedan hur ofta kalendern ska uppdateras (till exempel varje timme).</li>"
        )
        line(
            "<li><strong>iPhone och iPad:</strong> gå till <em>Inställningar</em> &gt; <em>Kalender</em> &gt; <em>Konton</em> &gt; <em>Lägg till konto</em> &gt; <em>Annat</em> &gt; <em>Lägg till prenumererad kalender</em> och klistra in adressen.</li>"
        )
        line("</ul>")
        line("<h3 id=\"thunderbird\">Thunderbird</h3>")
        line("<ol>")
        line("<li>Gå till kalendern och välj <em>Ny kalender</em> (eller <em>Arkiv</em> &gt; <em>Ny</em> &gt; <em>Kalender</em>).</li>")
        line("<li>Välj <em>På nätverket</em>, klistra in adressen och välj <em>Hitta kalendrar</em> och sedan <em>Prenumerera</em>.</li>")
        line("</ol>")
        line("<h3 id=\"android\">Android</h3>")
        line(
            "<p>Google Kalender-appen kan inte själv prenumerera på en adress. Antingen lägger du till kalendern i Google Kalender på en dator "
                + "(se ovan), så syns den i telefonen, eller så installerar du den fria appen <strong>ICSx⁵</strong> (Google Play eller F-Droid), "
                + "väljer plustecknet, klistrar in adressen och väljer hur ofta den ska hämtas. Kalendern syns sedan i telefonens kalenderapp.</p>")

        line(
            "<p class=\"small\">Kalendrarna skapas av arsplan från planen <code>\(escape(plan.id))</code>. Tider anges i tidszonen \(escape(plan.timezone)).</p>"
        )
        line("</main>")
        line("<script>")
        line(Self.script)
        line("</script>")
        line("</body>")
        line("</html>")
        return html
    }

    /// The page as UTF-8 bytes.
    public func bytes() -> [UInt8] { Array(render().utf8) }

    /// The feed's next three events from the export's day (all of them from the start when
    /// there is no clock): ongoing ones count.
    public func nextEvents(of feed: FeedDefinition) -> [Occurrence] {
        let today = now?.day
        var result: [Occurrence] = []
        for index in feed.occurrenceIndices {
            let occurrence = occurrences[index]
            if let today, occurrence.timing.lastDay < today { continue }
            result.append(occurrence)
            if result.count == 3 { break }
        }
        return result
    }

    private func card(_ feed: FeedDefinition, base: String?) -> String {
        let count = feed.occurrenceIndices.count
        let countText: String
        switch count {
        case 0: countText = "Inga händelser just nu (kalendern är tom men går att prenumerera på)."
        case 1: countText = "1 händelse."
        default: countText = "\(count) händelser."
        }
        var html = "<li class=\"feed\">\n"
        html += "<h4>\(escape(feed.subjectName))</h4>\n"
        html += "<p>\(escape(feed.contents)) \(countText)</p>\n"
        let next = nextEvents(of: feed)
        if !next.isEmpty {
            html += "<p class=\"next-label\">Närmast:</p>\n<ul class=\"next\">\n"
            let activityTitles = Dictionary(plan.activities.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
            for occurrence in next {
                var when = Swedish.shortDate(occurrence.timing.firstDay) + " \(occurrence.timing.firstDay.year)"
                if case .timed(let start, _) = occurrence.timing { when += " kl. \(start.time)" }
                let title = activityTitles[occurrence.activity] ?? occurrence.activity.rawValue
                let status = occurrence.status == .cancelled ? " (inställd)" : occurrence.status == .tentative ? " (preliminär)" : ""
                html += "<li><span class=\"when\">\(escape(when))</span> \(escape(title))\(status)</li>\n"
            }
            html += "</ul>\n"
        } else if count > 0 {
            html += "<p class=\"next-label\">Inga fler händelser i år.</p>\n"
        }
        if let base {
            let http = base + feed.fileName
            let webcal = "webcal" + http[http.firstIndex(of: ":")!...]
            html +=
                "<p class=\"actions\"><a class=\"subscribe\" href=\"\(escape(webcal))\">Prenumerera<span class=\"visually-hidden\"> på \(escape(feed.subjectName))</span></a></p>\n"
            html += "<p class=\"address\">Adress att kopiera: <code>\(escape(http))</code> "
            html += "<button type=\"button\" class=\"copy\" data-copy=\"\(escape(http))\" hidden>Kopiera adressen</button></p>\n"
        } else {
            html += "<p class=\"address\">Filnamn: <a href=\"\(escape(feed.fileName))\" class=\"file\">\(escape(feed.fileName))</a></p>\n"
        }
        html += "</li>\n"
        return html
    }

    static let style = """
        *, *::before, *::after { box-sizing: border-box; }
        body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; background: #fff; overflow-wrap: anywhere; }
        h1 { font-size: 1.6rem; line-height: 1.25; }
        a { color: #0b4fa0; }
        a:focus, button:focus, input:focus { outline: 3px solid #f2a900; outline-offset: 2px; }
        code { overflow-wrap: anywhere; word-break: break-all; background: #f3f3f3; padding: 0 0.2rem; }
        .note { border-left: 4px solid #b35900; background: #fff6ec; padding: 0.5rem 1rem; }
        nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; padding-left: 0; list-style: none; }
        .search { margin: 1rem 0; }
        .search label { display: block; font-weight: bold; }
        .search input { width: 100%; max-width: 30rem; font-size: 1.1rem; padding: 0.5rem; border: 2px solid #555; border-radius: 4px; }
        .feeds { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 18rem), 1fr)); gap: 1rem; }
        .feed { border: 1px solid #767676; border-radius: 6px; padding: 0.75rem 1rem; min-width: 0; }
        .feed h4 { margin: 0 0 0.25rem; font-size: 1.15rem; }
        .feed p { margin: 0.25rem 0; }
        .next-label { font-weight: bold; }
        .next { margin: 0 0 0.5rem; padding-left: 1.1rem; }
        .when { font-variant-numeric: tabular-nums; white-space: nowrap; color: #444; }
        .subscribe { display: inline-block; background: #0b4fa0; color: #fff; font-weight: bold; font-size: 1.15rem; padding: 0.6rem 1.4rem; border-radius: 6px; text-decoration: none; }
        .subscribe:hover { background: #083a76; }
        .copy { font: inherit; padding: 0.3rem 0.8rem; margin-top: 0.25rem; border: 1px solid #0b4fa0; background: #fff; color: #0b4fa0; border-radius: 4px; cursor: pointer; }
        .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .small { font-size: 0.9rem; color: #444; }
        [hidden] { display: none !important; }
        """

    /// Progressive enhancement: the search box and the copy buttons appear only with
    /// JavaScript; the page is complete without it.
    static let script = """
        (function () {
          var search = document.querySelector('.search');
          var input = document.getElementById('sok');
          var status = document.getElementById('sokresultat');
          var feeds = Array.prototype.slice.call(document.querySelectorAll('.feed'));
          var groups = Array.prototype.slice.call(document.querySelectorAll('.group'));
          if (search && input) {
            search.hidden = false;
            input.addEventListener('input', function () {
              var words = input.value.toLowerCase().split(/\\s+/).filter(Boolean);
              var shown = 0;
              feeds.forEach(function (feed) {
                var text = feed.textContent.toLowerCase();
                var match = words.every(function (w) { return text.indexOf(w) !== -1; });
                feed.hidden = !match;
                if (match) { shown += 1; }
              });
              groups.forEach(function (group) { group.hidden = !group.querySelector('.feed:not([hidden])'); });
              status.textContent = words.length ? shown + (shown === 1 ? ' kalender' : ' kalendrar') + ' matchar.' : '';
            });
          }
          document.querySelectorAll('button.copy').forEach(function (button) {
            if (!navigator.clipboard) { return; }
            button.hidden = false;
            button.addEventListener('click', function () {
              navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
                button.textContent = 'Kopierad!';
                setTimeout(function () { button.textContent = 'Kopiera adressen'; }, 2000);
              });
            });
          });
        })();
        """
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
