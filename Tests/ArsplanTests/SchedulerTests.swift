import Testing

@testable import Arsplan

/// A small plan builder for scheduler tests.
func activity(
    _ id: String, _ placement: Placement, forEach: String? = nil, time: String? = nil, duration: ActivityDuration? = nil,
    notBefore: String? = nil, notAfter: String? = nil, pinned: Bool = false, owner: String? = nil,
    audiences: [String] = [], channels: [String] = [], overrides: [Int: OccurrenceOverride] = [:]
) -> Activity {
    var result = Activity(id: Activity.ID(id), title: id, placement: placement)
    result.owner = owner.map { Owner.ID($0) }
    result.audiences = audiences.map { Audience.ID($0) }
    result.channels = channels.map { Channel.ID($0) }
    result.forEach = forEach.map { Activity.ID($0) }
    result.time = time.flatMap { TimeOfDay(text: $0) }
    result.duration = duration
    result.notBefore = notBefore.map { day($0) }
    result.notAfter = notAfter.map { day($0) }
    result.pinned = pinned
    result.overrides = overrides
    return result
}

func after(_ id: String, _ n: Int = 1, _ unit: OffsetUnit = .workdays, occurrence: Int? = nil) -> DependencyOffset {
    DependencyOffset(reference: ActivityReference(activity: Activity.ID(id), occurrence: occurrence), amount: n, unit: unit)
}

func plan(_ activities: [Activity], closed: [ClosedPeriod] = [], owners: [Owner] = [], audiences: [Audience] = [], channels: [Channel] = []) -> Plan {
    Plan(
        id: "t", title: "Test", year: 2027, calendar: CalendarSettings(closed: closed), owners: owners, audiences: audiences,
        channels: channels, activities: activities)
}

extension Schedule {
    func days(_ id: String) -> [String] {
        occurrences.filter { $0.activity.rawValue == id }.sorted { $0.index < $1.index }.map { $0.timing.firstDay.description }
    }
    func kinds() -> [DiagnosticCode] { conflicts.map(\.kind) }
}

let namnd = activity(
    "namnd", .dates([day("2027-01-27"), day("2027-02-24"), day("2027-03-24"), day("2027-12-15")]), time: "17:00", duration: .minutes(120))

struct SchedulerTests {
    @Test func withAfterBeforeAndForEach() {
        let schedule = Scheduler.schedule(
            plan([
                namnd,
                activity("vb", .with(ActivityReference(activity: "namnd", occurrence: 2))),
                activity("vb-intranat", .relative(after: [after("vb", 2)], before: nil)),
                activity("underlag", .relative(after: [], before: after("namnd", 5, occurrence: 3))),
                activity("protokoll", .relative(after: [after("namnd", 3)], before: nil), forEach: "namnd"),
            ]))
        #expect(schedule.conflicts.filter { $0.severity == .error }.isEmpty)
        #expect(schedule.days("vb") == ["2027-02-24"])
        #expect(schedule.days("vb-intranat") == ["2027-02-26"])
        // 24 March minus 5 working days = 17 March.
        #expect(schedule.days("underlag") == ["2027-03-17"])
        // 24 March + 3 working days crosses långfredagen, Easter and annandag påsk: 31 March.
        #expect(schedule.days("protokoll") == ["2027-02-01", "2027-03-01", "2027-03-31", "2027-12-20"])
        #expect(schedule.occurrences.first { $0.activity == "protokoll" && $0.index == 3 }?.uid == "t-protokoll-3")
    }

    @Test func timedActivitiesKeepTheirTimeAndDuration() {
        let schedule = Scheduler.schedule(plan([namnd]))
        let first = schedule.occurrences[0]
        #expect(
            first.timing
                == .timed(
                    start: LocalDateTime(day: day("2027-01-27"), time: TimeOfDay(hour: 17, minute: 0)!),
                    end: LocalDateTime(day: day("2027-01-27"), time: TimeOfDay(hour: 19, minute: 0)!)))
    }

    @Test func latestAfterWinsAndWindowIsChecked() {
        let schedule = Scheduler.schedule(
            plan([
                activity("a", .date(day("2027-04-12"))),
                activity("b", .date(day("2027-04-20"))),
                activity("c", .relative(after: [after("a", 1), after("b", 1)], before: nil)),
                activity("window-ok", .relative(after: [after("a", 1)], before: after("b", 2))),
                activity("window-bad", .relative(after: [after("b", 1)], before: after("a", 1))),
            ]))
        #expect(schedule.days("c") == ["2027-04-21"])
        #expect(schedule.days("window-ok") == ["2027-04-13"])
        #expect(schedule.conflicts.map(\.kind) == [.windowViolated])
        #expect(schedule.conflicts[0].activities == ["window-bad"])
    }

    @Test func computedDatesAvoidDaysOffAndFixedOnesAreWarned() {
        let schedule = Scheduler.schedule(
            plan(
                [
                    activity("fixed", .date(day("2027-06-25"))),
                    activity("next", .relative(after: [after("fixed", 0)], before: nil)),
                    activity("summer", .relative(after: [after("fixed", 2, .weeks)], before: nil)),
                    activity("deadline", .relative(after: [], before: after("summer", 1))),
                ], closed: [ClosedPeriod(from: day("2027-07-05"), to: day("2027-08-06"), name: "Sommarstängt")]))
        #expect(schedule.days("next") == ["2027-06-28"])
        #expect(schedule.days("summer") == ["2027-08-09"])
        #expect(schedule.days("deadline") == ["2027-07-02"])
        #expect(schedule.kinds() == [.fixedDateOnDayOff])
        #expect(schedule.conflicts[0].message.contains("Midsommarafton"))
    }

    @Test func recurrenceFirstTuesdayExceptJuly() {
        let rule = Recurrence(frequency: .months(1), on: .nthWeekday(1, .tuesday), exceptMonths: [7])
        let schedule = Scheduler.schedule(plan([activity("blad", .recurrence(rule))]))
        #expect(schedule.days("blad").count == 11)
        #expect(schedule.days("blad").prefix(4) == ["2027-01-05", "2027-02-02", "2027-03-02", "2027-04-06"])
        #expect(!schedule.days("blad").contains { $0.hasPrefix("2027-07") })
    }

    @Test func recurrenceOnAHolidayMovesToTheNextWorkingDay() {
        // Last Friday of March 2027 is långfredagen; first Thursday of May... 6 May is Ascension.
        let rule = Recurrence(frequency: .months(1), on: .nthWeekday(-1, .friday), from: day("2027-03-01"), until: day("2027-04-30"))
        let schedule = Scheduler.schedule(plan([activity("r", .recurrence(rule))]))
        #expect(schedule.days("r") == ["2027-03-30", "2027-04-30"])
    }

    @Test(arguments: [
        (
            Recurrence(frequency: .weeks(2), on: .weekday(.monday), from: day("2027-01-01"), until: day("2027-02-28")),
            ["2027-01-04", "2027-01-18", "2027-02-01", "2027-02-15"]
        ),
        (
            Recurrence(frequency: .months(1), on: .dayOfMonth(31), from: day("2027-01-01"), until: day("2027-05-31")),
            ["2027-01-31", "2027-03-31", "2027-05-31"]
        ),
        (
            Recurrence(frequency: .months(1), on: .dayOfMonth(-1), from: day("2028-01-01"), until: day("2028-03-31")),
            ["2028-01-31", "2028-02-29", "2028-03-31"]
        ),
        (
            Recurrence(frequency: .months(1), on: .nthWeekday(5, .monday), from: day("2027-01-01"), until: day("2027-06-30")),
            ["2027-03-29", "2027-05-31"]
        ),
        (Recurrence(frequency: .months(3), on: .dayOfMonth(15)), ["2027-01-15", "2027-04-15", "2027-07-15", "2027-10-15"]),
    ])
    func recurrenceExpansion(rule: Recurrence, expected: [String]) {
        #expect(RecurrenceExpansion(rule: rule, year: 2027).days().map(\.description) == expected)
    }

    @Test func recurrenceThatNeverMatchesIsAnError() {
        let rule = Recurrence(frequency: .months(1), on: .dayOfMonth(15), exceptMonths: Set(1...12))
        let schedule = Scheduler.schedule(plan([activity("never", .recurrence(rule))]))
        #expect(schedule.kinds() == [.emptyRecurrence])
        #expect(schedule.hasErrors)
    }

    @Test func cyclesAreNamedStepByStep() {
        let schedule = Scheduler.schedule(
            plan([
                activity("a", .relative(after: [after("c")], before: nil)),
                activity("b", .relative(after: [after("a")], before: nil)),
                activity("c", .relative(after: [after("b")], before: nil)),
                activity("d", .relative(after: [after("c")], before: nil)),
                activity("self", .with(ActivityReference(activity: "self"))),
            ]))
        let cycles = schedule.conflicts.filter { $0.kind == .dependencyCycle }
        #expect(cycles.map(\.english) == ["dependency cycle: 'a' → 'c' → 'b' → 'a'", "dependency cycle: 'self' → 'self'"])
        #expect(schedule.conflicts.contains { $0.kind == .unplacedDependency && $0.activities.first == "d" })
        #expect(schedule.occurrences.isEmpty)
    }

    @Test func unknownAndMissingReferences() {
        let schedule = Scheduler.schedule(
            plan([
                namnd,
                activity("x", .relative(after: [after("namd")], before: nil)),
                activity("y", .with(ActivityReference(activity: "namnd", occurrence: 14))),
                activity("z", .with(ActivityReference(activity: "namnd"))),
            ]))
        #expect(schedule.kinds() == [.unknownReference, .missingOccurrence, .ambiguousReference])
        #expect(schedule.conflicts[0].english == "unknown activity 'namd' in 'after' of 'x' (did you mean 'namnd'?)")
        #expect(schedule.conflicts[1].english.contains("has 4 occurrences"))
    }

    @Test func aDuplicateIDInAPlanBuiltInCodeHasItsOwnCode() {
        let schedule = Scheduler.schedule(plan([activity("a", .date(day("2027-03-01"))), activity("a", .date(day("2027-03-02")))]))
        #expect(schedule.kinds() == [.duplicateID])
        #expect(schedule.days("a") == ["2027-03-01"])
    }

    @Test func everyRepeatOfAnIDIsReportedAndReferencesMeanTheFirst() {
        let schedule = Scheduler.schedule(
            plan([
                activity("a", .date(day("2027-03-01"))),
                activity("b", .relative(after: [after("a", 2)], before: nil)),
                activity("a", .date(day("2027-05-03"))),
                activity("c", .date(day("2027-03-03"))),
                activity("a", .date(day("2027-06-01"))),
            ]))
        #expect(schedule.kinds() == [.duplicateID, .duplicateID])
        #expect(schedule.conflicts.map { $0.activities.map(\.rawValue) } == [["a"], ["a"]])
        #expect(schedule.days("a") == ["2027-03-01"])
        #expect(schedule.days("b") == ["2027-03-03"])
        #expect(schedule.days("c") == ["2027-03-03"])
    }

    @Test func conflictsCarryTheirOccurrenceAndDates() {
        var moved = activity("b", .relative(after: [after("a", 1)], before: nil), forEach: "a")
        moved.overrides = [2: OccurrenceOverride(day: day("2027-04-05"), sequence: 1)]
        let schedule = Scheduler.schedule(
            plan([
                activity("a", .dates([day("2027-03-01"), day("2027-04-12")])),
                moved,
                activity("late", .relative(after: [after("a", 1, occurrence: 2)], before: nil), notAfter: "2027-04-01"),
                activity("window", .relative(after: [after("a", 3, occurrence: 2)], before: after("a", 1, occurrence: 2))),
            ]))
        let facts = schedule.conflicts.map { ($0.kind, $0.activities.first?.rawValue, $0.occurrence, $0.day?.description, $0.limit?.description) }
        #expect(facts.count == 3)
        #expect(facts.contains { $0 == (.dependencyViolated, "b", 2, "2027-04-05", "2027-04-13") })
        #expect(facts.contains { $0 == (.notAfterViolated, "late", 1, "2027-04-13", "2027-04-01") })
        #expect(facts.contains { $0 == (.windowViolated, "window", 1, "2027-04-15", "2027-04-09") })
    }

    @Test func unnumberedAfterMeansAfterTheLastOccurrence() {
        let schedule = Scheduler.schedule(
            plan([namnd, activity("summering", .relative(after: [after("namnd", 1)], before: nil))]))
        #expect(schedule.days("summering") == ["2027-12-16"])
    }

    @Test func notBeforeAndNotAfter() {
        let schedule = Scheduler.schedule(
            plan([
                activity("a", .date(day("2027-03-01"))),
                activity("pushed", .relative(after: [after("a")], before: nil), notBefore: "2027-04-10"),
                activity("late", .relative(after: [after("a")], before: nil), notAfter: "2027-03-01"),
                activity("early-fixed", .date(day("2027-02-01")), notBefore: "2027-02-02"),
            ]))
        #expect(schedule.days("pushed") == ["2027-04-12"])
        #expect(schedule.kinds() == [.notAfterViolated, .notBeforeViolated])
    }

    @Test func durationsInWorkdaysAndWeeks() {
        let schedule = Scheduler.schedule(
            plan([
                activity("enkat", .date(day("2027-09-13")), duration: .weeks(3)),
                activity("kurs", .date(day("2027-03-25")), duration: .workdays(3)),
                activity("efter", .relative(after: [after("enkat", 2)], before: nil)),
            ]))
        let enkat = schedule.occurrences.first { $0.activity == "enkat" }!
        #expect(enkat.timing == .allDay(first: day("2027-09-13"), last: day("2027-10-03")))
        let kurs = schedule.occurrences.first { $0.activity == "kurs" }!
        #expect(kurs.timing == .allDay(first: day("2027-03-25"), last: day("2027-03-31")))
        #expect(schedule.days("efter") == ["2027-10-05"])
    }

    @Test func movesPropagateToDependentsButNotToPinnedOnes() {
        var moved = namnd
        moved.overrides = [3: OccurrenceOverride(day: day("2027-03-31"), sequence: 1, modified: Timestamp(secondsSince1970: 1_800_000_000))]
        let activities = [
            moved,
            activity("protokoll", .relative(after: [after("namnd", 3)], before: nil), forEach: "namnd"),
            activity("pinned", .relative(after: [after("namnd", 1, occurrence: 3)], before: nil), pinned: true),
        ]
        let schedule = Scheduler.schedule(plan(activities))
        #expect(schedule.days("namnd")[2] == "2027-03-31")
        #expect(schedule.days("protokoll")[2] == "2027-04-05")
        #expect(schedule.days("pinned") == ["2027-03-25"])
        #expect(schedule.kinds() == [.pinnedPushed])
        let movedOccurrence = schedule.occurrences.first { $0.uid == "t-namnd-3" }!
        #expect(movedOccurrence.sequence == 1)
        #expect(movedOccurrence.lastModified == Timestamp(secondsSince1970: 1_800_000_000))
    }

    @Test func cancellingAMeetingCancelsItsForEachOccurrence() {
        var cancelled = namnd
        cancelled.overrides = [2: OccurrenceOverride(status: .cancelled, sequence: 1)]
        let schedule = Scheduler.schedule(
            plan([cancelled, activity("protokoll", .relative(after: [after("namnd", 3)], before: nil), forEach: "namnd")]))
        #expect(schedule.occurrences.filter { $0.status == .cancelled }.map(\.uid) == ["t-namnd-2", "t-protokoll-2"])
    }

    @Test func capacityPerDayAndWeek() {
        let owners = [Owner(id: "anna", name: "Anna Berg", capacity: Capacity(maxPerDay: 1))]
        let audiences = [Audience(id: "medarbetare", name: "Medarbetare", capacity: Capacity(maxPerWeek: 2))]
        let schedule = Scheduler.schedule(
            plan(
                [
                    activity("a", .date(day("2027-04-12")), owner: "anna", audiences: ["medarbetare"]),
                    activity("b", .date(day("2027-04-12")), owner: "anna", audiences: ["medarbetare"]),
                    activity("c", .date(day("2027-04-14")), audiences: ["medarbetare"]),
                    activity("d", .date(day("2027-04-19")), owner: "anna", audiences: ["medarbetare"]),
                ], owners: owners, audiences: audiences))
        #expect(schedule.kinds() == [.ownerOverCapacity, .audienceOverCapacity])
        #expect(schedule.conflicts[0].english == "owner 'anna' (Anna Berg) has 2 activities on 2027-04-12, more than max-per-day 1: 'a[1]', 'b[1]'")
        #expect(schedule.conflicts[1].english.contains("in week 15 of 2027"))
        // The day for a week is its Monday.
        #expect(schedule.conflicts.map { $0.day?.description } == ["2027-04-12", "2027-04-12"])
        #expect(!schedule.hasErrors)
    }

    @Test func outputIsSortedAndDeterministic() {
        let activities = [
            namnd,
            activity("morning", .dates([day("2027-01-27")]), time: "09:00"),
            activity("allday", .dates([day("2027-01-27")])),
        ]
        let first = Scheduler.schedule(plan(activities))
        #expect(first.occurrences.prefix(3).map(\.activity.rawValue) == ["allday", "morning", "namnd"])
        let second = Scheduler.schedule(plan(activities))
        #expect(first.occurrences == second.occurrences)
    }

    @Test func aLargeChainCrossesTheYearWithoutRecursion() {
        var activities = [activity("a0", .date(day("2027-01-04")))]
        for i in 1..<20_000 { activities.append(activity("a\(i)", .relative(after: [after("a\(i - 1)", 0)], before: nil))) }
        let schedule = Scheduler.schedule(plan(activities.reversed()))
        #expect(schedule.occurrences.count == 20_000)
        #expect(schedule.days("a19999") == ["2027-01-04"])
    }
}

struct CancelledDependencyTests {
    @Test func anActivityWithACancelledMeetingIsReported() {
        var cancelled = namnd
        cancelled.overrides = [2: OccurrenceOverride(status: .cancelled, sequence: 1)]
        let schedule = Scheduler.schedule(
            plan([
                cancelled,
                activity("vb", .with(ActivityReference(activity: "namnd", occurrence: 2))),
                activity("t1", .with(ActivityReference(activity: "namnd", occurrence: 3))),
            ]))
        #expect(schedule.kinds() == [.cancelledDependency])
        #expect(schedule.conflicts[0].activities == ["vb", "namnd"])
        #expect(schedule.conflicts[0].severity == .warning)
        #expect(schedule.days("vb") == ["2027-02-24"])
    }
}

/// The schedule's order: start day, start minute (all-day first), plan order, occurrence
/// number, by packed keys when the numbers fit and by tuples otherwise: the same order.
@Suite("Occurrence order")
struct OccurrenceOrderTests {
    /// Deterministic pseudo-random occurrences.
    static func occurrences(count: Int, daySpread: Int, maxIndex: Int) -> (occurrences: [Occurrence], positions: [Int]) {
        var state: UInt64 = 2027
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        var occurrences: [Occurrence] = []
        var positions: [Int] = []
        var used: Set<[Int]> = []
        while occurrences.count < count {
            let position = next(50)
            let index = 1 + next(maxIndex)
            guard used.insert([position, index]).inserted else { continue }
            let day = Day(dayNumber: 20_000 + next(daySpread))
            let timing: OccurrenceTiming =
                next(3) == 0
                ? .allDay(first: day, last: day)
                : .timed(
                    start: LocalDateTime(day: day, time: TimeOfDay(hour: next(24), minute: next(4) * 15)!),
                    end: LocalDateTime(day: day, time: TimeOfDay(hour: 23, minute: 59)!))
            occurrences.append(
                Occurrence(uid: "u\(position)-\(index)", activity: .init("a\(position)"), index: index, timing: timing, status: .planned, owner: nil))
            positions.append(position)
        }
        return (occurrences, positions)
    }

    static func reference(_ occurrences: [Occurrence], _ positions: [Int]) -> [Int] {
        occurrences.indices.sorted {
            let a = occurrences[$0]
            let b = occurrences[$1]
            return (a.timing.firstDay.dayNumber, a.timing.startMinute, positions[$0], a.index)
                < (b.timing.firstDay.dayNumber, b.timing.startMinute, positions[$1], b.index)
        }
    }

    @Test(arguments: [(365, 60), (40_000, 60), (365, 20_000)])
    func packedAndTupleOrdersAgree(daySpread: Int, maxIndex: Int) {
        let (occurrences, positions) = Self.occurrences(count: 2_000, daySpread: daySpread, maxIndex: maxIndex)
        let order = Scheduler.sortedOrder(occurrences, activityPositions: positions)
        #expect(order == Self.reference(occurrences, positions))
        #expect(Set(order).count == occurrences.count)
    }
}
