/// Why a requested change cannot be made: ``JournalError`` in words.
extension SwedishCatalogue {
    public func journal(_ error: JournalError) -> String {
        switch error {
        case .unknownActivity(let id, let suggestion):
            return "Det finns ingen aktivitet '\(id)' i planen" + (suggestion.map { " (menade du '\($0)'?)" } ?? "") + "."
        case .unknownOccurrence(let id, let n, let count):
            return "Aktiviteten '\(id)' har inget tillfälle \(n); den har \(count) (1–\(count))."
        case .occurrenceRequired(let id, let occurrences):
            return "Aktiviteten '\(id)' har \(occurrences.count) tillfällen; ange ett med --occurrence N:\n"
                + occurrences.map { "    \($0.index): \($0.start)\($0.cancelled ? " (inställt)" : "")" }.joined(separator: "\n")
        case .noOccurrences(let id): return "Aktiviteten '\(id)' har inga tillfällen i schemat."
        case .unknownOwner(let id, let suggestion):
            return "Det finns ingen ansvarig '\(id)' i planen" + (suggestion.map { " (menade du '\($0)'?)" } ?? "")
                + "; ansvariga anges under 'owners:'."
        case .nothingToChange(let unchanged):
            let what: String
            switch unchanged {
            case .alreadyOn(let occurrence, let day, let time):
                what = "'\(occurrence)' ligger redan \(day)\(time.map { " kl. \($0)" } ?? "")."
            case .alreadyCancelled(let occurrence): what = "'\(occurrence)' är redan inställt."
            case .allAlreadyCancelled(let activity): what = "alla tillfällen av '\(activity)' är redan inställda."
            case .alreadyOwned(let activity, let owner): what = "'\(activity)' har redan '\(owner)' som ansvarig."
            case .noOccurrenceFrom(let activity, let day): what = "'\(activity)' har inget tillfälle från \(day) och framåt."
            }
            return "Ingenting att ändra: \(what)"
        case .nothingToUndo: return "Ingenting att ångra: ändringsloggen har ingen ändring som gäller."
        case .dayOutOfRange(let day):
            return "Kan inte flytta till \(day): dagen måste ligga inom \(JournalEntry.years.lowerBound)–\(JournalEntry.years.upperBound)."
        case .journalFull:
            return
                "Ändringsloggens postnummer har nått \(JournalEntry.maximumSequence), det högsta tillåtna; numrera om posterna (se docs/journal.md)."
        }
    }
}

extension EnglishCatalogue {
    public func journal(_ error: JournalError) -> String {
        switch error {
        case .unknownActivity(let id, let suggestion):
            return "There is no activity '\(id)' in the plan" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "") + "."
        case .unknownOccurrence(let id, let n, let count):
            return "Activity '\(id)' has no occurrence \(n); it has \(count) (1–\(count))."
        case .occurrenceRequired(let id, let occurrences):
            return "Activity '\(id)' has \(occurrences.count) occurrences; name one with --occurrence N:\n"
                + occurrences.map { "    \($0.index): \($0.start)\($0.cancelled ? " (cancelled)" : "")" }.joined(separator: "\n")
        case .noOccurrences(let id): return "Activity '\(id)' has no occurrences in the schedule."
        case .unknownOwner(let id, let suggestion):
            return "There is no owner '\(id)' in the plan" + (suggestion.map { " (did you mean '\($0)'?)" } ?? "")
                + "; owners are declared under 'owners:'."
        case .nothingToChange(let unchanged):
            let what: String
            switch unchanged {
            case .alreadyOn(let occurrence, let day, let time): what = "'\(occurrence)' is already on \(day)\(time.map { " at \($0)" } ?? "")."
            case .alreadyCancelled(let occurrence): what = "'\(occurrence)' is already cancelled."
            case .allAlreadyCancelled(let activity): what = "every occurrence of '\(activity)' is already cancelled."
            case .alreadyOwned(let activity, let owner): what = "'\(activity)' is already owned by '\(owner)'."
            case .noOccurrenceFrom(let activity, let day): what = "'\(activity)' has no occurrence on or after \(day)."
            }
            return "Nothing to change: \(what)"
        case .nothingToUndo: return "Nothing to undo: the journal has no change in effect."
        case .dayOutOfRange(let day):
            return "Cannot move to \(day): the day must lie in \(JournalEntry.years.lowerBound)–\(JournalEntry.years.upperBound)."
        case .journalFull:
            return
                "The journal's entry numbers have reached \(JournalEntry.maximumSequence), the largest allowed; renumber the entries (see docs/journal.md)."
        }
    }
}
