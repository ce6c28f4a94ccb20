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

    static func timed(_ m: Int, _ d: Int, _ h: Int, _ min: Int, _ length: Int) -> ImportedDate {
        ImportedDate(day: Day(year: 2027, month: m, day: d)!, time: TimeOfDay(hour: h, minute: min)!, length: length)
    }

    static func allDay(_ m: Int, _ d: Int, _ days: Int) -> ImportedDate {
        ImportedDate(day: Day(year: 2027, month: m, day: d)!, time: nil, length: days)
    }

    @Test func recurringSeriesIsExpandedAndConvertedToThePlanZone() throws {
        let dates = try CalendarImport.dates(
            fromICS: Self.fixture("namnd-2027.ics"), file: "kalendrar/namnd-2027.ics", year: 2027,
            timeZone: "Europe/Stockholm")
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
        let dates = try CalendarImport.dates(
            fromICS: Self.fixture("namnd-2027.ics"), file: "namnd-2027.ics", year: 2027, timeZone: "America/New_York")
        #expect(dates.first == Self.timed(1, 27, 11, 0, 120))
        #expect(dates.contains(Self.timed(6, 10, 11, 0, 45)))
        #expect(dates.contains(Self.timed(12, 15, 10, 0, 90)))
    }

    @Test func allDayEventsStayAllDay() throws {
        let dates = try CalendarImport.dates(
            fromICS: Self.fixture("heldag-2027.ics"), file: "heldag-2027.ics", year: 2027, timeZone: "Europe/Stockholm")
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
        #expect(error?.description.hasPrefix("Calendar file 'kalendrar/trasig.ics' is not valid iCalendar:") == true)
        #expect(error?.code == .icsParseError)
    }

    @Test(arguments: ["", "hej hopp", "BEGIN:VCARD\r\nFN:Anna\r\nEND:VCARD\r\n"])
    func textThatIsNotACalendarIsAnError(text: String) {
        let error = #expect(throws: ICalError.self) {
            _ = try CalendarImport.dates(fromICS: text, file: "x.ics", year: 2027, timeZone: "Europe/Stockholm")
        }
        guard case .unparsableCalendar(file: "x.ics", _) = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
    }

    @Test func noEventsInThePlanYearIsAnError() throws {
        #expect(throws: ICalError.noEventsInYear(file: "annat-ar.ics", year: 2027)) {
            _ = try CalendarImport.dates(
                fromICS: Self.fixture("annat-ar.ics"), file: "annat-ar.ics", year: 2027, timeZone: "Europe/Stockholm")
        }
        #expect(ICalError.noEventsInYear(file: "annat-ar.ics", year: 2027).description == "Calendar file 'annat-ar.ics' has no events in 2027.")
    }

    @Test func ourOwnFeedReadsBack() throws {
        let feeds = try FeedWriter().write(TestSchedule.schedule)
        let text = String(decoding: feeds.bytes(at: 0), as: UTF8.self)
        let dates = try CalendarImport.dates(fromICS: text, file: "alla.ics", year: 2027, timeZone: "Europe/Stockholm")
        #expect(dates.count == 13)
        #expect(dates.contains(Self.timed(3, 27, 22, 0, 240)))  // 22:00 CET to 03:00 CEST is four hours
        #expect(dates.contains(Self.timed(9, 10, 22, 30, 180)))
        #expect(dates.contains(Self.allDay(9, 13, 19)))
        #expect(dates.contains(Self.allDay(12, 31, 1)))
    }
}
