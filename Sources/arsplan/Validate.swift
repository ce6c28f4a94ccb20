import ArgumentParser
import Arsplan
import ArsplanWorkspace

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: tr(.validateAbstract),
        discussion: tr(.validateDiscussion))

    @OptionGroup var plan: PlanArgument

    func run() throws {
        let loaded = try plan.load()
        loaded.diagnostics.forEach(Terminal.print)
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.count
        Terminal.output(
            tr(
                .validateSummary(
                    path: loaded.path, activities: loaded.plan.activities.count, occurrences: loaded.schedule.occurrences.count,
                    errors: errors, warnings: warnings)) + "\n")
        if errors > 0 { throw ExitCode(1) }
    }
}
