import Arsplan
import Foundation
import Testing

@testable import ArsplanReport

private func day(_ text: String) -> Day { Day(iso: text)! }

/// A small scheduled plan with a timed, an all-day, a multi-day and a cancelled occurrence.
private func sampleSchedule() -> Schedule {
    var board = Activity(
        id: "namnd", title: "Servicenämndens sammanträde", kind: "namndmote", owner: "chef", audiences: ["namnden"],
        channels: ["mote"], placement: .dates([day("2027-01-27"), day("2027-02-24")]), time: TimeOfDay(hour: 17, minute: 0),
        duration: .minutes(120))
    board.overrides = [2: OccurrenceOverride(status: .cancelled, sequence: 1)]
    let plan = Plan(
        id: "sf-2027", title: "Kommunikationsplan Serviceförvaltningen 2027", year: 2027,
        owners: [Owner(id: "chef", name: "Eva Lind, förvaltningschef")],
        audiences: [Audience(id: "namnden", name: "Nämnden")], channels: [Channel(id: "mote", name: "Möte \"stora salen\"")],
        units: [Unit(id: "kc", name: "Kontaktcenter Stockholm")], goals: [Goal(id: "aktiv", name: "Aktiv")],
        activities: [
            board,
            Activity(
                id: "enkat", title: "Medarbetarenkät", kind: "enkat", unit: "kc", goals: ["aktiv"], placement: .date(day("2027-01-11")),
                duration: .weeks(2)),
        ])
    return Scheduler.schedule(plan)
}

struct ScheduleRenderingTests {
    @Test func jsonFollowsTheContract() throws {
        let text = ScheduleJSON.render(sampleSchedule())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let plan = try #require(object["plan"] as? [String: Any])
        #expect(plan["id"] as? String == "sf-2027")
        #expect(plan["timezone"] as? String == "Europe/Stockholm")
        let occurrences = try #require(object["occurrences"] as? [[String: Any]])
        #expect(occurrences.count == 3)
        let enkat = occurrences[0]
        #expect(enkat["uid"] as? String == "sf-2027-enkat-1")
        #expect(enkat["start"] as? String == "2027-01-11")
        #expect(enkat["end"] as? String == "2027-01-24")
        #expect(enkat["allDay"] as? Bool == true)
        #expect(enkat["owner"] is NSNull)
        #expect(enkat["unit"] as? String == "kc")
        let meeting = occurrences[1]
        #expect(meeting["start"] as? String == "2027-01-27T17:00")
        #expect(meeting["end"] as? String == "2027-01-27T19:00")
        #expect(meeting["status"] as? String == "planned")
        #expect(occurrences[2]["status"] as? String == "cancelled")
        let keys = Set(meeting.keys)
        for key in [
            "uid", "activity", "index", "title", "kind", "start", "end", "allDay", "owner", "audiences", "channels", "unit", "goals", "status",
            "pinned",
        ] {
            #expect(keys.contains(key), "missing key \(key)")
        }
        #expect(object["conflicts"] as? [Any] != nil)
        #expect(ScheduleJSON.render(sampleSchedule()) == text)
    }

    @Test func csvQuotesAndUsesCRLF() {
        let text = ScheduleCSV.render(sampleSchedule())
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "uid,aktivitet,nr,titel,typ,start,slut,heldag,ansvarig,målgrupper,kanaler,verksamhetsområde,mål,status")
        #expect(lines[2].contains("\"Eva Lind, förvaltningschef\""))
        #expect(lines[2].contains("\"Möte \"\"stora salen\"\"\""))
        #expect(lines.last == "")
        let semicolons = ScheduleCSV.render(sampleSchedule(), separator: ";")
        #expect(semicolons.components(separatedBy: "\r\n")[2].contains(";Eva Lind, förvaltningschef;"))
    }

    @Test func tableIsMonthByMonthInSwedish() {
        let text = ScheduleTable.render(sampleSchedule(), width: nil)
        #expect(text.contains("JANUARI 2027"))
        #expect(text.contains("FEBRUARI 2027"))
        #expect(text.contains("mån 11 jan–sön 24 jan"))
        #expect(text.contains("  v. 4  ons 27 jan            17:00–19:00 Servicenämndens sammanträde (1/2)"))
        #expect(text.contains("[INSTÄLLD] Servicenämndens sammanträde (2/2)"))
    }

    @Test func daysOffTableGroupsClosedPeriods() {
        let calendar = WorkingCalendar(
            settings: CalendarSettings(closed: [ClosedPeriod(from: day("2027-07-05"), to: day("2027-08-06"), name: "Sommarstängt")]),
            years: 2027...2027)
        let text = DaysOffReport.table(calendar, year: 2027)
        #expect(text.contains("mån 5 jul–fre 6 aug"))
        #expect(text.contains("(25 vardagar)"))
        #expect(text.contains("fre 25 jun"))
        #expect(text.contains("Midsommarafton"))
        #expect(text.contains("Arbetsdagar 2027: 228"))
        let json = DaysOffReport.json(calendar, year: 2027)
        #expect(json.contains("\"kind\" : \"de-facto\""))
        #expect(json.contains("\"workingDays\" : 228"))
    }

    @Test func daysOffInEnglishKeepTheHolidayNames() {
        let calendar = WorkingCalendar(
            settings: CalendarSettings(closed: [ClosedPeriod(from: day("2027-07-05"), to: day("2027-08-06"), name: "Sommarstängt")]),
            years: 2027...2027)
        let text = DaysOffReport.table(calendar, year: 2027, catalogue: EnglishCatalogue())
        #expect(text.hasPrefix("Days off 2027 (weekends not listed)\n"))
        #expect(text.contains("Mon 5 Jul–Fri 6 Aug"))
        #expect(text.contains("Sommarstängt"))
        #expect(text.contains("closed (25 weekdays)"))
        #expect(text.contains("Midsommarafton") && text.contains("day off"))
        #expect(text.hasSuffix("\nWorking days 2027: 228\n"))
        #expect(DaysOffReport.json(calendar, year: 2027, catalogue: EnglishCatalogue()).contains("\"weekday\" : \"Friday\""))
        #expect(DaysOffReport.json(calendar, year: 2027).contains("\"weekday\" : \"fredag\""))
    }
}

struct JSONWriterTests {
    /// Our writer must give exactly what Foundation's encoder gives for the same values.
    @Test func matchesJSONEncoderByteForByte() throws {
        struct Sample: Encodable {
            var b: String
            var a: [String]
            var e: [Int]
            var c: Int?
            var d: Bool
        }
        let tricky = "Citat \"här\", snedstreck \\ och / rad\nbyte\ttab \u{01} åäö 🎉"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode([Sample(b: tricky, a: ["x", tricky], e: [], c: nil, d: true)]), as: UTF8.self)
        var writer = JSONWriter()
        writer.array { json in
            json.object { json in
                json.key("a")
                json.strings(["x", tricky])
                json.key("b")
                json.string(tricky)
                json.key("c")
                json.null()
                json.key("d")
                json.bool(true)
                json.key("e")
                json.array { _ in }
            }
        }
        var ours = writer.finish()
        #expect(ours.last == "\n")
        ours.removeLast()
        // JSONEncoder leaves nil optionals out; compare with that key dropped.
        let withoutNull = ours.replacingOccurrences(of: "    \"c\" : null,\n", with: "")
        #expect(withoutNull == expected)
    }
}
