import ArgumentParser
import Arsplan
import ArsplanWorkspace

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a plan file and its schedule; print every problem with file and line.",
        discussion: "Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors.")

    @OptionGroup var plan: PlanArgument

    func run() throws {
        let loaded = try plan.load()
        loaded.diagnostics.forEach(Terminal.print)
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.count
        Terminal.output(
            "\(loaded.path): \(loaded.plan.activities.count) aktiviteter, \(loaded.schedule.occurrences.count) tillfällen, "
                + "\(errors) fel, \(warnings) varning\(warnings == 1 ? "" : "ar")\n")
        if errors > 0 { throw ExitCode(1) }
    }
}
