import Arsplan

/// `schedule --format csv`: one row per occurrence (RFC 4180 quoting, CRLF line ends),
/// with Swedish column names for the people who open it in a spreadsheet.
public enum ScheduleCSV {
    public static let header = [
        "uid", "aktivitet", "nr", "titel", "typ", "start", "slut", "heldag", "ansvarig", "målgrupper", "kanaler",
        "verksamhetsområde", "mål", "status",
    ]

    /// `separator` is `,` by default; `;` suits spreadsheets set to Swedish.
    public static func render(_ schedule: Schedule, separator: Character = ",") -> String {
        let plan = schedule.plan
        let activities = Dictionary(plan.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var lines = [header.map { field($0, separator) }.joined(separator: String(separator))]
        for occurrence in schedule.occurrences {
            let activity = activities[occurrence.activity]
            let (start, end) = occurrence.timing.isoRange
            let row: [String] = [
                occurrence.uid, occurrence.activity.rawValue, String(occurrence.index), activity?.title ?? "",
                activity?.kind ?? "", start, end, occurrence.timing.isAllDay ? "ja" : "nej",
                occurrence.owner.flatMap { plan.owner($0)?.name } ?? "",
                (activity?.audiences ?? []).map { plan.audience($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                (activity?.channels ?? []).map { plan.channel($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                activity?.unit.flatMap { plan.unit($0)?.name } ?? "",
                (activity?.goals ?? []).map { plan.goal($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                Swedish.status(occurrence.status),
            ]
            lines.append(row.map { field($0, separator) }.joined(separator: String(separator)))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    static func field(_ text: String, _ separator: Character) -> String {
        guard text.contains(where: { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
