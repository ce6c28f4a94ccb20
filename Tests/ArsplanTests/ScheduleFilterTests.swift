import Testing

@testable import Arsplan

/// `schedule --owner/--audience/… --from/--to/--month/--week`: which occurrences a view shows.
struct ScheduleFilterTests {
    static func day(_ text: String) -> Day { Day(iso: text)! }

    /// Four activities spread over the turn of the year 2026/2027 and the year.
    static let schedule: Schedule = {
        let plan = Plan(
            id: "f", title: "Filter", year: 2027,
            owners: [Owner(id: "anna", name: "Anna Berg"), Owner(id: "per", name: "Per Wallin")],
            audiences: [Audience(id: "kunder", name: "Kunder"), Audience(id: "chefer", name: "Chefer")],
            channels: [Channel(id: "intranat", name: "Intranät"), Channel(id: "mote", name: "Möte")],
            units: [Unit(id: "kc", name: "Kontaktcenter"), Unit(id: "it", name: "IT-service")],
            goals: [Goal(id: "aktiv", name: "Aktiv"), Goal(id: "oppen", name: "Öppen")],
            activities: [
                // Friday 1 January 2027 is in ISO week 53 of 2026; Monday 4 January in week 1.
                Activity(
                    id: "blad", title: "Nyhetsblad", kind: "nyhetsbrev", owner: "anna", audiences: ["kunder"], channels: ["intranat"],
                    unit: "kc", goals: ["aktiv"], placement: .dates([day("2027-01-01"), day("2027-01-04"), day("2027-03-31")])),
                Activity(
                    id: "enkat", title: "Enkät", kind: "enkat", owner: "per", audiences: ["kunder", "chefer"], channels: ["mote"],
                    unit: "it", goals: ["oppen"], placement: .date(day("2027-02-26")), duration: .weeks(1)),
                Activity(id: "vb", title: "VB", kind: "VB", owner: "per", audiences: ["chefer"], placement: .date(day("2027-03-02"))),
                Activity(id: "fri", title: "Utan allt", placement: .date(day("2027-12-31"))),
            ])
        return Scheduler.schedule(plan)
    }()

    static func shown(_ filter: ScheduleFilter) -> [String] {
        filter.apply(to: schedule).occurrences.map { "\($0.activity)[\($0.index)]" }
    }

    @Test func noFilterShowsEverything() {
        #expect(ScheduleFilter().isEmpty)
        #expect(Self.shown(ScheduleFilter()) == ["blad[1]", "blad[2]", "enkat[1]", "vb[1]", "blad[3]", "fri[1]"])
    }

    @Test func eachDimensionMatchesAnyOfItsValues() {
        var filter = ScheduleFilter()
        filter.owners = ["per"]
        #expect(Self.shown(filter) == ["enkat[1]", "vb[1]"])
        filter.owners = ["per", "anna"]
        #expect(Self.shown(filter) == ["blad[1]", "blad[2]", "enkat[1]", "vb[1]", "blad[3]"])

        var audience = ScheduleFilter()
        audience.audiences = ["chefer"]
        #expect(Self.shown(audience) == ["enkat[1]", "vb[1]"])
        var channel = ScheduleFilter()
        channel.channels = ["mote"]
        #expect(Self.shown(channel) == ["enkat[1]"])
        var unit = ScheduleFilter()
        unit.units = ["kc"]
        #expect(Self.shown(unit) == ["blad[1]", "blad[2]", "blad[3]"])
        var goal = ScheduleFilter()
        goal.goals = ["oppen", "aktiv"]
        #expect(Self.shown(goal) == ["blad[1]", "blad[2]", "enkat[1]", "blad[3]"])
        var kind = ScheduleFilter()
        kind.kinds = ["VB", "enkat"]
        #expect(Self.shown(kind) == ["enkat[1]", "vb[1]"])
    }

    @Test func dimensionsCombineWithAnd() {
        var filter = ScheduleFilter()
        filter.audiences = ["kunder"]
        filter.owners = ["per"]
        #expect(Self.shown(filter) == ["enkat[1]"])
        filter.month = 3
        #expect(Self.shown(filter) == ["enkat[1]"], "the survey runs 26 February – 4 March")
        filter.month = 4
        #expect(Self.shown(filter).isEmpty)
    }

    @Test func periodsAreInclusiveAndAnOccurrenceOverlappingOneIsIn() {
        var filter = ScheduleFilter()
        filter.from = Self.day("2027-03-02")
        filter.to = Self.day("2027-03-31")
        #expect(Self.shown(filter) == ["enkat[1]", "vb[1]", "blad[3]"])
        filter.from = Self.day("2027-03-05")
        #expect(Self.shown(filter) == ["blad[3]"])
        var open = ScheduleFilter()
        open.to = Self.day("2027-01-04")
        #expect(Self.shown(open) == ["blad[1]", "blad[2]"])
        var month = ScheduleFilter()
        month.month = 2
        #expect(Self.shown(month) == ["enkat[1]"])
        month.month = 12
        #expect(Self.shown(month) == ["fri[1]"])
    }

    @Test func weeksAreISOWeeksOfThePlanYear() {
        var filter = ScheduleFilter()
        filter.week = 1
        #expect(Self.shown(filter) == ["blad[2]"], "1 January 2027 is in week 53 of 2026")
        filter.week = 9
        #expect(Self.shown(filter) == ["enkat[1]", "vb[1]"])
        filter.week = 52
        #expect(Self.shown(filter) == ["fri[1]"])
        filter.from = Self.day("2027-03-02")
        filter.week = 9
        #expect(Self.shown(filter) == ["enkat[1]", "vb[1]"])
        filter.from = Self.day("2027-03-05")
        #expect(Self.shown(filter).isEmpty, "from and week both apply")
    }

    @Test(arguments: [(2026, 53), (2027, 52), (2020, 53), (2015, 53), (2021, 52), (2032, 53)])
    func weeksInAYear(year: Int, weeks: Int) {
        #expect(ScheduleFilter.weeks(in: year) == weeks)
        let last = ScheduleFilter.monday(ofWeek: weeks, year: year)!
        #expect(last.weekday == .monday && last.isoWeek == (year, weeks))
        #expect(ScheduleFilter.monday(ofWeek: weeks + 1, year: year) == nil)
        #expect(ScheduleFilter.monday(ofWeek: 1, year: year)!.isoWeek == (year, 1))
    }

    @Test func unknownIDsAreNamedWithTheClosestAndAllValidOnes() {
        var filter = ScheduleFilter()
        filter.owners = ["pr", "anna"]
        filter.kinds = ["vb"]
        filter.goals = ["x"]
        filter.week = 53
        let problems = filter.problems(in: Self.schedule.plan)
        #expect(
            problems == [
                .unknown(option: "--owner", value: "pr", suggestion: "per", valid: ["anna", "per"]),
                .unknown(option: "--goal", value: "x", suggestion: nil, valid: ["aktiv", "oppen"]),
                .unknown(option: "--kind", value: "vb", suggestion: "VB", valid: ["nyhetsbrev", "enkat", "VB"]),
                .weekNotInYear(week: 53, year: 2027, weeks: 52),
            ])
        var fine = ScheduleFilter()
        fine.owners = ["anna"]
        fine.units = ["it"]
        fine.channels = ["mote"]
        fine.audiences = ["chefer"]
        fine.week = 52
        #expect(fine.problems(in: Self.schedule.plan).isEmpty)
    }

    @Test func theConflictsAndThePlanStayWhenFiltering() {
        var filter = ScheduleFilter()
        filter.owners = ["anna"]
        let filtered = filter.apply(to: Self.schedule)
        #expect(filtered.conflicts == Self.schedule.conflicts)
        #expect(filtered.plan.activities.count == 4)
        #expect(filtered.occurrences.allSatisfy { $0.owner == "anna" })
    }
}
