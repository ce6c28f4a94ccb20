import Arsplan
import ArsplanPlanFile
import Foundation
import Testing

@testable import ArsplanReport

/// The views of `schedule`: the table within 100 columns (or `--wide`), filtered, in either
/// language; the CSV for Swedish Excel; the days off in English.
struct ScheduleViewTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// The example plan as its file writes it (the council's calendar left unread).
    static let example: Schedule = {
        let path = root.appendingPathComponent("Plans/serviceforvaltningen-2027.yaml").path
        let parsed = PlanFile.parse(try! String(contentsOfFile: path, encoding: .utf8), file: path)
        precondition(!parsed.hasErrors, "the example plan has errors")
        return Scheduler.schedule(parsed.document!.resolved { _ in [] })
    }()

    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// A plan with one very long title, a long owner name, and a title in CJK characters.
    static func schedule(title: String, owner: String = "Anna Berg") -> Schedule {
        Scheduler.schedule(
            Plan(
                id: "w", title: "Bredd", year: 2027, owners: [Owner(id: "a", name: owner), Owner(id: "b", name: "Per Wallin")],
                activities: [
                    Activity(
                        id: "lang", title: title, owner: "a", placement: .date(day("2027-03-23")), time: TimeOfDay(hour: 9, minute: 0),
                        duration: .minutes(60)),
                    Activity(id: "kort", title: "Kort", owner: "b", placement: .dates([day("2027-03-24"), day("2027-03-31")])),
                ]))
    }

    static func rows(_ table: String) -> [Substring] {
        table.split(separator: "\n").filter { $0.hasPrefix("  ") }
    }

    @Test func theExamplePlanFitsHundredColumnsWithTheOwnersAligned() {
        let table = ScheduleTable.render(Self.example)
        let rows = Self.rows(table)
        #expect(rows.count == Self.example.occurrences.count)
        #expect(rows.allSatisfy { TerminalText.width(String($0)) <= 100 }, "\(rows.map { TerminalText.width(String($0)) }.max()!)")
        // Every owner starts in the same column.
        let starts = Set(
            rows.compactMap { row -> Int? in
                guard let range = row.range(of: "  Karin Ljungberg") else { return nil }
                return TerminalText.width(String(row[..<range.upperBound])) - "Karin Ljungberg".count
            })
        #expect(starts.count == 1)
        #expect(table.contains("…"))
        // Week numbers: 5 January 2027 is in week 1, 1 February in week 5.
        #expect(table.contains("  v. 1   tis 5 jan "))
        #expect(table.contains("  v. 5   mån 1 feb–fre 12 feb "))
    }

    @Test func wideShortensNothing() {
        let wide = ScheduleTable.render(Self.example, width: nil)
        #expect(!wide.contains("…"))
        #expect(wide.contains("Verksamhetsberättelse 2026 – ärendet klart till nämndens handlingar  "))
        #expect(wide.contains("Redaktionsgruppen för intranätet"))
        #expect(Self.rows(wide).contains { TerminalText.width(String($0)) > 100 })
    }

    @Test func aVeryLongTitleIsShortenedKeepingItsNumberAndTheOwnerColumn() {
        let title = String(repeating: "Lång titel med åäö ", count: 12) + "slut"
        let table = ScheduleTable.render(Self.schedule(title: title))
        let rows = Self.rows(table)
        #expect(rows.allSatisfy { TerminalText.width(String($0)) <= 100 })
        let long = try! #require(rows.first { $0.contains("Lång titel") })
        #expect(TerminalText.width(String(long)) == 100 || long.hasSuffix("Anna Berg"))
        #expect(long.contains("…  Anna Berg"))
        #expect(!long.contains("slut"))
        let short = try! #require(rows.first { $0.contains("Kort (1/2)") })
        let owner = { (row: Substring, name: String) in TerminalText.width(String(row[..<row.range(of: name)!.lowerBound])) }
        #expect(owner(long, "Anna Berg") == owner(short, "Per Wallin"))

        let wide = ScheduleTable.render(Self.schedule(title: title), width: nil)
        #expect(wide.contains(title + "  Anna Berg"))
    }

    @Test func widthIsCountedInColumnsNotBytes() {
        #expect(TerminalText.width("Ämnesspecifik enkät") == 19)
        #expect(TerminalText.width("e\u{301}") == 1)
        #expect(TerminalText.width("年度計画") == 8)
        #expect(TerminalText.width("🎉") == 2)
        #expect(TerminalText.truncated("Ämnesspecifik enkät", to: 10) == "Ämnesspec…")
        #expect(TerminalText.truncated("年度計画", to: 5) == "年度…")
        #expect(TerminalText.truncated("kort", to: 10) == "kort")
        // A CJK title is shortened to the same width as a Latin one: the owners stay aligned.
        let table = ScheduleTable.render(Self.schedule(title: String(repeating: "年度計画", count: 20)))
        let rows = Self.rows(table)
        let columns = rows.map { row in TerminalText.width(String(row[..<row.range(of: "  ", options: .backwards)!.upperBound])) }
        #expect(Set(columns).count == 1, "\(rows)")
        #expect(rows.allSatisfy { TerminalText.width(String($0)) <= 100 })
    }

    /// The fast path (a scalar a column) and the Character-by-Character path agree on every
    /// title and name of the example plan, and on text the fast path hands over.
    @Test func bothWidthPathsAgree() {
        let plan = Self.example.plan
        let texts =
            plan.activities.map(\.title) + plan.owners.map(\.name) + plan.audiences.map(\.name) + plan.channels.map(\.name)
            + ["Möte – “citat” … ’", "e\u{301}a", "年度計画", "a\u{200B}b", "🎉 fest", "Ærø Ø ß þ", "\u{FFFD}x"]
        for text in texts {
            #expect(TerminalText.width(text) == TerminalText.characterWidth(text), "\(text)")
        }
    }

    /// Every scalar the fast path counts as one column is one column Character by Character,
    /// and so is a `deviations` cell with its arrow.
    @Test func everyScalarOfTheFastPathIsOneColumn() {
        let ranges: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF]
        for value in ranges.joined() where value != 0xAD {
            let text = String(Character(Unicode.Scalar(value)!))
            #expect(TerminalText.characterWidth(text) == 1, "U+\(String(value, radix: 16, uppercase: true))")
            #expect(TerminalText.width(text) == 1)
        }
        // The soft hyphen, within the ranges, is no column on its own: it goes Character by Character.
        #expect(TerminalText.width("\u{AD}") == 0)
        for text in ["tis 23 mar 17:00–19:00 (inställd), Anna Berg → —", "a ↔\u{FE0F} b", "⇄ ⇨ ↩", "av\u{AD}gift", "\u{AD}x"] {
            #expect(TerminalText.width(text) == TerminalText.characterWidth(text), "\(text)")
        }
    }

    @Test func aLongOwnerNameIsShortenedOnlyWhenTheLineIsTooLong() {
        let name = "Redaktionsgruppen för intranätet och webben"
        let short = ScheduleTable.render(Self.schedule(title: "Kort titel", owner: name))
        #expect(short.contains(name))
        let long = ScheduleTable.render(Self.schedule(title: String(repeating: "x", count: 90), owner: name))
        #expect(long.contains("  Redaktionsgrupp…"))
    }

    @Test func aFilteredTableCountsTheWholePlanAndNumbersAgainstAllOccurrences() {
        var filter = ScheduleFilter()
        filter.owners = ["chef-it"]
        filter.month = 3
        let table = ScheduleTable.render(Self.example, filter: filter)
        let rows = Self.rows(table)
        #expect(rows.count == 1)
        #expect(rows[0].contains("Nyhetsbrevet Gemensam IT (3/11)"))
        #expect(table.contains("1 av \(Self.example.occurrences.count) tillfällen visas, 57 aktiviteter"))
        #expect(!table.contains("FEBRUARI"))
        filter.month = 7
        #expect(ScheduleTable.render(Self.example, filter: filter).hasSuffix("\nInga tillfällen matchar urvalet.\n"))
    }

    @Test func theTableInEnglish() {
        let table = ScheduleTable.render(Self.example, catalogue: EnglishCatalogue())
        #expect(table.contains("\nJANUARY 2027\n"))
        #expect(table.contains("  wk 1   Tue 5 Jan "))
        #expect(table.contains("\(Self.example.occurrences.count) occurrences, 57 activities · "))
        var cancelled = Self.schedule(title: "Möte")
        cancelled.occurrences[0].status = .cancelled
        #expect(ScheduleTable.render(cancelled, catalogue: EnglishCatalogue()).contains("[CANCELLED] Möte"))
        #expect(ScheduleTable.render(cancelled).contains("[INSTÄLLD] Möte"))
    }

    @Test func excelCSVHasABOMSemicolonsAndDatesAndTimesApart() throws {
        let csv = ScheduleCSV.render(Self.schedule(title: "=HYPERLINK(\"x\")"), excel: true)
        #expect(csv.hasPrefix("\u{FEFF}uid;aktivitet;nr;titel;typ;startdatum;starttid;slutdatum;sluttid;heldag;"))
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines.count == 5 && lines.last == "")
        #expect(lines[1].hasPrefix("w-lang-1;lang;1;\"'=HYPERLINK(\"\"x\"\")\";;2027-03-23;09:00;2027-03-23;10:00;nej;Anna Berg;"))
        #expect(lines[2].hasPrefix("w-kort-1;kort;1;Kort;;2027-03-24;;2027-03-24;;ja;Per Wallin;"))
        // The separator asked for is ignored: Excel in Swedish wants ';'.
        let sample = Self.schedule(title: "a")
        #expect(ScheduleCSV.render(sample, separator: ",", excel: true) == ScheduleCSV.render(sample, excel: true))
        // Without excel: as before, no BOM.
        let plain = ScheduleCSV.render(Self.schedule(title: "a"))
        #expect(plain.hasPrefix("uid,aktivitet,nr,titel,typ,start,slut,heldag,"))
        #expect(plain.contains(",2027-03-23T09:00,2027-03-23T10:00,nej,"))
    }

    @Test func csvInEnglish() {
        let csv = ScheduleCSV.render(Self.schedule(title: "a"), excel: true, catalogue: EnglishCatalogue())
        #expect(csv.hasPrefix("\u{FEFF}uid;activity;number;title;kind;start date;start time;end date;end time;all day;owner;"))
        #expect(csv.contains(";no;Anna Berg;") && csv.contains(";yes;Per Wallin;") && csv.contains(";planned\r\n"))
    }

    /// The table as it is written (texts made once, widths measured once, padding appended)
    /// against the table as it was written row by row: the example plan whole, filtered, in
    /// English, at 100 columns and `--wide`; long, CJK and hostile titles; a cancelled meeting.
    @Test(arguments: [Optional(ScheduleTable.standardWidth), nil, 40])
    func theTableIsWhatItWasRowByRow(width: Int?) {
        var byOwner = ScheduleFilter()
        byOwner.owners = ["hr"]
        var march = ScheduleFilter()
        march.month = 3
        var cancelled = Self.example
        if let i = cancelled.occurrences.indices.first { cancelled.occurrences[i].status = .cancelled }
        let schedules = [
            Self.example, cancelled, Self.schedule(title: String(repeating: "Mycket lång rubrik ", count: 8), owner: "Anna-Karin Östlund Berg"),
            Self.schedule(title: "年度計画の会議と報告書の確認"), Self.schedule(title: "Rad\u{1B}[2Jett\r\ntvå\u{202E}tre"),
        ]
        for schedule in schedules {
            for filter in [ScheduleFilter(), byOwner, march] {
                for catalogue in [SwedishCatalogue(), EnglishCatalogue()] as [any Catalogue] {
                    #expect(
                        ScheduleTable.render(schedule, filter: filter, width: width, catalogue: catalogue)
                            == ScheduleTable.renderByRows(schedule, filter: filter, width: width, catalogue: catalogue))
                }
            }
        }
    }
}
