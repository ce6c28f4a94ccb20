import Arsplan
import ArgumentParser
import ArsplanPlanFile
import Foundation

/// The plan-file argument every plan command takes.
struct PlanArgument: ParsableArguments {
    @Argument(help: "The plan file (YAML), e.g. Plans/serviceforvaltningen-2027.yaml.", completion: .file(extensions: ["yaml", "yml"]))
    var plan: String

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: plan, isDirectory: &isDirectory), !isDirectory.boolValue else {
            throw ValidationError("No plan file at '\(plan)'.")
        }
    }
}

/// A plan read from disk and scheduled, with everything found on the way.
struct LoadedPlan {
    var path: String
    var plan: Plan
    var schedule: Schedule
    /// Diagnostics from the plan file, then the schedule's conflicts.
    var diagnostics: [Diagnostic]

    var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

enum PlanLoading {
    /// Reads, parses and schedules the plan at `path`. Prints every diagnostic to standard
    /// error; throws exit code 1 when the plan file itself has errors (nothing to schedule).
    static func load(_ path: String) throws -> LoadedPlan {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            Terminal.print(Diagnostic(severity: .error, code: "unreadable_file", message: "cannot read the plan file: \(error.localizedDescription)", file: path))
            throw ExitCode(1)
        }
        let parsed = PlanFile.parse(text, file: path)
        guard let plan = parsed.plan, !parsed.hasErrors else {
            parsed.diagnostics.forEach(Terminal.print)
            Terminal.summary(path: path, diagnostics: parsed.diagnostics)
            throw ExitCode(1)
        }
        // `dates-from:` calendars are read here, relative to the plan file, before scheduling.
        let (resolved, importDiagnostics) = DatesFrom.resolve(plan, planPath: path, planText: text)
        guard !importDiagnostics.contains(where: { $0.severity == .error }) else {
            let all = parsed.diagnostics + importDiagnostics
            all.forEach(Terminal.print)
            Terminal.summary(path: path, diagnostics: all)
            throw ExitCode(1)
        }
        let schedule = Scheduler.schedule(resolved)
        let diagnostics = parsed.diagnostics + importDiagnostics + schedule.conflicts.map { $0.diagnostic(file: path) }
        return LoadedPlan(path: path, plan: resolved, schedule: schedule, diagnostics: diagnostics)
    }
}

/// Writing to the terminal: results to standard output, diagnostics to standard error.
enum Terminal {
    static func print(_ diagnostic: Diagnostic) {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(("error: " + text + "\n").utf8))
    }

    /// `Plans/x.yaml: 2 fel, 1 varning` on standard error.
    static func summary(path: String, diagnostics: [Diagnostic]) {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        FileHandle.standardError.write(Data("\(path): \(errors) fel, \(warnings) varning\(warnings == 1 ? "" : "ar")\n".utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}
