import Arsplan
import Foundation
import Testing

@testable import ArsplanReport

@Suite("Markdown for the minutes")
struct MarkdownEscapingTests {
    @Test(arguments: [
        ("Möte\r# Ledningen beslutade: allt", "Möte \\# Ledningen beslutade: allt"),
        ("Möte\n> citat", "Möte \\> citat"),
        ("a\u{2028}# b\u{2029}## c\u{85}d", "a \\# b \\#\\# c d"),
        ("<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("![bild](https://evil.example/p.png)", "!\\[bild\\](https://evil.example/p.png)"),
        ("<https://evil.example>", "\\<https://evil.example\\>"),
        ("a | b", "a \\| b"),
        ("`kod`", "\\`kod\\`"),
        ("**fet** _kursiv_ ~~struken~~", "\\*\\*fet\\*\\* \\_kursiv\\_ \\~\\~struken\\~\\~"),
        ("&lt;script&gt;", "\\&lt;script\\&gt;"),
        ("# rubrik", "\\# rubrik"),
        ("- punkt", "\\- punkt"),
        ("+ punkt", "\\+ punkt"),
        ("2027. Året", "2027\\. Året"),
        ("1) först", "1\\) först"),
        ("Servicenämndens sammanträde (3/11)", "Servicenämndens sammanträde (3/11)"),
        ("FL-protokoll 2026-12-10 §4", "FL-protokoll 2026-12-10 §4"),
        ("  skäl  \n", "skäl"),
        ("a\\b", "a\\\\b"),
        ("ESC\u{1B}[31m röd", "ESC\\[31m röd"),
    ])
    func inline(input: String, expected: String) {
        #expect(MarkdownText.inline(input) == expected)
        #expect(MarkdownText.inlineByScalars(input) == expected)
    }

    /// Text handed back as it is must be what escaping scalar by scalar gives: every ASCII
    /// character and a few others, alone, after a letter, a space or digits, and at either end.
    @Test func inertTextIsWhatEscapingGives() {
        let scalars =
            (0x00...0x7F).map { String(Unicode.Scalar($0)!) } + [
                "å", "é", "§", "–", "→", "—", "\u{85}", "\u{A0}", "\u{2028}", "\u{202E}", "\u{2067}",
            ]
        var texts = ["", " ", "a", "tis 23 mar 17:00–19:00 (inställd), Anna Berg", "Servicenämndens sammanträde (3/11)", "2027", "12 a"]
        for s in scalars {
            texts += [s, "a\(s)", "a \(s)", "\(s)a", " \(s)", "\(s) ", "2027\(s)", "12\(s) x", "a  \(s)", "a 1\(s)", "\(s)\(s)"]
        }
        var inert = 0
        for text in texts {
            #expect(MarkdownText.inline(text) == MarkdownText.inlineByScalars(text), "\(text.unicodeScalars.map(\.value))")
            if MarkdownText.isInert(text) {
                inert += 1
                #expect(MarkdownText.inlineByScalars(text) == text, "\(text.unicodeScalars.map(\.value))")
            }
        }
        #expect(inert > texts.count / 3)  // both ways are taken
    }

    @Test func deviationsInTheMinutesCannotBeInjected() throws {
        let title = "Möte\r# Ledningen beslutade: allt godkänt\r\n<script>alert(1)</script> [x](javascript:alert(1)) ![i](https://e/i.png) | `x`"
        let plan = hostilePlan(title: title, owner: "Anna\u{2028}## Berg")
        var replay = JournalReplay(plan: plan, entries: [])
        let context = ChangeContext(at: Timestamp(iso: "2027-03-01T10:00:00Z")!, by: "FL\r> citat", reason: nil, planHash: nil)
        var entries = [try Rescheduling.propose(.approve(ref: "[ref](javascript:x)"), on: replay, context: context).entry]
        replay = JournalReplay(plan: plan, entries: entries)
        var change = context
        change.reason = "Skäl\r# Ledningen beslutade: <img src=x onerror=alert(1)>\u{2029}- punkt"
        entries.append(
            try Rescheduling.propose(.move(activity: "namnd", occurrence: 1, day: isoDay("2027-03-30"), time: nil), on: replay, context: change).entry
        )
        replay = JournalReplay(plan: plan, entries: entries)
        let report = try #require(DeviationReport(replay: replay, planHash: nil))
        let markdown = DeviationsReport.markdown(report, replay: replay)

        for breaker in ["\r", "\u{2028}", "\u{2029}", "\u{85}", "\u{1B}"] { #expect(!markdown.contains(breaker)) }
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        // The only headings are arsplan's own: the title and one per change.
        #expect(lines.filter { $0.hasPrefix("#") }.map { $0.prefix(4) } == ["## A", "### "])
        #expect(!lines.contains { $0.hasPrefix(">") || $0.hasPrefix("-") || $0.hasPrefix("<") })
        // Every table row has exactly its four cells: no unescaped | inside.
        for row in lines where row.hasPrefix("| ") {
            #expect(row.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count == 5, "\(row)")
        }
        #expect(!markdown.contains("<script>"))
        // Every < [ ] ` is escaped: no HTML, link, image or code span can open.
        let scalars = Array(markdown.unicodeScalars)
        for (i, scalar) in scalars.enumerated() where ["<", "[", "]", "`"].contains(scalar) {
            #expect(i > 0 && scalars[i - 1] == "\\", "unescaped \(scalar) at \(i)")
        }
        #expect(!markdown.contains("x](javascript:") && !markdown.contains("[ref]("))
        #expect(!markdown.contains("![") && !markdown.contains("[x]"))
        #expect(markdown.contains("\\<script\\>alert(1)\\</script\\>"))
        #expect(markdown.contains("Skäl: Skäl \\# Ledningen beslutade: \\<img src=x onerror=alert(1)\\> - punkt."))
        #expect(markdown.contains("av FL \\> citat (\\[ref\\](javascript:x))"))
    }
}
