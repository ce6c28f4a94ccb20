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
    /// `years` is clamped to the years 0–9999 a ``Day`` can be in.
    public init(settings: CalendarSettings = .init(), years requested: ClosedRange<Int>) {
        let years = min(max(requested.lowerBound, 0), 9999)...min(max(requested.upperBound, 0), 9999)
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
        if let offset = tableOffset(day), n.magnitude <= UInt(workingDays.count) {
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
        let step = forward ? 1 : -1
        while true {
            let next = current.adding(days: step)
            if next == current { return current }  // the end of the days there are
            // The year `next` lies in, from `next` to its end in the direction of travel.
            let year = next.year
            let edge = forward ? Day(year: year, month: 12, day: 31)! : Day(year: year, month: 1, day: 1)!
            let off = daysOffNumbers(year: year)
            func working(_ d: Day) -> Bool {
                if let offset = tableOffset(d) { return rankBefore[offset + 1] > rankBefore[offset] }
                return !d.isWeekend && !off.contains(d.dayNumber)
            }
            // Counted, not walked: the weekdays from `next` to `edge`, less the days off among them.
            let inRest = UInt(countWorkingDays(min(next, edge), max(next, edge), off: off))
            if inRest < remaining {
                remaining -= inRest
                current = edge
                continue
            }
            while remaining > 0 {
                current = current.adding(days: step)
                if working(current) { remaining -= 1 }
            }
            return current
        }
    }

    /// The working days in `first…last` (both in one year, whose named days off are `off`):
    /// its weekdays less the named days off among them, without visiting the days.
    private func countWorkingDays(_ first: Day, _ last: Day, off: Set<Int>) -> Int {
        guard first <= last else { return 0 }
        // Weekdays up to and including day number `n`, counted from a Monday (1970-01-05).
        func weekdaysThrough(_ n: Int) -> Int {
            let k = n - 4
            let weeks = k >= 0 ? k / 7 : -((-k + 6) / 7)
            return 5 * weeks + min(k - 7 * weeks + 1, 5)
        }
        let weekdays = weekdaysThrough(last.dayNumber) - weekdaysThrough(first.dayNumber - 1)
        let offWeekdays = off.filter { $0 >= first.dayNumber && $0 <= last.dayNumber && !Day(dayNumber: $0).isWeekend }.count
        return weekdays - offWeekdays
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
            let yearEnd = min(Day(year: day.year, month: 12, day: 31)!, through)
            count += countWorkingDays(day, yearEnd, off: daysOffNumbers(year: day.year))
            if yearEnd == through { return count }
            day = yearEnd.adding(days: 1)
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
