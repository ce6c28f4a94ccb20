import Testing

@testable import Arsplan

func day(_ text: String) -> Day { Day(iso: text)! }

struct SwedishHolidayTests {
    @Test(arguments: [
        (2024, "2024-03-31"), (2025, "2025-04-20"), (2026, "2026-04-05"), (2027, "2027-03-28"),
        (2028, "2028-04-16"), (2038, "2038-04-25"), (2285, "2285-03-22"), (1900, "1900-04-15"),
        (2008, "2008-03-23"), (2011, "2011-04-24"), (2200, "2200-04-06"),
    ])
    func easter(year: Int, expected: String) {
        #expect(SwedishHolidays.easterSunday(year: year).description == expected)
    }

    @Test func holidaysOf2027() {
        let listed = SwedishHolidays.daysOff(year: 2027).map { "\($0.day) \($0.name)" }
        #expect(
            listed == [
                "2027-01-01 Nyårsdagen", "2027-01-06 Trettondedag jul", "2027-03-26 Långfredagen",
                "2027-03-28 Påskdagen", "2027-03-29 Annandag påsk", "2027-05-01 Första maj",
                "2027-05-06 Kristi himmelsfärdsdag", "2027-05-16 Pingstdagen", "2027-06-06 Sveriges nationaldag",
                "2027-06-25 Midsommarafton", "2027-06-26 Midsommardagen", "2027-11-06 Alla helgons dag",
                "2027-12-24 Julafton", "2027-12-25 Juldagen", "2027-12-26 Annandag jul", "2027-12-31 Nyårsafton",
            ])
    }

    @Test(arguments: [
        (2024, "2024-06-21", "2024-11-02"), (2025, "2025-06-20", "2025-11-01"), (2026, "2026-06-19", "2026-10-31"),
        (2027, "2027-06-25", "2027-11-06"), (2028, "2028-06-23", "2028-11-04"), (2029, "2029-06-22", "2029-11-03"),
    ])
    func midsommarAndAllaHelgon(year: Int, midsommarafton: String, allaHelgon: String) {
        let days = SwedishHolidays.daysOff(year: year)
        let eve = days.first { $0.name == "Midsommarafton" }!
        #expect(eve.day.description == midsommarafton)
        #expect(eve.day.weekday == .friday)
        #expect(eve.kind == .deFacto)
        #expect(days.first { $0.name == "Alla helgons dag" }!.day.description == allaHelgon)
    }

    @Test func historicRules() {
        let names2004 = SwedishHolidays.daysOff(year: 2004).map(\.name)
        #expect(names2004.contains("Annandag pingst"))
        #expect(!names2004.contains("Sveriges nationaldag"))
        #expect(SwedishHolidays.daysOff(year: 2005).contains { $0.name == "Sveriges nationaldag" })
        #expect(!SwedishHolidays.daysOff(year: 1960).contains { $0.name == "Trettondedag jul" })
        #expect(SwedishHolidays.daysOff(year: 1950).contains { $0.name == "Midsommardagen" && $0.day.description == "1950-06-24" })
    }

    @Test func everyYearFrom1900To2200HasSaneHolidays() {
        for year in 1900...2200 {
            let days = SwedishHolidays.daysOff(year: year)
            let easter = SwedishHolidays.easterSunday(year: year)
            #expect(easter.weekday == .sunday)
            #expect(easter >= Day(year: year, month: 3, day: 22)! && easter <= Day(year: year, month: 4, day: 25)!)
            #expect(days.allSatisfy { $0.day.year == year })
            #expect(days.first { $0.name == "Kristi himmelsfärdsdag" }!.day.weekday == .thursday)
            #expect(days.first { $0.name == "Långfredagen" }!.day.weekday == .friday)
        }
    }
}

struct WorkingCalendarTests {
    let calendar = WorkingCalendar(
        settings: CalendarSettings(closed: [
            ClosedPeriod(from: day("2027-07-05"), to: day("2027-08-06"), name: "Sommarstängt"),
            ClosedPeriod(from: day("2027-05-07"), to: day("2027-05-07"), name: "Klämdag"),
        ]),
        years: 2026...2028)

    @Test(arguments: [
        // Across Easter: Thursday before Easter + 1 → Tuesday after annandag påsk.
        ("2027-03-25", 1, "2027-03-30"),
        ("2027-03-30", -1, "2027-03-25"),
        // Across Ascension and the bridge day.
        ("2027-05-05", 1, "2027-05-10"),
        ("2027-05-10", -1, "2027-05-05"),
        // Midsommar: Thursday 24 June + 1 → Monday 28 June.
        ("2027-06-24", 1, "2027-06-28"),
        // Into and across the summer closure.
        ("2027-07-02", 1, "2027-08-09"),
        ("2027-08-09", -3, "2027-06-30"),
        // Year end: 30 Dec 2027 + 1 → Monday 3 Jan 2028 (nyårsafton and the weekend are off).
        ("2027-12-30", 1, "2028-01-03"),
        ("2028-01-03", -1, "2027-12-30"),
        // From a day off.
        ("2027-03-27", 1, "2027-03-30"),
        ("2027-03-27", -1, "2027-03-25"),
        ("2027-01-11", 0, "2027-01-11"),
        ("2027-01-11", 5, "2027-01-18"),
        // Beyond the table: falls back to stepping.
        ("2030-12-30", 2, "2031-01-03"),
    ])
    func addingWorkdays(from: String, n: Int, expected: String) {
        #expect(calendar.adding(workdays: n, to: day(from)).description == expected)
    }

    @Test func steppingAgreesWithTheTable() {
        let wide = WorkingCalendar(settings: calendar.settings, years: 2020...2035)
        var start = day("2026-01-01")
        while start < day("2028-12-31") {
            for n in [-7, -3, -1, 1, 2, 5, 10] {
                #expect(calendar.adding(workdays: n, to: start) == wide.adding(workdays: n, to: start))
            }
            start = start.adding(days: 5)
        }
    }

    @Test func daysOffAndReasons() {
        #expect(!calendar.isWorkingDay(day("2027-07-15")))
        #expect(calendar.reasonOff(day("2027-07-15")) == "Sommarstängt")
        #expect(calendar.reasonOff(day("2027-06-06")) == "Sveriges nationaldag")
        #expect(calendar.reasonOff(day("2027-01-09")) == "lördag")
        #expect(calendar.reasonOff(day("2027-01-11")) == nil)
        // Weekdays − holidays on weekdays − closed weekdays.
        #expect(calendar.workingDays(from: day("2027-01-01"), through: day("2027-12-31")) == 261 - 8 - 26)
        let listed = calendar.daysOff(in: 2027)
        #expect(listed.filter { $0.kind == .closed }.count == 25 + 1)
        #expect(listed.contains { $0.name == "Julafton" })
    }

    @Test func noHolidays() {
        let plain = WorkingCalendar(settings: CalendarSettings(holidays: .none), years: 2027...2027)
        #expect(plain.isWorkingDay(day("2027-12-24")))
        #expect(!plain.isWorkingDay(day("2027-12-25")))  // a Saturday
    }
}
