import Arsplan

/// The year overview management approves the plan from: the årshjul, the year month by
/// month, the load per target group and channel, goal coverage and the deviations since
/// the last approval, as one self-contained HTML page (``YearOverviewPage``).
///
/// A value: everything the page shows is passed in — the plan, the occurrences to show,
/// the approval, the journal's latest entry, and "today" (from the caller's clock, never
/// read here) — so the same values always give the same bytes.
public struct YearOverview: Sendable {
    /// What the wheel's rings are.
    public enum Rings: String, CaseIterable, Sendable {
        case audiences, channels, units, owners, goals
    }

    /// Which schedule the page shows.
    public enum Version: Sendable, Equatable {
        /// The schedule now: the plan file with its journal applied.
        case current
        /// The schedule as recorded at the last approval.
        case approved
    }

    /// The latest approval: who, when, with what minutes reference.
    public struct ApprovalInfo: Sendable, Hashable {
        public var sequence: Int
        public var at: Timestamp
        public var by: String
        public var ref: String

        public init(sequence: Int, at: Timestamp, by: String, ref: String) {
            self.sequence = sequence
            self.at = at
            self.by = by
            self.ref = ref
        }
    }

    public var plan: Plan
    /// The occurrences shown, in schedule order.
    public var occurrences: [Occurrence]
    /// The plan's conflicts (for the approved version: as the journal stood at the approval).
    public var conflicts: [Conflict]
    public var version: Version
    public var approval: ApprovalInfo?
    /// What differs from the approval (nil when nothing has been approved).
    public var deviations: DeviationReport?
    /// The journal's entries, for who, when and why of each deviation.
    public var entries: [JournalEntry]
    /// The time of the journal's latest entry; nil without a journal.
    public var latestEntry: Timestamp?
    /// Today in the plan's zone, from the caller's clock; the wheel marks it when it lies in the year.
    public var today: Day?
    public var rings: Rings
    /// Only occurrences touching these days are shown (the wheel still shows the whole year).
    public var range: ClosedRange<Day>?
    /// Above this many occurrences the wheel shows one mark per day and ring, with a count.
    public var aggregateAbove: Int
    /// Above this many occurrences the list "Månad för månad" has one row per activity, with
    /// its dates, instead of one per occurrence (the page says so). At 100,000 occurrences the
    /// list by occurrence is 30 MB of HTML and was most of `export`'s time (2.6 s of 3.6–5 s);
    /// by activity it is under 2 MB. A plan of 20,000 activities (32,000 occurrences) is
    /// still listed occurrence by occurrence.
    public var listByActivityAbove: Int

    public init(
        plan: Plan, occurrences: [Occurrence], conflicts: [Conflict], version: Version = .current, approval: ApprovalInfo? = nil,
        deviations: DeviationReport? = nil, entries: [JournalEntry] = [], latestEntry: Timestamp? = nil, today: Day? = nil,
        rings: Rings = .audiences, range: ClosedRange<Day>? = nil, aggregateAbove: Int = 1500, listByActivityAbove: Int = 50_000
    ) {
        self.plan = plan
        self.occurrences = occurrences
        self.conflicts = conflicts
        self.version = version
        self.approval = approval
        self.deviations = deviations
        self.entries = entries
        self.latestEntry = latestEntry
        self.today = today
        self.rings = rings
        self.range = range
        self.aggregateAbove = aggregateAbove
        self.listByActivityAbove = listByActivityAbove
    }

    /// The schedule now (`replay`'s), compared with its latest approval.
    public static func current(
        _ replay: JournalReplay, planHash: String?, today: Day?, rings: Rings = .audiences, range: ClosedRange<Day>? = nil
    ) -> YearOverview {
        let report = DeviationReport(replay: replay, planHash: planHash)
        return YearOverview(
            plan: replay.plan, occurrences: replay.schedule.occurrences, conflicts: replay.schedule.conflicts, version: .current,
            approval: report.map(approvalInfo), deviations: report, entries: replay.entries, latestEntry: replay.stamp, today: today,
            rings: rings, range: range)
    }

    /// The schedule as it stood at the latest approval, rebuilt from the journal: the
    /// occurrences exactly as the approval recorded them, the plan and its conflicts as the
    /// journal stood at that entry. Nil when nothing has been approved.
    public static func approved(
        _ replay: JournalReplay, planHash: String?, today: Day?, rings: Rings = .audiences, range: ClosedRange<Day>? = nil
    ) -> YearOverview? {
        guard let report = DeviationReport(replay: replay, planHash: planHash) else { return nil }
        let point = report.approval
        let then = JournalReplay(plan: replay.writtenPlan, entries: Array(replay.entries[...point.position]))
        var plan = then.plan
        // An activity removed from the plan file since is still named as it was approved.
        let known = Set(plan.activities.map(\.id))
        for occurrence in point.approval.occurrences where !known.contains(occurrence.activity) {
            if !plan.activities.contains(where: { $0.id == occurrence.activity }) {
                plan.activities.append(Activity(id: occurrence.activity, title: occurrence.title, placement: .dates([])))
            }
        }
        let occurrences = point.approval.occurrences.map {
            Occurrence(
                uid: $0.uid, activity: $0.activity, index: $0.index, timing: $0.timing, status: $0.status, owner: $0.owner, sequence: $0.sequence)
        }
        let order = Dictionary(plan.activities.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let sorted = occurrences.sorted { a, b in
            let x = (a.timing.firstDay, a.timing.startMinute, order[a.activity] ?? Int.max, a.index)
            let y = (b.timing.firstDay, b.timing.startMinute, order[b.activity] ?? Int.max, b.index)
            return x < y
        }
        return YearOverview(
            plan: plan, occurrences: sorted, conflicts: then.schedule.conflicts, version: .approved, approval: approvalInfo(report),
            deviations: report, entries: replay.entries, latestEntry: point.entry.at, today: today, rings: rings, range: range)
    }

    private static func approvalInfo(_ report: DeviationReport) -> ApprovalInfo {
        let entry = report.approval.entry
        return ApprovalInfo(sequence: entry.sequence, at: entry.at, by: entry.by, ref: report.approval.approval.ref)
    }

    // MARK: - What the page is made of

    /// The occurrences the page shows: those touching `range`, or all.
    var shown: [Occurrence] {
        guard let range else { return occurrences }
        return occurrences.filter { $0.timing.lastDay >= range.lowerBound && $0.timing.firstDay <= range.upperBound }
    }

    /// One ring of the wheel: what it stands for.
    struct Ring {
        var name: String
        /// The limit per ISO week, for the load tables.
        var maxPerWeek: Int?
    }

    /// The wheel's rings and, for each activity (by id), the rings its occurrences lie in.
    /// Owners are per occurrence, so for `.owners` the caller looks the owner up. `activities`
    /// is the plan's ``Plan/activityIndex`` when the caller has it already.
    ///
    /// `shownActivities`: each shown occurrence's activity as its position in `plan.activities`
    /// (``Builder/shownActivity``), so that whether a ring for "none" is needed is asked once
    /// per activity (per occurrence only for rings of owners).
    func ringLayout(
        activities: [Activity.ID: Activity]? = nil, shownActivities: [Int]? = nil
    ) -> (rings: [Ring], ringsOf: @Sendable (Occurrence, Activity?) -> [Int]) {
        let none: String
        var rings: [Ring]
        var number: [String: Int] = [:]
        switch self.rings {
        case .audiences:
            rings = plan.audiences.map { Ring(name: $0.name, maxPerWeek: $0.capacity.maxPerWeek) }
            for (i, a) in plan.audiences.enumerated() where number[a.id.rawValue] == nil { number[a.id.rawValue] = i }
            none = "Ingen målgrupp angiven"
        case .channels:
            rings = plan.channels.map { Ring(name: $0.name, maxPerWeek: $0.capacity.maxPerWeek) }
            for (i, c) in plan.channels.enumerated() where number[c.id.rawValue] == nil { number[c.id.rawValue] = i }
            none = "Ingen kanal angiven"
        case .units:
            rings = plan.units.map { Ring(name: $0.name) }
            for (i, u) in plan.units.enumerated() where number[u.id.rawValue] == nil { number[u.id.rawValue] = i }
            none = "Inget verksamhetsområde angivet"
        case .owners:
            rings = plan.owners.map { Ring(name: $0.name) }
            for (i, o) in plan.owners.enumerated() where number[o.id.rawValue] == nil { number[o.id.rawValue] = i }
            none = "Ingen ansvarig angiven"
        case .goals:
            rings = plan.goals.map { Ring(name: $0.name) }
            for (i, g) in plan.goals.enumerated() where number[g.id.rawValue] == nil { number[g.id.rawValue] = i }
            none = "Inget mål angivet"
        }
        let kind = self.rings
        let keys: @Sendable (Occurrence, Activity?) -> [String] = { occurrence, activity in
            switch kind {
            case .audiences: return activity?.audiences.map(\.rawValue) ?? []
            case .channels: return activity?.channels.map(\.rawValue) ?? []
            case .units: return activity?.unit.map { [$0.rawValue] } ?? []
            case .owners: return occurrence.owner.map { [$0.rawValue] } ?? []
            case .goals: return activity?.goals.map(\.rawValue) ?? []
            }
        }
        // A ring for "none" only when some occurrence needs it. (Asked without making the
        // keys: for the 20,000-activity bench plan's 32,000 occurrences the arrays of keys
        // and a second index of the activities took 145 M instructions before the page's
        // parts could start on two cores; now 71 M, mostly copying each Activity out of the
        // index. Callgrind, 7 Dec 2026.)
        func lacksRing(_ owner: Owner.ID?, _ activity: Activity?) -> Bool {
            switch kind {
            case .audiences: return !(activity?.audiences.contains { number[$0.rawValue] != nil } ?? false)
            case .channels: return !(activity?.channels.contains { number[$0.rawValue] != nil } ?? false)
            case .units: return activity?.unit.map { number[$0.rawValue] == nil } ?? true
            case .owners: return owner.map { number[$0.rawValue] == nil } ?? true
            case .goals: return !(activity?.goals.contains { number[$0.rawValue] != nil } ?? false)
            }
        }
        let needsNone: Bool
        if kind != .owners, let positions = shownActivities {
            // Every occurrence of an activity the plan lacks needs it; the others once per activity.
            var asked = [Bool](repeating: false, count: plan.activities.count)
            needsNone = positions.contains { a in
                guard a >= 0 else { return true }
                if asked[a] { return false }
                asked[a] = true
                return lacksRing(nil, plan.activities[a])
            }
        } else {
            let activities = activities ?? plan.activityIndex
            needsNone = shown.contains { lacksRing($0.owner, activities[$0.activity]) }
        }
        let noneIndex = rings.count
        if needsNone || rings.isEmpty { rings.append(Ring(name: none)) }
        let ringsOf: @Sendable (Occurrence, Activity?) -> [Int] = { [number] occurrence, activity in
            var result: [Int] = []
            for key in keys(occurrence, activity) {
                if let n = number[key], !result.contains(n) { result.append(n) }
            }
            return result.isEmpty ? [noneIndex] : result
        }
        return (rings, ringsOf)
    }

    /// How many occurrences each activity has in this schedule (for "3/11").
    var occurrenceCounts: [Activity.ID: Int] {
        var counts: [Activity.ID: Int] = [:]
        for occurrence in occurrences { counts[occurrence.activity, default: 0] += 1 }
        return counts
    }
}

extension Plan {
    /// Activities by id (the first, should a plan repeat one).
    var activityIndex: [Activity.ID: Activity] {
        Dictionary(activities.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

extension OccurrenceTiming {
    /// Minutes after midnight of the start; -1 for all-day (sorted first).
    var startMinute: Int {
        if case .timed(let start, _) = self { return start.time.minutesSinceMidnight }
        return -1
    }
}

/// "Why it lies there", in Swedish words: how an activity's placement put an occurrence on its day.
enum PlacementText {
    static func reason(
        for occurrence: Occurrence, activity: Activity?, titles: [Activity.ID: String], counts: [Activity.ID: Int], isDayOff: (Day) -> String?
    ) -> String {
        guard let activity else { return "aktiviteten finns inte längre i planfilen" }
        var text: String
        func name(_ reference: ActivityReference) -> String {
            let title = titles[reference.activity] ?? reference.activity.rawValue
            let count = counts[reference.activity] ?? 1
            if let n = reference.occurrence { return count > 1 ? "\(title) (\(n)/\(count))" : title }
            if activity.forEach == reference.activity, count > 1 { return "\(title) (\(occurrence.index)/\(count))" }
            return title
        }
        func offset(_ o: DependencyOffset, after: Bool) -> String {
            if o.amount == 0 { return after ? "samma dag som eller efter \(name(o.reference))" : "senast samma dag som \(name(o.reference))" }
            let unit: String
            switch o.unit {
            case .workdays: unit = o.amount == 1 ? "arbetsdag" : "arbetsdagar"
            case .days: unit = o.amount == 1 ? "dag" : "dagar"
            case .weeks: unit = o.amount == 1 ? "vecka" : "veckor"
            }
            return after ? "\(o.amount) \(unit) efter \(name(o.reference))" : "senast \(o.amount) \(unit) före \(name(o.reference))"
        }
        switch activity.placement {
        case .date(let day):
            text = "fast datum"
            if let off = isDayOff(day) { text += " (ligger på en ledig dag: \(off))" }
        case .dates(let days):
            text = days.count > 1 ? "fast datum, ett av \(days.count)" : "fast datum"
            if let off = isDayOff(occurrence.timing.firstDay) { text += " (ligger på en ledig dag: \(off))" }
        case .recurrence(let rule):
            text = "återkommande " + recurrence(rule)
        case .with(let reference):
            text = "samma dag som \(name(reference))"
        case .relative(let after, let before):
            var parts = after.map { offset($0, after: true) }
            if after.count > 1 { parts = ["det senaste av: " + parts.joined(separator: "; ")] }
            if let before { parts.append(offset(before, after: false)) }
            text = parts.joined(separator: ", ")
        case .imported(let source, _):
            text = "datum från kalendern \(source)"
        }
        if let notBefore = activity.notBefore { text += ", tidigast \(Swedish.shortDate(notBefore)) \(notBefore.year)" }
        if let notAfter = activity.notAfter { text += ", senast \(Swedish.shortDate(notAfter)) \(notAfter.year)" }
        if activity.pinned { text += ", fastlåst" }
        if let override = activity.overrides[occurrence.index], override.day != nil || override.time != nil {
            text = "flyttad genom ändring i journalen (planerad: \(text))"
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    static func recurrence(_ rule: Recurrence) -> String {
        var text: String
        switch rule.frequency {
        case .weeks(let n): text = n == 1 ? "varje vecka" : "var \(ordinal(n)) vecka"
        case .months(let n): text = n == 1 ? "varje månad" : "var \(ordinal(n)) månad"
        }
        switch rule.on {
        case .weekday(let w): text += ", \(w.swedishName)"
        case .nthWeekday(let n, let w):
            let which = [-1: "sista", 1: "första", 2: "andra", 3: "tredje", 4: "fjärde", 5: "femte"][n] ?? ordinal(n)
            text += ", \(which) \(w.swedishName)en"
        case .dayOfMonth(let d): text += d == -1 ? ", sista dagen" : ", den \(ordinal(d))"
        }
        if !rule.exceptMonths.isEmpty {
            text += ", utom i " + rule.exceptMonths.sorted().map { Swedish.monthNames[$0 - 1] }.joined(separator: " och ")
        }
        return text
    }

    /// Swedish ordinal in figures: 1:a, 2:a, 3:e, 21:a.
    static func ordinal(_ n: Int) -> String {
        let last = abs(n) % 10
        let lastTwo = abs(n) % 100
        return (last == 1 || last == 2) && lastTwo != 11 && lastTwo != 12 ? "\(n):a" : "\(n):e"
    }
}
