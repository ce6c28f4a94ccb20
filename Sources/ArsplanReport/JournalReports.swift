import Arsplan
import Foundation

extension JournalText {
    /// A change entry as a headline for management: `Servicenämndens sammanträde (3/11) flyttas till tisdag 30 mars 2027`.
    public static func headline(_ entry: JournalEntry, in schedule: Schedule, entries: [JournalEntry]) -> String {
        headline(entry, in: schedule, entries: entries, counts: occurrenceCounts(schedule))
    }

    /// How many occurrences each activity has in `schedule`.
    static func occurrenceCounts(_ schedule: Schedule) -> [Activity.ID: Int] {
        var counts: [Activity.ID: Int] = [:]
        for o in schedule.occurrences { counts[o.activity, default: 0] += 1 }
        return counts
    }

    /// ``headline(_:in:entries:)`` with the occurrence counts of `schedule` counted once.
    static func headline(_ entry: JournalEntry, in schedule: Schedule, entries: [JournalEntry], counts: [Activity.ID: Int]) -> String {
        let plan = schedule.plan
        func label(_ id: Activity.ID, _ n: Int) -> String {
            occurrence(id, n, in: plan, count: counts[id] ?? 0)
        }
        switch entry.action {
        case .move(let id, let n, let day, let time):
            return "\(label(id, n)) flyttas till \(Swedish.longDate(day))\(time.map { " kl. \($0)" } ?? "")"
        case .cancel(let id, let n):
            return n.map { "\(label(id, $0)) ställs in" } ?? "\(plan.activityTitle(id) ?? id.rawValue): alla tillfällen ställs in"
        case .assign(let id, let owner):
            return "\(plan.activityTitle(id) ?? id.rawValue) får ny ansvarig: \(JournalText.owner(owner, in: plan))"
        case .undo(let target):
            let undone = entries.first { $0.sequence == target }
            return "Ändring #\(target) ångras" + (undone.map { " (\(action($0.action, in: plan)))" } ?? "")
        case .approve(let approval):
            return "Planen fastställs (\(approval.ref))"
        }
    }

    public static func kind(_ kind: DeviationKind) -> String {
        switch kind {
        case .moved: return "flyttad"
        case .cancelled: return "inställd"
        case .reinstated: return "blir av igen"
        case .statusChanged: return "ny status"
        case .reassigned: return "ny ansvarig"
        case .added: return "tillagd"
        case .removed: return "borttagen"
        }
    }

    /// `tis 23 mar 17:00–19:00 (inställd), Anna Berg`: an occurrence's state for a table cell.
    static func state(_ state: OccurrenceState?, in plan: Plan, showOwner: Bool) -> String {
        guard let state else { return "—" }
        var text = timing(state.timing)
        if state.status != .planned { text += " (\(Swedish.status(state.status)))" }
        if showOwner { text += ", \(owner(state.owner, in: plan))" }
        return text
    }
}

/// `history`: every journal entry, oldest first.
public enum HistoryReport {
    public static func table(_ replay: JournalReplay, lines: [Int], journal: String) -> String {
        let plan = replay.plan
        var out = "\(TerminalText.line(plan.title)) (\(TerminalText.line(plan.id))) – journal \(TerminalText.line(journal))\n"
        guard !replay.entries.isEmpty else { return out + "Inga ändringar har registrerats.\n" }
        out += "\(JournalText.count(replay.entries.count, "post", "poster")); tider i \(plan.timezone)\n\n"
        let notes = Dictionary(grouping: replay.notes, by: \.position)
        let rows: [[String]] = replay.entries.enumerated().map { position, entry in
            var what = JournalText.action(entry.action, in: plan)
            if let undo = replay.undoneBy[entry.sequence] { what += " [ångrad av #\(undo)]" }
            if !replay.applied[position] { what += " [gäller inte]" }
            return ["#\(entry.sequence)", JournalText.localTime(entry.at, zone: plan.timezone), entry.by, what, entry.reason ?? ""].map(
                TerminalText.line)
        }
        let header = ["nr", "när", "vem", "vad", "skäl"]
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
            case .assign(let a, let o): (entry.activity, entry.owner) = (a.rawValue, o.rawValue)
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
    public static func table(_ report: DeviationReport?, replay: JournalReplay) -> String {
        let plan = replay.plan
        var out = "\(TerminalText.line(plan.title)) (\(TerminalText.line(plan.id)))\n"
        guard let report else { return out + "Planen har inte fastställts: ingen avvikelse att visa. Fastställ den med 'arsplan approve'.\n" }
        out += approvalLine(report, plan: plan) + "\n"
        if report.isEmpty { return out + "\nInga avvikelser: schemat är som det fastställdes.\n" }
        out += "\n\(JournalText.count(report.deviations.count, "tillfälle avviker", "tillfällen avviker")):\n\n"
        let counts = occurrenceCounts(replay, report)
        let entries = Dictionary(replay.entries.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        let rows: [[String]] = report.deviations.map { d in
            let showOwner = d.kinds.contains(.reassigned)
            return [
                JournalText.occurrence(d.activity, d.index, in: plan, count: counts[d.activity] ?? 1, title: d.title),
                d.kinds.map(JournalText.kind).joined(separator: ", "),
                JournalText.state(d.approved, in: plan, showOwner: showOwner) + " → " + JournalText.state(d.current, in: plan, showOwner: showOwner),
                cause(d, entries: entries),
            ].map(TerminalText.line)
        }
        var widths = [0, 0, 0]
        for row in rows { for i in 0..<3 { widths[i] = min(max(widths[i], row[i].count), 64) } }
        for row in rows {
            out += "  " + (0..<3).map { row[$0].padded(to: widths[$0]) }.joined(separator: "  ") + "  " + row[3] + "\n"
        }
        return out
    }

    /// Markdown in Swedish, ready to paste into the management minutes: one section per change
    /// with who, when and why and what follows from it, then hand edits of the plan file.
    public static func markdown(_ report: DeviationReport?, replay: JournalReplay) -> String {
        let plan = replay.plan
        var out = "## Avvikelser från fastställd årsplan – \(escape(plan.title))\n\n"
        guard let report else {
            return out + "Årsplanen har ännu inte fastställts, så det finns inga avvikelser att redovisa.\n"
        }
        let approvalEntry = report.approval.entry
        let approvedDay = JournalText.localTime(approvalEntry.at, zone: plan.timezone).prefix(10)
        out += "Årsplanen fastställdes \(approvedDay) av \(escape(approvalEntry.by)) (\(escape(report.approval.approval.ref))). "
        if report.isEmpty {
            return out + "Sedan dess har inget tillfälle ändrats.\n"
        }
        out += "Sedan dess avviker \(JournalText.count(report.deviations.count, "tillfälle", "tillfällen")) från den fastställda planen.\n"
        let counts = occurrenceCounts(replay, report)
        let entries = Dictionary(replay.entries.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        let scheduleCounts = JournalText.occurrenceCounts(replay.schedule)
        func label(_ d: Deviation) -> String {
            escape(JournalText.occurrence(d.activity, d.index, in: plan, count: counts[d.activity] ?? 1, title: d.title))
        }
        func row(_ d: Deviation, prefix: String = "") -> String {
            let showOwner = d.kinds.contains(.reassigned)
            return "| \(prefix)\(label(d)) | \(d.kinds.map(JournalText.kind).joined(separator: ", ")) | "
                + "\(escape(JournalText.state(d.approved, in: plan, showOwner: showOwner))) | \(escape(JournalText.state(d.current, in: plan, showOwner: showOwner))) |\n"
        }
        let tableHead = "| Aktivitet | Avvikelse | Fastställt | Nu |\n| --- | --- | --- | --- |\n"

        var number = 0
        let grouped = Dictionary(grouping: report.deviations.filter { $0.primaryCause != nil }, by: { $0.primaryCause!.sequence })
        for sequence in grouped.keys.sorted() {
            guard let entry = entries[sequence] else { continue }
            number += 1
            let items = grouped[sequence]!
            let direct = items.filter { $0.primaryCause!.direct }
            let following = items.filter { !$0.primaryCause!.direct }
            out += "\n### \(number). \(escape(JournalText.headline(entry, in: replay.schedule, entries: replay.entries, counts: scheduleCounts)))\n\n"
            out += "Ändring #\(entry.sequence), registrerad \(JournalText.localTime(entry.at, zone: plan.timezone)) av \(escape(entry.by))."
            if let reason = entry.reason, !reason.isEmpty { out += " Skäl: \(escape(reason))" + (reason.hasSuffix(".") ? "" : ".") }
            out += "\n\n" + tableHead
            for d in direct { out += row(d) }
            for d in following { out += row(d, prefix: "följer med: ") }
            let alsoEdited = items.filter(\.editedInPlanFile)
            if !alsoEdited.isEmpty {
                out += "\n\(JournalText.count(alsoEdited.count, "tillfälle", "tillfällen")) ovan har också ändrats direkt i planfilen.\n"
            }
        }
        let handEdits = report.deviations.filter { $0.primaryCause == nil }
        if !handEdits.isEmpty {
            number += 1
            out += "\n### \(number). Ändrat direkt i planfilen\n\n"
            out += "Ändringar som gjorts genom att redigera planfilen, utan ändring i journalen.\n\n" + tableHead
            for d in handEdits { out += row(d) }
        }
        out += "\n**Förslag till beslut:** att godkänna avvikelserna ovan och fastställa den justerade årsplanen.\n"
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

    public static func json(_ report: DeviationReport?, replay: JournalReplay) -> String {
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

    static func approvalLine(_ report: DeviationReport, plan: Plan) -> String {
        let entry = report.approval.entry
        return TerminalText.line(
            "Fastställd \(JournalText.localTime(entry.at, zone: plan.timezone)) av \(entry.by) (\(report.approval.approval.ref)), journalpost #\(entry.sequence)."
        )
    }

    static func cause(_ d: Deviation, entries: [Int: JournalEntry]) -> String {
        var parts: [String] = []
        if let primary = d.primaryCause, let entry = entries[primary.sequence] {
            parts.append((primary.direct ? "" : "följer med ") + "#\(entry.sequence) \(entry.by)" + (entry.reason.map { ": \($0)" } ?? ""))
        }
        if d.editedInPlanFile { parts.append("ändrad direkt i planfilen") }
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
    public static func render(_ replay: JournalReplay, deviations: DeviationReport?, journal: String, journalExists: Bool) -> String {
        let plan = replay.plan
        let journal = TerminalText.line(journal)
        var out = "\(TerminalText.line(plan.title)) (\(TerminalText.line(plan.id)))\n"
        let changes = replay.entries.filter(\.isRecordedChange).count
        out +=
            "Journal:     \(journal)"
            + (journalExists
                ? ", \(JournalText.count(replay.entries.count, "post", "poster")) (\(JournalText.count(changes, "ändring", "ändringar")))"
                : " (finns inte ännu)") + "\n"
        if let deviations {
            out +=
                "Fastställd:  \(JournalText.localTime(deviations.approval.entry.at, zone: plan.timezone)) av \(TerminalText.line(deviations.approval.entry.by)), "
                + "\(TerminalText.line(deviations.approval.approval.ref)) (#\(deviations.approval.entry.sequence))\n"
            let later = deviations.laterEntries.filter(\.isRecordedChange).count
            out +=
                "Sedan dess:  \(JournalText.count(later, "ändring", "ändringar")) i journalen; planfilen \(deviations.planFileChanged ? "har ändrats" : "är oförändrad")\n"
            out +=
                "Avvikelser:  "
                + (deviations.isEmpty
                    ? "inga – schemat är som det fastställdes\n"
                    : "\(JournalText.count(deviations.deviations.count, "tillfälle avviker", "tillfällen avviker")) från den fastställda planen (arsplan deviations)\n")
        } else {
            out += "Fastställd:  nej – ingen fastställelse i journalen (arsplan approve)\n"
        }
        let errors = replay.schedule.conflicts.filter { $0.severity == .error }.count
        let warnings = replay.schedule.conflicts.filter { $0.severity == .warning }.count
        out += "Konflikter:  \(errors) fel, \(warnings) varning\(warnings == 1 ? "" : "ar")\n"
        if !replay.notes.isEmpty {
            out += "Journalen:   \(JournalText.count(replay.notes.count, "post gäller inte längre", "poster gäller inte längre")) (arsplan history)\n"
        }
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
