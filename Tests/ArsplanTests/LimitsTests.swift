import Testing

@testable import Arsplan

/// The core cannot trap, whatever numbers a plan built in code holds (the reader keeps a
/// plan file's numbers far inside these, see PlanLimits), and its cost does not grow with them.
struct LimitsTests {
    @Test func dayArithmeticStopsAtTheEndsOfTheDaysThereAre() {
        let day = Day(year: 2027, month: 3, day: 1)!
        #expect(day.adding(days: .max).description == "9999-12-31")
        #expect(day.adding(days: .min).description == "0000-01-01")
        #expect(Day(dayNumber: .max).adding(days: 1).description == "9999-12-31")
        #expect(Day(year: -1, month: 1, day: 1) == nil)
        #expect(Day(year: 10000, month: 1, day: 1) == nil)
        #expect(Day(iso: "0000-01-01")?.dayNumber == Day.range.lowerBound)
        #expect(Day(dayNumber: .min).adding(days: 3).description == "0000-01-04")
        let time = LocalDateTime(day: day, time: TimeOfDay(hour: 9, minute: 0)!)
        #expect(time.adding(minutes: .max).day.description == "9999-12-31")
        #expect(time.adding(minutes: .min).day.description == "0000-01-01")
    }

    @Test func workingDaysFarBeyondTheTableAreCountedAYearAtATime() {
        let calendar = WorkingCalendar(years: 2027...2027)
        let start = Day(year: 2027, month: 3, day: 1)!
        // Ten million working days: past 9999, so the last day there is.
        #expect(calendar.adding(workdays: 10_000_000, to: start).description == "9999-12-31")
        #expect(calendar.adding(workdays: -10_000_000, to: start).description == "0000-01-01")
        #expect(calendar.adding(workdays: .max, to: start).description == "9999-12-31")
        #expect(calendar.adding(workdays: .min, to: start).description == "0000-01-01")
        // Beyond the table the answer is the one stepping day by day gives.
        let far = Day(year: 2040, month: 6, day: 3)!
        var stepped = far
        var left = 300
        while left > 0 {
            stepped = stepped.adding(days: 1)
            if calendar.isWorkingDay(stepped) { left -= 1 }
        }
        #expect(calendar.adding(workdays: 300, to: far) == stepped)
        #expect(calendar.adding(workdays: -300, to: stepped) == calendar.previousWorkingDay(onOrBefore: far))
        #expect(calendar.workingDays(from: far.adding(days: 1), through: stepped) == 300)
    }

    @Test func hugeOffsetsAndDurationsAreOutOfRangeNotATrap() {
        let a = activity("a", .date(day("2027-03-01")))
        for unit in [OffsetUnit.days, .weeks, .workdays] {
            let b = activity("b", .relative(after: [after("a", .max, unit)], before: nil))
            let c = activity(
                "c", .relative(after: [], before: DependencyOffset(reference: ActivityReference(activity: "a"), amount: .max, unit: unit)))
            let schedule = Scheduler.schedule(plan([a, b, c]))
            #expect(schedule.kinds().filter { $0 == .dateOutOfRange }.count == 2, "\(unit): \(schedule.conflicts)")
            #expect(schedule.days("a") == ["2027-03-01"])
            #expect(schedule.days("b").isEmpty)
        }
        for duration in [ActivityDuration.weeks(.max), .workdays(.max), .minutes(.max)] {
            let long = activity("long", .date(day("2027-03-01")), time: "09:00", duration: duration)
            let schedule = Scheduler.schedule(plan([long]))
            if case .minutes = duration {
                #expect(schedule.kinds().contains(.dateOutOfRange))
            } else {
                #expect(schedule.kinds() == [.dateOutOfRange], "\(duration): \(schedule.conflicts)")
            }
        }
    }

    @Test func aRepeatOverCenturiesIsRefusedBeforeItIsExpanded() {
        let weekly = Recurrence(
            frequency: .weeks(1), on: .weekday(.monday), from: Day(year: 1, month: 1, day: 1), until: Day(year: 9999, month: 12, day: 31))
        #expect(weekly.maximumCount(planYear: 2027) == 521_723)
        let schedule = Scheduler.schedule(plan([activity("vecka", .recurrence(weekly))]))
        #expect(schedule.kinds() == [.tooManyOccurrences])
        #expect(schedule.occurrences.isEmpty)
        for every in [RecurrenceFrequency.weeks(.max), .months(.max)] {
            let rule = Recurrence(frequency: every, on: every == .weeks(.max) ? .weekday(.monday) : .nthWeekday(.max, .monday))
            let once = Scheduler.schedule(plan([activity("r", .recurrence(rule))]))
            #expect(once.occurrences.count <= 1, "\(every)")
        }
    }

    @Test func aDependantOfTheLastDayThereIsIsOutOfRange() {
        let last = activity("sist", .date(Day(dayNumber: .max)))
        let next = activity("efter", .relative(after: [after("sist", 1, .days)], before: nil))
        let schedule = Scheduler.schedule(plan([last, next]))
        #expect(schedule.kinds().contains(.dateOutOfRange))
        #expect(schedule.kinds().contains(.unplacedDependency))
        #expect(schedule.occurrences.isEmpty)
    }

    @Test func allowedYearsAreFiveEitherSideWithin1900To2200() {
        #expect(PlanLimits.allowedYears(planYear: 2027) == 2022...2032)
        #expect(PlanLimits.allowedYears(planYear: 1900) == 1900...1905)
        #expect(PlanLimits.allowedYears(planYear: 2200) == 2195...2200)
        #expect(PlanLimits.allowedYears(planYear: .max) == 2195...2200)
        #expect(PlanLimits.allowedYears(planYear: .min) == 1900...1905)
    }

    @Test func suggestionsAreBoundedByLength() {
        #expect(closestMatch(to: "titl", in: ["title", "time"]) == "title")
        let long = String(repeating: "x", count: 70_000)
        #expect(closestMatch(to: long, in: ["title", String(repeating: "x", count: 69_999)]) == nil)
        #expect(closestMatch(to: "ab", in: ["abcdefgh"]) == nil)
    }
}
