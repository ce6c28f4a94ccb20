import Arsplan
import ArsplanICal
import Foundation

/// `dates-from: kalendrar/namnd.ics` — reads the named calendars (paths relative to the
/// plan file) and fills in their dates before the plan is scheduled.
enum DatesFrom {
    /// The plan with every `dates-from` placement filled in, and a located error for every
    /// calendar that cannot be read, parsed, or has no events in the plan year.
    static func resolve(_ plan: Plan, planPath: String) -> (plan: Plan, diagnostics: [Diagnostic]) {
        // Most plans have none: found out without copying any activity out.
        guard plan.activities.contains(where: { if case .imported = $0.placement { true } else { false } }) else {
            return (plan, [])
        }
        var plan = plan
        var diagnostics: [Diagnostic] = []
        var cache: [String: Result<[ImportedDate], ICalError>] = [:]
        let planDirectory = URL(fileURLWithPath: planPath).deletingLastPathComponent()

        for index in plan.activities.indices {
            // A plain case test first: binding the payload of every activity's placement costs.
            guard case .imported = plan.activities[index].placement,
                case .imported(let source, let dates) = plan.activities[index].placement, dates.isEmpty
            else { continue }
            let activity = plan.activities[index]
            // Diagnostics point at the `dates-from:` key the reader recorded.
            let location = activity.placementLocation ?? activity.location
            // The calendar as the user can find it: relative to the working directory when the
            // plan path was relative, so that it can be opened as printed.
            let path = source.hasPrefix("/") ? source : shown(planDirectory.appendingPathComponent(source).path, planPath: planPath, source: source)
            let result: Result<[ImportedDate], ICalError>
            if let cached = cache[path] {
                result = cached
            } else {
                guard let data = FileManager.default.contents(atPath: path) else {
                    diagnostics.append(
                        Diagnostic(
                            severity: .error, code: .icsUnreadable,
                            message: "'dates-from' of '\(activity.id)': cannot read calendar file '\(path)'",
                            file: planPath, location: location,
                            notes: ["the path is relative to the plan file's folder"]))
                    continue
                }
                let text = String(decoding: data, as: UTF8.self)
                do throws(ICalError) {
                    result = .success(
                        try CalendarImport.dates(fromICS: text, file: path, year: plan.year, timeZone: plan.timezone))
                } catch {
                    result = .failure(error)
                }
                cache[path] = result
            }
            switch result {
            case .success(let imported):
                plan.activities[index].placement = .imported(source: source, dates: imported)
            case .failure(let error):
                diagnostics.append(
                    Diagnostic(
                        severity: .error, code: error.code,
                        message: "'dates-from' of '\(activity.id)': \(sentenceBody(error.description))",
                        file: planPath, location: location))
            }
        }
        return (plan, diagnostics)
    }

    private static func shown(_ absolute: String, planPath: String, source: String) -> String {
        guard !planPath.hasPrefix("/") else { return absolute }
        let directory = (planPath as NSString).deletingLastPathComponent
        return directory.isEmpty ? source : (directory as NSString).appendingPathComponent(source)
    }

    /// "Calendar file 'x' has no events in 2027." → "calendar file 'x' has no events in 2027".
    private static func sentenceBody(_ text: String) -> String {
        var body = text
        if body.hasSuffix(".") { body.removeLast() }
        guard let first = body.first else { return body }
        return first.lowercased() + body.dropFirst()
    }
}
