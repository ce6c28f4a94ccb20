import Arsplan
import ArsplanReport
import Testing

@Suite("Wheel geometry")
struct WheelGeometryTests {
    static func wheel(_ year: Int, gap: Double = 8, rings: Int = 12) -> WheelGeometry {
        WheelGeometry(year: year, center: WheelPoint(x: 500, y: 500), innerRadius: 160, outerRadius: 440, ringCount: rings, gap: gap)
    }

    static func day(_ text: String) -> Day { Day(iso: text)! }

    // (year, day, degrees where the day starts): 1 January at the end of the gap, each day 352/365 (or 352/366) degrees.
    @Test(arguments: [
        (2027, "2027-01-01", 4.0),
        (2027, "2027-01-02", 4.0 + 352.0 / 365),
        (2027, "2027-07-02", 4.0 + 182 * 352.0 / 365),
        (2027, "2027-12-31", 4.0 + 364 * 352.0 / 365),
        (2027, "2028-01-01", 356.0),
        (2028, "2028-02-29", 4.0 + 59 * 352.0 / 366),
        (2028, "2028-12-31", 4.0 + 365 * 352.0 / 366),
        (2028, "2029-01-01", 356.0),
        (2026, "2025-12-31", 4.0 - 352.0 / 365),
    ])
    func angleWhereADayStarts(year: Int, day: String, degrees: Double) {
        #expect(abs(Self.wheel(year).angle(atStartOf: Self.day(day)) - degrees) < 1e-9)
    }

    @Test(arguments: [2024, 2026, 2027, 2028, 2100])
    func everyDayHasItsOwnSectorInOrderAndIsFoundAgainFromItsAngle(year: Int) {
        let wheel = Self.wheel(year)
        #expect(wheel.daysInYear == (Day.isLeapYear(year) ? 366 : 365))
        var previous = -1.0
        var day = wheel.firstDay
        while day <= wheel.lastDay {
            let middle = wheel.angle(middleOf: day)
            #expect(middle > previous)
            #expect(middle > 4 && middle < 356)
            #expect(wheel.day(at: middle) == day)
            previous = middle
            day = day.adding(days: 1)
        }
        // The gap at twelve o'clock holds no day.
        #expect(wheel.day(at: 0) == nil)
        #expect(wheel.day(at: 359) == nil)
        #expect(wheel.day(at: 2) == nil)
    }

    // (first, last, start, end, from the previous year, into the next): spans are clipped at the year's ends.
    @Test(arguments: [
        ("2027-03-01", "2027-03-01", 4.0 + 59 * 352.0 / 365, 4.0 + 60 * 352.0 / 365, false, false),
        ("2027-12-30", "2028-01-02", 4.0 + 363 * 352.0 / 365, 356.0, false, true),
        ("2026-12-28", "2027-01-03", 4.0, 4.0 + 3 * 352.0 / 365, true, false),
        ("2026-12-01", "2028-02-01", 4.0, 356.0, true, true),
    ])
    func spansAcrossTheNewYearAreCut(first: String, last: String, start: Double, end: Double, before: Bool, after: Bool) throws {
        let span = try #require(Self.wheel(2027).span(from: Self.day(first), through: Self.day(last)))
        #expect(abs(span.start - start) < 1e-9)
        #expect(abs(span.end - end) < 1e-9)
        #expect(span.continuesFromPreviousYear == before)
        #expect(span.continuesIntoNextYear == after)
    }

    @Test func spansOutsideTheYearOrBackwardsAreNotOnTheWheel() {
        let wheel = Self.wheel(2027)
        #expect(wheel.span(from: Self.day("2028-01-01"), through: Self.day("2028-01-05")) == nil)
        #expect(wheel.span(from: Self.day("2026-12-01"), through: Self.day("2026-12-31")) == nil)
        #expect(wheel.span(from: Self.day("2027-05-02"), through: Self.day("2027-05-01")) == nil)
    }

    // (year, weeks on its wheel, first week, days of it in the year, last week, days of it in the year)
    @Test(arguments: [
        (2026, 53, "2026-W1", 4, "2026-W53", 4),  // 2026 has 53 ISO weeks; 1 January is a Thursday
        (2027, 53, "2026-W53", 3, "2027-W52", 5),  // 1–3 January 2027 belong to week 53 of 2026
        (2024, 53, "2024-W1", 7, "2025-W1", 2),  // a leap year starting on a Monday; 30–31 December are week 1 of 2025
        (2021, 53, "2020-W53", 3, "2021-W52", 5),
        (2028, 53, "2027-W52", 2, "2028-W52", 7),
        (2015, 53, "2015-W1", 4, "2015-W53", 4),
    ])
    func isoWeeksAreCutAtTheYearsEnds(year: Int, count: Int, first: String, firstDays: Int, last: String, lastDays: Int) {
        let weeks = WheelGeometry.weeks(of: year)
        #expect(weeks.count == count)
        func name(_ w: YearWeek) -> String { "\(w.isoYear)-W\(w.week)" }
        #expect(name(weeks.first!) == first)
        #expect(weeks.first!.first.distance(to: weeks.first!.last) + 1 == firstDays)
        #expect(name(weeks.last!) == last)
        #expect(weeks.last!.first.distance(to: weeks.last!.last) + 1 == lastDays)
        // Together they cover the year, day by day, without overlap.
        #expect(weeks.first!.first == Day(year: year, month: 1, day: 1))
        #expect(weeks.last!.last == Day(year: year, month: 12, day: 31))
        for (a, b) in zip(weeks, weeks.dropFirst()) {
            #expect(a.last.adding(days: 1) == b.first)
            #expect(b.first.weekday == .monday)
        }
    }

    @Test(arguments: [(2015, 53), (2020, 53), (2026, 53), (2027, 52), (2028, 52), (2032, 53)])
    func isoWeekCount(year: Int, weeks: Int) {
        #expect(WheelGeometry.isoWeekCount(year) == weeks)
    }

    @Test(arguments: [1, 5, 12])
    func ringsShareTheBandEquallyFromTheOutsideIn(count: Int) {
        let wheel = Self.wheel(2027, rings: count)
        #expect(wheel.ring(0).outer == 440)
        #expect(abs(wheel.ring(count - 1).inner - 160) < 1e-9)
        for i in 0..<count {
            let r = wheel.ring(i)
            #expect(abs(r.outer - r.inner - 280 / Double(count)) < 1e-9)
            if i > 0 { #expect(abs(wheel.ring(i - 1).inner - r.outer) < 1e-9) }
        }
    }

    // (angle, radius, x, y): clockwise from twelve o'clock, y downwards.
    @Test(arguments: [(0.0, 100.0, 500.0, 400.0), (90.0, 100.0, 600.0, 500.0), (180.0, 50.0, 500.0, 550.0), (270.0, 10.0, 490.0, 500.0)])
    func pointsGoClockwiseFromTwelve(angle: Double, radius: Double, x: Double, y: Double) {
        let p = Self.wheel(2027).point(angle: angle, radius: radius)
        #expect(abs(p.x - x) < 1e-9 && abs(p.y - y) < 1e-9)
    }

    @Test func sectorPathsTakeTheLargeArcOnlyPastHalfACircle() {
        let wheel = Self.wheel(2027)
        let small = wheel.sectorPath(start: 10, end: 100, inner: 100, outer: 200)
        let large = wheel.sectorPath(start: 10, end: 300, inner: 100, outer: 200)
        #expect(small.hasPrefix("M") && small.hasSuffix("Z"))
        #expect(small.contains("A200 200 0 0 1"))
        #expect(small.contains("A100 100 0 0 0"))
        #expect(large.contains("A200 200 0 1 1"))
        #expect(wheel.sectorPath(start: 0, end: 360, inner: 100, outer: 200).components(separatedBy: "A").count == 5)
    }

    @Test(arguments: [(0.0, "0"), (-0.04, "0"), (100.0, "100"), (1.25, "1.3"), (-3.45, "-3.5"), (12.34, "12.3"), (0.95, "1")])
    func coordinatesHaveOneDecimal(value: Double, text: String) {
        #expect(WheelGeometry.number(value) == text)
    }
}
