/// The plan reader's texts in Swedish.
extension SwedishCatalogue {
    public func plan(_ text: PlanText) -> String {
        func mean(_ suggestion: String?) -> String { suggestion.map { " (menade du '\($0)'?)" } ?? "" }
        switch text {
        case .fileTooLarge(let bytes, let limit):
            return "planfilen är \(bytes) byte, mer än gränsen \(limit) byte"
        case .notUTF8(let byte, let offset):
            return
                "planfilen är inte UTF-8-text: byte 0x\(String(byte, radix: 16, uppercase: true)) på position \(offset) kan inte inleda eller fortsätta ett tecken; spara filen som UTF-8"
        case .yamlSyntax(let problem, let context, let at):
            var text = "ogiltig YAML: \(yamlPhrase(problem))"
            if let context { text += " (\(yamlPhrase(context))\(at.map { " på \($0)" } ?? ""))" }
            return text
        case .valueTooLong(let bytes, let limit):
            return "värdet är \(bytes) byte långt, mer än gränsen \(limit) byte för ett värde"
        case .nestingTooDeep(let limit):
            return "listor och mappningar är här nästlade djupare än \(limit) nivåer, gränsen för en planfil"
        case .aliasWithoutAnchor(let name):
            return "ogiltig YAML: aliaset '*\(name)' hänvisar inte till något ankare ('&\(name)') skrivet före det"
        case .secondDocument: return "en planfil är ett YAML-dokument, men ett andra börjar här"
        case .emptyFile:
            return "planfilen är tom; den behöver åtminstone avsnittet 'plan' med 'id', 'title' och 'year'"
        case .fileNotAMapping(let found):
            return
                "en planfil måste vara en mappning med avsnitten 'plan', 'calendar', 'owners', …, 'activities', inte \(self.found(found))"
        case .unsupportedFormat(let format):
            return "planfilsformat \(format) stöds inte: den här versionen av arsplan läser format 1"
        case .missingPlanSection: return "avsnittet 'plan' saknas (med 'id', 'title' och 'year')"

        case .unknownKey(let key, let place, let suggestion):
            return "okänd nyckel '\(key)' i \(self.place(place))\(mean(suggestion))"
        case .mergeKey:
            return "YAML:s sammanslagningsnycklar ('<<') stöds inte i planfiler; skriv ut nycklarna"
        case .duplicateKey(let key, let place, let first):
            return "'\(key)' skrivs en gång till i \(place.map { self.place($0) } ?? "samma mappning") (första gången på \(first)); behåll en"
        case .keyNotText(let place, let found):
            return "en nyckel i \(self.place(place)) måste vara text, inte \(self.found(found))"
        case .duplicateID(let kind, let id, let first):
            return "\(noun(kind)) '\(id)' definieras en gång till (första gången på \(first))"
        case .invalidGroupID(let kind, let id):
            return "id:t '\(id)' för \(noun(kind)) får bara innehålla bokstäver, siffror, '-' och '_'"

        case .wrongType(let key, let expected, let found, let hint):
            return "'\(key)' måste vara \(self.expected(expected)), inte \(self.found(found))" + (hint.map { "; \(self.hint($0))" } ?? "")
        case .noValue(let key): return "'\(key)' har inget värde"
        case .invalidID(let text): return "'\(text)' är inget giltigt id: använd bara bokstäver, siffror, '-' och '_'"
        case .notPositive(let key, let value): return "'\(key)' måste vara 1 eller mer, inte \(value)"
        case .dateOutOfRange(let text, let from, let to):
            return "\(text) ligger utanför de år en plan får använda (\(from)–\(to))"
        case .noSuchMonth(let text, let month): return "\(text) är inget datum: det finns ingen månad \(month)"
        case .noSuchDay(let text, let month, let year, let days, let day):
            return "\(text) är inget datum: \(self.month(month)) \(year) har \(days) dagar, inte \(day)"
        case .dateWithTime(let text):
            return "'\(text)' är inget datum: skriv dagen som ÅÅÅÅ-MM-DD och klockslaget under 'time'"
        case .dateDigits(let text, let written):
            return "'\(text)' är inget datum: skriv månad och dag med två siffror, '\(written)'"
        case .notADate(let text): return "'\(text)' är inget datum: skriv ÅÅÅÅ-MM-DD, till exempel 2027-03-30"
        case .notAnEmail(let text): return "'\(text)' är ingen e-postadress"

        case .planHasNo(let key): return "'plan' saknar '\(key)'"
        case .yearOutOfRange(let year): return "planåret \(year) ligger utanför 1900–2200"
        case .unknownTimeZone(let zone, let suggestion):
            if let suggestion { return "okänd tidszon '\(zone)' (menade du '\(suggestion)'?)" }
            return "okänd tidszon '\(zone)'; använd ett IANA-namn som 'Europe/Stockholm'"
        case .unknownHolidays(let value, let suggestion):
            return "'holidays' måste vara 'sweden' eller 'none', inte '\(value)'\(mean(suggestion))"
        case .closedPeriodNotAMapping(let found):
            return
                "en stängd period måste vara en mappning som '{from: 2027-07-05, to: 2027-08-06, name: Sommarstängt}' eller '{date: 2027-05-07, name: Klämdag}', inte \(self.found(found))"
        case .closedDateAndRange: return "en stängd period har antingen 'date' eller 'from' och 'to', inte båda"
        case .closedNeedsDates: return "en stängd period behöver 'from' och 'to', eller 'date'"
        case .closedFromWithoutTo: return "en stängd period med 'from' behöver också 'to'"
        case .closedToWithoutFrom: return "en stängd period med 'to' behöver också 'from'"
        case .closedEndsBeforeStart(let name, let from, let to):
            return "den stängda perioden '\(name)' slutar (\(to)) innan den börjar (\(from))"

        case .activityNotAMapping(let found):
            return "varje aktivitet måste vara en mappning som börjar med '- id:', inte \(self.found(found))"
        case .activityHasNo(let activity, let key): return "\(self.activity(activity)) saknar '\(key)'"
        case .noPlacement(let activity):
            return "\(self.activity(activity)) har inget datum: ge den ett av \(placements)"
        case .multiplePlacements(let activity, let keys):
            let names = keys.map { "'\($0)'" }
            return
                "\(self.activity(activity)) placeras både av \(names[0]) och \(names.dropFirst().joined(separator: " och ")); behåll exakt ett av \(placements)"
        case .datesEmpty: return "'dates' anger inga datum"
        case .tooManyDates(let count, let limit):
            return "'dates' anger \(count) datum, fler än gränsen \(limit) tillfällen för en aktivitet"
        case .afterEmpty: return "'after' anger ingen aktivitet"
        case .beforeList: return "'before' tar en aktivitet, inte en lista: aktiviteten måste sluta före den"
        case .forEachOccurrence(let text):
            return "'for-each' tar en aktivitet utan tillfällesnummer: '\(text)' anger ett tillfälle"
        case .forEachPlacement(let key): return "'for-each' fungerar med 'with', 'after' eller 'before', inte med '\(key)'"
        case .withOffset(let text):
            return
                "'with' lägger aktiviteten samma dag som en annan och tar ingen förskjutning, inte '\(text)'; använd 'after' eller 'before' för en förskjutning"
        case .afterMinus(let reference, let amount, let unit):
            let offset = "\(amount) \(unit.rawValue)"
            return
                "'after' räknar framåt från '\(reference)': skriv 'after: \(reference) + \(offset)'; för en sista dag före '\(reference)', skriv 'before: \(reference) - \(offset)'"
        case .beforePlus(let reference, let amount, let unit):
            let offset = "\(amount) \(unit.rawValue)"
            return
                "'before' räknar bakåt från '\(reference)': skriv 'before: \(reference) - \(offset)'; för att börja efter '\(reference)', skriv 'after: \(reference) + \(offset)'"
        case .expression(let expression, let key, let written):
            let (message, help) = expressionParts(expression)
            var text = message
            if let key, let written { text += " i '\(key): \(written)'" }
            return text + (help.map { "; \($0)" } ?? "")
        case .unknownStatus(let text, let suggestion):
            return "'status' måste vara 'planned', 'tentative' eller 'cancelled', inte '\(text)'\(mean(suggestion))"
        case .durationWithoutTime(let duration, let activity):
            return
                "längden '\(duration)' räknas i timmar, men \(self.activity(activity)) har ingen 'time' och varar därför hela dagen; lägg till 'time: \"HH:MM\"' eller ange längden i dagar ('1d')"
        case .notAfterBeforeNotBefore(let notAfter, let notBefore):
            return "'not-after' (\(notAfter)) ligger före 'not-before' (\(notBefore))"

        case .dayOfMonth(let found): return "'day-of-month' måste vara 1–31 eller 'last' (-1), inte \(self.found(found))"
        case .exceptMonths(let found):
            return "'except-months' tar månadsnummer 1–12 (eller namn som 'juli'), inte \(self.found(found))"
        case .repeatNeedsEvery: return "'repeat' behöver 'every': 'week', '2 weeks', 'month', '3 months', …"
        case .weeklyDayOfMonth:
            return "en veckovis upprepning infaller på en veckodag ('on: monday'); 'day-of-month' är för månadsvisa"
        case .weeklyNth(let weekday):
            return
                "en veckovis upprepning infaller på en veckodag: skriv 'on: \(englishWeekday(weekday))'; 'first', 'last', … är för månadsvisa"
        case .weeklyNeedsWeekday:
            return "en veckovis upprepning behöver en veckodag: lägg till 'on: monday' (eller en annan dag)"
        case .monthlyOnAndDayOfMonth: return "en månadsvis upprepning tar antingen 'on' eller 'day-of-month', inte båda"
        case .monthlyNeedsWhich(let weekday):
            let name = englishWeekday(weekday)
            return
                "en månadsvis upprepning behöver veta vilken \(self.weekday(weekday)) i månaden: 'first \(name)', 'second \(name)', … eller 'last \(name)'"
        case .monthlyNeedsDay:
            return "en månadsvis upprepning behöver 'on' (till exempel 'first tuesday') eller 'day-of-month' (till exempel 15)"
        case .untilBeforeFrom(let until, let from): return "'until' (\(until)) ligger före 'from' (\(from)) i 'repeat'"
        case .repeatTooMany(let count, let limit):
            return
                "den här 'repeat' ger upp till \(count) tillfällen, fler än gränsen \(limit) för en aktivitet; begränsa 'from'/'until'"

        case .unknownID(let kind, let id, let suggestion):
            return "\(kind == .goal ? "okänt" : "okänd") \(noun(kind)) '\(id)'\(mean(suggestion))"
        case .unknownActivity(let id, let key, let suggestion):
            return "okänd aktivitet '\(id)' i '\(key)'\(mean(suggestion))"
        case .missingOccurrence(let reference, let key, let id, let count):
            return "'\(reference)' i '\(key)' finns inte: '\(id)' har \(count) \(count == 1 ? "tillfälle" : "tillfällen")"
        case .activityWithoutOwner(let activity):
            return "aktiviteten '\(activity)' har ingen ansvarig; ange en med 'owner:'"
        case .duplicateDate(let date, let first):
            return "\(date) står två gånger i 'dates' (första gången på \(first)); ta bort den ena"

        case .formatNote:
            return "en nyare arsplan kan kanske läsa den; eller skriv 'format: 1' och använd bara nycklarna i docs/plan-format.md"
        case .keysHere(let keys): return "nycklar här: " + keys.map { "'\($0)'" }.joined(separator: ", ")
        case .idsDefined(let kind, let ids, let more):
            return "definierade \(plural(kind)): " + ids.map { "'\($0)'" }.joined(separator: ", ") + (more ? ", …" : "")
        case .noIDsDefined(let kind):
            return "planen definierar inga \(plural(kind)); lägg till avsnittet '\(kind.section):'"
        case .secondDocumentNote: return "ta bort raden '---', eller dela filen i två planer"
        case .tabNote: return "YAML drar in med mellanslag; en tabb kan inte användas för indrag: använd mellanslag"
        case .bracketNote(let reference):
            return
                "inom { } eller [ ] inleder en hakparentes en lista: sätt en hänvisning med tillfällesnummer inom citattecken, \"\(reference)\""
        case .quoteValueNote(let line): return "ett värde med kolon och mellanslag måste stå inom citattecken: \(line)"
        case .indentationNote(let column):
            return "nycklarna ovanför börjar i kolumn \(column); dra in den här raden lika långt"
        case .nameForIDNote(let id, let name): return "menade du '\(id)' (\(name))? Här skrivs id:t, inte namnet"
        case .commaListNote(let items):
            return "en lista skrivs inom hakparenteser: [\(items.joined(separator: ", "))]"
        case .ownersDefinedNote: return "planen har ansvariga under 'owners:', så varje aktivitet bör ha en"
        }
    }

    public func expression(_ text: ExpressionText) -> String {
        let (message, help) = expressionParts(text)
        return message + (help.map { "; \($0)" } ?? "")
    }

    /// An expression error's message and what to write instead.
    func expressionParts(_ text: ExpressionText) -> (String, String?) {
        func mean(_ suggestion: String?) -> String { suggestion.map { " (menade du '\($0)'?)" } ?? "" }
        switch text {
        case .expectedIDFound(let character):
            return ("ett aktivitets-id väntades, men här står '\(character)'", "id består av bokstäver, siffror, '-' och '_'")
        case .expectedID: return ("ett aktivitets-id väntades", nil)
        case .expectedOccurrenceNumber(let id):
            return ("ett tillfällesnummer inom hakparenteser väntades", "till exempel '\(id)[2]' för det andra")
        case .occurrenceFromOne(let id): return ("tillfällen räknas från 1", "'\(id)[1]' är det första")
        case .unexpectedAfter(let rest, let after): return ("oväntat '\(rest)' efter '\(after)'", nil)
        case .offsetOverLimit(let amount, let unit, let limit):
            return (
                "förskjutningen \(amount) \(offsetUnit(unit, amount)) är större än gränsen \(limit) \(offsetUnit(unit, limit))",
                "förskjutningar når högst ungefär tio år (se 'What is guaranteed' i docs/plan-format.md)"
            )
        case .expectedSign(let reference, let found):
            return (
                "'+' eller '-' väntades efter '\(reference)', men här står '\(found)'",
                "till exempel '\(reference) + 2 workdays'; sätt mellanslag runt tecknet"
            )
        case .offsetTooLarge(let digits, let maxDays):
            return (
                "förskjutningen \(digits) är större än någon förskjutning kan vara",
                "förskjutningar når högst ungefär tio år (\(maxDays) dagar)"
            )
        case .expectedNumber(let sign, let reference):
            return ("ett tal väntades efter '\(sign)'", "skriv talet med siffror, till exempel '\(reference) \(sign) 2 workdays'")
        case .missingUnit(let amount):
            return ("enhet saknas efter '\(amount)'", "skriv '\(amount) workdays', '\(amount) days' eller '\(amount) weeks'")
        case .unknownUnit(let word, let suggestion):
            return ("okänd enhet '\(word)'\(mean(suggestion))", "använd 'workdays', 'days' eller 'weeks'")
        case .durationOverLimit(let text, let limit, let unit):
            return ("längden '\(text)' är längre än gränsen \(limit) \(self.unit(unit, limit))", nil)
        case .durationWithoutUnit(let text): return ("längden '\(text)' saknar enhet: \(durationHelp)", nil)
        case .notADuration(let text): return ("'\(text)' är ingen längd: \(durationHelp)", nil)
        case .durationZero(let text): return ("en längd måste vara längre än noll, inte '\(text)'", nil)
        case .notATime(let text): return ("'\(text)' är inget klockslag; skriv TT:MM, till exempel '17:00'", nil)
        case .notAWeekday(let text): return ("'\(text)' är ingen veckodag: \(onHelp)", nil)
        case .unknownWeekday(let word, let suggestion): return ("okänd veckodag '\(word)'\(mean(suggestion))", nil)
        case .weekdayExpected(let word): return ("'\(word)' är ingen veckodag", nil)
        case .unknownOrdinal(let word, let suggestion):
            return ("okänt ordningstal '\(word)'; använd 'first', 'second', 'third', 'fourth', 'fifth' eller 'last'\(mean(suggestion))", nil)
        case .notARepeatDay(let text): return ("'\(text)' är ingen dag för upprepningen: \(onHelp)", nil)
        case .notAFrequency(let text): return ("'\(text)' är ingen frekvens: \(frequencyHelp)", nil)
        case .intervalZero(let text): return ("en upprepning behöver ett intervall på minst 1, inte '\(text)'", nil)
        case .repeatOverLimit(let text, let limit, let unit):
            return ("'every: \(text)' är mer än gränsen \(limit) \(self.unit(unit, limit))", nil)
        case .unknownFrequencyUnit(let word, let suggestion):
            return ("okänd enhet '\(word)' i 'every' (menade du '\(suggestion)'?)", nil)
        }
    }

    private var placements: String { "'date', 'dates', 'repeat', 'with', 'after'/'before' eller 'dates-from'" }
    private var durationHelp: String {
        "skriv timmar och minuter ('2h', '90min', '1h30min'), arbetsdagar ('3d') eller veckor ('2w')"
    }
    private var onHelp: String {
        "skriv en veckodag ('monday', 'tisdag') eller vilken i månaden ('first tuesday', 'last friday')"
    }
    private var frequencyHelp: String {
        "skriv 'week', '2 weeks', 'month' eller '3 months' (på svenska: 'vecka', '2 veckor', 'månad', 'varannan vecka')"
    }

    private func unit(_ unit: DurationUnit, _ count: Int) -> String {
        switch unit {
        case .minutes: return count == 1 ? "minut" : "minuter"
        case .workdays: return count == 1 ? "arbetsdag" : "arbetsdagar"
        case .weeks: return count == 1 ? "vecka" : "veckor"
        case .months: return count == 1 ? "månad" : "månader"
        }
    }

    private func offsetUnit(_ unit: OffsetUnit, _ count: Int) -> String {
        switch unit {
        case .workdays: return count == 1 ? "arbetsdag" : "arbetsdagar"
        case .days: return count == 1 ? "dag" : "dagar"
        case .weeks: return count == 1 ? "vecka" : "veckor"
        }
    }

    private func englishWeekday(_ weekday: Weekday) -> String {
        ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][weekday.rawValue - 1]
    }

    private func activity(_ id: String?) -> String { id.map { "aktiviteten '\($0)'" } ?? "aktiviteten" }

    private func noun(_ kind: IDKind) -> String {
        switch kind {
        case .owner: return "ansvarig"
        case .audience: return "målgrupp"
        case .channel: return "kanal"
        case .unit: return "enhet"
        case .goal: return "mål"
        case .activity: return "aktivitet"
        }
    }

    private func plural(_ kind: IDKind) -> String {
        switch kind {
        case .owner: return "ansvariga"
        case .audience: return "målgrupper"
        case .channel: return "kanaler"
        case .unit: return "enheter"
        case .goal: return "mål"
        case .activity: return "aktiviteter"
        }
    }

    private func place(_ place: PlanPlace) -> String {
        switch place {
        case .file: return "planfilen"
        case .section(let name): return "'\(name)'"
        case .closedPeriod: return "en stängd period"
        case .entry(let kind, nil): return "'\(kind.section)'"
        case .entry(let kind, let id?): return "\(noun(kind)) '\(id)'"
        case .activity(let id): return activity(id)
        }
    }

    private func found(_ found: PlanFound) -> String {
        switch found {
        case .empty: return "ett tomt värde"
        case .text(let text): return "'\(text)'"
        case .list: return "en lista"
        case .mapping: return "en mappning"
        }
    }

    private func expected(_ expected: PlanExpected) -> String {
        switch expected {
        case .mapping: return "en mappning av nycklar och värden"
        case .text: return "text"
        case .wholeNumber: return "ett heltal"
        case .trueOrFalse: return "true eller false"
        case .date: return "ett datum (ÅÅÅÅ-MM-DD)"
        case .list(let item):
            let what: String
            switch item {
            case .closedPeriods: what = "stängda perioder"
            case .activityItems: what = "aktiviteter (var och en börjar med '- id:')"
            case .dates: what = "datum (ÅÅÅÅ-MM-DD)"
            case .activities: what = "aktiviteter"
            case .audiences: what = "målgrupper"
            case .channels: what = "kanaler"
            case .goals: what = "mål"
            case .months: what = "månader (1–12)"
            }
            return "en lista med \(what)"
        }
    }

    private func hint(_ hint: PlanHint) -> String {
        switch hint {
        case .section(let key): return "skriv '\(key):' och sedan en rad 'id: {name: …}' för var och en"
        case .ownerFields: return "skriv '{name: …, email: …}'"
        case .capacityFields: return "skriv '{name: …, max-per-week: …}'"
        case .nameField: return "skriv '{name: …}'"
        case .repeatFields: return "skriv till exempel '{every: month, on: first tuesday}'"
        }
    }

    /// libyaml's English phrases in Swedish; one it does not know is quoted as written.
    private func yamlPhrase(_ phrase: String) -> String {
        let known: [String: String] = [
            "mapping values are not allowed in this context": "ett kolon med mellanslag efter är inte tillåtet här",
            "did not find expected key": "en nyckel väntades här",
            "found character that cannot start any token": "ett tecken som inte kan inleda något YAML-element",
            "could not find expected ':'": "':' väntades",
            "did not find expected node content": "ett värde väntades",
            "did not find expected ',' or ']'": "',' eller ']' väntades",
            "did not find expected ',' or '}'": "',' eller '}' väntades",
            "did not find expected '-' indicator": "'-' väntades",
            "found unexpected end of stream": "filen tar slut oväntat",
            "found unknown escape character": "okänt escape-tecken",
            "found undefined tag handle": "odefinierad tagg",
            "block sequence entries are not allowed in this context": "ett listelement med '-' är inte tillåtet här",
            "found a tab character that violates indentation": "en tabb bryter indraget",
            "found a tab character where an indentation space is expected":
                "en tabb där ett mellanslag för indrag väntades",
            "found unexpected ':'": "oväntat ':'",
            "while parsing a block mapping": "i mappningen som börjar",
            "while parsing a block collection": "i samlingen som börjar",
            "while parsing a flow sequence": "i listan som börjar",
            "while parsing a flow mapping": "i mappningen som börjar",
            "while scanning a simple key": "i nyckeln som börjar",
            "while scanning a quoted scalar": "i värdet inom citattecken som börjar",
            "while scanning a plain scalar": "i värdet som börjar",
            "while parsing a block node": "i värdet som börjar",
            "while parsing a flow node": "i värdet som börjar",
            "while scanning an anchor": "i ankaret som börjar",
            "while scanning an alias": "i aliaset som börjar",
            "while scanning a tag": "i taggen som börjar",
            "while scanning a block scalar": "i textblocket som börjar",
            "while parsing a node": "i värdet som börjar",
        ]
        return known[phrase] ?? "libyaml säger '\(phrase)'"
    }
}
