/// The year overview's style sheet: readable on screen, and in print the wheel alone on an
/// A3 landscape page and the lists on A4 portrait, each section on a new page, no row cut
/// in two. Colours meet WCAG AA (text at least 4.5:1); meaning is never in colour alone.
enum YearOverviewStyle {
    static let css = """
        :root { color-scheme: light; }
        body { font-family: "DejaVu Sans", Verdana, system-ui, sans-serif; line-height: 1.45; color: #1a1a1a; background: #ffffff; margin: 0 auto; padding: 1rem 1.5rem; max-width: 80rem; font-size: 15px; }
        h1 { font-size: 1.7rem; margin: 0.4rem 0 0.2rem; }
        h2 { font-size: 1.35rem; margin: 1.6rem 0 0.5rem; border-bottom: 2px solid #1f5fa8; padding-bottom: 0.2rem; }
        h3 { font-size: 1.1rem; margin: 1.2rem 0 0.4rem; }
        a { color: #0b4fa0; }
        a:focus { outline: 3px solid #f2a900; }
        .stamp, .stamp-print { font-size: 0.85rem; color: #3d3d3d; margin: 0; }
        .stamp-print, .stamp-row { display: none; }
        .subtitle { margin: 0 0 0.8rem; color: #3d3d3d; }
        .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr)); gap: 0.5rem; margin: 0.5rem 0 1rem; }
        .fact { border: 1px solid #8a8a8a; border-left: 6px solid #1f5fa8; padding: 0.4rem 0.6rem; }
        .fact.warn { border-left: 6px solid #a33a00; }
        .fact dt { font-weight: bold; }
        .fact dd { margin: 0; }
        nav ul { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; padding: 0; list-style: none; }
        .conflicts li { margin-bottom: 0.3rem; }
        .sev-error { color: #a31515; }
        .sev-warning { color: #8a3b00; }
        .code { color: #4a4a4a; font-size: 0.85em; }
        figure { margin: 0; }
        svg.arshjul { width: 100%; height: auto; display: block; }
        figcaption, .wheel-help { font-size: 0.9rem; color: #333333; }
        table { border-collapse: collapse; width: 100%; margin: 0.3rem 0 1rem; font-size: 0.85rem; }
        caption { text-align: left; font-weight: bold; padding: 0.3rem 0; }
        th, td { border: 1px solid #9a9a9a; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
        thead th { background: #e8edf3; }
        tbody th { font-weight: normal; }
        .occurrences .title { font-weight: bold; }
        .occurrences .week, .occurrences .date, .occurrences .time { white-space: nowrap; }
        .kind { font-size: 0.8em; color: #4a4a4a; }
        .note { font-size: 0.85em; color: #3d3d3d; }
        .flag { display: inline-block; border: 1px solid #1a1a1a; border-radius: 3px; padding: 0 0.3em; font-size: 0.8em; font-weight: bold; background: #fff4d6; color: #1a1a1a; }
        tr.cancelled .title { text-decoration: line-through; }
        tr.changed { background: #fffbea; }
        .count { font-weight: normal; color: #4a4a4a; font-size: 0.9em; }
        table.heat { table-layout: fixed; font-size: 0.72rem; }
        table.heat th:first-child { width: 11rem; }
        table.heat td, table.heat th.wk { text-align: center; padding: 0.15rem 0; }
        table.heat abbr { text-decoration: none; }
        .max { color: #4a4a4a; }
        td.h0 { background: #ffffff; }
        td.h1 { background: #dbe7f5; }
        td.h2 { background: #a9c6e8; }
        td.h3 { background: #3f76b5; color: #ffffff; }
        td.h4 { background: #173f6e; color: #ffffff; }
        td.over { outline: 3px solid #a31515; outline-offset: -3px; font-weight: bold; }
        td.h0.over, td.h1.over, td.h2.over { color: #a31515; }
        .callout { border: 2px solid #a33a00; padding: 0.4rem 0.6rem; background: #fff6ee; }
        tr.missing th, tr.missing td { background: #fff0f0; }
        footer { margin-top: 2rem; font-size: 0.8rem; color: #3d3d3d; border-top: 1px solid #9a9a9a; }
        @page { size: A4 portrait; margin: 14mm 12mm 16mm; }
        @page wheel { size: A3 landscape; margin: 10mm; }
        @media print {
          body { max-width: none; padding: 0; font-size: 10pt; }
          nav { display: none; }
          a { color: inherit; text-decoration: none; }
          .wheel-page { page: wheel; break-before: page; break-after: page; }
          .wheel-page h2 { margin-top: 0; }
          .wheel-page svg.arshjul { width: 100%; height: 228mm; }
          .wheel-page .wheel-help, .wheel-page figcaption { font-size: 8pt; }
          section.list { break-before: page; }
          h2, h3 { break-after: avoid; }
          tr, .fact, .callout { break-inside: avoid; }
          thead { display: table-header-group; }
          table { font-size: 8pt; }
          table.heat { font-size: 6.5pt; }
          .stamp-print { display: block; font-size: 7.5pt; }
          .stamp-row { display: table-row; }
          .stamp-row td { border: none; font-size: 7pt; color: #3d3d3d; padding: 0 0 1mm; }
          footer { display: none; }
          tr.changed, .flag, td.h1, td.h2, td.h3, td.h4, .callout, tr.missing th, tr.missing td, thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        }
        """
}
