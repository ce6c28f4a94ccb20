import Arsplan

/// `schedule --format csv`: one row per occurrence (RFC 4180 quoting, CRLF line ends),
/// with column names in the reader's language (Swedish by default) for the people who open
/// it in a spreadsheet.
///
/// With `excel`, it is made for Excel set to Swedish: a UTF-8 byte order mark (without it,
/// Excel reads "Månadsbrev" as "MÃ¥nadsbrev"), `;` between fields, and the start and end each
/// as a date column (`2027-03-23`) and a time column (`17:00`, empty for an all-day
/// occurrence), which Excel takes for dates and times rather than text.
public enum ScheduleCSV {
    /// The columns, in order.
    public static let columns: [ViewText.Column] = [
        .uid, .activity, .number, .title, .kind, .start, .end, .allDay, .owner, .audiences, .channels, .unit, .goals, .status,
    ]
    /// The columns with `excel`: start and end split into date and time.
    public static let excelColumns: [ViewText.Column] = [
        .uid, .activity, .number, .title, .kind, .startDate, .startTime, .endDate, .endTime, .allDay, .owner, .audiences,
        .channels, .unit, .goals, .status,
    ]
    /// The header row in Swedish.
    public static var header: [String] { columns.map { SwedishCatalogue().view(.column($0)) } }

    /// `separator` is `,` by default; `;` suits spreadsheets set to Swedish (and is what
    /// `excel` always uses). Every cell, the header's too, goes through ``field(_:_:)``.
    public static func render(
        _ schedule: Schedule, separator: Character = ",", excel: Bool = false, catalogue: any Catalogue = SwedishCatalogue()
    ) -> String {
        let separator: Character = excel ? ";" : separator
        let plan = schedule.plan
        let activities = Dictionary(plan.activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let header = (excel ? excelColumns : columns).map { catalogue.view(.column($0)) }
        var lines = [header.map { field($0, separator) }.joined(separator: String(separator))]
        for occurrence in schedule.occurrences {
            let activity = activities[occurrence.activity]
            var times: [String]
            if excel {
                switch occurrence.timing {
                case .allDay(let first, let last): times = [first.description, "", last.description, ""]
                case .timed(let start, let end): times = [start.day.description, start.time.description, end.day.description, end.time.description]
                }
            } else {
                let (start, end) = occurrence.timing.isoRange
                times = [start, end]
            }
            let row: [String] =
                [
                    occurrence.uid, occurrence.activity.rawValue, String(occurrence.index), activity?.title ?? "", activity?.kind ?? "",
                ] + times + [
                    catalogue.view(occurrence.timing.isAllDay ? .yes : .no),
                    occurrence.owner.flatMap { plan.owner($0)?.name } ?? "",
                    (activity?.audiences ?? []).map { plan.audience($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                    (activity?.channels ?? []).map { plan.channel($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                    activity?.unit.flatMap { plan.unit($0)?.name } ?? "",
                    (activity?.goals ?? []).map { plan.goal($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                    catalogue.view(.status(occurrence.status)),
                ]
            lines.append(row.map { field($0, separator) }.joined(separator: String(separator)))
        }
        return (excel ? "\u{FEFF}" : "") + lines.joined(separator: "\r\n") + "\r\n"
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
