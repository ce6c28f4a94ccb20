/// Which occurrences a view shows (`schedule --owner hr --month 3`).
///
/// Within one dimension any of the given values matches (`--owner a --owner b`: a's or b's);
/// dimensions combine with AND; an empty dimension matches everything. A period matches an
/// occurrence when any of its days lies in it, so a survey running 1–12 February is in week 6
/// as well as in February. Months and weeks are those of the plan year (ISO weeks of the
/// ISO week-numbering year that equals the plan year).
public struct ScheduleFilter: Hashable, Sendable {
    public var owners: Set<Owner.ID> = []
    public var audiences: Set<Audience.ID> = []
    public var channels: Set<Channel.ID> = []
    public var units: Set<Unit.ID> = []
    public var goals: Set<Goal.ID> = []
    /// The activity's `kind`, as written in the plan (`VB`, `namndmote`).
    public var kinds: Set<String> = []
    /// First day shown, inclusive.
    public var from: Day?
    /// Last day shown, inclusive.
    public var to: Day?
    /// 1...12, of the plan year.
    public var month: Int?
    /// ISO week 1...53 of the plan year.
    public var week: Int?

    public init() {}

    /// True when it shows every occurrence.
    public var isEmpty: Bool { self == ScheduleFilter() }

    /// Whether `occurrence` (of `activity`) is shown, in a plan of year `year`.
    public func matches(_ occurrence: Occurrence, of activity: Activity?, year: Int) -> Bool {
        if !owners.isEmpty && !(occurrence.owner.map(owners.contains) ?? false) { return false }
        if !kinds.isEmpty && !(activity?.kind.map(kinds.contains) ?? false) { return false }
        if !units.isEmpty && !(activity?.unit.map(units.contains) ?? false) { return false }
        if !audiences.isEmpty && !(activity?.audiences.contains(where: audiences.contains) ?? false) { return false }
        if !channels.isEmpty && !(activity?.channels.contains(where: channels.contains) ?? false) { return false }
        if !goals.isEmpty && !(activity?.goals.contains(where: goals.contains) ?? false) { return false }
        let first = occurrence.timing.firstDay
        let last = max(first, occurrence.timing.lastDay)
        for period in periods(year: year) where last < period.lowerBound || period.upperBound < first {
            return false
        }
        return true
    }

    /// The day ranges an occurrence must overlap, each of them: `--from/--to`, the month, the week.
    func periods(year: Int) -> [ClosedRange<Day>] {
        var periods: [ClosedRange<Day>] = []
        if from != nil || to != nil {
            periods.append((from ?? Day(dayNumber: Int.min))...(to ?? Day(dayNumber: Int.max)))
        }
        if let month, (1...12).contains(month), let first = Day(year: year, month: month, day: 1) {
            let next = month == 12 ? Day(year: year + 1, month: 1, day: 1)! : Day(year: year, month: month + 1, day: 1)!
            periods.append(first...next.adding(days: -1))
        }
        if let week, let monday = Self.monday(ofWeek: week, year: year) {
            periods.append(monday...monday.adding(days: 6))
        }
        return periods
    }

    /// The Monday of ISO week `week` of `year`; nil when the year has no such week.
    public static func monday(ofWeek week: Int, year: Int) -> Day? {
        guard (1...weeks(in: year)).contains(week), let january4 = Day(year: year, month: 1, day: 4) else { return nil }
        // 4 January is always in week 1.
        return january4.adding(days: 1 - january4.weekday.rawValue + 7 * (week - 1))
    }

    /// 52 or 53: the ISO weeks of `year` (28 December is always in its last week).
    public static func weeks(in year: Int) -> Int {
        Day(year: year, month: 12, day: 28)?.isoWeek.week ?? 52
    }

    /// `schedule` with only the occurrences shown; the plan and its conflicts as they are.
    public func apply(to schedule: Schedule) -> Schedule {
        guard !isEmpty else { return schedule }
        let plan = schedule.plan
        var filtered = schedule
        filtered.occurrences = schedule.occurrences.filter { matches($0, of: plan.activity($0.activity), year: plan.year) }
        return filtered
    }

    /// What in the filter names nothing in `plan`: unknown ids and kinds (with the closest
    /// valid one and all valid ones), a week the plan year does not have. Empty when usable.
    public func problems(in plan: Plan) -> [Problem] {
        var problems: [Problem] = []
        func check(_ option: String, _ given: some Collection<String>, _ valid: [String]) {
            let known = Set(valid)
            for id in given.sorted() where !known.contains(id) {
                problems.append(.unknown(option: option, value: id, suggestion: closestMatch(to: id, in: valid), valid: valid))
            }
        }
        check("--owner", owners.map(\.rawValue), plan.owners.map(\.id.rawValue))
        check("--audience", audiences.map(\.rawValue), plan.audiences.map(\.id.rawValue))
        check("--channel", channels.map(\.rawValue), plan.channels.map(\.id.rawValue))
        check("--unit", units.map(\.rawValue), plan.units.map(\.id.rawValue))
        check("--goal", goals.map(\.rawValue), plan.goals.map(\.id.rawValue))
        var kindsInPlan: [String] = []
        for kind in plan.activities.compactMap(\.kind) where !kindsInPlan.contains(kind) { kindsInPlan.append(kind) }
        check("--kind", kinds, kindsInPlan)
        if let week, week > Self.weeks(in: plan.year) {
            problems.append(.weekNotInYear(week: week, year: plan.year, weeks: Self.weeks(in: plan.year)))
        }
        return problems
    }

    /// Why a filter cannot be used on a plan.
    public enum Problem: Hashable, Sendable {
        /// `--owner sofia`: `valid` lists every id (or kind) of that dimension, in plan order.
        case unknown(option: String, value: String, suggestion: String?, valid: [String])
        case weekNotInYear(week: Int, year: Int, weeks: Int)
    }
}
