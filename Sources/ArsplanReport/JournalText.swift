import Arsplan
import Foundation

/// Swedish words for the journal: occurrences, timings, actions and times.
public enum JournalText {
    /// `2027-03-01 11:00` in the plan's zone (journal times are stored in UTC).
    public static func localTime(_ timestamp: Timestamp, zone: String) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents(
            [.year, .month, .day, .hour, .minute], from: Date(timeIntervalSince1970: TimeInterval(timestamp.secondsSince1970)))
        guard let y = c.year, let m = c.month, let d = c.day, let h = c.hour, let min = c.minute else { return timestamp.description }
        return "\(Day(year: y, month: m, day: d).map(\.description) ?? "\(y)-\(m)-\(d)") \(pad(h)):\(pad(min))"
    }

    /// `tis 23 mar 17:00–19:00`, `mån 13 sep–sön 3 okt`, `fre 26 mar`.
    public static func timing(_ timing: OccurrenceTiming) -> String {
        switch timing {
        case .allDay(let first, let last):
            return first == last ? Swedish.shortDate(first) : "\(Swedish.shortDate(first))–\(Swedish.shortDate(last))"
        case .timed(let start, let end):
            if start.day == end.day || timing.lastDay == start.day { return "\(Swedish.shortDate(start.day)) \(start.time)–\(end.time)" }
            return "\(Swedish.shortDate(start.day)) \(start.time)–\(Swedish.shortDate(end.day)) \(end.time)"
        }
    }

    /// `Servicenämndens sammanträde (3/11)`; the number only when the activity has several occurrences.
    public static func occurrence(_ activity: Activity.ID, _ index: Int, in plan: Plan, count: Int, title: String? = nil) -> String {
        let name = title ?? plan.activityTitle(activity) ?? activity.rawValue
        return count > 1 ? "\(name) (\(index)/\(count))" : name
    }

    /// An owner's name, or the id when the plan does not know it.
    public static func owner(_ id: Owner.ID?, in plan: Plan) -> String {
        guard let id else { return "ingen ansvarig" }
        return plan.owner(id)?.name ?? id.rawValue
    }

    /// What an entry does, in a short Swedish phrase: `flyttar namnd (3) till tis 30 mar 2027`.
    public static func action(_ action: JournalAction, in plan: Plan) -> String {
        switch action {
        case .move(let activity, let n, let day, let time):
            return "flyttar \(activity) (\(n)) till \(Swedish.shortDate(day)) \(day.year)\(time.map { " \($0)" } ?? "")"
        case .cancel(let activity, let n):
            return n.map { "ställer in \(activity) (\($0))" } ?? "ställer in alla tillfällen av \(activity)"
        case .assign(let activity, let owner):
            return "ger \(activity) till \(JournalText.owner(owner, in: plan))"
        case .undo(let entry):
            return "ångrar #\(entry)"
        case .approve(let approval):
            return "fastställer planen (\(approval.ref))"
        }
    }

    /// A state change in words: `tis 23 mar 17:00–19:00 → tis 30 mar 17:00–19:00`, `inställd`, `Anna Berg → Johan Sandberg`.
    public static func change(_ change: StateChange, in plan: Plan) -> String {
        guard let before = change.before else { return "ny: \(change.after.map { timing($0.timing) } ?? "")" }
        guard let after = change.after else { return "borttagen (var \(timing(before.timing)))" }
        var parts: [String] = []
        if before.timing != after.timing { parts.append("\(timing(before.timing)) → \(timing(after.timing))") }
        if before.status != after.status {
            if after.status == .cancelled {
                parts.append("\(timing(after.timing)) ställs in")
            } else if before.status == .cancelled {
                parts.append("\(before.timing == after.timing ? timing(after.timing) + " " : "")blir av igen")
            } else {
                parts.append("\(Swedish.status(before.status)) → \(Swedish.status(after.status))")
            }
        }
        if before.owner != after.owner { parts.append("ansvarig \(owner(before.owner, in: plan)) → \(owner(after.owner, in: plan))") }
        return parts.joined(separator: "; ")
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}

/// What `move`, `cancel`, `assign` and `undo` print before they write: the impact of the change.
public enum ChangeReport {
    public static func render(_ proposal: ChangeProposal) -> String {
        let plan = proposal.after.plan
        let entry = proposal.entry
        if case .approve(let approval) = entry.action {
            let activities = Set(approval.occurrences.map(\.activity)).count
            return "Fastställande (post #\(entry.sequence)): \(TerminalText.line(entry.by)), \(TerminalText.line(approval.ref))\n"
                + "  \(JournalText.count(approval.occurrences.count, "tillfälle", "tillfällen")) i \(JournalText.count(activities, "aktivitet", "aktiviteter")); "
                + "schemats kontrollsumma \(approval.scheduleHash)\n"
        }
        var out = ""
        switch entry.action {
        case .move: out += "Flytt"
        case .cancel: out += "Inställt"
        case .assign: out += "Ny ansvarig"
        case .undo(let target): out += "Ångra #\(target)"
        case .approve: out += "Fastställande"
        }
        out += " (ändring #\(entry.sequence), \(TerminalText.line(entry.by))): \(TerminalText.line(JournalText.action(entry.action, in: plan)))\n"
        let direct = proposal.impact.occurrences.filter(\.direct)
        let following = proposal.impact.occurrences.filter { !$0.direct }
        let rows = (direct + following).map { impact in
            (
                TerminalText.line(JournalText.occurrence(impact.activity, impact.index, in: plan, count: impact.count)),
                TerminalText.line(JournalText.change(impact.change, in: plan))
            )
        }
        let width = min(rows.map(\.0.count).max() ?? 0, 60)
        for (i, row) in rows.enumerated() {
            if i == 0 && !direct.isEmpty { out += "\n" }
            if i == direct.count { out += "\nFöljer med (\(following.count)):\n" }
            out += "  \(row.0.padded(to: width))  \(row.1)\n"
        }
        if rows.isEmpty { out += "\nInga tillfällen ändras.\n" }
        if !proposal.impact.newConflicts.isEmpty {
            out += "\nNya konflikter (\(proposal.impact.newConflicts.count)):\n"
            for c in proposal.impact.newConflicts {
                out += "  \(c.severity == .error ? "fel" : c.severity == .warning ? "varning" : "not"): \(TerminalText.line(c.message)) [\(c.kind.rawValue)]\n"
            }
        }
        if !proposal.impact.resolvedConflicts.isEmpty {
            out += "\nKonflikter som försvinner (\(proposal.impact.resolvedConflicts.count)):\n"
            for c in proposal.impact.resolvedConflicts { out += "  \(TerminalText.line(c.message)) [\(c.kind.rawValue)]\n" }
        }
        return out
    }

    /// Why the change is not made, and how to make it anyway.
    public static func refusals(_ refusals: [Refusal], in plan: Plan) -> String {
        var out = "\nÄndringen görs inte:\n"
        for refusal in refusals {
            switch refusal {
            case .dayOff(let day, let reason):
                out += "  • \(Swedish.longDate(day)) är ledig dag (\(TerminalText.line(reason))).\n"
            case .beforeDependency(let conflict):
                out += "  • Det nya datumet stämmer inte med vad aktiviteten beror på: \(TerminalText.line(conflict.message)).\n"
            case .pinned(let id):
                out += "  • '\(id)' är fastlåst (pinned: true): datumet är satt utifrån och flyttas inte.\n"
            case .newErrors(let conflicts):
                out += "  • Ändringen ger \(JournalText.count(conflicts.count, "nytt fel", "nya fel")) i planen (se Nya konflikter ovan).\n"
            }
        }
        out += "Ingenting har skrivits. Använd --force för att göra ändringen ändå.\n"
        return out
    }
}
