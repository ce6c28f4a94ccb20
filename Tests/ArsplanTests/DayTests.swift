import Testing

@testable import Arsplan

struct DayTests {
    @Test(arguments: [
        ("1970-01-01", 0, Weekday.thursday),
        ("2000-02-29", 11016, .tuesday),
        ("2027-03-28", 20905, .sunday),
        ("1900-01-01", -25567, .monday),
        ("2200-12-31", 84370, .wednesday),
    ])
    func roundTripsAndWeekday(text: String, number: Int, weekday: Weekday) throws {
        let day = try #require(Day(iso: text))
        #expect(day.dayNumber == number)
        #expect(day.description == text)
        #expect(day.weekday == weekday)
        #expect(Day(dayNumber: number) == day)
    }

    @Test(arguments: ["2027-02-29", "2027-02-30", "2027-13-01", "2027-00-10", "2027-04-31", "27-01-01", "2027-1-1", "", "2027-01-01T10:00"])
    func rejectsImpossibleDates(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func leapYears() {
        #expect(Day(iso: "2028-02-29") != nil)
        #expect(Day(iso: "2000-02-29") != nil)
        #expect(Day(iso: "2100-02-29") == nil)
        #expect(Day.isLeapYear(2400))
    }

    @Test(arguments: [("2027-01-01", 2026, 53), ("2027-01-04", 2027, 1), ("2026-12-31", 2026, 53), ("2027-12-31", 2027, 52), ("2024-12-30", 2025, 1)])
    func isoWeeks(text: String, year: Int, week: Int) throws {
        let day = try #require(Day(iso: text))
        #expect(day.isoWeek.year == year)
        #expect(day.isoWeek.week == week)
    }

    @Test func localDateTimeCarriesOverMidnight() throws {
        let start = LocalDateTime(day: try #require(Day(iso: "2027-12-31")), time: try #require(TimeOfDay(text: "22:30")))
        #expect(start.adding(minutes: 120).description == "2028-01-01T00:30")
        #expect(start.adding(minutes: -23 * 60).description == "2027-12-30T23:30")
    }

    @Test(arguments: ["24:00", "7:5", "12:60", "1200", "ab:cd"])
    func rejectsBadTimes(text: String) {
        #expect(TimeOfDay(text: text) == nil)
    }

    @Test func timestampFormatting() {
        #expect(Timestamp(secondsSince1970: 1_800_000_000).description == "2027-01-15T08:00:00Z")
        #expect(Timestamp(startOf: Day(iso: "2027-01-01")!).description == "2027-01-01T00:00:00Z")
    }

    /// Days, times and local date-times are written digit by digit; the text is what the
    /// padded interpolation wrote: every day of 1899–2201, the ends of ``Day/range``, every
    /// minute of a day.
    @Test func textsAreWhatPaddedInterpolationWrote() throws {
        func padded(_ day: Day) -> String {
            let (y, m, d) = day.civil
            return "\(Day.pad(y, 4))-\(Day.pad(m, 2))-\(Day.pad(d, 2))"
        }
        let first = try #require(Day(iso: "1899-01-01"))
        let last = try #require(Day(iso: "2201-12-31"))
        var day = first
        while day <= last {
            #expect(day.description == padded(day))
            day = day.adding(days: 1)
        }
        for end in [Day(dayNumber: Day.range.lowerBound), Day(dayNumber: Day.range.upperBound)] {
            #expect(end.description == padded(end))
        }
        #expect(Day(dayNumber: Day.range.lowerBound).description == "0000-01-01")
        #expect(Day(dayNumber: Day.range.upperBound).description == "9999-12-31")
        for minutes in 0..<1440 {
            let time = try #require(TimeOfDay(hour: minutes / 60, minute: minutes % 60))
            #expect(time.description == "\(Day.pad(time.hour, 2)):\(Day.pad(time.minute, 2))")
            #expect(LocalDateTime(day: first, time: time).description == "1899-01-01T" + time.description)
        }
    }

    /// The byte writers' one number writer gives what `String` gives, padded with zeros.
    @Test(arguments: [0, 1, 9, 10, 99, 100, 2027, 9_999, 10_000, 999_999_999, Int.max, -1, -42, Int.min])
    func decimalDigitsAsBytes(value: Int) {
        for minimum in [1, 2, 4] {
            var bytes: [UInt8] = []
            value.appendDecimal(to: &bytes, minimumDigits: minimum)
            #expect(String(decoding: bytes, as: UTF8.self) == Day.pad(value, minimum))
        }
    }
}
