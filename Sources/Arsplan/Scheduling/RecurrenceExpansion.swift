/// The days a `repeat` rule names, before any moving off days off.
struct RecurrenceExpansion {
    let rule: Recurrence
    let year: Int

    /// The first and last day the rule may give (its `from` and `until`, or the plan year).
    private var bounds: (from: Day, until: Day) {
        let planYear = min(max(year, 0), 9999)
        return (rule.from ?? Day(year: planYear, month: 1, day: 1)!, rule.until ?? Day(year: planYear, month: 12, day: 31)!)
    }

    /// The most days ``days()`` can give, counted without listing them (0 when `from` is
    /// after `until`), so that a rule over centuries can be refused before it is expanded.
    var maximumCount: Int {
        let (from, until) = bounds
        guard from <= until else { return 0 }
        switch rule.frequency {
        case .weeks(let every):
            return from.distance(to: until) / 7.saturatingMultiplied(by: max(every, 1)) + 1
        case .months(let every):
            let months = (until.year - from.year) * 12 + until.month - from.month
            return months / max(every, 1) + 1
        }
    }

    func days() -> [Day] {
        let (from, until) = bounds
        guard from <= until else { return [] }
        var result: [Day] = []
        switch rule.frequency {
        case .weeks(let every):
            let weekday: Weekday
            switch rule.on {
            case .weekday(let w), .nthWeekday(_, let w): weekday = w
            case .dayOfMonth: weekday = from.weekday
            }
            var day = from.adding(days: (weekday.rawValue - from.weekday.rawValue + 7) % 7)
            while day <= until {
                result.append(day)
                let next = day.adding(days: 7.saturatingMultiplied(by: max(every, 1)))
                if next == day { break }  // the end of the days there are
                day = next
            }
        case .months(let every):
            var (y, m, _) = from.civil
            while let first = Day(year: y, month: m, day: 1), first <= until {
                if let day = dayInMonth(year: y, month: m), day >= from, day <= until { result.append(day) }
                // Months counted from year 0, so that a large `every` cannot overflow.
                let (index, overflow) = (y * 12 + m - 1).addingReportingOverflow(max(every, 1))
                guard !overflow, index / 12 <= 9999 else { break }
                (y, m) = (index / 12, index % 12 + 1)
            }
        }
        return result.filter { !rule.exceptMonths.contains($0.month) && !rule.exceptDates.contains($0) }
    }

    /// The rule's day in one month, or nil when the month has none (a fifth Monday, the 31st).
    private func dayInMonth(year: Int, month: Int) -> Day? {
        let length = Day.daysInMonth(year: year, month: month)
        switch rule.on {
        case .dayOfMonth(let n):
            if n == -1 { return Day(year: year, month: month, day: length) }
            return n <= length ? Day(year: year, month: month, day: n) : nil
        case .weekday(let weekday):
            return nth(1, weekday, year: year, month: month)
        case .nthWeekday(let n, let weekday):
            return nth(n, weekday, year: year, month: month)
        }
    }

    private func nth(_ n: Int, _ weekday: Weekday, year: Int, month: Int) -> Day? {
        if n < 0 {
            let last = Day(year: year, month: month, day: Day.daysInMonth(year: year, month: month))!
            return last.adding(days: -((last.weekday.rawValue - weekday.rawValue + 7) % 7))
        }
        guard n <= 5 else { return nil }  // no month has a sixth of any weekday
        let first = Day(year: year, month: month, day: 1)!
        let day = first.adding(days: (weekday.rawValue - first.weekday.rawValue + 7) % 7 + 7 * (n - 1))
        return day.month == month ? day : nil
    }
}

extension Recurrence {
    /// The most occurrences this rule can give in a plan for `planYear` (its `from` and
    /// `until`, or that year), counted without listing them; with no `planYear` the rule
    /// must state both `from` and `until` to be counted as more than one year.
    public func maximumCount(planYear: Int?) -> Int {
        RecurrenceExpansion(rule: self, year: planYear ?? (from ?? until)?.year ?? 2000).maximumCount
    }
}
