import Arsplan
import Foundation

/// The journal in words (from the message catalogue): occurrences, timings, actions and times.
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

    /// `tis 23 mar 17:00–19:00`, `mån 13 sep–sön 3 okt`, `fre 26 mar`; with `planYear`, a
    /// day in another year shows its year (`tor 23 mar 2028`).
    public static func timing(_ timing: OccurrenceTiming, planYear: Int? = nil, language: Language = .swedish) -> String {
        let catalogue = language.catalogue
        func date(_ day: Day) -> String {
            planYear.map { $0 != day.year } == true ? "\(catalogue.shortDate(day)) \(day.year)" : catalogue.shortDate(day)
        }
        switch timing {
        case .allDay(let first, let last):
            return first == last ? date(first) : "\(date(first))–\(date(last))"
        case .timed(let start, let end):
            if start.day == end.day || timing.lastDay == start.day { return "\(date(start.day)) \(start.time)–\(end.time)" }
            return "\(date(start.day)) \(start.time)–\(date(end.day)) \(end.time)"
        }
    }

    /// `Servicenämndens sammanträde (3/11)`; the number only when the activity has several occurrences.
    public static func occurrence(_ activity: Activity.ID, _ index: Int, in plan: Plan, count: Int, title: String? = nil) -> String {
        let name = title ?? plan.activityTitle(activity) ?? activity.rawValue
        return count > 1 ? "\(name) (\(index)/\(count))" : name
    }

    /// An owner's name, or the id when the plan does not know it.
    public static func owner(_ id: Owner.ID?, in plan: Plan, language: Language = .swedish) -> String {
        guard let id else { return Message.change(.noOwner).text(in: language) }
        return plan.owner(id)?.name ?? id.rawValue
    }

    /// An occurrence status in words: `planerad`, `inställd` / `planned`, `cancelled`.
    public static func status(_ status: OccurrenceStatus, language: Language = .swedish) -> String {
        Message.change(.status(status)).text(in: language)
    }

    /// What an entry does, in a short phrase: `flyttar namnd (3) till tis 30 mar 2027`.
    public static func action(_ action: JournalAction, in plan: Plan, language: Language = .swedish) -> String {
        let text: ChangeText
        switch action {
        case .move(let activity, let n, let day, let time):
            text = .actionMove(activity: activity.rawValue, occurrence: n, day: day, time: time?.description)
        case .cancel(let activity, let n): text = .actionCancel(activity: activity.rawValue, occurrence: n)
        case .assign(let activity, let owner, let from):
            text = .actionAssign(activity: activity.rawValue, owner: JournalText.owner(owner, in: plan, language: language), from: from)
        case .undo(let entry): text = .actionUndo(entry: entry)
        case .approve(let approval): text = .actionApprove(ref: approval.ref)
        }
        return Message.change(text).text(in: language)
    }

    /// A state change in words: `tis 23 mar 17:00–19:00 → tis 30 mar 17:00–19:00`, `inställd`, `Anna Berg → Johan Sandberg`.
    public static func change(_ change: StateChange, in plan: Plan, language: Language = .swedish) -> String {
        func timing(_ timing: OccurrenceTiming) -> String { JournalText.timing(timing, planYear: plan.year, language: language) }
        func say(_ text: ChangeText) -> String { Message.change(text).text(in: language) }
        guard let before = change.before else { return say(.stateNew(timing: change.after.map { timing($0.timing) } ?? "")) }
        guard let after = change.after else { return say(.stateRemoved(timing: timing(before.timing))) }
        var parts: [String] = []
        if before.timing != after.timing { parts.append("\(timing(before.timing)) → \(timing(after.timing))") }
        if before.status != after.status {
            if after.status == .cancelled {
                parts.append(say(.stateCancelled(timing: timing(after.timing))))
            } else if before.status == .cancelled {
                parts.append(say(.stateReinstated(timing: before.timing == after.timing ? timing(after.timing) : nil)))
            } else {
                parts.append("\(status(before.status, language: language)) → \(status(after.status, language: language))")
            }
        }
        if before.owner != after.owner {
            parts.append(
                say(.stateOwner(before: owner(before.owner, in: plan, language: language), after: owner(after.owner, in: plan, language: language))))
        }
        return parts.joined(separator: "; ")
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }
}

/// What `move`, `cancel`, `assign` and `undo` print before they write: the impact of the change.
public enum ChangeReport {
    public static func render(_ proposal: ChangeProposal, language: Language = .swedish) -> String {
        let plan = proposal.after.plan
        let entry = proposal.entry
        func say(_ text: ChangeText) -> String { Message.change(text).text(in: language) }
        if case .approve(let approval) = entry.action {
            let activities = Set(approval.occurrences.map(\.activity)).count
            return say(
                .previewApproval(
                    sequence: entry.sequence, by: TerminalText.line(entry.by), ref: TerminalText.line(approval.ref),
                    occurrences: approval.occurrences.count, activities: activities, hash: approval.scheduleHash)) + "\n"
        }
        var undoes: Int?
        if case .undo(let target) = entry.action { undoes = target }
        var out =
            say(
                .previewHeading(
                    action: entry.action.name, undoes: undoes, sequence: entry.sequence, by: TerminalText.line(entry.by),
                    what: TerminalText.line(JournalText.action(entry.action, in: plan, language: language)))) + "\n"
        let direct = proposal.impact.occurrences.filter(\.direct)
        let following = proposal.impact.occurrences.filter { !$0.direct }
        let rows = (direct + following).map { impact in
            (
                TerminalText.line(JournalText.occurrence(impact.activity, impact.index, in: plan, count: impact.count)),
                TerminalText.line(JournalText.change(impact.change, in: plan, language: language))
            )
        }
        let width = min(rows.map(\.0.count).max() ?? 0, 60)
        for (i, row) in rows.enumerated() {
            if i == 0 && !direct.isEmpty { out += "\n" }
            if i == direct.count { out += "\n" + say(.previewFollowing(count: following.count)) + "\n" }
            out += "  \(row.0.padded(to: width))  \(row.1)\n"
        }
        if rows.isEmpty { out += "\n" + say(.previewNoChanges) + "\n" }
        let far = farMoves(following, in: plan, language: language)
        if !far.isEmpty {
            out += "\n" + say(.previewFarHeading(count: far.count)) + "\n"
            for line in far { out += "  \(line)\n" }
        }
        let catalogue = language.catalogue
        if !proposal.impact.newConflicts.isEmpty {
            out += "\n" + say(.previewNewConflicts(count: proposal.impact.newConflicts.count)) + "\n"
            for c in proposal.impact.newConflicts {
                out += "  \(catalogue.severity(c.severity)): \(TerminalText.line(c.text.text(in: language))) [\(c.kind.rawValue)]\n"
            }
        }
        if !proposal.impact.resolvedConflicts.isEmpty {
            out += "\n" + say(.previewResolvedConflicts(count: proposal.impact.resolvedConflicts.count)) + "\n"
            for c in proposal.impact.resolvedConflicts { out += "  \(TerminalText.line(c.text.text(in: language))) [\(c.kind.rawValue)]\n" }
        }
        return out
    }

    /// Dependants that move more than ten working days, or across a closed period (the
    /// summer closure): a change that looks small can pull a deadline far.
    static func farMoves(_ impacts: [OccurrenceImpact], in plan: Plan, language: Language) -> [String] {
        let calendar = WorkingCalendar(plan: plan)
        var lines: [String] = []
        for impact in impacts {
            guard let before = impact.change.before?.timing.firstDay, let after = impact.change.after?.timing.firstDay, before != after
            else { continue }
            let (first, last) = before < after ? (before, after) : (after, before)
            let workdays = calendar.workingDays(from: first, through: last) - 1
            // A closed period between the two days (looked for only over a span of a year or less).
            var closed: String?
            if last.dayNumber - first.dayNumber <= 366 {
                var day = first
                while day < last, closed == nil {
                    if let off = calendar.dayOff(on: day), off.kind == .closed { closed = off.name }
                    day = day.adding(days: 1)
                }
            }
            guard workdays > 10 || closed != nil else { continue }
            let name = TerminalText.line(JournalText.occurrence(impact.activity, impact.index, in: plan, count: impact.count))
            let why = Message.change(.previewFar(workdays: workdays, later: after > before, across: closed.map(TerminalText.line))).text(in: language)
            let from = JournalText.timing(impact.change.before!.timing, planYear: plan.year, language: language)
            let to = JournalText.timing(impact.change.after!.timing, planYear: plan.year, language: language)
            lines.append("\(name): \(why) (\(from) → \(to))")
        }
        return lines
    }

    /// Why the change is not made, and how to make it anyway; each reason with its code.
    public static func refusals(_ refusals: [Refusal], in plan: Plan, language: Language = .swedish) -> String {
        func say(_ text: ChangeText) -> String { Message.change(text).text(in: language) }
        var out = "\n" + say(.refusedHeading) + "\n"
        for refusal in refusals {
            let text: ChangeText
            switch refusal {
            case .dayOff(let day, let reason): text = .refusedDayOff(day: day, reason: TerminalText.line(reason))
            case .beforeDependency(let conflict): text = .refusedBeforeDependency(conflict: TerminalText.line(conflict.text.text(in: language)))
            case .alreadyPast(let occurrence, let day, let today): text = .refusedAlreadyPast(occurrence: occurrence, day: day, today: today)
            case .outsidePlanYear(let day, let year): text = .refusedOutsidePlanYear(day: day, planYear: year)
            case .pinned(let id): text = .refusedPinned(activity: id.rawValue)
            case .newErrors(let conflicts): text = .refusedNewErrors(count: conflicts.count)
            case .cancelsPast(let activity, let count, let first, let last, let today):
                text = .refusedCancelsPast(activity: activity, count: count, first: first, last: last, today: today)
            case .reassignsPast(let activity, let count, let first, let today):
                text = .refusedReassignsPast(activity: activity, count: count, first: first, today: today)
            }
            out += "  • \(say(text)) [\(refusal.code)]\n"
        }
        out += say(.refusedFooter) + "\n"
        return out
    }
}
