/// The bounds every plan is held to. The plan-file reader checks each number, date and
/// size against these where it reads them and reports the limit by name; the scheduler
/// rejects a computed date outside ``allowedDays(planYear:)``. Inside these bounds no
/// arithmetic of the core can overflow, and the cost of a plan grows with its size, not
/// with the numbers written in it. Documented in docs/plan-format.md ("What is guaranteed").
public enum PlanLimits {
    /// The earliest and latest year any date of a plan may lie in.
    public static let years: ClosedRange<Int> = 1900...2200
    /// How many years before and after the plan year its dates (written or computed) may lie.
    public static let yearsAroundPlanYear = 5

    /// The largest offset in `after:` / `before:` (about ten years each).
    public static let maxOffsetDays = 3660
    public static let maxOffsetWeeks = 520
    public static let maxOffsetWorkdays = 2600

    /// The longest `duration`: a day in minutes (`24h`), a year of working days, a year of weeks.
    public static let maxDurationMinutes = 24 * 60
    public static let maxDurationWorkdays = 260
    public static let maxDurationWeeks = 53

    /// The largest `every:` of a `repeat`.
    public static let maxRepeatWeeks = 104
    public static let maxRepeatMonths = 24

    /// Occurrences of one activity (its dates, repeat or `dates-from:` calendar, or the
    /// occurrences of its `for-each`), and of all activities of a plan together.
    public static let maxOccurrencesPerActivity = 2_000
    public static let maxOccurrencesPerPlan = 1_000_000

    /// How deeply lists and mappings may nest in a plan file.
    public static let maxNestingDepth = 64
    /// The longest single value (scalar) in a plan file, in bytes.
    public static let maxValueBytes = 64 * 1024
    /// The largest plan file, in bytes.
    public static let maxFileBytes = 64 * 1024 * 1024

    /// The years a plan for `planYear` may reach: ``yearsAroundPlanYear`` either side,
    /// within ``years`` (a plan year outside ``years`` counts as the nearest year in it;
    /// the reader rejects such a plan year).
    public static func allowedYears(planYear: Int) -> ClosedRange<Int> {
        let year = min(max(planYear, years.lowerBound), years.upperBound)
        return max(years.lowerBound, year - yearsAroundPlanYear)...min(years.upperBound, year + yearsAroundPlanYear)
    }

    /// The days a plan for `planYear` may reach: 1 January of the first of
    /// ``allowedYears(planYear:)`` to 31 December of the last.
    public static func allowedDays(planYear: Int) -> ClosedRange<Day> {
        let allowed = allowedYears(planYear: planYear)
        return Day(year: allowed.lowerBound, month: 1, day: 1)!...Day(year: allowed.upperBound, month: 12, day: 31)!
    }
}
