import Arsplan
import Foundation
import Testing

@testable import ArsplanReport

@Suite("Terminal output")
struct TerminalEscapingTests {
    @Test func controlCharactersAreReplacedLayoutIsKept() {
        #expect(TerminalText.line("a\u{1B}[31mb\r\nc\td") == "a\u{FFFD}[31mb  c d")
        #expect(TerminalText.safe("a\u{1B}]0;x\u{07}b\nc\td\re") == "a\u{FFFD}]0;x\u{FFFD}b\nc\td\u{FFFD}e")
        #expect(TerminalText.line("\u{202E}txt.exe\u{9B}2J\u{7F}") == "\u{FFFD}txt.exe\u{FFFD}2J\u{FFFD}")
        #expect(TerminalText.line("Servicenämndens sammanträde – möte") == "Servicenämndens sammanträde – möte")
    }

    @Test func noRendererPassesAnEscapeToTheTerminal() throws {
        let plan = hostilePlan(title: "Möte\u{1B}]0;pwned\u{07}\u{1B}[2J\rFALSK", owner: "Anna\u{1B}[8m dold")
        var replay = JournalReplay(plan: plan, entries: [])
        let context = ChangeContext(at: Timestamp(iso: "2027-03-01T10:00:00Z")!, by: "Eva\u{1B}[1A", reason: "skäl\u{1B}[K", planHash: nil)
        var entries = [try Rescheduling.propose(.approve(ref: "FL\u{1B}[31m"), on: replay, context: context).entry]
        replay = JournalReplay(plan: plan, entries: entries)
        let move = try Rescheduling.propose(
            .move(activity: "namnd", occurrence: 1, day: isoDay("2027-03-30"), time: nil), on: replay, context: context)
        entries.append(move.entry)
        replay = JournalReplay(plan: plan, entries: entries)
        let report = DeviationReport(replay: replay, planHash: nil)
        let outputs = [
            ScheduleTable.render(replay.schedule), HistoryReport.table(replay, lines: [1, 2], journal: "j\u{1B}[2J.jsonl"),
            DeviationsReport.table(report, replay: replay), StatusReport.render(replay, deviations: report, journal: "j", journalExists: true),
            ChangeReport.render(move), ChangeReport.refusals([.dayOff(isoDay("2027-03-27"), reason: "Helg\u{1B}[2J")], in: plan),
        ]
        for output in outputs {
            #expect(!output.unicodeScalars.contains { TerminalText.isControl($0) && $0 != "\n" && $0 != "\t" }, "\(output.debugDescription)")
        }
        #expect(outputs[0].contains("Möte\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}[2J FALSK"))
    }
}
