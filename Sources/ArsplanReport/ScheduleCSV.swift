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

    /// One CSV field, safe for a spreadsheet (see docs/plan-format.md, "CSV").
    ///
    /// * A field that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read
    ///   as a formula (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`): as OWASP recommends, it gets a
    ///   single quote in front and is quoted, so the spreadsheet shows it as text. A field that
    ///   is a plain number (`-5`, `+3`, `-1.5`) is left as it is: it cannot hide a formula.
    /// * A field holding the separator, a double quote, CR or LF is quoted (RFC 4180), quotes
    ///   doubled. The test is on bytes: `"\r\n"` is one `Character` in Swift.
    static func field(_ text: String, _ separator: Character) -> String {
        var text = text
        var quote = false
        if let first = text.utf8.first, [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D].contains(first),
            !isPlainNumber(text)
        {
            text = "'" + text
            quote = true
        }
        let separatorBytes = Array(String(separator).utf8)
        if !quote {
            quote =
                text.utf8.contains { $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
                || (separatorBytes.count == 1 ? text.utf8.contains(separatorBytes[0]) : text.contains(separator))
        }
        guard quote else { return text }
        // Scalar by scalar: a quote followed by a combining mark is one Character, but still a quote.
        var quoted = String.UnicodeScalarView()
        quoted.append("\"")
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.append("\"") }
            quoted.append(scalar)
        }
        quoted.append("\"")
        return String(quoted)
    }

    /// `-5`, `+3`, `12`, `-1.5`, `-1,5`: an optional sign, digits, and at most one decimal part.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }
}
