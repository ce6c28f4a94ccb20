import Arsplan
import Testing

@testable import ArsplanPlanFile

/// `arsplan init`'s plan: it must validate with no error and no warning in every year a plan may have.
struct StarterPlanTests {
    static func check(_ year: Int, organization: String? = "Miljöförvaltningen") -> (diagnostics: [Diagnostic], schedule: Schedule?) {
        let text = StarterPlan.text(id: "mf-\(year)", title: "Kommunikationsplan \"Miljö\": \(year)", year: year, organization: organization)
        let result = PlanFile.parse(text, file: "mf.yaml")
        guard let plan = result.plan else { return (result.diagnostics, nil) }
        let schedule = Scheduler.schedule(plan)
        return (result.diagnostics, schedule)
    }

    /// Every year 1900–2200: leap years (2000, 2024, 2028), centuries that are not (1900, 2100),
    /// Easter as early as 22 March (2285 is out of range; 1913, 2008) and as late as 25 April
    /// (1943, 2038), midsommarafton on 19 June (2026) and 25 June (2027), and 1 January on a Tuesday.
    @Test func everyYearValidatesWithoutAnErrorOrAWarning() {
        var failures: [String] = []
        for year in PlanLimits.years {
            let (diagnostics, schedule) = Self.check(year, organization: year % 2 == 0 ? "Miljöförvaltningen" : nil)
            let problems = diagnostics.map { "\($0)" } + (schedule?.conflicts.map { "\($0.kind): \($0.message)" } ?? ["no plan"])
            if !problems.isEmpty { failures.append("\(year): " + problems.joined(separator: "; ")) }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }

    @Test(arguments: [1900, 1913, 1943, 2000, 2008, 2024, 2026, 2027, 2028, 2038, 2100, 2200])
    func theStandardYearIsThere(year: Int) throws {
        let schedule = try #require(Self.check(year).schedule)
        func occurrences(_ id: Activity.ID) -> [Occurrence] { schedule.occurrences.filter { $0.activity == id } }
        // Eleven meetings, none in July, one notice after each.
        #expect(occurrences("namnd").count == 11)
        #expect(!occurrences("namnd").contains { $0.timing.firstDay.month == 7 })
        #expect(occurrences("namnd-notis").count == 11)
        // A newsletter every month but July.
        #expect(occurrences("nyhetsbrev").map(\.timing.firstDay.month) == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12])
        // VB, T1, T2 and VP on the meetings that decide them.
        let meetings = occurrences("namnd").map(\.timing.firstDay)
        for (report, meeting) in [("vb", 2), ("t1", 5), ("t2", 9), ("vp", 10)] {
            #expect(occurrences(Activity.ID(report)).map(\.timing.firstDay) == [meetings[meeting - 1]], "\(report)")
        }
        // Each survey once, in its month; nothing falls in the summer closure.
        #expect(occurrences("medarbetarenkat").map(\.timing.firstDay.month) == [9])
        #expect(occurrences("kundenkat").map(\.timing.firstDay.month) == [4])
        let closure = StarterPlan.summerClosure(year: year)
        #expect(closure.from.weekday == .monday && closure.to.weekday == .friday && closure.from.month == 7)
        #expect(!schedule.occurrences.contains { $0.timing.firstDay >= closure.from && $0.timing.firstDay <= closure.to })
        // Every activity has an owner the plan declares.
        #expect(schedule.plan.activities.allSatisfy { $0.owner.map { schedule.plan.owner($0) != nil } == true })
    }

    @Test(arguments: ["mf-2028", "a", "SF_2027", String(repeating: "a", count: 64)])
    func validIDs(id: String) { #expect(StarterPlan.isValidID(id)) }

    @Test(arguments: ["", "mf 2028", "-mf", "_x", "mf/2028", "..", "miljö", String(repeating: "a", count: 65)])
    func invalidIDs(id: String) { #expect(!StarterPlan.isValidID(id)) }

    @Test func titlesAreQuotedSoThatAnyTextReadsBack() throws {
        for title in [#"A "quoted" title: with colon # and hash"#, #"Back\slash"#, "- dash", "[brackets]", "{braces}", "&anchor *alias", "yes"] {
            let result = PlanFile.parse(StarterPlan.text(id: "x", title: title, year: 2027, organization: title), file: "x.yaml")
            let plan = try #require(result.plan, "\(result.diagnostics)")
            #expect(plan.title == title)
            #expect(plan.organization == title)
        }
        #expect(!StarterPlan.isValidName("two\nlines"))
        #expect(!StarterPlan.isValidName("   "))
    }
}
