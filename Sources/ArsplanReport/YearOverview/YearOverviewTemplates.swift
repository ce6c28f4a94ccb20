import Mustache

/// The year overview's Mustache templates. Every `{{value}}` is HTML-escaped by the
/// library (`&`, `<`, `>`, `"` and `'`), in text and in attribute values alike; the only
/// unescaped insertions (`{{{…}}}`) are the style sheet and what these templates rendered
/// (the wheel, the load tables, the months and their rows), never plan text.
enum YearOverviewTemplates {
    static let page = compile(pageText)
    static let month = compile(monthText)
    static let activityMonth = compile(activityMonthText)
    static let heatmap = compile(heatmapText)
    static let wheel = compile(wheelText)

    /// The content type every template declares first (`{{% CONTENT_TYPE: …}}`).
    static let contentTypeName = "ARSPLAN_HTML"
    private static let registered: Void = MustacheContentTypes.register(EscapedHTML(), named: contentTypeName)

    private static func compile(_ text: String) -> MustacheTemplate {
        _ = registered
        do {
            return try MustacheTemplate(string: "{{% CONTENT_TYPE: \(contentTypeName)}}" + text)
        } catch {
            fatalError("year overview template does not parse: \(error)")
        }
    }

    static let pageText = """
        <!DOCTYPE html>
        <html lang="sv">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{pageTitle}}</title>
        <style>
        {{{css}}}
        </style>
        </head>
        <body>
        <p class="stamp" id="utgava">{{stamp}}</p>
        <header>
        <h1>{{title}}</h1>
        <p class="subtitle">{{subtitle}}</p>
        <dl class="facts">
        {{#facts}}
        <div class="fact{{#warn}} warn{{/warn}}"><dt>{{term}}</dt><dd>{{value}}</dd></div>
        {{/facts}}
        </dl>
        <nav aria-label="Innehåll">
        <ul>
        <li><a href="#konflikter">Konflikter i planen</a></li>
        <li><a href="#arshjul">Årshjul</a></li>
        <li><a href="#manad-for-manad">Månad för månad</a></li>
        <li><a href="#belastning">Belastning per vecka</a></li>
        <li><a href="#mal">Mål per tertial</a></li>
        <li><a href="#avvikelser">Avvikelser sedan fastställelsen</a></li>
        </ul>
        </nav>
        <section id="konflikter" aria-labelledby="konflikter-rubrik">
        <h2 id="konflikter-rubrik">Konflikter i planen</h2>
        {{#hasConflicts}}
        <p>{{conflictSummary}}</p>
        <ul class="conflicts">
        {{#conflicts}}
        <li><strong class="sev-{{code}}">{{severity}}:</strong> {{message}} <span class="code">[{{kind}}]</span></li>
        {{/conflicts}}
        </ul>
        {{/hasConflicts}}
        {{^conflicts}}
        <p>Inga konflikter: alla aktiviteter ligger på arbetsdagar, inga beroenden bryts och ingen målgrupp, kanal eller ansvarig är överbelastad.</p>
        {{/conflicts}}
        </section>
        </header>
        <main>
        <section id="arshjul" class="wheel-page" aria-labelledby="arshjul-rubrik">
        <p class="stamp-print">{{stamp}}</p>
        <h2 id="arshjul-rubrik">Årshjul {{year}}</h2>
        <p class="wheel-help">{{wheelHelp}}</p>
        <figure>
        {{{wheel}}}
        <figcaption>{{wheelCaption}}</figcaption>
        </figure>
        </section>

        <section id="manad-for-manad" class="list" aria-labelledby="manad-rubrik">
        <p class="stamp-print">{{stamp}}</p>
        <h2 id="manad-rubrik">Månad för månad</h2>
        <p>{{listIntro}}</p>
        {{{monthTables}}}
        {{^hasMonths}}<p>Inga tillfällen i perioden.</p>{{/hasMonths}}
        </section>

        <section id="belastning" class="list" aria-labelledby="belastning-rubrik">
        <p class="stamp-print">{{stamp}}</p>
        <h2 id="belastning-rubrik">Belastning per vecka</h2>
        <p>Antal tillfällen per ISO-vecka (räknat den dag tillfället börjar; inställda räknas inte). En ruta med <strong>!</strong> och tjock ram har fler än planens max per vecka; mörkare ruta betyder fler tillfällen.</p>
        {{{heatmapTables}}}
        </section>

        <section id="mal" class="list" aria-labelledby="mal-rubrik">
        <p class="stamp-print">{{stamp}}</p>
        <h2 id="mal-rubrik">Mål per tertial</h2>
        <p>Vilka aktiviteter som tjänar varje mål i planen, och hur många tillfällen per tertial (T1 januari–april, T2 maj–augusti, T3 september–december; inställda räknas inte).</p>
        {{#hasGoals}}
        <table class="goals">
        <thead><tr class="stamp-row"><td colspan="6">{{stamp}}</td></tr><tr><th scope="col">Mål</th><th scope="col">T1</th><th scope="col">T2</th><th scope="col">T3</th><th scope="col">Totalt</th><th scope="col">Aktiviteter</th></tr></thead>
        <tbody>
        {{#goals}}
        <tr{{#empty}} class="missing"{{/empty}}><th scope="row">{{name}}{{#empty}} <span class="flag">Ingen aktivitet</span>{{/empty}}</th><td>{{t1}}</td><td>{{t2}}</td><td>{{t3}}</td><td>{{total}}</td><td>{{activities}}</td></tr>
        {{/goals}}
        </tbody>
        </table>
        {{/hasGoals}}
        {{^goals}}<p>Planen anger inga mål.</p>{{/goals}}
        {{#unreached}}
        <p class="callout"><strong>Målgrupper som ingen aktivitet når:</strong> {{unreached}}.</p>
        {{/unreached}}
        {{^unreached}}<p>Varje målgrupp i planen nås av minst en aktivitet.</p>{{/unreached}}
        </section>

        <section id="avvikelser" class="list" aria-labelledby="avvikelser-rubrik">
        <p class="stamp-print">{{stamp}}</p>
        <h2 id="avvikelser-rubrik">Avvikelser sedan fastställelsen</h2>
        <p>{{deviationIntro}}</p>
        {{#hasDeviations}}
        <table class="deviations">
        <thead><tr class="stamp-row"><td colspan="5">{{stamp}}</td></tr><tr><th scope="col">Aktivitet</th><th scope="col">Avvikelse</th><th scope="col">Fastställt</th><th scope="col">Nu</th><th scope="col">Orsak (journalpost, vem, skäl)</th></tr></thead>
        <tbody>
        {{#deviations}}
        <tr><th scope="row">{{title}}</th><td>{{kinds}}</td><td>{{approved}}</td><td>{{current}}</td><td>{{cause}}</td></tr>
        {{/deviations}}
        </tbody>
        </table>
        {{/hasDeviations}}
        </section>
        </main>
        <footer>
        <p>{{footer}}</p>
        </footer>
        </body>
        </html>

        """

    /// One month of the list "Månad för månad": its heading and table, the rows rendered
    /// before in parts (`rows`). Inside a section of a row the value is `{{.}}`, the
    /// section's own: a name would first be looked for in the value (by reflection) and only
    /// then in the row.
    static let monthText = """
        <h3 id="{{anchor}}">{{name}} <span class="count">({{countText}})</span></h3>
        <table class="occurrences">
        <thead><tr class="stamp-row"><td colspan="8">{{stamp}}</td></tr><tr><th scope="col">V.</th><th scope="col">Datum</th><th scope="col">Tid</th><th scope="col">Aktivitet</th><th scope="col">Ansvarig</th><th scope="col">Målgrupper</th><th scope="col">Kanaler</th><th scope="col">Varför där</th></tr></thead>
        <tbody>
        {{{rows}}}</tbody>
        </table>
        """

    /// Rows of the list (a month's rows are rendered in parts, on two cores; see
    /// ``Builder/renderParts(_:size:twoCoresFrom:)``): runs of rows that take the same
    /// template (``RowRun``), each run rendered with its template.
    static let rows = compile("{{#runs}}{{r}}{{/runs}}")

    /// A run of rows of the list "Månad för månad", each row with the run's row template:
    /// `{{r}}` in `rows` is the run's (``RowRun/template``). The general one decides in
    /// sections whether a row has a status, a flag, a kind and a note; the plain ones, one for
    /// each combination of these, write out the sections the row has and leave out the
    /// others. A row template
    /// chosen per run and not per row spares a look-up and a template per row: the
    /// 20,000-activity bench plan's page, all of whose rows are plain, took 8.00 G
    /// instructions with the choice per row, 7.62 G per run (callgrind, 7 Dec 2026).
    ///
    /// The rows' values have one-letter names (``OccurrenceRow`` lists them): Mustache splits
    /// every name at its dots, Character by Character, some 300 instructions a letter. The
    /// 20,000-activity bench plan's page with the long names (`uid`, `audiences`, …) took
    /// 8.55 G instructions whole process, with these 8.08 G (callgrind, 7 Dec 2026).
    ///
    /// Every row has a plain template for the parts it has (a status, a flag, a kind, a note:
    /// ``RowParts``), the general template's sections written out or left out. Moved,
    /// cancelled and new rows took the general one: with the 1,000-entry journal of the
    /// 20,000-activity bench plan (14,610 deviations), `report` took 7.24 G instructions on its
    /// main thread and 3.66 G on the other (callgrind, 8 Dec 2026).
    static let row = compile(run(rowText))
    static let plainRows = RowParts.all.map { compile(run(plainRowText($0))) }

    static func run(_ rowText: String) -> String { "{{#rows}}" + rowText + "\n{{/rows}}" }

    static let rowText = """
        <tr id="{{u}}"{{#s}} class="{{.}}"{{/s}}><td class="week">{{w}}</td><td class="date">{{d}}</td><td class="time">{{t}}</td><th scope="row">{{#f}}<span class="flag">{{.}}</span> {{/f}}<span class="title">{{n}}</span>{{#k}} <span class="kind">{{.}}</span>{{/k}}{{#m}}<br><span class="note">{{.}}</span>{{/m}}</th><td>{{o}}</td><td>{{a}}</td><td>{{c}}</td><td class="why">{{y}}</td></tr>
        """

    /// ``rowText`` with each section written out when the row has its part, left out when not.
    static func plainRowText(_ parts: RowParts) -> String {
        let status = parts.contains(.status) ? #" class="{{s}}""# : ""
        let flag = parts.contains(.flag) ? #"<span class="flag">{{f}}</span> "# : ""
        let kind = parts.contains(.kind) ? #" <span class="kind">{{k}}</span>"# : ""
        let note = parts.contains(.note) ? #"<br><span class="note">{{m}}</span>"# : ""
        return """
            <tr id="{{u}}"\(status)><td class="week">{{w}}</td><td class="date">{{d}}</td><td class="time">{{t}}</td><th scope="row">\(flag)<span class="title">{{n}}</span>\(kind)\(note)</th><td>{{o}}</td><td>{{a}}</td><td>{{c}}</td><td class="why">{{y}}</td></tr>
            """
    }

    /// One month of the list by activity (very large plans): the activities whose first
    /// occurrence lies in the month, each with all its dates.
    static let activityMonthText = """
        <h3 id="{{anchor}}">{{name}} <span class="count">({{countText}})</span></h3>
        <table class="occurrences by-activity">
        <thead><tr class="stamp-row"><td colspan="7">{{stamp}}</td></tr><tr><th scope="col">Aktivitet</th><th scope="col">Antal</th><th scope="col">Tid</th><th scope="col">Datum</th><th scope="col">Ansvarig</th><th scope="col">Målgrupper</th><th scope="col">Kanaler</th></tr></thead>
        <tbody>
        {{#rows}}
        <tr id="{{anchor}}"><th scope="row"><span class="title">{{title}}</span>{{#kind}} <span class="kind">{{.}}</span>{{/kind}}</th><td class="count">{{count}}</td><td class="time">{{time}}</td><td class="dates">{{dates}}</td><td>{{owner}}</td><td>{{audiences}}</td><td>{{channels}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        """

    /// The load of target groups or channels per ISO week (rendered in parallel with the rest).
    static let heatmapText = """
        <h3>{{heading}}</h3>
        {{#halves}}
        <table class="heat">
        <caption>{{caption}}</caption>
        <thead><tr><th scope="col">{{subject}}</th>{{#weeks}}<th scope="col" class="wk"><abbr title="vecka {{label}}">{{label}}</abbr></th>{{/weeks}}</tr></thead>
        <tbody>
        {{#rows}}
        <tr><th scope="row">{{name}}{{#max}} <span class="max">(max {{max}})</span>{{/max}}</th>{{#cells}}{{c}}{{/cells}}</tr>
        {{/rows}}
        </tbody>
        </table>
        {{/halves}}
        {{#overloaded}}
        <p class="callout"><strong>Över max per vecka:</strong> {{overloaded}}.</p>
        {{/overloaded}}
        """

    /// A cell of the load tables (``HeatCell``): `{{c}}` in `heatmapText` is the cell's own
    /// template, the general one or one of the plain ones.
    static let cell = compile(#"<td class="h{{l}}{{#o}} over{{/o}}"{{#t}} title="{{t}}"{{/t}}>{{x}}</td>"#)
    static let emptyCell = compile(#"<td class="h0"></td>"#)
    static let countedCell = compile(#"<td class="h{{l}}" title="{{t}}">{{x}}</td>"#)
    static let overCell = compile(#"<td class="h{{l}} over" title="{{t}}">{{x}}</td>"#)

    static let wheelText = """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {{width}} {{height}}" class="arshjul" role="img" aria-labelledby="arshjul-titel arshjul-beskrivning" font-family="DejaVu Sans, Verdana, Arial, sans-serif">
        <title id="arshjul-titel">{{title}}</title>
        <desc id="arshjul-beskrivning">{{description}}</desc>
        <defs>
        <pattern id="ledig-dag" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#e4e4e4"/><line x1="0" y1="0" x2="0" y2="6" stroke="#9a9a9a" stroke-width="2"/></pattern>
        </defs>
        <rect width="{{width}}" height="{{height}}" fill="#ffffff"/>
        <g class="month-sectors">
        {{#months}}<path d="{{sector}}" fill="{{fill}}"/>
        {{/months}}</g>
        <g class="days-off">
        {{#daysOff}}<path d="{{d}}" fill="url(#ledig-dag)" opacity="0.85"><title>{{label}}</title></path>
        {{/daysOff}}</g>
        <g class="outside-range">
        {{#outside}}<path d="{{d}}" fill="#ffffff" opacity="0.7"/>
        {{/outside}}</g>
        <g class="rings" fill="none" stroke="#b0b0b0" stroke-width="0.8">
        {{#ringLines}}<circle cx="{{cx}}" cy="{{cy}}" r="{{r}}"/>
        {{/ringLines}}</g>
        <g class="month-lines" stroke="#6b6b6b" stroke-width="1.2">
        {{#months}}<line x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}"/>
        {{/months}}</g>
        <g class="week-ticks" stroke="#8a8a8a" stroke-width="0.8">
        {{#weeks}}<line x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}"/>
        {{/weeks}}</g>
        <g class="week-numbers" font-size="11" fill="#333333" text-anchor="middle" dominant-baseline="central">
        {{#weeks}}{{#label}}<text x="{{lx}}" y="{{ly}}">{{label}}</text>
        {{/label}}{{/weeks}}</g>
        <g class="month-names" font-size="19" font-weight="bold" fill="#1a1a1a" text-anchor="middle" dominant-baseline="central">
        {{#months}}<text transform="translate({{lx}} {{ly}}) rotate({{rotation}})">{{name}}</text>
        {{/months}}</g>
        <g class="ring-numbers" font-size="11" font-weight="bold" fill="#1a1a1a" text-anchor="middle" dominant-baseline="central">
        {{#ringNumbers}}<text x="{{x}}" y="{{y}}">{{number}}</text>
        {{/ringNumbers}}</g>
        <g class="approved-places" fill="#ffffff" stroke-width="1.6" stroke-dasharray="2 1.5">
        {{#was}}<path d="{{d}}" stroke="{{colour}}"><title>{{label}}</title></path>
        {{/was}}</g>
        <g class="marks">
        {{#marks}}<g class="{{cls}}" data-uid="{{uid}}"><title>{{label}}</title>{{#arc}}<path d="{{arc}}" fill="{{colour}}" opacity="0.55"/>{{/arc}}<path d="{{d}}" fill="{{fill}}" stroke="{{colour}}" stroke-width="1.4"/>{{#isNew}}<path d="{{ring}}" fill="none" stroke="#000000" stroke-width="1.3"/>{{/isNew}}{{#strike}}<path d="{{strike}}" stroke="#000000" stroke-width="1.6"/>{{/strike}}</g>
        {{/marks}}</g>
        <g class="aggregates">
        {{#aggregates}}<g class="agg" data-count="{{count}}"><title>{{label}}</title><circle cx="{{cx}}" cy="{{cy}}" r="{{r}}" fill="#1f5fa8" fill-opacity="0.75" stroke="#0d2f57" stroke-width="0.6"/></g>
        {{/aggregates}}</g>
        {{#today}}<g class="today"><line x1="{{x1}}" y1="{{y1}}" x2="{{x2}}" y2="{{y2}}" stroke="#000000" stroke-width="2.2"/><circle cx="{{x2}}" cy="{{y2}}" r="4" fill="#000000"/><text x="{{tx}}" y="{{ty}}" font-size="13" font-weight="bold" text-anchor="middle" dominant-baseline="central" fill="#000000">{{label}}</text><title>{{title}}</title></g>{{/today}}
        <g class="centre" text-anchor="middle" fill="#1a1a1a">
        {{#centreLines}}<text x="{{x}}" y="{{y}}" font-size="{{size}}"{{#bold}} font-weight="bold"{{/bold}}>{{text}}</text>
        {{/centreLines}}</g>
        <g class="legend" fill="#1a1a1a" font-size="13">
        {{#legendHeadings}}<text x="{{x}}" y="{{y}}" font-size="15" font-weight="bold">{{text}}</text>
        {{/legendHeadings}}{{#legendRings}}<text x="{{x}}" y="{{y}}"><tspan font-weight="bold">{{number}}</tspan> {{name}}</text>
        {{/legendRings}}{{#legendKinds}}<path d="{{d}}" fill="{{colour}}" stroke="{{colour}}"/><text x="{{tx}}" y="{{ty}}">{{name}} ({{count}})</text>
        {{/legendKinds}}{{#legendSymbols}}<path d="{{d}}" fill="{{fill}}" stroke="{{stroke}}" stroke-width="{{strokeWidth}}"{{#dash}} stroke-dasharray="2 1.5"{{/dash}}/>{{#extra}}<path d="{{extra}}" fill="none" stroke="#000000" stroke-width="1.4"/>{{/extra}}<text x="{{tx}}" y="{{ty}}">{{text}}</text>
        {{/legendSymbols}}</g>
        </svg>
        """
}

/// HTML escaping for the templates: the same five characters as Mustache's own HTML content
/// type (`&`, `<`, `>`, `"`, `'`), found by scanning UTF-8 bytes instead of looking each
/// Character up in a dictionary, and text without any of them returned as it is. The
/// library's escaping was 15% of rendering a 20,000-activity plan's page.
struct EscapedHTML: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var text = text
        let plain = text.withUTF8 { bytes in !bytes.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) }
        if plain { return text }
        return text.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 32)
            for byte in bytes {
                switch byte {
                case 0x26: out.append(contentsOf: "&amp;".utf8)
                case 0x3C: out.append(contentsOf: "&lt;".utf8)
                case 0x3E: out.append(contentsOf: "&gt;".utf8)
                case 0x22: out.append(contentsOf: "&quot;".utf8)
                case 0x27: out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// A text value for the templates that Mustache renders (escaped) without the chain of
/// dynamic casts and `String(describing:)` a plain `String` goes through: used for the
/// values repeated per occurrence, per mark and per load cell.
struct Text: MustacheCustomRenderable {
    let renderText: String
    var isNull: Bool { false }
    init(_ text: String) { renderText = text }
}
