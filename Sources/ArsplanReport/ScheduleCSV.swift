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
    ///
    /// The cells an activity gives every one of its occurrences (title, kind, audiences,
    /// channels, unit, goals) are made once per activity, and rows are written into one byte
    /// buffer. Made per occurrence, with the activity copied out of a dictionary for each,
    /// they were 1,456 M instructions of `schedule --format csv` on the 20,000-activity bench
    /// plan with its 1,000-entry journal; now 260 M (callgrind). ``renderByRows(_:separator:excel:catalogue:)``,
    /// the way it was, is kept for the tests to compare.
    public static func render(
        _ schedule: Schedule, separator: Character = ",", excel: Bool = false, catalogue: any Catalogue = SwedishCatalogue()
    ) -> String {
        let separator: Character = excel ? ";" : separator
        let plan = schedule.plan
        let sep = Array(String(separator).utf8)
        let separatorByte = sep.count == 1 ? sep[0] : nil
        var out: [UInt8] = []
        out.reserveCapacity(256 * (schedule.occurrences.count + 1))
        if excel { out += [0xEF, 0xBB, 0xBF] }
        /// `texts` as cells, each after a separator.
        func cells(_ texts: [String]) -> [UInt8] {
            var bytes: [UInt8] = []
            for text in texts {
                bytes += sep
                appendField(text, separator, byte: separatorByte, to: &bytes)
            }
            return bytes
        }
        out += cells((excel ? excelColumns : columns).map { catalogue.view(.column($0)) }).dropFirst(sep.count)
        // Per activity position, the cells every occurrence of it has, made on first use:
        // title and kind, then audiences, channels, unit and goals.
        var activityCells: [(head: [UInt8], groups: [UInt8])?] = Array(repeating: nil, count: plan.activities.count)
        let unknownActivity = (head: cells(["", ""]), groups: cells(["", "", "", ""]))
        var ownerCells: [Owner.ID: [UInt8]] = [:]
        let allDay = (yes: cells([catalogue.view(.yes)]), no: cells([catalogue.view(.no)]))
        var statusCells: [OccurrenceStatus: [UInt8]] = [:]
        for occurrence in schedule.occurrences {
            out += [0x0D, 0x0A]
            appendField(occurrence.uid, separator, byte: separatorByte, to: &out)
            out += cells([occurrence.activity.rawValue, String(occurrence.index)])
            var made = unknownActivity
            if let position = plan.activityPosition(occurrence.activity) {
                if let known = activityCells[position] {
                    made = known
                } else {
                    let activities = plan.activities
                    made = (
                        head: cells([activities[position].title, activities[position].kind ?? ""]),
                        groups: cells([
                            activities[position].audiences.map { plan.audience($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                            activities[position].channels.map { plan.channel($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                            activities[position].unit.flatMap { plan.unit($0)?.name } ?? "",
                            activities[position].goals.map { plan.goal($0)?.name ?? $0.rawValue }.joined(separator: "; "),
                        ])
                    )
                    activityCells[position] = made
                }
            }
            out += made.head
            if excel {
                switch occurrence.timing {
                case .allDay(let first, let last): out += cells([first.description, "", last.description, ""])
                case .timed(let start, let end):
                    out += cells([start.day.description, start.time.description, end.day.description, end.time.description])
                }
            } else {
                let (start, end) = occurrence.timing.isoRange
                out += cells([start, end])
            }
            out += occurrence.timing.isAllDay ? allDay.yes : allDay.no
            if let owner = occurrence.owner {
                if ownerCells[owner] == nil { ownerCells[owner] = cells([plan.owner(owner)?.name ?? ""]) }
                out += ownerCells[owner]!
            } else {
                out += cells([""])
            }
            out += made.groups
            if statusCells[occurrence.status] == nil { statusCells[occurrence.status] = cells([catalogue.view(.status(occurrence.status))]) }
            out += statusCells[occurrence.status]!
        }
        out += [0x0D, 0x0A]
        return String(decoding: out, as: UTF8.self)
    }

    /// ``render(_:separator:excel:catalogue:)`` as it was written before, row by row; for the tests.
    static func renderByRows(
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

    /// ``field(_:_:)`` appended to `out`. A field that needs nothing done (most: no quote,
    /// line break or separator in it, no formula character first) is copied as it is,
    /// without making a new string; `byte` is the separator when it is one byte.
    static func appendField(_ text: String, _ separator: Character, byte: UInt8?, to out: inout [UInt8]) {
        if let byte,
            text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
                if let first = bytes.first, Self.formulaStarts.contains(first) { return false }
                for b in bytes where b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D || b == byte { return false }
                out.append(contentsOf: bytes)
                return true
            }) == true
        {
            return
        }
        out += field(text, separator).utf8
    }

    /// First bytes that can make a spreadsheet read a field as a formula.
    private static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]

    /// `-5`, `+3`, `12`, `-1.5`, `-1,5`: an optional sign, digits, and at most one decimal part.
    static func isPlainNumber(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let parts = bytes.split(omittingEmptySubsequences: false) { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",") }
        guard (1...2).contains(parts.count) else { return false }
        return parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } }
    }
}
