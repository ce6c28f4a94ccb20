import Arsplan

/// The plan `arsplan init` writes: a Swedish administration's standard year, commented so
/// that it teaches the plan format, and placed so that it validates with no error and no
/// warning in any year 1900–2200 (the board meets on the third Tuesday, a day no Swedish
/// holiday falls on; everything else follows by rule, so a holiday moves it, never warns).
/// Pure: the text only; the caller writes the file.
public enum StarterPlan {
    /// Whether `id` can be a plan id: 1–64 ASCII letters, digits, `-` and `_`, starting
    /// with a letter or digit (it names the export folder and every calendar UID).
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, id.unicodeScalars.count <= 64 else { return false }
        func allowed(_ s: Unicode.Scalar) -> Bool { s.isASCII && (s.properties.isAlphabetic || ("0"..."9").contains(s)) }
        return allowed(first) && id.unicodeScalars.allSatisfy { allowed($0) || $0 == "-" || $0 == "_" }
    }

    /// Whether `text` can be a title or an organisation's name: not empty, one line, no
    /// control characters, at most 200 characters.
    public static func isValidName(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        return !trimmed.isEmpty && text.count <= 200 && !text.unicodeScalars.contains { $0.properties.generalCategory == .control }
    }

    /// The summer closure: from the first Monday in July five weeks on, to that Friday.
    public static func summerClosure(year: Int) -> (from: Day, to: Day) {
        var day = Day(year: year, month: 7, day: 1)!
        while day.weekday != .monday { day = day.adding(days: 1) }
        return (day, day.adding(days: 32))
    }

    /// The plan file's text.
    public static func text(id: String, title: String, year: Int, organization: String?) -> String {
        let (closedFrom, closedTo) = summerClosure(year: year)
        let y = String(year)
        let organizationLine =
            organization.map { "  organization: \(quoted($0))\n" }
            ?? "  # organization: \"Förvaltningens namn\"   # visas i översikten och kalendrarna\n"
        return """
            # =============================================================================
            # \(title.trimmingSpaces()) – årsplan \(y)
            # =============================================================================
            #
            # En ny årsplan skriven av `arsplan init`: en svensk förvaltnings standardår
            # att fylla i. Allt efter ett # är en kommentar och läses inte av arsplan.
            #
            # Så arbetar du med planen
            #   arsplan validate PLANFIL     kontrollerar planen (gör det efter varje ändring)
            #   arsplan schedule PLANFIL     visar året månad för månad
            #   arsplan export PLANFIL       skriver kalendrarna (iCalendar) att prenumerera på
            #   Ändringar under året (flytta, ställa in, ny ansvarig) görs med kommandona
            #   move, cancel och assign; de skrivs i en journal bredvid planfilen, och
            #   filen själv skrivs aldrig om. Se README.md och docs/plan-format.md.
            #
            # Så skrivs filen (YAML)
            #   * Indrag med mellanslag, aldrig tabb. Nycklar och värden skiljs med ": ".
            #   * En text med kolon, # eller citattecken skrivs inom "…".
            #   * Id:n (namnd, kommunikator, …) skrivs med a–z, siffror och bindestreck.
            #     Byt inte id på en aktivitet som redan publicerats: kalenderposternas
            #     UID bygger på id:t.
            #   * Listor skrivs [a, b] eller med ett "- " per rad.
            #
            # Vad du fyller i först
            #   1. Ansvariga under owners: riktiga namn (och e-post).
            #   2. Nämndens sammanträden: datumen när de är beslutade (se namnd nedan).
            #   3. Ta bort det som inte gäller er, lägg till egna aktiviteter.
            # =============================================================================

            # Planfilens format (version); skrivs alltid så här.
            format: 1

            plan:
              id: \(id)                # i kalendrarnas namn och UID; ändra inte efter första exporten
              title: \(quoted(title.trimmingSpaces()))
              year: \(y)
              timezone: Europe/Stockholm
            \(organizationLine)
            calendar:
              # Svenska helgdagar, midsommarafton, julafton och nyårsafton är lediga dagar
              # av sig själva. Här anges planens egna stängda dagar: en period (from/to)
              # eller en dag (date). Ett beräknat datum som hamnar här flyttas till nästa
              # arbetsdag; ett fast datum här ger en varning.
              holidays: sweden
              closed:
                - {from: \(closedFrom), to: \(closedTo), name: Sommarstängt}
                # - {date: \(y)-05-02, name: Klämdag}

            # --- Ansvariga (varje aktivitet har en ansvarig: owner) --------------------
            # id: {name: …, email: …, max-per-day: N}; max-per-day varnar när någon får
            # fler aktiviteter samma dag.
            owners:
              forvaltningschef: {name: Förvaltningschefen}
              kommunikator: {name: Kommunikatören, max-per-day: 3}
              namndsekreterare: {name: Nämndsekreteraren}
              controller: {name: Controllern}
              hr: {name: HR-ansvarig}

            # --- Målgrupper ------------------------------------------------------------
            # max-per-week varnar när en målgrupp får för många utskick samma vecka.
            audiences:
              medarbetare: {name: Medarbetare, max-per-week: 4}
              chefer: {name: Chefer}
              namnden: {name: Nämnden}
              kunder: {name: Kunder och beställare}
              medborgare: {name: Medborgare}

            # --- Kanaler ---------------------------------------------------------------
            channels:
              intranat: {name: Intranät}
              webb: {name: Webbplatsen}
              nyhetsbrev: {name: Nyhetsbrev}
              mote: {name: Möte}
              enkat: {name: Webbenkät}

            # --- Aktiviteter -----------------------------------------------------------
            # Varje aktivitet har id, title, owner och placeras på exakt ett sätt:
            #   date: \(y)-03-09                    ett fast datum
            #   dates: [\(y)-02-11, \(y)-05-20]     fasta datum
            #   repeat: {every: month, on: third tuesday, except-months: [7]}
            #   with: namnd[2]                      samma dag som nämndens 2:a möte
            #   after: vb + 2 workdays              2 arbetsdagar efter
            #   before: namnd[3] - 10 workdays      senast 10 arbetsdagar före
            #   for-each: namnd (med after/before)  en gång per möte
            # Numret i namnd[2] räknar möten, inte månader: utan möte i juli är
            # namnd[7] augusti. Övrigt: time: "17:00" (med citattecken), duration: 2h,
            # audiences: [...], channels: [...], description: "…".
            activities:
              # Nämndens sammanträden: tredje tisdagen varje månad utom juli, tills de
              # är beslutade. Skriv sedan de beslutade datumen i stället för repeat:
              #   dates: [\(y)-01-19, \(y)-02-16, …]
              - id: namnd
                title: Nämndens sammanträde
                kind: nämndmöte
                owner: namndsekreterare
                audiences: [namnden]
                channels: [mote]
                repeat: {every: month, on: third tuesday, except-months: [7]}
                time: "17:00"
                duration: 2h

              # En notis på intranätet dagen efter varje sammanträde (for-each: en per möte).
              - id: namnd-notis
                title: Nytt från nämnden på intranätet
                owner: kommunikator
                for-each: namnd
                after: namnd + 1 workday
                audiences: [medarbetare]
                channels: [intranat]

              # Verksamhetsberättelsen (VB) för förra året beslutas på februarimötet.
              # Underlaget ska vara klart 10 arbetsdagar före (before: … - N workdays).
              - id: vb-underlag
                title: Underlag till verksamhetsberättelsen klart
                owner: controller
                before: namnd[2] - 10 workdays
              - id: vb
                title: Verksamhetsberättelse \(year - 1) beslutas
                kind: VB
                owner: forvaltningschef
                with: namnd[2]
                audiences: [namnden]
              - id: vb-intranat
                title: Verksamhetsberättelsen på intranätet och webben
                owner: kommunikator
                after: vb + 2 workdays
                audiences: [medarbetare, medborgare]
                channels: [intranat, webb]

              # Tertialrapport 1 (januari–april) beslutas på majmötet (namnd[5]).
              - id: t1
                title: Tertialrapport 1 beslutas
                kind: T1
                owner: controller
                with: namnd[5]
                audiences: [namnden]
              - id: t1-intranat
                title: Tertialrapport 1 på intranätet
                owner: kommunikator
                after: t1 + 2 workdays
                audiences: [medarbetare]
                channels: [intranat]

              # Tertialrapport 2 (januari–augusti) beslutas på oktobermötet (namnd[9]).
              - id: t2
                title: Tertialrapport 2 beslutas
                kind: T2
                owner: controller
                with: namnd[9]
                audiences: [namnden]
              - id: t2-intranat
                title: Tertialrapport 2 på intranätet
                owner: kommunikator
                after: t2 + 2 workdays
                audiences: [medarbetare]
                channels: [intranat]

              # Verksamhetsplanen (VP) för nästa år beslutas på novembermötet (namnd[10]);
              # cheferna får den i förväg (ett fönster: after och before tillsammans).
              - id: vp-chefer
                title: Förslag till verksamhetsplan till cheferna
                owner: forvaltningschef
                after: namnd[9] + 1 workday
                before: namnd[10] - 5 workdays
                audiences: [chefer]
                channels: [mote]
              - id: vp
                title: Verksamhetsplan \(year + 1) beslutas
                kind: VP
                owner: forvaltningschef
                with: namnd[10]
                audiences: [namnden]
              - id: vp-intranat
                title: Verksamhetsplanen på intranätet
                owner: kommunikator
                after: vp + 2 workdays
                audiences: [medarbetare]
                channels: [intranat]

              # Enkäter: en repeat med from/until ger ett enda tillfälle i den månaden.
              - id: medarbetarenkat
                title: Medarbetarenkäten öppnar
                kind: medarbetarenkät
                owner: hr
                repeat: {every: month, on: second monday, from: \(y)-09-01, until: \(y)-09-30}
                audiences: [medarbetare]
                channels: [enkat, intranat]
              - id: kundenkat
                title: Kundenkäten skickas ut
                kind: kundenkät
                owner: kommunikator
                repeat: {every: month, on: second tuesday, from: \(y)-04-01, until: \(y)-04-30}
                audiences: [kunder]
                channels: [enkat]

              # Nyhetsbrevet: första tisdagen varje månad utom juli.
              - id: nyhetsbrev
                title: Månadsbrevet
                kind: nyhetsbrev
                owner: kommunikator
                repeat: {every: month, on: first tuesday, except-months: [7]}
                audiences: [medarbetare]
                channels: [nyhetsbrev]

            """
    }

    /// `text` as a YAML double-quoted scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll("\\", with: "\\\\").replacingAll("\"", with: "\\\"") + "\""
    }
}

extension String {
    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
