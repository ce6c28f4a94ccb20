import Arsplan

/// `calendar YEAR`: the days off of a year, as a table or JSON, in the words of `catalogue`
/// (holiday names are names: they stay Swedish).
public enum DaysOffReport {
    public static func table(_ calendar: WorkingCalendar, year: Int, catalogue: any Catalogue = SwedishCatalogue()) -> String {
        var out = catalogue.daysOff(.heading(year: year)) + "\n\n"
        let days = calendar.daysOff(in: year)
        var i = 0
        while i < days.count {
            let off = days[i]
            // A closed period is one line, first to last day.
            var j = i
            if off.kind == .closed {
                while j + 1 < days.count, days[j + 1].kind == .closed, days[j + 1].name == off.name,
                    onlyWeekendBetween(days[j].day, days[j + 1].day)
                {
                    j += 1
                }
            }
            let when = i == j ? catalogue.shortDate(off.day) : "\(catalogue.shortDate(off.day))–\(catalogue.shortDate(days[j].day))"
            var line = "  \(when.padded(to: 24)) \(TerminalText.line(off.name).padded(to: 24)) \(catalogue.daysOff(.dayOffKind(off.kind)))"
            if i != j { line += " " + catalogue.daysOff(.weekdaysInPeriod(j - i + 1)) }
            out += line.trailingSpacesRemoved + "\n"
            i = j + 1
        }
        let first = Day(year: year, month: 1, day: 1)!
        let last = Day(year: year, month: 12, day: 31)!
        out += "\n" + catalogue.daysOff(.workingDays(year: year, count: calendar.workingDays(from: first, through: last))) + "\n"
        return out
    }

    struct Document: Encodable {
        var year: Int
        var workingDays: Int
        var daysOff: [Entry]
    }

    struct Entry: Encodable {
        var date: String
        var weekday: String
        var name: String
        var kind: String
    }

    /// `weekday` is in `catalogue`'s language; `kind` is the stable code (`holiday`, `de-facto`, `closed`).
    public static func json(_ calendar: WorkingCalendar, year: Int, catalogue: any Catalogue = SwedishCatalogue()) -> String {
        let document = Document(
            year: year,
            workingDays: calendar.workingDays(from: Day(year: year, month: 1, day: 1)!, through: Day(year: year, month: 12, day: 31)!),
            daysOff: calendar.daysOff(in: year).map {
                Entry(date: $0.day.description, weekday: catalogue.weekday($0.day.weekday), name: $0.name, kind: $0.kind.rawValue)
            })
        return encodeJSON(document)
    }
}

/// True when every day strictly between `a` and `b` is a Saturday or Sunday.
private func onlyWeekendBetween(_ a: Day, _ b: Day) -> Bool {
    var day = a.adding(days: 1)
    while day < b {
        if !day.isWeekend { return false }
        day = day.adding(days: 1)
    }
    return true
}
