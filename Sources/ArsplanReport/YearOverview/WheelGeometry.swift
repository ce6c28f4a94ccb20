import Arsplan
import Foundation

/// A point in the wheel's SVG coordinates (y grows downwards).
public struct WheelPoint: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

/// An ISO 8601 week as far as it lies in one calendar year: week 53 of 2026 holds
/// 1–3 January 2027, so the wheel of 2027 starts with it.
public struct YearWeek: Hashable, Sendable {
    /// The ISO week-numbering year (2026 for 1 January 2027).
    public var isoYear: Int
    public var week: Int
    /// The week's first and last day inside the calendar year.
    public var first: Day
    public var last: Day

    public init(isoYear: Int, week: Int, first: Day, last: Day) {
        self.isoYear = isoYear
        self.week = week
        self.first = first
        self.last = last
    }
}

/// A span of days placed on the wheel: where it starts and ends, clipped to the year.
public struct WheelSpan: Hashable, Sendable {
    /// Angles in degrees, clockwise from twelve o'clock; `start` < `end`.
    public var start: Double
    public var end: Double
    /// The span began before 1 January (it is cut at the start of the year).
    public var continuesFromPreviousYear: Bool
    /// The span goes on after 31 December (it is cut at the end of the year).
    public var continuesIntoNextYear: Bool
}

/// Where things lie on the årshjul: the year as a circle read clockwise from twelve
/// o'clock, a small gap at the top for the ring numbers, and one ring per target group
/// (or channel, unit, …) from the outside in.
///
/// Pure: days in, angles, radii and SVG path data out. Leap years have 366 equal day
/// sectors; ISO weeks are cut at the year's ends (week 53 of the previous year at the
/// start, week 1 of the next at the end), so a year can show 53 or 54 week sectors.
public struct WheelGeometry: Hashable, Sendable {
    public let year: Int
    public let center: WheelPoint
    /// The rings fill the band from `innerRadius` to `outerRadius`.
    public let innerRadius: Double
    public let outerRadius: Double
    public let ringCount: Int
    /// Degrees left empty at twelve o'clock, between 31 December and 1 January.
    public let gap: Double

    public init(year: Int, center: WheelPoint, innerRadius: Double, outerRadius: Double, ringCount: Int, gap: Double = 0) {
        precondition(innerRadius >= 0 && outerRadius > innerRadius && ringCount >= 1 && gap >= 0 && gap < 360)
        self.year = year
        self.center = center
        self.innerRadius = innerRadius
        self.outerRadius = outerRadius
        self.ringCount = ringCount
        self.gap = gap
    }

    public var firstDay: Day { Day(year: year, month: 1, day: 1)! }
    public var lastDay: Day { Day(year: year, month: 12, day: 31)! }
    public var daysInYear: Int { Day.isLeapYear(year) ? 366 : 365 }

    /// Degrees one day takes.
    public var degreesPerDay: Double { (360 - gap) / Double(daysInYear) }

    /// The angle where `day` begins, clockwise from twelve o'clock. Days outside the year
    /// give angles outside the year's sweep (below `gap / 2` or above `360 - gap / 2`).
    public func angle(atStartOf day: Day) -> Double {
        gap / 2 + Double(firstDay.distance(to: day)) * degreesPerDay
    }

    /// The angle of the middle of `day`.
    public func angle(middleOf day: Day) -> Double { angle(atStartOf: day) + degreesPerDay / 2 }

    /// The day that lies under `angle`, or nil in the gap.
    public func day(at angle: Double) -> Day? {
        let offset = ((angle.truncatingRemainder(dividingBy: 360)) + 360).truncatingRemainder(dividingBy: 360) - gap / 2
        guard offset >= 0 else { return nil }
        let index = Int((offset / degreesPerDay).rounded(.down))
        return index < daysInYear ? firstDay.adding(days: index) : nil
    }

    /// The days `first…last` (inclusive) on the wheel, clipped to the year; nil when none
    /// of them lies in it.
    public func span(from first: Day, through last: Day) -> WheelSpan? {
        guard first <= last, last >= firstDay, first <= lastDay else { return nil }
        let from = max(first, firstDay)
        let to = min(last, lastDay)
        return WheelSpan(
            start: angle(atStartOf: from), end: angle(atStartOf: to.adding(days: 1)),
            continuesFromPreviousYear: first < firstDay, continuesIntoNextYear: last > lastDay)
    }

    /// Ring `index` (0 is the outermost): its inner and outer radius.
    public func ring(_ index: Int) -> (inner: Double, outer: Double) {
        precondition(index >= 0 && index < ringCount)
        let width = ringWidth
        return (outerRadius - Double(index + 1) * width, outerRadius - Double(index) * width)
    }

    public var ringWidth: Double { (outerRadius - innerRadius) / Double(ringCount) }

    /// The point at `angle` degrees (clockwise from twelve o'clock) and `radius`.
    public func point(angle: Double, radius: Double) -> WheelPoint {
        let radians = angle * Double.pi / 180
        return WheelPoint(x: center.x + radius * sin(radians), y: center.y - radius * cos(radians))
    }

    /// The months of the year: number (1…12), first day and the angles of the sector.
    public var months: [(month: Int, first: Day, start: Double, end: Double)] {
        (1...12).map { month in
            let first = Day(year: year, month: month, day: 1)!
            let next = month == 12 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: month + 1, day: 1)!
            return (month, first, angle(atStartOf: first), angle(atStartOf: next))
        }
    }

    /// The ISO weeks that have days in `year`, in order, each cut to the year.
    public static func weeks(of year: Int) -> [YearWeek] {
        let first = Day(year: year, month: 1, day: 1)!
        let last = Day(year: year, month: 12, day: 31)!
        var result: [YearWeek] = []
        var day = first
        while day <= last {
            let iso = day.isoWeek
            let sunday = day.adding(days: 7 - day.weekday.rawValue)
            let end = min(sunday, last)
            result.append(YearWeek(isoYear: iso.year, week: iso.week, first: day, last: end))
            day = end.adding(days: 1)
        }
        return result
    }

    /// How many ISO weeks the ISO week-numbering year `isoYear` has (52 or 53).
    public static func isoWeekCount(_ isoYear: Int) -> Int {
        Day(year: isoYear, month: 12, day: 28)!.isoWeek.week
    }

    /// SVG path data for the band between `inner` and `outer` from `start` to `end` degrees
    /// (an annular sector; a full circle when the sweep is 360°).
    public func sectorPath(start: Double, end: Double, inner: Double, outer: Double) -> String {
        let sweep = end - start
        if sweep >= 359.999 {
            // Two half circles each way: an SVG arc cannot start and end at the same point.
            let c = center
            return
                "M\(n(c.x)) \(n(c.y - outer))A\(n(outer)) \(n(outer)) 0 1 1 \(n(c.x)) \(n(c.y + outer))A\(n(outer)) \(n(outer)) 0 1 1 \(n(c.x)) \(n(c.y - outer))Z"
                + (inner > 0
                    ? "M\(n(c.x)) \(n(c.y - inner))A\(n(inner)) \(n(inner)) 0 1 0 \(n(c.x)) \(n(c.y + inner))A\(n(inner)) \(n(inner)) 0 1 0 \(n(c.x)) \(n(c.y - inner))Z"
                    : "")
        }
        let large = sweep > 180 ? 1 : 0
        let a = point(angle: start, radius: outer)
        let b = point(angle: end, radius: outer)
        var d = "M\(n(a.x)) \(n(a.y))A\(n(outer)) \(n(outer)) 0 \(large) 1 \(n(b.x)) \(n(b.y))"
        if inner > 0 {
            let c = point(angle: end, radius: inner)
            let e = point(angle: start, radius: inner)
            d += "L\(n(c.x)) \(n(c.y))A\(n(inner)) \(n(inner)) 0 \(large) 0 \(n(e.x)) \(n(e.y))Z"
        } else {
            d += "L\(n(center.x)) \(n(center.y))Z"
        }
        return d
    }

    /// SVG path data for an arc (a stroke, not a band) at `radius` from `start` to `end` degrees.
    public func arcPath(start: Double, end: Double, radius: Double) -> String {
        let a = point(angle: start, radius: radius)
        let b = point(angle: end, radius: radius)
        let large = end - start > 180 ? 1 : 0
        return "M\(n(a.x)) \(n(a.y))A\(n(radius)) \(n(radius)) 0 \(large) 1 \(n(b.x)) \(n(b.y))"
    }

    /// A coordinate as SVG text: one decimal, no trailing `.0`, never `-0`.
    public static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        if tenths == 0 { return "0" }
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }

    private func n(_ value: Double) -> String { Self.number(value) }
}
