import Arsplan
import ArsplanICal
import ArsplanPlanFile
import Foundation

/// `dates-from: kalendrar/namnd.ics` — reads the named calendars (paths relative to the
/// plan file) and fills in their dates before the plan is scheduled.
struct DatesFrom {
    let files: any FileSystem

    /// The plan with every `dates-from` placement filled in — or nil, with a located error for
    /// every calendar that cannot be read, parsed, or has no events in the plan year.
    ///
    /// `calendars` are the files read, each once, with the bytes the dates came from.
    func resolve(_ document: PlanDocument, planPath: String) -> (plan: Plan?, diagnostics: [Diagnostic], calendars: [CalendarSource]) {
        // Most plans have none.
        if let plan = document.plan { return (plan, [], []) }
        var calendars: [CalendarSource] = []
        var diagnostics: [Diagnostic] = []
        var found: [Activity.ID: [ImportedDate]] = [:]
        var cache: [String: Result<ImportedCalendar, ICalError>] = [:]
        var warned: Set<String> = []
        let planDirectory = URL(fileURLWithPath: planPath).deletingLastPathComponent()

        for item in document.imports {
            let source = item.source
            // The calendar as the user can find it: relative to the working directory when the
            // plan path was relative, so that it can be opened as printed.
            let path = source.hasPrefix("/") ? source : shown(planDirectory.appendingPathComponent(source).path, planPath: planPath, source: source)
            let result: Result<ImportedCalendar, ICalError>
            if let cached = cache[path] {
                result = cached
            } else {
                guard let data = try? files.contents(of: path) else {
                    // Diagnostics point at the `dates-from:` key the reader recorded.
                    diagnostics.append(
                        Diagnostic(
                            severity: .error, code: .icsUnreadable,
                            text: .file(.datesFrom(activity: item.activity.rawValue, problem: .calendarUnreadable(path: path))),
                            file: planPath, location: item.location, notes: [.file(.calendarPathNote)]))
                    continue
                }
                calendars.append(CalendarSource(path: path, bytes: data))
                let text = String(decoding: data, as: UTF8.self)
                do throws(ICalError) {
                    result = .success(
                        try CalendarImport.read(ics: text, file: path, year: document.year, timeZone: document.timezone))
                } catch {
                    result = .failure(error)
                }
                cache[path] = result
            }
            switch result {
            case .success(let imported):
                found[item.activity] = imported.dates
                // libical's warnings, at their line in the calendar file, once per file.
                if warned.insert(path).inserted {
                    let at = item.location.map { "\(planPath):\($0.line):\($0.column)" } ?? planPath
                    for warning in imported.warnings {
                        // A cut event (one that repeats too often to follow) is arsplan's warning, not libical's.
                        diagnostics.append(
                            Diagnostic(
                                severity: .warning, code: .icsWarning,
                                text: .file(warning.cutEvent?.text ?? .libicalWarning(message: warning.message)),
                                file: path, location: warning.line.map { SourceLocation(line: $0, column: 1) },
                                notes: [
                                    .file(
                                        warning.cut
                                            ? .eventCutNote(activity: item.activity.rawValue, at: at)
                                            : .libicalWarningNote(activity: item.activity.rawValue, at: at))
                                ]))
                    }
                }
            case .failure(let error):
                diagnostics.append(
                    Diagnostic(
                        severity: .error, code: error.code,
                        text: .file(.datesFrom(activity: item.activity.rawValue, problem: error.text)),
                        file: planPath, location: item.location))
            }
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics, calendars) }
        return (document.resolved { found[$0.activity] ?? [] }, diagnostics, calendars)
    }

    private func shown(_ absolute: String, planPath: String, source: String) -> String {
        guard !planPath.hasPrefix("/") else { return absolute }
        let directory = (planPath as NSString).deletingLastPathComponent
        return directory.isEmpty ? source : (directory as NSString).appendingPathComponent(source)
    }
}
