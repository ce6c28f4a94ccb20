import Arsplan
import ArsplanICal
import CLibical
import Foundation
import Testing

/// What reading another calendar may cost: small files the fuzzer found that took minutes, and
/// that bounding the work leaves every instance of the plan year as it was.
@Suite("Reading other calendars: bounded work")
struct CalendarImportBoundsTests {
    static func read(_ text: String, year: Int = 2027) throws -> ImportedCalendar {
        try CalendarImport.read(ics: text, file: "x.ics", year: year, timeZone: "Europe/Stockholm")
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    /// A VTIMEZONE with monthly transitions since 1601, a monthly event from 1013 to 9999 and
    /// 120 EXDATEs and a RECURRENCE-ID in 9999: libical re-expanded the zone for every time
    /// after 2037 (47.7 s in a debug build; a 5.7 KB variant took 6 min 22 s).
    @Test func farFutureTimesAreNotConvertedAndChangeNothing() throws {
        let text = try CalendarImportTests.fixture("fjarran-framtid.ics")
        let clock = ContinuousClock()
        var read: ImportedCalendar?
        let elapsed = try clock.measure { read = try Self.read(text) }
        #expect(Self.seconds(elapsed) < 5, "took \(elapsed)")
        let dates = try #require(read).dates
        // Without the far EXDATEs (none of them is near 2027) the dates and keys are the same.
        let withoutFar = text.replacingOccurrences(of: "\r\n ", with: "").split(separator: "\r\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("EXDATE") }.joined(separator: "\r\n")
        #expect(withoutFar.count < text.count - 1_000)
        #expect(try Self.read(withoutFar).dates == dates)
        // One a month, the 15th, and the override of 9999-02-15 (RECURRENCE-ID) on 16 February.
        #expect(dates.count == 13)
        #expect(dates.filter { $0.day.civil.day == 15 }.count == 12)
        #expect(dates.contains { $0.day == Day(year: 2027, month: 2, day: 16)! })
        #expect(Set(dates.compactMap(\.key)).count == dates.count)
    }

    /// `FREQ=HOURLY;BYMONTH=3;BYDAY=-1SU` from 1970: libical 3.0 never matches a BYDAY with a
    /// position in an hourly rule and walked hour by hour to the year 2582 (17 s in release).
    @Test func anHourlyRuleThatNeverMatchesStopsAtThePlanYear() throws {
        let text = try CalendarImportTests.fixture("timvis-sedan-1970.ics")
        let clock = ContinuousClock()
        var read: ImportedCalendar?
        let elapsed = try clock.measure { read = try Self.read(text) }
        #expect(Self.seconds(elapsed) < 2, "took \(elapsed)")
        #expect(read?.dates.map(CalendarImportTests.bare) == [CalendarImportTests.timed(2, 10, 17, 0, 120)])
        #expect(read?.warnings == [])
    }

    /// A VTIMEZONE whose transitions are daily from the year 1000: libical expands them up to
    /// 2037 at the first conversion (7 s; hourly ones would take minutes). Refused at its TZID.
    @Test func aTimeZoneWithTooManyTransitionsIsRefusedAtItsLine() throws {
        let text = try CalendarImportTests.fixture("tz-varje-dag.ics")
        let clock = ContinuousClock()
        var error: ICalError?
        let elapsed = clock.measure {
            error = #expect(throws: ICalError.self) { try Self.read(text) }
        }
        #expect(Self.seconds(elapsed) < 2, "took \(elapsed)")
        #expect(error == .zoneRuleTooLong(file: "x.ics", tzid: "Daglig zon", line: 5, steps: 20_000, stepsPerFile: 1_000_000))
        #expect(error?.code == .icsParseError)
        #expect(error?.description.hasPrefix("calendar file 'x.ics' line 5: time zone 'Daglig zon' has a transition rule") == true)
        // The same zone with yearly rules (as every real one has) is read.
        let yearly = text.replacingOccurrences(of: "RRULE:FREQ=DAILY;BYHOUR=12", with: "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
            .replacingOccurrences(of: "RRULE:FREQ=DAILY", with: "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        #expect(try Self.read(yearly).dates.map(CalendarImportTests.bare) == [CalendarImportTests.timed(2, 10, 17, 0, 120)])
    }

    static func event(_ rule: String, start: String, extra: String = "", uid: String = "r@example.se") -> String {
        let end = start.count == 8 ? "" : "DTEND:\(start.prefix(9))235900\r\n"
        let value = start.count == 8 ? ";VALUE=DATE" : ""
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\nBEGIN:VEVENT\r\nUID:\(uid)\r\nDTSTAMP:20260101T000000Z\r\n"
            + "SUMMARY:Regel\r\nDTSTART\(value):\(start)\r\n\(end)RRULE:\(rule)\r\n\(extra)END:VEVENT\r\nEND:VCALENDAR\r\n"
    }

    /// The rule's instances in 2027 by libical's own iterator from DTSTART, without the window,
    /// UNTIL or start that the import uses: (day, minutes since midnight or nil for a date).
    static func naive(_ rule: String, start: String) -> Set<String> {
        let recurrence = icalrecurrencetype_from_string(rule)
        let dtstart = icaltime_from_string(start)
        guard let iterator = icalrecur_iterator_new(recurrence, dtstart) else { return [] }
        defer { icalrecur_iterator_free(iterator) }
        var result: Set<String> = []
        // DTSTART is the first instance whether the rule matches it or not (RFC 5545 3.8.5.3).
        var instants = [dtstart]
        for _ in 0..<5_000_000 {
            let next = icalrecur_iterator_next(iterator)
            if icaltime_is_null_time(next) != 0 || next.year > 2027 { break }
            instants.append(next)
        }
        for next in instants where next.year == 2027 {
            let day = Day(year: 2027, month: Int(next.month), day: Int(next.day))!
            result.insert(start.count == 8 ? "\(day)" : "\(day) \(next.hour * 60 + next.minute)")
        }
        return result
    }

    static let rules = [
        "FREQ=DAILY;INTERVAL=3", "FREQ=DAILY;BYMONTH=2,3;INTERVAL=4", "FREQ=DAILY;BYDAY=MO,WE,FR", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH",
        "FREQ=WEEKLY;INTERVAL=3", "FREQ=WEEKLY;INTERVAL=2;WKST=SU;BYDAY=SU,SA", "FREQ=WEEKLY;UNTIL=20270601T000000",
        "FREQ=MONTHLY;INTERVAL=5;BYDAY=2TU", "FREQ=MONTHLY;INTERVAL=7", "FREQ=MONTHLY;BYMONTHDAY=31",
        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1", "FREQ=MONTHLY;BYMONTHDAY=-1;INTERVAL=2", "FREQ=YEARLY;INTERVAL=3",
        "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO", "FREQ=YEARLY;BYYEARDAY=100,200",
        "FREQ=HOURLY;INTERVAL=7", "FREQ=HOURLY;INTERVAL=5;BYDAY=MO;BYHOUR=9,10,11,12,13,14", "FREQ=HOURLY;INTERVAL=11;BYMONTH=4",
        "FREQ=HOURLY;BYDAY=TU;BYHOUR=9", "FREQ=HOURLY;INTERVAL=13;BYMONTH=6;BYMONTHDAY=1,15", "FREQ=WEEKLY;COUNT=3000",
        "FREQ=DAILY;COUNT=15000;INTERVAL=3", "FREQ=MONTHLY;COUNT=700;BYDAY=1MO",
    ]

    @Test(arguments: rules, ["19700108T170000", "20190329T023000", "20261231T090000", "20270505T093000"])
    func theInstancesOfThePlanYearAreThoseOfTheWholeExpansion(rule: String, start: String) throws {
        try compare(rule: rule, start: start)
    }

    /// All-day events (DTSTART a DATE), with the rules that step by days or longer.
    @Test(arguments: rules.filter { !$0.contains("HOURLY") }, ["19991231", "20270101"])
    func theDaysOfThePlanYearAreThoseOfTheWholeExpansion(rule: String, start: String) throws {
        try compare(rule: rule, start: start)
    }

    func compare(rule: String, start: String) throws {
        let expected = Self.naive(rule, start: start)
        let read: ImportedCalendar
        do {
            read = try Self.read(Self.event(rule, start: start))
        } catch let error as ICalError {
            #expect(error == .noEventsInYear(file: "x.ics", year: 2027))
            #expect(expected.isEmpty)
            return
        }
        #expect(read.warnings == [])
        let got = Set(
            read.dates.filter { $0.day.year == 2027 }.map { date in
                date.time.map { "\(date.day) \($0.minutesSinceMidnight)" } ?? "\(date.day)"
            })
        #expect(got == expected)
    }

    @Test func aRuleThatWouldTakeTooManyStepsIsCutWithAWarningNamingTheEvent() throws {
        // Every minute: a million steps from the start of 2026 to the end of 2027.
        let text = Self.event("FREQ=MINUTELY;INTERVAL=13;BYHOUR=9", start: "20190329T023000", extra: "RDATE:20270303T100000\r\n", uid: "minut@x")
        let read = try Self.read(text)
        #expect(read.dates.map(CalendarImportTests.bare) == [CalendarImportTests.timed(3, 3, 10, 0, 1_289)])
        #expect(read.warnings.count == 1)
        let warning = try #require(read.warnings.first)
        #expect(warning.cut)
        #expect(warning.line == 5)
        #expect(warning.cutEvent == CutEvent(summary: "Regel", uid: "minut@x", from: nil, year: 2027, steps: 20_000, stepsPerFile: 1_000_000))
        let english = Message.file(try #require(warning.cutEvent).text).text(in: .english)
        #expect(english.contains("'Regel'") && english.contains("'minut@x'"))
        #expect(english.hasSuffix("its instances in 2027 were not read"))
    }

    @Test func aRuleCutOnTheWayIsNamedWithTheFirstDayNotRead() throws {
        // A rule with COUNT must walk from DTSTART: 21,000 days from 1970, refused before the walk.
        let text = Self.event("FREQ=DAILY;COUNT=100000", start: "19700108T170000", uid: "dag@x")
        let refused = #expect(throws: ICalError.self) { try Self.read(text) }
        // Nothing of 2027 was read because the event was cut: the error says so, naming it.
        guard case .noEventsReadInYear("x.ics", 2027, 1, let first)? = refused else {
            Issue.record("unexpected \(String(describing: refused))")
            return
        }
        #expect(first.uid == "dag@x" && first.from == nil)
        #expect(refused?.code == .icsNoEventsInYear)
        #expect(refused?.description.contains("has no events in 2027 that arsplan could read") == true)
        // 4,464 instances a month: 20,000 steps last until September.
        let recent = Self.event(
            "FREQ=MONTHLY;BYMONTHDAY=\((1...31).map(String.init).joined(separator: ","));BYHOUR=\((0...23).map(String.init).joined(separator: ","));"
                + "BYMINUTE=0,10,20,30,40,50", start: "20270505T093000", uid: "tiominuter@x")
        let cut = try Self.read(recent)
        let warning = try #require(cut.warnings.first)
        let last = try #require(cut.dates.last)
        #expect(warning.cutEvent?.from == last.day.adding(days: 1))
        #expect(
            Message.file(try #require(warning.cutEvent).text).text(in: .english).hasSuffix(
                "its instances from \(last.day.adding(days: 1)) on were not read"))
        #expect(last.day.civil.month == 9)
    }

    @Test func aFileSpendsAtMostItsBudget() throws {
        // Sixty events of 18,881 steps each (13,880 days walked from 1990 to 2 January 2028, 5,001
        // calls): the file's million runs out in the 53rd, which is cut; the seven after it too.
        var text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
        for i in 0..<60 {
            text += "BEGIN:VEVENT\r\nUID:e\(i)@x\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:E\(i)\r\nDTSTART:19900101T000000\r\n"
            text += "DTEND:19900101T010000\r\nRRULE:FREQ=DAILY;COUNT=5000\r\nEND:VEVENT\r\n"
        }
        text += "BEGIN:VEVENT\r\nUID:kf@x\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20270210T170000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        let read = try Self.read(text)
        #expect(read.dates.count == 1)
        let cut = read.warnings.filter(\.cut)
        #expect(cut.count == 8)
        #expect(cut.first?.line == 5 + 8 * 52)
        #expect(cut.first?.cutEvent?.summary == "E52")
    }

    @Test func aFileWithoutACalendarSaysSo() {
        #expect(throws: ICalError.notACalendar(file: "x.ics")) { try Self.read("Hej!\r\n") }
        #expect(ICalError.notACalendar(file: "x.ics").code == .icsParseError)
    }
}
