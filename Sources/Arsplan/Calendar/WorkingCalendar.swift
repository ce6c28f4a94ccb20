/// The working-day calendar of a plan: weekends, holidays, de-facto days off and the
/// plan's closed periods are days off; every other day is a working day.
///
/// Working-day arithmetic is answered from a table built once for the years the plan
/// can reach, so scheduling never scans the year day by day; days outside the table
/// fall back to stepping.
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
    public init(settings: CalendarSettings = .init(), years: ClosedRange<Int>) {
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

    /// A calendar for a plan: its own year and the years either side, so that
    /// dependencies may cross the year boundary.
    public init(plan: Plan) {
        self.init(settings: plan.calendar, years: (plan.year - 1)...(plan.year + 1))
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
        // Outside the table: step, one day at a time (rare: only far beyond the plan's years).
        var current = day
        var remaining = abs(n)
        let step = n > 0 ? 1 : -1
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }

    /// The number of working days in `from…through`, both inclusive (0 when `through < from`).
    public func workingDays(from: Day, through: Day) -> Int {
        guard from <= through else { return 0 }
        if let a = tableOffset(from), let b = tableOffset(through) {
            return Int(rankBefore[b + 1] - rankBefore[a])
        }
        var count = 0
        var day = from
        while day <= through {
            if isWorkingDay(day) { count += 1 }
            day = day.adding(days: 1)
        }
        return count
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
