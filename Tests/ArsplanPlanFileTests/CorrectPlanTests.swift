import Arsplan
import ArsplanPlanFile
import Testing

/// The values the correct fixtures read into.
@Suite("Correct plan files")
struct CorrectPlanTests {
    private func plan(_ name: String) throws -> Plan {
        let result = try Fixtures.parse("Correct", name)
        #expect(!result.hasErrors, "\(expectLines(result.diagnostics))")
        // The plan as written: calendars named by `dates-from` are read by the workspace, not here.
        return try #require(result.document).resolved { _ in [] }
    }

    private func day(_ text: String) -> Day { Day(iso: text)! }

    private func activity(_ plan: Plan, _ id: String) throws -> Activity {
        try #require(plan.activity(.init(id)), "no activity '\(id)'")
    }

    @Test func planSectionAndCalendar() throws {
        let plan = try plan("full.yaml")
        #expect(plan.id == "sf-2027")
        #expect(plan.title == "Kommunikationsplan Serviceförvaltningen 2027")
        #expect(plan.year == 2027)
        #expect(plan.timezone == "Europe/Stockholm")
        #expect(plan.organization == "Serviceförvaltningen")
        #expect(plan.calendar.holidays == .sweden)
        #expect(
            plan.calendar.closed == [
                ClosedPeriod(from: day("2027-07-05"), to: day("2027-08-06"), name: "Sommarstängt"),
                ClosedPeriod(from: day("2027-05-07"), to: day("2027-05-07"), name: "Klämdag"),
            ])
    }

    @Test func ownersAudiencesChannelsUnitsGoals() throws {
        let plan = try plan("full.yaml")
        #expect(
            plan.owners == [
                Owner(
                    id: "kommunikator", name: "Anna Berg", email: "anna.berg@example.se",
                    capacity: Capacity(maxPerDay: 2), location: SourceLocation(line: 15, column: 3)),
                Owner(
                    id: "forvaltningschef", name: "Per Lind", email: "per.lind@example.se",
                    location: SourceLocation(line: 16, column: 3)),
            ])
        #expect(plan.audiences.map(\.id) == ["medarbetare", "namnden", "kunder"])
        #expect(plan.audience("medarbetare")?.capacity == Capacity(maxPerWeek: 3))
        #expect(plan.audience("kunder")?.capacity == Capacity(maxPerDay: 1, maxPerWeek: 2))
        #expect(plan.audience("kunder")?.name == "Kunder och beställare")
        #expect(plan.channel("intranat")?.name == "Intranät")
        #expect(plan.channel("intranat")?.capacity == Capacity(maxPerWeek: 4))
        #expect(plan.channels.map(\.id) == ["intranat", "mote", "webb"])
        #expect(plan.units.map(\.name) == ["Kontaktcenter Stockholm", "Löne- och pensionsadministration"])
        #expect(
            plan.goals == [
                Goal(
                    id: "aktiv", name: "Kommunikationen är aktiv, tillgänglig och trovärdig",
                    location: .init(line: 31, column: 3))
            ])
    }

    @Test func fixedDatesWithTimeAndDuration() throws {
        let namnd = try activity(plan("full.yaml"), "namnd")
        #expect(namnd.title == "Servicenämndens sammanträde")
        #expect(namnd.kind == "namndmote")
        #expect(namnd.owner == "forvaltningschef")
        #expect(namnd.audiences == ["namnden"])
        #expect(namnd.channels == ["mote"])
        #expect(namnd.goals == ["aktiv"])
        #expect(namnd.unit == nil)
        #expect(namnd.description == "Nämnden sammanträder i Stadshuset.")
        #expect(namnd.placement == .dates([day("2027-01-27"), day("2027-02-24"), day("2027-03-24")]))
        #expect(namnd.time == TimeOfDay(hour: 17, minute: 0))
        #expect(namnd.duration == .minutes(120))
        #expect(namnd.location == SourceLocation(line: 33, column: 5))
        #expect(namnd.pinned == false)
        #expect(namnd.status == .planned)
        #expect(namnd.forEach == nil)
    }

    @Test func withAfterBeforeAndForEach() throws {
        let plan = try plan("full.yaml")
        #expect(try activity(plan, "vb").placement == .with(ActivityReference(activity: "namnd", occurrence: 2)))
        #expect(
            try activity(plan, "vb-intranat").placement
                == .relative(
                    after: [
                        DependencyOffset(
                            reference: .init(activity: "vb"), amount: 2, unit: .workdays,
                            location: .init(line: 54, column: 12))
                    ],
                    before: nil))
        #expect(
            try activity(plan, "underlag").placement
                == .relative(
                    after: [],
                    before: DependencyOffset(
                        reference: .init(activity: "namnd", occurrence: 3), amount: 5, unit: .workdays,
                        location: .init(line: 58, column: 13))))
        let protokoll = try activity(plan, "protokoll")
        #expect(protokoll.forEach == "namnd")
        #expect(
            protokoll.placement
                == .relative(
                    after: [
                        DependencyOffset(
                            reference: .init(activity: "namnd"), amount: 3, location: .init(line: 64, column: 12))
                    ],
                    before: nil))
    }

    @Test func afterListAndWindow() throws {
        let activity = try activity(plan("full.yaml"), "enkatresultat")
        guard case .relative(let after, let before) = activity.placement else {
            Issue.record("not relative: \(activity.placement)")
            return
        }
        #expect(after.map(\.reference.activity) == ["medarbetarenkat", "vb"])
        #expect(after.map(\.amount) == [1, 1])
        #expect(after.map(\.unit) == [.weeks, .workdays])
        #expect(before?.reference == ActivityReference(activity: "namnd", occurrence: 3))
        // `before: namnd[3]` alone: one working day before.
        #expect(before?.amount == 1)
        #expect(before?.unit == .workdays)
        #expect(activity.duration == .workdays(3))
        #expect(activity.status == .tentative)
    }

    @Test func repeatPinnedConstraintsAndImported() throws {
        let plan = try plan("full.yaml")
        let blad = try activity(plan, "informationsblad")
        #expect(
            blad.placement
                == .recurrence(Recurrence(frequency: .months(1), on: .nthWeekday(1, .tuesday), exceptMonths: [7])))
        #expect(blad.unit == "kc")

        let enkat = try activity(plan, "medarbetarenkat")
        #expect(enkat.placement == .date(day("2027-09-13")))
        #expect(enkat.duration == .weeks(3))
        #expect(enkat.notBefore == day("2027-09-01"))
        #expect(enkat.notAfter == day("2027-10-15"))
        #expect(enkat.pinned)

        let seminarium = try activity(plan, "chefsseminarium")
        let imports = try #require(Fixtures.parse("Correct", "full.yaml").document).imports
        #expect(imports.map(\.activity) == ["chefsseminarium"])
        #expect(imports.map(\.source) == ["Calendars/chefsseminarier.ics"])
        #expect(seminarium.placement == .imported(source: "Calendars/chefsseminarier.ics", dates: []))
        // Unquoted 9:30 is a sexagesimal number to YAML 1.1; the reader uses the text as written.
        #expect(seminarium.time == TimeOfDay(hour: 9, minute: 30))
        #expect(seminarium.duration == .minutes(90))
        #expect(seminarium.status == .cancelled)
    }

    @Test func activitiesKeepFileOrder() throws {
        #expect(
            try plan("full.yaml").activities.map(\.id.rawValue) == [
                "namnd", "vb", "vb-intranat", "underlag", "protokoll", "informationsblad", "medarbetarenkat",
                "enkatresultat", "chefsseminarium",
            ])
    }
}

@Suite("Correct plan files: defaults, Swedish words, repeats, short forms")
struct MoreCorrectPlanTests {
    private func plan(_ name: String) throws -> Plan {
        let result = try Fixtures.parse("Correct", name)
        #expect(!result.hasErrors, "\(expectLines(result.diagnostics))")
        return try #require(result.plan)
    }

    private func placements(_ plan: Plan) -> [String: Placement] {
        Dictionary(uniqueKeysWithValues: plan.activities.map { ($0.id.rawValue, $0.placement) })
    }

    @Test func minimalPlanTakesDefaults() throws {
        let plan = try plan("minimal.yaml")
        #expect(plan.timezone == "Europe/Stockholm")
        #expect(plan.organization == nil)
        #expect(plan.calendar == CalendarSettings(holidays: .sweden, closed: []))
        #expect(plan.owners.isEmpty)
        let activity = try #require(plan.activities.first)
        #expect(activity.placement == .date(Day(year: 2027, month: 3, day: 30)!))
        #expect(activity.time == nil)
        #expect(activity.duration == nil)
        #expect(activity.status == .planned)
        #expect(activity.pinned == false)
        #expect(activity.location == SourceLocation(line: 7, column: 5))
    }

    @Test func swedishWords() throws {
        let plan = try plan("swedish-words.yaml")
        let p = placements(plan)
        #expect(
            p["namnd"]
                == .recurrence(
                    Recurrence(frequency: .months(1), on: .nthWeekday(-1, .wednesday), exceptMonths: [7, 8])))
        func offset(_ id: String, _ n: Int? = nil, _ amount: Int, _ unit: OffsetUnit, line: Int, column: Int = 12)
            -> DependencyOffset
        {
            DependencyOffset(
                reference: .init(activity: .init(id), occurrence: n), amount: amount, unit: unit,
                location: .init(line: line, column: column))
        }
        #expect(p["utskick"] == .relative(after: [], before: offset("namnd", nil, 5, .workdays, line: 11, column: 13)))
        #expect(p["protokoll"] == .relative(after: [offset("namnd", nil, 1, .workdays, line: 15)], before: nil))
        #expect(p["paminnelse"] == .relative(after: [offset("namnd", 2, 3, .days, line: 18)], before: nil))
        #expect(p["uppfoljning"] == .relative(after: [offset("namnd", 3, 2, .weeks, line: 21)], before: nil))
        #expect(
            p["kort"]
                == .relative(
                    after: [offset("namnd", 1, 1, .days, line: 24)],
                    before: offset("namnd", 2, 1, .weeks, line: 25, column: 13)))
        #expect(p["fika"] == .recurrence(Recurrence(frequency: .weeks(2), on: .weekday(.friday))))
        #expect(plan.activity("fika")?.time == TimeOfDay(hour: 15, minute: 0))
        #expect(p["lonebesked"] == .recurrence(Recurrence(frequency: .months(1), on: .dayOfMonth(-1))))
        #expect(p["personalblad"] == .recurrence(Recurrence(frequency: .months(2), on: .nthWeekday(2, .tuesday))))
        #expect(plan.activity("utskick")?.forEach == "namnd")
    }

    @Test func repeats() throws {
        let p = placements(try plan("repeats.yaml"))
        func day(_ s: String) -> Day { Day(iso: s)! }
        #expect(p["veckobrev"] == .recurrence(Recurrence(frequency: .weeks(1), on: .weekday(.monday))))
        #expect(
            p["varannan"]
                == .recurrence(
                    Recurrence(
                        frequency: .weeks(2), on: .weekday(.thursday),
                        exceptDates: [day("2027-04-01"), day("2027-05-13")],
                        from: day("2027-01-07"), until: day("2027-06-17"))))
        #expect(p["nyhetsbrev"] == .recurrence(Recurrence(frequency: .months(1), on: .nthWeekday(-1, .friday))))
        #expect(p["lon"] == .recurrence(Recurrence(frequency: .months(1), on: .dayOfMonth(25), exceptMonths: [7, 12])))
        #expect(p["manadsslut"] == .recurrence(Recurrence(frequency: .months(1), on: .dayOfMonth(-1))))
        #expect(p["sista"] == .recurrence(Recurrence(frequency: .months(1), on: .dayOfMonth(-1))))
        #expect(
            p["kvartal"]
                == .recurrence(
                    Recurrence(frequency: .months(3), on: .nthWeekday(2, .wednesday), from: day("2027-01-01"))))
        #expect(p["femte"] == .recurrence(Recurrence(frequency: .months(1), on: .nthWeekday(5, .monday))))
    }

    @Test func shortForms() throws {
        let plan = try plan("shorthand.yaml")
        #expect(plan.calendar.holidays == HolidayRules.none)
        #expect(plan.owners.map(\.name) == ["Anna Berg", "per"])
        #expect(plan.audience("medarbetare")?.name == "Medarbetare")
        #expect(plan.channel("intranat")?.name == "Intranät")
        #expect(plan.units.isEmpty)
        #expect(plan.goal("aktiv")?.name == "Aktiv kommunikation")
        let start = try #require(plan.activity("start"))
        #expect(start.audiences == ["medarbetare"])
        #expect(start.channels == ["intranat"])
        #expect(start.goals == ["aktiv"])
        let p = placements(plan)
        #expect(
            p["nasta"]
                == .relative(
                    after: [
                        DependencyOffset(
                            reference: .init(activity: "start"), amount: 1, unit: .workdays,
                            location: .init(line: 31, column: 12))
                    ], before: nil))
        #expect(p["samma"] == .with(ActivityReference(activity: "start")))
        #expect(p["lista"] == .dates([Day(iso: "2027-02-01")!]))
    }

    @Test func warningsKeepThePlan() throws {
        let result = try Fixtures.parse("Correct", "warnings.yaml")
        #expect(result.plan != nil)
        #expect(!result.hasErrors)
        #expect(result.diagnostics.map(\.severity) == [.warning])
        #expect(
            result.diagnostics.first?.description
                == "Fixtures/Correct/warnings.yaml:7:15: varning: längden '3h' räknas i timmar, men aktiviteten 'workshop' har ingen 'time' och varar därför hela dagen; lägg till 'time: \"HH:MM\"' eller ange längden i dagar ('1d') [duration_without_time]"
        )
    }
}
