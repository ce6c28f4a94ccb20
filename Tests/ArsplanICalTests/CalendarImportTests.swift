import Arsplan
import ArsplanICal
import Foundation
import Testing

@Suite("Reading other calendars (dates-from)")
struct CalendarImportTests {
    static func fixture(_ name: String) throws -> String {
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/\(name)")
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The dates of a calendar without their keys (the tests of keys look at them on their own).
    static func dates(_ name: String, year: Int = 2027, timeZone: String = "Europe/Stockholm") throws -> [ImportedDate] {
        try CalendarImport.dates(fromICS: fixture(name), file: name, year: year, timeZone: timeZone).map(bare)
    }

    static func bare(_ date: ImportedDate) -> ImportedDate {
        var date = date
        date.key = nil
        return date
    }

    static func timed(_ m: Int, _ d: Int, _ h: Int, _ min: Int, _ length: Int) -> ImportedDate {
        ImportedDate(day: Day(year: 2027, month: m, day: d)!, time: TimeOfDay(hour: h, minute: min)!, length: length)
    }

    static func allDay(_ m: Int, _ d: Int, _ days: Int) -> ImportedDate {
        ImportedDate(day: Day(year: 2027, month: m, day: d)!, time: nil, length: days)
    }

    @Test func recurringSeriesIsExpandedAndConvertedToThePlanZone() throws {
        let dates = try Self.dates("namnd-2027.ics")
        #expect(
            dates == [
                Self.timed(1, 27, 17, 0, 120),
                Self.timed(3, 3, 9, 0, 120),  // RECURRENCE-ID: 24 Feb moved to 3 Mar
                Self.timed(3, 31, 17, 0, 120),  // summer time: still 17:00 local
                // 28 Apr: EXDATE
                Self.timed(5, 26, 17, 0, 120),
                Self.timed(6, 10, 17, 0, 45),  // 11:00 in New York
                Self.timed(6, 30, 17, 0, 120),
                Self.timed(8, 18, 17, 0, 120),  // RDATE
                Self.timed(9, 5, 10, 0, 30),  // floating: taken as plan time
                Self.timed(9, 29, 17, 0, 120),
                // 27 Oct: cancelled instance; 7 Jul: cancelled event
                Self.timed(11, 24, 17, 0, 120),
                Self.timed(12, 15, 16, 0, 90),  // 15:00 UTC
                Self.timed(12, 29, 17, 0, 120),
            ])
    }

    @Test func theSameFileInAnotherZone() throws {
        let dates = try Self.dates("namnd-2027.ics", timeZone: "America/New_York")
        #expect(dates.first == Self.timed(1, 27, 11, 0, 120))
        #expect(dates.contains(Self.timed(6, 10, 11, 0, 45)))
        #expect(dates.contains(Self.timed(12, 15, 10, 0, 90)))
    }

    @Test func allDayEventsStayAllDay() throws {
        let dates = try Self.dates("heldag-2027.ics")
        #expect(
            dates == [
                Self.allDay(1, 1, 1),  // yearly since 2025
                Self.allDay(1, 4, 1),  // weekly; 11 Jan excluded
                Self.allDay(1, 18, 1),
                Self.allDay(1, 25, 1),
                Self.allDay(7, 5, 5),  // exclusive DTEND 10 Jul: five days
                Self.allDay(12, 31, 1),
            ])
    }

    @Test func aFileLibicalCannotParseIsAnErrorNamingTheFile() throws {
        let error = #expect(throws: ICalError.self) {
            try CalendarImport.dates(
                fromICS: Self.fixture("trasig.ics"), file: "kalendrar/trasig.ics", year: 2027, timeZone: "Europe/Stockholm")
        }
        guard case .unparsableCalendar(let file, let problems) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(file == "kalendrar/trasig.ics")
        #expect(!problems.isEmpty)
        #expect(error?.description.hasPrefix("calendar file 'kalendrar/trasig.ics' is not valid iCalendar:") == true)
        #expect(error?.code == .icsParseError)
    }

    @Test(arguments: ["", "hej hopp", "BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD\r\n"])
    func textThatIsNotACalendarIsAnError(text: String) {
        let error = #expect(throws: ICalError.self) {
            _ = try CalendarImport.dates(fromICS: text, file: "x.ics", year: 2027, timeZone: "Europe/Stockholm")
        }
        #expect(error == .notACalendar(file: "x.ics"))
        #expect(error?.code == .icsParseError)
    }

    @Test func noEventsInThePlanYearIsAnError() throws {
        #expect(throws: ICalError.noEventsInYear(file: "annat-ar.ics", year: 2027)) {
            _ = try CalendarImport.dates(
                fromICS: Self.fixture("annat-ar.ics"), file: "annat-ar.ics", year: 2027, timeZone: "Europe/Stockholm")
        }
        #expect(ICalError.noEventsInYear(file: "annat-ar.ics", year: 2027).description == "calendar file 'annat-ar.ics' has no events in 2027")
    }

    @Test func ourOwnFeedReadsBack() throws {
        let feeds = try FeedWriter().write(TestSchedule.schedule)
        let text = String(decoding: feeds.bytes(at: 0), as: UTF8.self)
        let dates = try CalendarImport.dates(fromICS: text, file: "alla.ics", year: 2027, timeZone: "Europe/Stockholm").map(Self.bare)
        #expect(dates.count == 13)
        #expect(dates.contains(Self.timed(3, 27, 22, 0, 240)))  // 22:00 CET to 03:00 CEST is four hours
        #expect(dates.contains(Self.timed(9, 10, 22, 30, 180)))
        #expect(dates.contains(Self.allDay(9, 13, 19)))
        #expect(dates.contains(Self.allDay(12, 31, 1)))
    }

    // MARK: What real producers write

    @Test func googleCalendarWithEmptyTextValuesMultiDayAndFromTheYearBefore() throws {
        let read = try CalendarImport.read(
            ics: Self.fixture("google-2027.ics"), file: "google-2027.ics", year: 2027, timeZone: "Europe/Stockholm")
        // Empty DESCRIPTION:, LOCATION:, X-WR-CALDESC: are valid: no warning.
        #expect(read.warnings == [])
        #expect(
            read.dates.map(Self.bare) == [
                ImportedDate(day: Day(year: 2026, month: 12, day: 30)!, time: nil, length: 4),  // runs into 2027: kept
                Self.timed(1, 27, 17, 0, 120),
                Self.timed(2, 24, 17, 0, 120),
                Self.allDay(3, 15, 2),  // DTEND 17 March, exclusive: two days
                Self.timed(3, 31, 17, 0, 120),  // UNTIL 15:00 UTC is 17:00 summer time
            ])
    }

    @Test func outlookWithWindowsZoneAndItsVTimezone() throws {
        #expect(try Self.dates("outlook-2027.ics") == [Self.timed(1, 27, 18, 0, 120), Self.timed(2, 24, 18, 0, 120)])
    }

    @Test func exchangeWindowsZoneWithoutVTimezoneIsMappedByCLDR() throws {
        // "Eastern Standard Time" is America/New_York: 11:00 there is 17:00 in Stockholm, winter and summer.
        #expect(try Self.dates("exchange-utan-vtimezone-2027.ics") == [Self.timed(2, 10, 17, 0, 60), Self.timed(7, 14, 17, 0, 60)])
    }

    @Test func anUnknownZoneWithoutVTimezoneIsAnErrorNamingIt() throws {
        let error = #expect(throws: ICalError.self) {
            _ = try CalendarImport.read(ics: Self.fixture("okand-zon.ics"), file: "okand-zon.ics", year: 2027, timeZone: "Europe/Stockholm")
        }
        #expect(error == .unknownEventTimeZone(file: "okand-zon.ics", tzid: "Mitteleuropäische Zeit", line: 8))
        #expect(error?.code == .icsUnknownTimeZone)
        #expect(error?.description.contains("'Mitteleuropäische Zeit'") == true)
    }

    @Test func appleCalendar() throws {
        #expect(try Self.dates("apple-2027.ics") == [Self.timed(3, 18, 13, 0, 180), Self.allDay(9, 22, 2)])
    }

    @Test func pythonIcalendarWithIANAZoneWithoutVTimezoneAndDuration() throws {
        // Written by python icalendar 6.3 (see the fixture): TZID=Europe/Stockholm and no VTIMEZONE, DURATION:P2D.
        let read = try CalendarImport.read(
            ics: Self.fixture("python-icalendar-2027.ics"), file: "p.ics", year: 2027, timeZone: "America/New_York")
        #expect(read.warnings == [])
        #expect(read.dates.map(Self.bare) == [Self.timed(4, 14, 2, 0, 90), Self.allDay(10, 11, 2)])
    }

    @Test func taskJugglerIcalreport() throws {
        // tj3 3.7.1's icalreport of taskjuggler-2027.tjp: VTODOs (not read) and VEVENTs in UTC, over several days.
        #expect(try Self.dates("taskjuggler-2027.ics") == [Self.timed(2, 1, 9, 0, 32 * 60), Self.timed(2, 3, 9, 0, (6 * 24 + 8) * 60)])
    }

    @Test func libicalWarningsAreReportedWithTheirLine() throws {
        let read = try CalendarImport.read(ics: Self.fixture("varning-2027.ics"), file: "v.ics", year: 2027, timeZone: "Europe/Stockholm")
        #expect(read.dates.map(Self.bare) == [Self.timed(2, 10, 11, 0, 60)])
        #expect(read.warnings.map(\.line) == [6])
        #expect(read.warnings.first?.message.contains("DTSTAMP") == true)
    }

    @Test func aProblemWithAnEventsDatesIsAnErrorWithItsLine() throws {
        let error = #expect(throws: ICalError.self) {
            _ = try CalendarImport.read(ics: Self.fixture("trasigt-slut.ics"), file: "t.ics", year: 2027, timeZone: "Europe/Stockholm")
        }
        guard case .unparsableCalendar(_, let problems) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(problems.count == 1)
        #expect(problems.first?.hasPrefix("line 9: ") == true)
    }

    // MARK: Keys: what the source calls each event

    @Test func keysComeFromTheSourceUIDsNotPositions() throws {
        let text = try Self.fixture("google-2027.ics")
        let before = try CalendarImport.dates(fromICS: text, file: "g.ics", year: 2027, timeZone: "Europe/Stockholm")
        #expect(Set(before.compactMap(\.key)).count == before.count)
        #expect(before.allSatisfy { $0.key?.count == 10 && $0.key!.allSatisfy(\.isHexDigit) })
        // A meeting added early in the year: every other date keeps its key.
        let added =
            "BEGIN:VEVENT\r\nUID:extra@google.com\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Extra\r\n"
            + "DTSTART;TZID=Europe/Stockholm:20270112T170000\r\nDTEND;TZID=Europe/Stockholm:20270112T190000\r\nEND:VEVENT\r\n"
        let after = try CalendarImport.dates(
            fromICS: text.replacingOccurrences(of: "END:VCALENDAR", with: added + "END:VCALENDAR"), file: "g.ics", year: 2027,
            timeZone: "Europe/Stockholm")
        #expect(after.count == before.count + 1)
        #expect(Set(before.compactMap(\.key)).isSubset(of: Set(after.compactMap(\.key))))
        // A moved instance (RECURRENCE-ID) keeps the key of the instance it replaces.
        let moved =
            "BEGIN:VEVENT\r\nUID:4r1vq0g2m5h8k3n6p9s2t5w8z1@google.com\r\nRECURRENCE-ID;TZID=Europe/Stockholm:20270224T170000\r\n"
            + "DTSTAMP:20261201T000000Z\r\nSUMMARY:Flyttat\r\nDTSTART;TZID=Europe/Stockholm:20270303T090000\r\n"
            + "DTEND;TZID=Europe/Stockholm:20270303T110000\r\nEND:VEVENT\r\n"
        let afterMove = try CalendarImport.dates(
            fromICS: text.replacingOccurrences(of: "END:VCALENDAR", with: moved + "END:VCALENDAR"), file: "g.ics", year: 2027,
            timeZone: "Europe/Stockholm")
        let february = try #require(before.first { $0.day == Day(year: 2027, month: 2, day: 24)! })
        #expect(afterMove.first { $0.day == Day(year: 2027, month: 3, day: 3)! }?.key == february.key)
        #expect(Set(afterMove.compactMap(\.key)) == Set(before.compactMap(\.key)))
    }

    @Test func importedOccurrencesAndTheirDependantsAreNamedByKey() throws {
        func schedule(_ dates: [ImportedDate]) -> Schedule {
            Scheduler.schedule(
                Plan(
                    id: "p", title: "P", year: 2027,
                    activities: [
                        Activity(id: "kf", title: "KF", placement: .imported(source: "kf.ics", dates: dates)),
                        Activity(
                            id: "protokoll", title: "Protokoll",
                            placement: .relative(after: [DependencyOffset(reference: ActivityReference(activity: "kf"), amount: 3)], before: nil),
                            forEach: "kf"),
                    ]))
        }
        let a = ImportedDate(day: Day(year: 2027, month: 2, day: 10)!, time: nil, length: 2, key: "aaaa")
        let b = ImportedDate(day: Day(year: 2027, month: 3, day: 10)!, time: nil, length: 1, key: "bbbb")
        let new = ImportedDate(day: Day(year: 2027, month: 1, day: 20)!, time: nil, length: 1, key: "cccc")
        let before = schedule([a, b])
        let after = schedule([new, a, b])
        func uids(_ s: Schedule) -> [String: OccurrenceTiming] { Dictionary(uniqueKeysWithValues: s.occurrences.map { ($0.uid, $0.timing) }) }
        #expect(Set(uids(before).keys) == ["p-kf-aaaa", "p-kf-bbbb", "p-protokoll-aaaa", "p-protokoll-bbbb"])
        // Adding a meeting adds it and its own dependant; nothing else changes.
        var expected = uids(before)
        for (uid, timing) in uids(after) where uid.hasSuffix("cccc") { expected[uid] = timing }
        #expect(uids(after) == expected)
        // The two-day meeting keeps its span.
        let d = Day(year: 2027, month: 2, day: 10)!
        #expect(uids(before)["p-kf-aaaa"] == .allDay(first: d, last: d.adding(days: 1)))
        #expect(before.conflicts.isEmpty)
    }
}
