/// What the scheduler says about a plan: its conflicts. Occurrences are named as in the
/// plan file (`'namnd[3]'`), dates as ISO days; the words around them are the language's.
public enum ScheduleText: Hashable, Sendable {
    case duplicateActivity(id: String)
    case unknownActivity(reference: String, role: String, of: String, suggestion: String?)
    /// `steps` is the cycle with its first activity again at the end.
    case dependencyCycle(steps: [String])
    case cannotBePlaced(activity: String, blocking: String)
    case placedRelativeToCancelled(activity: String, reference: String)
    case referencePastLastOccurrence(activity: String, reference: String, target: String, count: Int)
    case referenceWithoutOccurrences(activity: String, target: String)
    case withSeveralOccurrences(activity: String, target: String, count: Int)
    case datesFromEmpty(activity: String, source: String, year: Int)
    case repeatNeverMatches(activity: String)
    /// `label` names the occurrence: `'namnd[3]'`, or `'vb'` for an activity with one.
    case pinnedPushed(label: String, pinned: Day, rule: RuleText, to: Day)
    /// An occurrence moved (in the journal) or about to be moved before its rule allows.
    case placedBeforeRule(label: String, day: Day, rule: RuleText, earliest: Day)
    case placedApartFromWith(label: String, day: Day, rule: RuleText, sameDay: Day)
    case windowMissed(label: String, ends: Day, deadline: Day, rule: RuleText)
    case beforeNotBefore(label: String, day: Day, notBefore: Day)
    case afterNotAfter(label: String, ends: Day, notAfter: Day)
    case onDayOff(label: String, day: Day, reason: String)
    case outsidePlanYear(label: String, day: Day, year: Int)
    case overCapacity(subject: CapacitySubject, count: Int, period: CapacityPeriod, limit: Int, occurrences: [String])
    case repeatOverLimit(activity: String, count: Int, limit: Int)
    case occurrencesOverLimit(activity: String, count: Int, limit: Int)
    case planOccurrencesOverLimit(activity: String, limit: Int)
    /// `from`–`to`: the years a plan for `year` may reach (`around` years, within `first`–`last`).
    case outsideReachableYears(label: String, day: Day, year: Int, from: Int, to: Int, around: Int, first: Int, last: Int)
    /// A time that does not exist that day in `zone` (the clocks are put forward).
    case timeInClockGap(activity: String, time: String, day: Day, zone: String)
    /// A time that happens twice that day in `zone` (the clocks are put back).
    case timeTwice(activity: String, time: String, day: Day, zone: String)
    /// A reference to an imported meeting whose calendar changed since the approval.
    case referenceTargetChanged(activity: String, reference: String, was: Day, approval: String, now: Day?, movedTo: String?)

    public enum Kind: CaseIterable, Sendable {
        case duplicateActivity, unknownActivity, dependencyCycle, cannotBePlaced, placedRelativeToCancelled
        case referencePastLastOccurrence, referenceWithoutOccurrences, withSeveralOccurrences, datesFromEmpty
        case repeatNeverMatches, pinnedPushed, placedBeforeRule, placedApartFromWith, windowMissed, beforeNotBefore
        case afterNotAfter, onDayOff, outsidePlanYear, overCapacity, timeInClockGap, timeTwice, referenceTargetChanged
        case repeatOverLimit, occurrencesOverLimit, planOccurrencesOverLimit, outsideReachableYears
    }

    public var kind: Kind {
        switch self {
        case .duplicateActivity: return .duplicateActivity
        case .unknownActivity: return .unknownActivity
        case .dependencyCycle: return .dependencyCycle
        case .cannotBePlaced: return .cannotBePlaced
        case .placedRelativeToCancelled: return .placedRelativeToCancelled
        case .referencePastLastOccurrence: return .referencePastLastOccurrence
        case .referenceWithoutOccurrences: return .referenceWithoutOccurrences
        case .withSeveralOccurrences: return .withSeveralOccurrences
        case .datesFromEmpty: return .datesFromEmpty
        case .repeatNeverMatches: return .repeatNeverMatches
        case .pinnedPushed: return .pinnedPushed
        case .placedBeforeRule: return .placedBeforeRule
        case .placedApartFromWith: return .placedApartFromWith
        case .windowMissed: return .windowMissed
        case .beforeNotBefore: return .beforeNotBefore
        case .afterNotAfter: return .afterNotAfter
        case .onDayOff: return .onDayOff
        case .outsidePlanYear: return .outsidePlanYear
        case .overCapacity: return .overCapacity
        case .timeInClockGap: return .timeInClockGap
        case .repeatOverLimit: return .repeatOverLimit
        case .occurrencesOverLimit: return .occurrencesOverLimit
        case .planOccurrencesOverLimit: return .planOccurrencesOverLimit
        case .outsideReachableYears: return .outsideReachableYears
        case .timeTwice: return .timeTwice
        case .referenceTargetChanged: return .referenceTargetChanged
        }
    }
}

/// An activity's `with`/`after`/`before` rule as resolved for one occurrence, for messages:
/// "2 workdays after 'vb[1]' and 5 workdays before 'namnd[3]'".
public enum RuleText: Hashable, Sendable {
    case sameDay(as: String)
    case offsets([RuleOffset])
}

public struct RuleOffset: Hashable, Sendable {
    public var amount: Int
    public var unit: OffsetUnit
    /// After the reference (`after:`), or before it (`before:`).
    public var after: Bool
    /// `'vb[1]'`.
    public var reference: String

    public init(amount: Int, unit: OffsetUnit, after: Bool, reference: String) {
        self.amount = amount
        self.unit = unit
        self.after = after
        self.reference = reference
    }
}

/// What has a capacity: an owner, target group or channel, by id and name.
public enum CapacitySubject: Hashable, Sendable {
    case owner(id: String, name: String)
    case audience(id: String, name: String)
    case channel(id: String, name: String)
}

/// The day or ISO week a capacity is exceeded in.
public enum CapacityPeriod: Hashable, Sendable {
    case day(Day)
    case week(week: Int, year: Int)
}

extension SwedishCatalogue {
    public func schedule(_ text: ScheduleText) -> String {
        switch text {
        case .duplicateActivity(let id): return "aktivitets-id '\(id)' finns två gånger; bara den första schemaläggs"
        case .unknownActivity(let reference, let role, let of, let suggestion):
            return "okänd aktivitet '\(reference)' i '\(role)' för '\(of)'" + (suggestion.map { " (menade du '\($0)'?)" } ?? "")
        case .dependencyCycle(let steps):
            return "cirkulärt beroende: " + steps.map { "'\($0)'" }.joined(separator: " → ")
        case .cannotBePlaced(let activity, let blocking):
            return "'\(activity)' kan inte placeras: den beror på '\(blocking)', som inte kunde placeras"
        case .placedRelativeToCancelled(let activity, let reference):
            return
                "'\(activity)' placeras i förhållande till '\(reference)', som är inställd; den behåller sitt datum tills den flyttas eller ställs in också"
        case .referencePastLastOccurrence(let activity, let reference, let target, let count):
            return "'\(activity)' hänvisar till '\(reference)', men '\(target)' har \(count) \(count == 1 ? "tillfälle" : "tillfällen")"
        case .referenceWithoutOccurrences(let activity, let target):
            return "'\(activity)' hänvisar till '\(target)', som inte har några tillfällen"
        case .withSeveralOccurrences(let activity, let target, let count):
            return
                "'\(activity)' har 'with: \(target)', som har \(count) tillfällen; ange ett ('\(target)[1]') eller lägg till 'for-each: \(target)'"
        case .datesFromEmpty(let activity, let source, let year):
            return "'\(activity)' tar sina datum från '\(source)', som inte har några händelser \(year)"
        case .repeatNeverMatches(let activity): return "'repeat' för '\(activity)' träffar aldrig någon dag"
        case .pinnedPushed(let label, let pinned, let rule, let to):
            return "\(label) är låst till \(pinned), men \(self.rule(rule)) skulle flytta den till \(to)"
        case .placedBeforeRule(let label, let day, let rule, let earliest):
            return "\(label) den \(day) ligger före vad \(self.rule(rule)) tillåter (\(earliest))"
        case .placedApartFromWith(let label, let day, let rule, let sameDay):
            return "\(label) den \(day) ligger inte på \(self.rule(rule)) (\(sameDay))"
        case .windowMissed(let label, let ends, let deadline, let rule):
            return "\(label) hinner inte inom sitt fönster: den skulle sluta \(ends), efter sista dagen \(deadline) (\(self.rule(rule)))"
        case .beforeNotBefore(let label, let day, let notBefore):
            return "\(label) ligger \(day), före sitt not-before-datum \(notBefore)"
        case .afterNotAfter(let label, let ends, let notAfter):
            return "\(label) slutar \(ends), efter sitt not-after-datum \(notAfter)"
        case .onDayOff(let label, let day, let reason): return "\(label) ligger \(day), en ledig dag (\(reason))"
        case .outsidePlanYear(let label, let day, let year): return "\(label) ligger \(day), utanför planåret \(year)"
        case .overCapacity(let subject, let count, let period, let limit, let occurrences):
            let who: String
            switch subject {
            case .owner(let id, let name): who = "ansvarig '\(id)' (\(name))"
            case .audience(let id, let name): who = "målgruppen '\(id)' (\(name))"
            case .channel(let id, let name): who = "kanalen '\(id)' (\(name))"
            }
            let when: String
            let kind: String
            switch period {
            case .day(let day): (when, kind) = ("den \(day)", "day")
            case .week(let week, let year): (when, kind) = ("vecka \(week) \(year)", "week")
            }
            return
                "\(who) har \(count) aktiviteter \(when), fler än max-per-\(kind) \(limit): \(occurrences.joined(separator: ", "))"
        case .repeatOverLimit(let activity, let count, let limit):
            return "'repeat' för '\(activity)' ger upp till \(count) tillfällen, fler än gränsen \(limit) för en aktivitet"
        case .occurrencesOverLimit(let activity, let count, let limit):
            return "'\(activity)' har \(count) tillfällen, fler än gränsen \(limit) för en aktivitet"
        case .planOccurrencesOverLimit(let activity, let limit):
            return
                "med '\(activity)' har planen fler än \(limit) tillfällen, gränsen för en plan; den och aktiviteterna efter den placeras inte"
        case .outsideReachableYears(let label, let day, let year, let from, let to, let around, let first, let last):
            return
                "\(label) skulle hamna \(day), utanför de år en plan för \(year) får nå (\(from)–\(to): högst \(around) år från planåret, inom \(first)–\(last))"
        case .timeInClockGap(let activity, let time, let day, let zone):
            return
                "'\(activity)' ligger kl. \(time) den \(day), en tid som inte finns i \(zone) den dagen (klockan ställs fram); kalenderprogram visar den vid olika tider"
        case .timeTwice(let activity, let time, let day, let zone):
            return
                "'\(activity)' ligger kl. \(time) den \(day), en tid som inträffar två gånger i \(zone) den dagen (klockan ställs tillbaka); den skrivs som den första av de två"
        case .referenceTargetChanged(let activity, let reference, let was, let approval, let now, let movedTo):
            return
                "'\(activity)' hänvisar till '\(reference)', som var mötet den \(was) när planen fastställdes (\(approval)); kalendern har ändrats sedan, och '\(reference)' är nu "
                + (now.map { "mötet den \($0)" } ?? "borta") + (movedTo.map { "; mötet som avsågs är nu '\($0)'" } ?? "")
                + ": kontrollera hänvisningen"
        }
    }

    /// "2 arbetsdagar efter 'vb[1]' och 5 arbetsdagar före 'namnd[3]'".
    func rule(_ rule: RuleText) -> String {
        switch rule {
        case .sameDay(let reference): return "samma dag som \(reference)"
        case .offsets(let offsets):
            return offsets.map { offset in
                let unit: String
                switch offset.unit {
                case .workdays: unit = offset.amount == 1 ? "arbetsdag" : "arbetsdagar"
                case .days: unit = offset.amount == 1 ? "dag" : "dagar"
                case .weeks: unit = offset.amount == 1 ? "vecka" : "veckor"
                }
                return "\(offset.amount) \(unit) \(offset.after ? "efter" : "före") \(offset.reference)"
            }.joined(separator: " och ")
        }
    }
}

extension EnglishCatalogue {
    public func schedule(_ text: ScheduleText) -> String {
        switch text {
        case .duplicateActivity(let id): return "duplicate activity id '\(id)'; only the first is scheduled"
        case .unknownActivity(let reference, let role, let of, let suggestion):
            return "unknown activity '\(reference)' in '\(role)' of '\(of)'" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
        case .dependencyCycle(let steps): return "dependency cycle: " + steps.map { "'\($0)'" }.joined(separator: " → ")
        case .cannotBePlaced(let activity, let blocking):
            return "'\(activity)' cannot be placed: it depends on '\(blocking)', which could not be placed"
        case .placedRelativeToCancelled(let activity, let reference):
            return "'\(activity)' is placed relative to '\(reference)', which is cancelled; it keeps that date until it is moved or cancelled too"
        case .referencePastLastOccurrence(let activity, let reference, let target, let count):
            return "'\(activity)' refers to '\(reference)', but '\(target)' has \(count) occurrence\(count == 1 ? "" : "s")"
        case .referenceWithoutOccurrences(let activity, let target):
            return "'\(activity)' refers to '\(target)', which has no occurrences"
        case .withSeveralOccurrences(let activity, let target, let count):
            return
                "'\(activity)' is 'with' '\(target)', which has \(count) occurrences; name one ('\(target)[1]') or add 'for-each: \(target)'"
        case .datesFromEmpty(let activity, let source, let year):
            return "'\(activity)' takes its dates from '\(source)', which has no events in \(year)"
        case .repeatNeverMatches(let activity): return "the 'repeat' of '\(activity)' never matches a day"
        case .pinnedPushed(let label, let pinned, let rule, let to):
            return "\(label) is pinned to \(pinned), but \(self.rule(rule)) would move it to \(to)"
        case .placedBeforeRule(let label, let day, let rule, let earliest):
            return "\(label) on \(day) comes before \(self.rule(rule)) allows (\(earliest))"
        case .placedApartFromWith(let label, let day, let rule, let sameDay):
            return "\(label) on \(day) is not \(self.rule(rule)) (\(sameDay))"
        case .windowMissed(let label, let ends, let deadline, let rule):
            return "\(label) cannot meet its window: it would end \(ends), after the deadline \(deadline) (\(self.rule(rule)))"
        case .beforeNotBefore(let label, let day, let notBefore): return "\(label) is on \(day), before its not-before date \(notBefore)"
        case .afterNotAfter(let label, let ends, let notAfter): return "\(label) ends \(ends), after its not-after date \(notAfter)"
        case .onDayOff(let label, let day, let reason): return "\(label) is on \(day), a day off (\(reason))"
        case .outsidePlanYear(let label, let day, let year): return "\(label) falls on \(day), outside the plan year \(year)"
        case .overCapacity(let subject, let count, let period, let limit, let occurrences):
            let who: String
            switch subject {
            case .owner(let id, let name): who = "owner '\(id)' (\(name))"
            case .audience(let id, let name): who = "target group '\(id)' (\(name))"
            case .channel(let id, let name): who = "channel '\(id)' (\(name))"
            }
            let when: String
            let kind: String
            switch period {
            case .day(let day): (when, kind) = ("on \(day)", "day")
            case .week(let week, let year): (when, kind) = ("in week \(week) of \(year)", "week")
            }
            return "\(who) has \(count) activities \(when), more than max-per-\(kind) \(limit): \(occurrences.joined(separator: ", "))"
        case .repeatOverLimit(let activity, let count, let limit):
            return "the 'repeat' of '\(activity)' gives up to \(count) occurrences, more than the limit of \(limit) for one activity"
        case .occurrencesOverLimit(let activity, let count, let limit):
            return "'\(activity)' has \(count) occurrences, more than the limit of \(limit) for one activity"
        case .planOccurrencesOverLimit(let activity, let limit):
            return
                "with '\(activity)' the plan has more than \(limit) occurrences, the limit for one plan; it and the activities after it are not placed"
        case .outsideReachableYears(let label, let day, let year, let from, let to, let around, let first, let last):
            return
                "\(label) would fall on \(day), outside the years a plan for \(year) may reach (\(from)–\(to): at most \(around) years from the plan year, within \(first)–\(last))"
        case .timeInClockGap(let activity, let time, let day, let zone):
            return
                "'\(activity)' is at \(time) on \(day), a time that does not exist in \(zone) that day (the clocks are put forward); calendar programs will show it at different times"
        case .timeTwice(let activity, let time, let day, let zone):
            return
                "'\(activity)' is at \(time) on \(day), a time that happens twice in \(zone) that day (the clocks are put back); it is written as the first of the two"
        case .referenceTargetChanged(let activity, let reference, let was, let approval, let now, let movedTo):
            return
                "'\(activity)' refers to '\(reference)', which was the meeting on \(was) when the plan was approved (\(approval)); its calendar has changed since, and '\(reference)' is now "
                + (now.map { "the meeting on \($0)" } ?? "gone") + (movedTo.map { "; the meeting it meant is now '\($0)'" } ?? "")
                + ": check the reference"
        }
    }

    /// "2 workdays after 'vb[1]' and 5 workdays before 'namnd[3]'".
    func rule(_ rule: RuleText) -> String {
        switch rule {
        case .sameDay(let reference): return "the same day as \(reference)"
        case .offsets(let offsets):
            return offsets.map { "\($0.amount) \($0.unit.rawValue) \($0.after ? "after" : "before") \($0.reference)" }
                .joined(separator: " and ")
        }
    }
}
