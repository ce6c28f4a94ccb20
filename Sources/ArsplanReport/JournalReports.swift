import Arsplan
import Foundation

extension JournalText {
    /// A change entry as a headline for management: `Servicenämndens sammanträde (3/11) flyttas till tisdag 30 mars 2027`.
    public static func headline(_ entry: JournalEntry, in schedule: Schedule, entries: [JournalEntry], language: Language = .swedish) -> String {
        headline(entry, in: schedule, entries: entries, counts: occurrenceCounts(schedule), language: language)
    }

    /// How many occurrences each activity has in `schedule`.
    static func occurrenceCounts(_ schedule: Schedule) -> [Activity.ID: Int] {
        var counts: [Activity.ID: Int] = [:]
        for o in schedule.occurrences { counts[o.activity, default: 0] += 1 }
        return counts
    }

    /// ``headline(_:in:entries:language:)`` with the occurrence counts of `schedule` counted once.
    static func headline(
        _ entry: JournalEntry, in schedule: Schedule, entries: [JournalEntry], counts: [Activity.ID: Int], language: Language
    ) -> String {
        let plan = schedule.plan
        func label(_ id: Activity.ID, _ n: Int) -> String {
            occurrence(id, n, in: plan, count: counts[id] ?? 0)
        }
        let text: ChangeText
        switch entry.action {
        case .move(let id, let n, let day, let time): text = .headlineMove(occurrence: label(id, n), day: day, time: time?.description)
        case .cancel(let id, let n):
            text = n.map { .headlineCancel(occurrence: label(id, $0)) } ?? .headlineCancelAll(activity: plan.activityTitle(id) ?? id.rawValue)
        case .assign(let id, let owner, let from):
            text = .headlineAssign(
                activity: plan.activityTitle(id) ?? id.rawValue, owner: JournalText.owner(owner, in: plan, language: language), from: from)
        case .undo(let target):
            let undone = entries.first { $0.sequence == target }
            text = .headlineUndo(entry: target, action: undone.map { action($0.action, in: plan, language: language) })
        case .approve(let approval): text = .headlineApprove(ref: approval.ref)
        }
        return Message.change(text).text(in: language)
    }

    public static func kind(_ kind: DeviationKind) -> String { self.kind(kind, language: .swedish) }

    public static func kind(_ kind: DeviationKind, language: Language) -> String { Message.change(.deviationKind(kind)).text(in: language) }

    /// `tis 23 mar 17:00–19:00 (inställd), Anna Berg`: an occurrence's state for a table cell.
    static func state(_ state: OccurrenceState?, in plan: Plan, showOwner: Bool, language: Language = .swedish) -> String {
        guard let state else { return "—" }
        var text = timing(state.timing, language: language)
        if state.status != .planned { text += " (\(status(state.status, language: language)))" }
        if showOwner { text += ", \(owner(state.owner, in: plan, language: language))" }
        return text
    }
}

/// `history`: every journal entry, oldest first.
public enum HistoryReport {
    public static func table(_ replay: JournalReplay, lines: [Int], journal: String, language: Language = .swedish) -> String {
        let plan = replay.plan
        func say(_ text: ChangeText) -> String { Message.change(text).text(in: language) }
        var out =
            say(.historyTitle(title: TerminalText.line(plan.title), id: TerminalText.line(plan.id), journal: TerminalText.line(journal))) + "\n"
        guard !replay.entries.isEmpty else { return out + say(.historyEmpty) + "\n" }
        out += say(.historyCount(entries: replay.entries.count, zone: plan.timezone)) + "\n\n"
        let notes = Dictionary(grouping: replay.notes, by: \.position)
        let rows: [[String]] = replay.entries.enumerated().map { position, entry in
            var what = JournalText.action(entry.action, in: plan, language: language)
            if let undo = replay.undoneBy[entry.sequence] { what += " " + say(.historyUndoneBy(entry: undo)) }
            if !replay.applied[position] { what += " " + say(.historyNotApplied) }
            return ["#\(entry.sequence)", JournalText.localTime(entry.at, zone: plan.timezone), entry.by, what, entry.reason ?? ""].map(
                TerminalText.line)
        }
        let header = say(.historyColumns).split(separator: "\t").map(String.init)
        var widths = header.map(\.count)
        for row in rows { for (i, cell) in row.enumerated() where i < 4 { widths[i] = min(max(widths[i], cell.count), 60) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in i < 4 ? cell.padded(to: widths[i]) : cell }.joined(separator: "  ").trailingSpacesRemoved + "\n"
        }
        out += line(header)
        for (position, row) in rows.enumerated() {
            out += line(row)
            for note in notes[position] ?? [] { out += "    \(TerminalText.line(note.message))\n" }
        }
        return out
    }

    struct Document: Encodable {
        var plan: String
        var journal: String
        var entries: [Entry]
    }

    struct Entry: Encodable {
        var seq: Int
        var line: Int?
        var at: String
        var by: String
        var reason: String?
        var action: String
        var activity: String?
        var occurrence: Int?
        var occurrenceUID: String?
        var occurrenceDay: String?
        var day: String?
        var time: String?
        var owner: String?
        var from: String?
        var undoes: Int?
        var ref: String?
        var scheduleHash: String?
        var planHash: String?
        var applied: Bool
        var undoneBy: Int?
        var notes: [String]
    }

    /// The entries as JSON (keys sorted); an approval's recorded schedule is left out, its hash kept.
    public static func json(_ replay: JournalReplay, lines: [Int], journal: String) -> String {
        let notes = Dictionary(grouping: replay.notes, by: \.position)
        let entries = replay.entries.enumerated().map { position, e -> Entry in
            var entry = Entry(
                seq: e.sequence, line: lines.indices.contains(position) ? lines[position] : nil, at: e.at.description, by: e.by,
                reason: e.reason, action: e.action.name, planHash: e.planHash, applied: replay.applied[position],
                undoneBy: replay.undoneBy[e.sequence], notes: (notes[position] ?? []).map(\.message))
            (entry.occurrenceUID, entry.occurrenceDay) = (e.target?.uid, e.target?.day.description)
            switch e.action {
            case .move(let a, let n, let day, let time):
                (entry.activity, entry.occurrence, entry.day, entry.time) = (a.rawValue, n, day.description, time?.description)
            case .cancel(let a, let n): (entry.activity, entry.occurrence) = (a.rawValue, n)
            case .assign(let a, let o, let from): (entry.activity, entry.owner, entry.from) = (a.rawValue, o.rawValue, from?.description)
            case .undo(let target): entry.undoes = target
            case .approve(let approval): (entry.ref, entry.scheduleHash) = (approval.ref, approval.scheduleHash)
            }
            return entry
        }
        return encodeJSON(Document(plan: replay.plan.id, journal: journal, entries: entries))
    }
}

/// `deviations`: what differs from the last approved schedule, for management to decide on.
public enum DeviationsReport {
    public static func table(_ report: DeviationReport?, replay: JournalReplay, language: Language = .swedish) -> String {
        let plan = replay.plan
        func say(_ text: ChangeText) -> String { Message.change(text).text(in: language) }
        var out = "\(TerminalText.line(plan.title)) (\(TerminalText.line(plan.id)))\n"
        guard let report else { return out + say(.deviationsNotApproved) + "\n" }
        out += approvalLine(report, plan: plan, language: language) + "\n"
        if report.isEmpty { return out + "\n" + say(.deviationsNone) + "\n" }
        out += "\n" + say(.deviationsCount(count: report.deviations.count)) + ":\n\n"
        let counts = occurrenceCounts(replay, report)
        let entries = Dictionary(replay.entries.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        let rows: [[String]] = report.deviations.map { d in
            let showOwner = d.kinds.contains(.reassigned)
            return [
                JournalText.occurrence(d.activity, d.index, in: plan, count: counts[d.activity] ?? 1, title: d.title),
                d.kinds.map { JournalText.kind($0, language: language) }.joined(separator: ", "),
                JournalText.state(d.approved, in: plan, showOwner: showOwner, language: language) + " → "
                    + JournalText.state(d.current, in: plan, showOwner: showOwner, language: language),
                cause(d, entries: entries, language: language),
            ].map(TerminalText.line)
        }
        var widths = [0, 0, 0]
        for row in rows { for i in 0..<3 { widths[i] = min(max(widths[i], row[i].count), 64) } }
        for row in rows {
            out += "  " + (0..<3).map { row[$0].padded(to: widths[$0]) }.joined(separator: "  ") + "  " + row[3] + "\n"
        }
        return out
    }

    /// Markdown, ready to paste into the management minutes (Swedish unless `language` says
    /// otherwise): one section per change with who, when and why and what follows from it,
    /// then hand edits of the plan file.
    public static func markdown(_ report: DeviationReport?, replay: JournalReplay, language: Language = .swedish) -> String {
        let plan = replay.plan
        func say(_ text: ChangeText) -> String { Message.change(text).text(in: language) }
        var out = say(.minutesTitle(title: escape(plan.title))) + "\n\n"
        guard let report else {
            return out + say(.minutesNotApproved) + "\n"
        }
        let approvalEntry = report.approval.entry
        let approvedDay = JournalText.localTime(approvalEntry.at, zone: plan.timezone).prefix(10)
        out += say(.minutesApproved(day: String(approvedDay), by: escape(approvalEntry.by), ref: escape(report.approval.approval.ref))) + " "
        if report.isEmpty {
            return out + say(.minutesNone) + "\n"
        }
        out += say(.minutesCount(count: report.deviations.count)) + "\n"
        let counts = occurrenceCounts(replay, report)
        let entries = Dictionary(replay.entries.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        let scheduleCounts = JournalText.occurrenceCounts(replay.schedule)
        func label(_ d: Deviation) -> String {
            escape(JournalText.occurrence(d.activity, d.index, in: plan, count: counts[d.activity] ?? 1, title: d.title))
        }
        func row(_ d: Deviation, prefix: String = "") -> String {
            let showOwner = d.kinds.contains(.reassigned)
            let approved = JournalText.state(d.approved, in: plan, showOwner: showOwner, language: language)
            let current = JournalText.state(d.current, in: plan, showOwner: showOwner, language: language)
            return "| \(prefix)\(label(d)) | \(d.kinds.map { JournalText.kind($0, language: language) }.joined(separator: ", ")) | "
                + "\(escape(approved)) | \(escape(current)) |\n"
        }
        let tableHead = say(.minutesTableHead) + "\n"

        var number = 0
        let grouped = Dictionary(grouping: report.deviations.filter { $0.primaryCause != nil }, by: { $0.primaryCause!.sequence })
        for sequence in grouped.keys.sorted() {
            guard let entry = entries[sequence] else { continue }
            number += 1
            let items = grouped[sequence]!
            let direct = items.filter { $0.primaryCause!.direct }
            let following = items.filter { !$0.primaryCause!.direct }
            let headline = JournalText.headline(entry, in: replay.schedule, entries: replay.entries, counts: scheduleCounts, language: language)
            out += "\n### \(number). \(escape(headline))\n\n"
            out += say(.minutesEntry(sequence: entry.sequence, at: JournalText.localTime(entry.at, zone: plan.timezone), by: escape(entry.by)))
            if let reason = entry.reason, !reason.isEmpty {
                out += " " + say(.minutesReason(reason: escape(reason))) + (reason.hasSuffix(".") ? "" : ".")
            }
            out += "\n\n" + tableHead
            for d in direct { out += row(d) }
            for d in following { out += row(d, prefix: say(.minutesFollowing) + " ") }
            let alsoEdited = items.filter(\.editedInPlanFile)
            if !alsoEdited.isEmpty {
                out += "\n" + say(.minutesAlsoEdited(count: alsoEdited.count)) + "\n"
            }
        }
        let handEdits = report.deviations.filter { $0.primaryCause == nil }
        if !handEdits.isEmpty {
            number += 1
            out += "\n### \(number). \(say(.minutesHandEditsHeading))\n\n"
            out += say(.minutesHandEditsText) + "\n\n" + tableHead
            for d in handEdits { out += row(d) }
        }
        out += "\n" + say(.minutesProposal) + "\n"
        return out
    }

    struct Document: Encodable {
        var plan: String
        var approval: ApprovalInfo?
        var scheduleHash: String
        var deviations: [Item]

        func encode(to encoder: any Encoder) throws {
            // Explicit so that "no approval yet" is written as null rather than left out.
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(plan, forKey: .plan)
            try c.encode(approval, forKey: .approval)
            try c.encode(scheduleHash, forKey: .scheduleHash)
            try c.encode(deviations, forKey: .deviations)
        }

        enum CodingKeys: String, CodingKey { case plan, approval, scheduleHash, deviations }
    }

    struct ApprovalInfo: Encodable {
        var seq: Int
        var at: String
        var by: String
        var ref: String
        var scheduleHash: String
        var planFileChanged: Bool
    }

    struct State: Encodable {
        var start: String
        var end: String
        var status: String
        var owner: String?
    }

    struct Cause: Encodable {
        var seq: Int
        var direct: Bool
        var at: String
        var by: String
        var reason: String?
        var action: String
    }

    struct Item: Encodable {
        var uid: String
        var activity: String
        var index: Int
        var title: String
        var kinds: [String]
        var approved: State?
        var current: State?
        var causes: [Cause]
        var editedInPlanFile: Bool
    }

    /// The deviations as JSON (keys sorted), written as it goes (``JSONWriter``).
    ///
    /// Through `JSONEncoder` (``jsonByEncoder(_:replay:)``, kept for the tests to compare),
    /// the 14,610 deviations of the 20,000-activity bench plan after its 1,000-entry journal
    /// took 3,530 M instructions of `deviations --format json`; written directly, 120 M
    /// (callgrind).
    public static func json(_ report: DeviationReport?, replay: JournalReplay) -> String {
        String(decoding: jsonBytes(report, replay: replay), as: UTF8.self)
    }

    /// ``json(_:replay:)`` as its UTF-8 bytes, for writing out as they are: made into a
    /// `String` (its UTF-8 checked) and copied again to be written, the 14.8 MB of the
    /// 20,000-activity bench plan's deviations took 135 M instructions more (callgrind).
    public static func jsonBytes(_ report: DeviationReport?, replay: JournalReplay) -> [UInt8] {
        // What a cause says of its entry, made once per entry (a deviation has several causes).
        var causeTexts: [Int: (action: String, at: String, by: String, reason: String?)] = [:]
        for entry in replay.entries where causeTexts[entry.sequence] == nil {
            causeTexts[entry.sequence] = (entry.action.name, entry.at.description, entry.by, entry.reason)
        }
        // Start and end as `journalText` gives them, written as bytes without making the
        // strings: `journalText` was 79 M instructions of `deviations --format json` on the
        // 20,000-activity bench plan after its 1,000-entry journal (29,220 states; callgrind).
        func state(_ s: OccurrenceState, _ json: inout JSONWriter) {
            json.object { json in
                json.key(Keys.end)
                switch s.timing {
                case .allDay(_, let last): json.day(last)
                case .timed(_, let end): json.dateTime(end)
                }
                if let owner = s.owner {
                    json.key(Keys.owner)
                    json.string(owner.rawValue)
                }
                json.key(Keys.start)
                switch s.timing {
                case .allDay(let first, _): json.day(first)
                case .timed(let start, _): json.dateTime(start)
                }
                json.key(Keys.status)
                json.string(s.status.rawValue)
            }
        }
        let deviations = report?.deviations ?? []
        var json = JSONWriter(capacity: 1024 + 600 * deviations.count)
        json.object { json in
            json.key("approval")
            if let report {
                let entry = report.approval.entry
                json.object { json in
                    json.key("at")
                    json.string(entry.at.description)
                    json.key("by")
                    json.string(entry.by)
                    json.key("planFileChanged")
                    json.bool(report.planFileChanged)
                    json.key("ref")
                    json.string(report.approval.approval.ref)
                    json.key("scheduleHash")
                    json.string(report.approval.approval.scheduleHash)
                    json.key("seq")
                    json.int(entry.sequence)
                }
            } else {
                json.null()
            }
            json.key("deviations")
            json.array { json in
                for d in deviations {
                    json.object { json in
                        json.key(Keys.activity)
                        json.string(d.activity.rawValue)
                        if let approved = d.approved {
                            json.key(Keys.approved)
                            state(approved, &json)
                        }
                        json.key(Keys.causes)
                        json.array { json in
                            for c in d.causes {
                                guard let entry = causeTexts[c.sequence] else { continue }
                                json.object { json in
                                    json.key(Keys.action)
                                    json.string(entry.action)
                                    json.key(Keys.at)
                                    json.string(entry.at)
                                    json.key(Keys.by)
                                    json.string(entry.by)
                                    json.key(Keys.direct)
                                    json.bool(c.direct)
                                    if let reason = entry.reason {
                                        json.key(Keys.reason)
                                        json.string(reason)
                                    }
                                    json.key(Keys.seq)
                                    json.int(c.sequence)
                                }
                            }
                        }
                        if let current = d.current {
                            json.key(Keys.current)
                            state(current, &json)
                        }
                        json.key(Keys.editedInPlanFile)
                        json.bool(d.editedInPlanFile)
                        json.key(Keys.index)
                        json.int(d.index)
                        json.key(Keys.kinds)
                        json.array { json in for kind in d.kinds { json.string(kind.rawValue) } }
                        json.key(Keys.title)
                        json.string(d.title)
                        json.key(Keys.uid)
                        json.string(d.uid)
                    }
                }
            }
            json.key("plan")
            json.string(replay.plan.id)
            json.key("scheduleHash")
            json.string(Approval.hash(of: replay.schedule))
        }
        return json.finishBytes()
    }

    /// Keys written for every deviation, made once.
    private enum Keys {
        static let action = JSONWriter.Key("action")
        static let activity = JSONWriter.Key("activity")
        static let approved = JSONWriter.Key("approved")
        static let at = JSONWriter.Key("at")
        static let by = JSONWriter.Key("by")
        static let causes = JSONWriter.Key("causes")
        static let current = JSONWriter.Key("current")
        static let direct = JSONWriter.Key("direct")
        static let editedInPlanFile = JSONWriter.Key("editedInPlanFile")
        static let end = JSONWriter.Key("end")
        static let index = JSONWriter.Key("index")
        static let kinds = JSONWriter.Key("kinds")
        static let owner = JSONWriter.Key("owner")
        static let reason = JSONWriter.Key("reason")
        static let seq = JSONWriter.Key("seq")
        static let start = JSONWriter.Key("start")
        static let status = JSONWriter.Key("status")
        static let title = JSONWriter.Key("title")
        static let uid = JSONWriter.Key("uid")
    }

    /// ``json(_:replay:)`` through `JSONEncoder`, as it was written before; for the tests.
    static func jsonByEncoder(_ report: DeviationReport?, replay: JournalReplay) -> String {
        func state(_ s: OccurrenceState?) -> State? {
            s.map { State(start: $0.timing.journalText.start, end: $0.timing.journalText.end, status: $0.status.rawValue, owner: $0.owner?.rawValue) }
        }
        let entries = Dictionary(replay.entries.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        let document = Document(
            plan: replay.plan.id,
            approval: report.map {
                ApprovalInfo(
                    seq: $0.approval.entry.sequence, at: $0.approval.entry.at.description, by: $0.approval.entry.by, ref: $0.approval.approval.ref,
                    scheduleHash: $0.approval.approval.scheduleHash, planFileChanged: $0.planFileChanged)
            },
            scheduleHash: Approval.hash(of: replay.schedule),
            deviations: (report?.deviations ?? []).map { d in
                Item(
                    uid: d.uid, activity: d.activity.rawValue, index: d.index, title: d.title, kinds: d.kinds.map(\.rawValue),
                    approved: state(d.approved), current: state(d.current),
                    causes: d.causes.compactMap { c in
                        entries[c.sequence].map {
                            Cause(seq: c.sequence, direct: c.direct, at: $0.at.description, by: $0.by, reason: $0.reason, action: $0.action.name)
                        }
                    }, editedInPlanFile: d.editedInPlanFile)
            })
        return encodeJSON(document)
    }

    static func approvalLine(_ report: DeviationReport, plan: Plan, language: Language) -> String {
        let entry = report.approval.entry
        return TerminalText.line(
            Message.change(
                .deviationsApproved(
                    at: JournalText.localTime(entry.at, zone: plan.timezone), by: entry.by, ref: report.approval.approval.ref,
                    sequence: entry.sequence)
            ).text(in: language))
    }

    static func cause(_ d: Deviation, entries: [Int: JournalEntry], language: Language) -> String {
        var parts: [String] = []
        if let primary = d.primaryCause, let entry = entries[primary.sequence] {
            let following = primary.direct ? "" : Message.change(.causeFollowing).text(in: language) + " "
            parts.append(following + "#\(entry.sequence) \(entry.by)" + (entry.reason.map { ": \($0)" } ?? ""))
        }
        if d.editedInPlanFile { parts.append(Message.change(.causeEditedInPlanFile).text(in: language)) }
        return parts.joined(separator: "; ")
    }

    static func occurrenceCounts(_ replay: JournalReplay, _ report: DeviationReport) -> [Activity.ID: Int] {
        var counts: [Activity.ID: Int] = [:]
        for o in replay.schedule.occurrences { counts[o.activity, default: 0] += 1 }
        var approved: [Activity.ID: Int] = [:]
        for o in report.approval.approval.occurrences { approved[o.activity, default: 0] += 1 }
        return counts.merging(approved) { max($0, $1) }
    }

    /// Plan text safe inside a markdown heading, table cell or paragraph (``MarkdownText``).
    static func escape(_ text: String) -> String { MarkdownText.inline(text) }
}

/// `status`: approved when, by whom and with what reference; changes and deviations since; conflicts.
public enum StatusReport {
    public static func render(
        _ replay: JournalReplay, deviations: DeviationReport?, journal: String, journalExists: Bool, language: Language = .swedish
    ) -> String {
        let plan = replay.plan
        func say(_ text: ChangeText) -> String { Message.change(text).text(in: language) + "\n" }
        let journal = TerminalText.line(journal)
        var out = "\(TerminalText.line(plan.title)) (\(TerminalText.line(plan.id)))\n"
        let changes = replay.entries.filter(\.isRecordedChange).count
        out +=
            journalExists ? say(.statusJournal(path: journal, entries: replay.entries.count, changes: changes)) : say(.statusNoJournal(path: journal))
        if let deviations {
            let approval = deviations.approval
            out += say(
                .statusApproved(
                    at: JournalText.localTime(approval.entry.at, zone: plan.timezone), by: TerminalText.line(approval.entry.by),
                    ref: TerminalText.line(approval.approval.ref), sequence: approval.entry.sequence))
            let later = deviations.laterEntries.filter(\.isRecordedChange).count
            out += say(.statusSince(changes: later, planFileChanged: deviations.planFileChanged))
            out += say(.statusDeviations(count: deviations.isEmpty ? 0 : deviations.deviations.count))
        } else {
            out += say(.statusNotApproved)
        }
        let errors = replay.schedule.conflicts.filter { $0.severity == .error }.count
        let warnings = replay.schedule.conflicts.filter { $0.severity == .warning }.count
        out += say(.statusConflicts(errors: errors, warnings: warnings))
        if !replay.notes.isEmpty { out += say(.statusNotes(count: replay.notes.count)) }
        return out
    }
}

extension JournalEntry {
    /// A change or an undo: everything but approvals.
    var isRecordedChange: Bool {
        if case .approve = action { return false }
        return true
    }
}
