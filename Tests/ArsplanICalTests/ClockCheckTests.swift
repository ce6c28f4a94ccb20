import Arsplan
import ArsplanICal
import Testing

@Suite("Times the clock change skips or repeats")
struct ClockCheckTests {
    static func plan(_ day: Day, _ time: String) -> Schedule {
        let (h, m) = (Int(time.prefix(2))!, Int(time.suffix(2))!)
        return Scheduler.schedule(
            Plan(
                id: "p", title: "P", year: 2027,
                activities: [
                    Activity(
                        id: "natt", title: "Nattjobb", placement: .date(day), time: TimeOfDay(hour: h, minute: m)!,
                        duration: .minutes(30), location: SourceLocation(line: 12, column: 5))
                ]))
    }

    @Test(arguments: [
        (3, 28, "02:30", DiagnosticCode?.some(.timeInDSTGap)), (3, 28, "02:00", .timeInDSTGap), (3, 28, "03:00", nil),
        (3, 28, "01:59", nil), (10, 31, "02:30", .timeAmbiguous), (10, 31, "02:00", .timeAmbiguous), (10, 31, "03:00", nil),
        (10, 31, "01:30", nil), (6, 1, "02:30", nil),
    ])
    func gapAndRepeatedHourInStockholm(month: Int, day: Int, time: String, expected: DiagnosticCode?) throws {
        let conflicts = try ClockCheck.conflicts(in: Self.plan(Day(year: 2027, month: month, day: day)!, time))
        #expect(conflicts.map(\.kind) == (expected.map { [$0] } ?? []))
        #expect(conflicts.allSatisfy { $0.severity == .warning && $0.location == SourceLocation(line: 12, column: 5) })
    }
}
