extension JournalReplay {
    /// Numbered references (`with: kf[3]`) to an activity that takes its dates from another
    /// calendar, whose occurrence at that number is no longer the one it was when the plan was
    /// last approved: the source calendar gained or lost an earlier meeting, so `kf[3]` now
    /// means another meeting. A warning at the reference, naming both meetings.
    ///
    /// Without an approval in the journal there is nothing to compare with (arsplan keeps no
    /// other record of what a position meant), and nothing is reported.
    public var shiftedImportReferences: [Conflict] {
        guard let point = latestApproval else { return [] }
        let imported = Set(writtenPlan.activities.filter { if case .imported = $0.placement { return true } else { return false } }.map(\.id))
        guard !imported.isEmpty else { return [] }
        var then: [Activity.ID: [Int: ApprovedOccurrence]] = [:]
        for o in point.approval.occurrences where imported.contains(o.activity) { then[o.activity, default: [:]][o.index] = o }
        var now: [Activity.ID: [Int: Occurrence]] = [:]
        var nowByUID: [String: Occurrence] = [:]
        for o in schedule.occurrences where imported.contains(o.activity) {
            now[o.activity, default: [:]][o.index] = o
            nowByUID[o.uid] = o
        }
        var result: [Conflict] = []
        for activity in writtenPlan.activities {
            for (reference, location, _) in PlacementPass.references(of: activity) {
                guard let n = reference.occurrence, let was = then[reference.activity]?[n] else { continue }
                let current = now[reference.activity]?[n]
                guard current?.uid != was.uid else { continue }
                let text = ScheduleText.referenceTargetChanged(
                    activity: activity.id.rawValue, reference: reference.description, was: was.timing.firstDay,
                    approval: point.approval.ref, now: current?.timing.firstDay,
                    movedTo: nowByUID[was.uid].map { "\(reference.activity)[\($0.index)]" })
                result.append(
                    Conflict(
                        kind: .referenceTargetChanged, severity: .warning, activities: [activity.id, reference.activity], text: .schedule(text),
                        location: location, occurrence: nil, day: current?.timing.firstDay, limit: was.timing.firstDay))
            }
        }
        return result
    }
}
