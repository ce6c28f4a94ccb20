// libFuzzer target: the plan reader and the scheduler. Any input must give a plan or
// located diagnostics, never a trap. Run through `make fuzz` (see Fuzz/README.md).
import Arsplan
import ArsplanPlanFile

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPlan(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let text: String
    switch PlanFile.decodeText(bytes, file: "fuzz.yaml") {
    case .success(let decoded): text = decoded
    case .failure(let unreadable):
        precondition(unreadable.diagnostic.location != nil, "a text that is not UTF-8 is reported without a place")
        return 0
    }
    let parsed = PlanFile.parse(text, file: "fuzz.yaml")
    for diagnostic in parsed.diagnostics where diagnostic.severity == .error {
        precondition(diagnostic.location != nil, "an error without a place: \(diagnostic)")
    }
    if let plan = parsed.document?.plan {
        let schedule = Scheduler.schedule(plan)
        // Every occurrence the schedule keeps lies in the dates a plan may reach.
        for occurrence in schedule.occurrences {
            precondition(PlanLimits.allowedDays(planYear: plan.year).contains(occurrence.timing.firstDay), "\(occurrence.timing.firstDay) out of range")
            precondition(PlanLimits.allowedDays(planYear: plan.year).contains(occurrence.timing.lastDay), "\(occurrence.timing.lastDay) out of range")
        }
    }
    return 0
}
