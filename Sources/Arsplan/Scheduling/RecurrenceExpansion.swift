/// The days a `repeat` rule names, before any moving off days off.
struct RecurrenceExpansion {
    let rule: Recurrence
    let year: Int

    func days() -> [Day] {
        let from = rule.from ?? Day(year: year, month: 1, day: 1)!
        let until = rule.until ?? Day(year: year, month: 12, day: 31)!
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
                day = day.adding(days: 7 * max(every, 1))
            }
        case .months(let every):
            var (y, m, _) = from.civil
            while let first = Day(year: y, month: m, day: 1), first <= until {
                if let day = dayInMonth(year: y, month: m), day >= from, day <= until { result.append(day) }
                m += max(every, 1)
                while m > 12 {
                    m -= 12
                    y += 1
                }
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
        let first = Day(year: year, month: month, day: 1)!
        let day = first.adding(days: (weekday.rawValue - first.weekday.rawValue + 7) % 7 + 7 * (n - 1))
        return day.month == month ? day : nil
    }
}
