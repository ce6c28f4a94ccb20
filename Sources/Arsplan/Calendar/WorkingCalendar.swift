/// The working-day calendar of a plan: weekends, holidays, de-facto days off and the
/// plan's closed periods are days off; every other day is a working day.
///
/// Working-day arithmetic is answered from a table built once for the years the plan
/// can reach, so scheduling never scans the year day by day; days outside the table
/// are counted a year at a time (the cost grows with the years crossed, not the days).
public struct WorkingCalendar: Sendable {
    public let settings: CalendarSettings
    /// The years the lookup table covers.
    public let years: ClosedRange<Int>

    private let firstDayNumber: Int
    /// For each day of the table: the number of working days strictly before it.
    private let rankBefore: [Int32]
    /// The day numbers of the working days of the table, ascending.
    private let workingDays: [Int32]
    private let named: [Int: DayOff]

    /// Builds the calendar for `years` (the plan year and one either side is typical).
    /// `years` is clamped to the years 1–9999 a ``Day`` can be in.
    public init(settings: CalendarSettings = .init(), years requested: ClosedRange<Int>) {
        let years = min(max(requested.lowerBound, 1), 9999)...min(max(requested.upperBound, 1), 9999)
        self.settings = settings
        self.years = years
        let first = Day(year: years.lowerBound, month: 1, day: 1)!
        let last = Day(year: years.upperBound, month: 12, day: 31)!
        firstDayNumber = first.dayNumber

        var named: [Int: DayOff] = [:]
        if settings.holidays == .sweden {
            for year in years {
                for off in SwedishHolidays.daysOff(year: year) { named[off.day.dayNumber] = off }
            }
        }
        for period in settings.closed {
            let from = max(period.from.dayNumber, first.dayNumber)
            let to = min(period.to.dayNumber, last.dayNumber)
            guard from <= to else { continue }
            // A holiday inside a closed period keeps its own name.
            for n in from...to where named[n] == nil {
                named[n] = DayOff(day: Day(dayNumber: n), name: period.name, kind: .closed)
            }
        }
        self.named = named

        let count = last.dayNumber - first.dayNumber + 1
        var rankBefore = [Int32](repeating: 0, count: count + 1)
        var workingDays: [Int32] = []
        workingDays.reserveCapacity(count * 5 / 7)
        for offset in 0..<count {
            let n = first.dayNumber + offset
            let working = !Day(dayNumber: n).isWeekend && named[n] == nil
            rankBefore[offset + 1] = rankBefore[offset] + (working ? 1 : 0)
            if working { workingDays.append(Int32(n)) }
        }
        self.rankBefore = rankBefore
        self.workingDays = workingDays
    }

    /// A calendar for a plan: the years its dates may reach (``PlanLimits/allowedYears(planYear:)``)
    /// and one either side, so that every working-day step of a valid plan is a table lookup.
    public init(plan: Plan) {
        let allowed = PlanLimits.allowedYears(planYear: plan.year)
        self.init(settings: plan.calendar, years: (allowed.lowerBound - 1)...(allowed.upperBound + 1))
    }

    private func tableOffset(_ day: Day) -> Int? {
        let offset = day.dayNumber - firstDayNumber
        return offset >= 0 && offset < rankBefore.count - 1 ? offset : nil
    }

    /// The holiday, de-facto day off or closed day on `day`, if any (weekends are not named).
    public func dayOff(on day: Day) -> DayOff? {
        if tableOffset(day) != nil { return named[day.dayNumber] }
        if settings.holidays == .sweden,
            let off = SwedishHolidays.daysOff(year: day.year).first(where: { $0.day == day })
        {
            return off
        }
        if let period = settings.closed.first(where: { $0.contains(day) }) {
            return DayOff(day: day, name: period.name, kind: .closed)
        }
        return nil
    }

    public func isWorkingDay(_ day: Day) -> Bool {
        if let offset = tableOffset(day) { return rankBefore[offset + 1] > rankBefore[offset] }
        return !day.isWeekend && dayOff(on: day) == nil
    }

    /// Why `day` is off, in Swedish ("Långfredagen", "lördag"); nil on a working day.
    public func reasonOff(_ day: Day) -> String? {
        if let off = dayOff(on: day) { return off.name }
        return day.isWeekend ? day.weekday.swedishName : nil
    }

    public func nextWorkingDay(onOrAfter day: Day) -> Day {
        isWorkingDay(day) ? day : adding(workdays: 1, to: day)
    }

    public func previousWorkingDay(onOrBefore day: Day) -> Day {
        isWorkingDay(day) ? day : adding(workdays: -1, to: day)
    }

    /// The `n`-th working day after `day` (before it when `n` is negative); `day` itself is
    /// not counted, so `adding(workdays: 1, to: friday)` is the next Monday. `n == 0` returns `day`.
    public func adding(workdays n: Int, to day: Day) -> Day {
        guard n != 0 else { return day }
        if let offset = tableOffset(day) {
            // The target's rank, i.e. its index in `workingDays`: counting forward starts
            // after `day` (whether or not it is a working day), counting back before it.
            let target = n > 0 ? Int(rankBefore[offset + 1]) + n - 1 : Int(rankBefore[offset]) + n
            if target >= 0 && target < workingDays.count { return Day(dayNumber: Int(workingDays[target])) }
        }
        return addingOutsideTable(workdays: n, to: day)
    }

    /// ``adding(workdays:to:)`` where the table does not answer: a year at a time (each
    /// year's days off looked up once), so the cost grows with the years crossed, never
    /// with `n`; at the ends of ``Day/range`` it stops there.
    private func addingOutsideTable(workdays n: Int, to day: Day) -> Day {
        let forward = n > 0
        var remaining = n.magnitude
        var current = day
        while true {
            let year = current.year
            let edge = forward ? Day(year: year, month: 12, day: 31)! : Day(year: year, month: 1, day: 1)!
            let off = daysOffNumbers(year: year)
            func working(_ d: Day) -> Bool {
                if let offset = tableOffset(d) { return rankBefore[offset + 1] > rankBefore[offset] }
                return !d.isWeekend && !off.contains(d.dayNumber)
            }
            // The working days after `current` (before it, going back) to the year's edge.
            var inRest: UInt = 0
            var d = current
            while d != edge {
                d = d.adding(days: forward ? 1 : -1)
                if working(d) { inRest += 1 }
            }
            let atRangeEnd = edge.dayNumber == (forward ? Day.range.upperBound : Day.range.lowerBound)
            if inRest < remaining {
                if atRangeEnd { return edge }
                remaining -= inRest
                current = edge
                continue
            }
            while remaining > 0 {
                current = current.adding(days: forward ? 1 : -1)
                if working(current) { remaining -= 1 }
            }
            return current
        }
    }

    /// The day numbers of the named days off of `year` (holidays, de-facto days, closed days).
    private func daysOffNumbers(year: Int) -> Set<Int> {
        var result = Set<Int>()
        if settings.holidays == .sweden { for off in SwedishHolidays.daysOff(year: year) { result.insert(off.day.dayNumber) } }
        guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return result }
        for period in settings.closed {
            let from = max(period.from.dayNumber, first.dayNumber)
            let to = min(period.to.dayNumber, last.dayNumber)
            if from <= to { for n in from...to { result.insert(n) } }
        }
        return result
    }

    /// The number of working days in `from…through`, both inclusive (0 when `through < from`).
    public func workingDays(from: Day, through: Day) -> Int {
        guard from <= through else { return 0 }
        if let a = tableOffset(from), let b = tableOffset(through) {
            return Int(rankBefore[b + 1] - rankBefore[a])
        }
        // A year at a time, each year's days off looked up once.
        var count = 0
        var day = from
        while true {
            let off = daysOffNumbers(year: day.year)
            let yearEnd = min(Day(year: day.year, month: 12, day: 31)!, through)
            while true {
                let working = tableOffset(day).map { rankBefore[$0 + 1] > rankBefore[$0] } ?? (!day.isWeekend && !off.contains(day.dayNumber))
                if working { count += 1 }
                if day == yearEnd { break }
                day = day.adding(days: 1)
            }
            if yearEnd == through { return count }
            day = day.adding(days: 1)
        }
    }

    /// Every named day off in `year` (holidays, de-facto days, closed days), in date order.
    /// Closed periods are expanded to their weekdays; weekends are not listed.
    public func daysOff(in year: Int) -> [DayOff] {
        var result: [DayOff] = []
        if settings.holidays == .sweden { result = SwedishHolidays.daysOff(year: year) }
        let taken = Set(result.map(\.day))
        let first = Day(year: year, month: 1, day: 1)!
        let last = Day(year: year, month: 12, day: 31)!
        for period in settings.closed {
            var day = max(period.from, first)
            while day <= min(period.to, last) {
                if !day.isWeekend && !taken.contains(day) {
                    result.append(DayOff(day: day, name: period.name, kind: .closed))
                }
                day = day.adding(days: 1)
            }
        }
        return result.sorted { $0.day < $1.day }
    }
}
