import Testing

@testable import Arsplan

/// A plan finds an activity by its id through an index of positions; with an id given twice
/// (reported by the reader and the scheduler), the index names the first.
struct PlanIndexTests {
    @Test func aRepeatedIDIsFoundAtItsFirstPosition() {
        var first = activity("a", .date(day("2027-03-01")))
        first.title = "Första"
        var third = activity("a", .date(day("2027-03-03")))
        third.title = "Tredje"
        let built = plan([first, activity("b", .date(day("2027-03-02"))), third, activity("a", .date(day("2027-03-04")))])
        #expect(built.activityPosition("a") == 0)
        #expect(built.activityPosition("b") == 1)
        #expect(built.activityTitle("a") == "Första")
        #expect(built.activityPosition("c") == nil)
        // Set again, in another order: the index is built anew.
        var changed = built
        changed.activities = [activity("b", .date(day("2027-03-02"))), third, first]
        #expect(changed.activityPosition("a") == 1)
        #expect(changed.activityTitle("a") == "Tredje")
    }
}
