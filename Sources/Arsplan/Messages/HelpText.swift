/// `--help` of every command: abstracts, discussions, argument and option help.
public enum HelpText: String, Hashable, Sendable, CaseIterable {
    case rootAbstract, rootDiscussion
    case planArgument, journalOption, reasonOption, byOption, activityArgument, dryRun, formatTableJSON
    case validateAbstract, validateDiscussion
    case scheduleAbstract, scheduleDiscussion, scheduleFormat, scheduleSeparator
    case calendarAbstract, calendarDiscussion, calendarYear, calendarPlan
    case exportAbstract, exportDiscussion, exportOut, exportBaseURL, exportKeepCancelled, exportState, exportDryRun
    case moveAbstract, moveDiscussion, moveDate, moveOccurrence, moveTime, moveForce
    case cancelAbstract, cancelDiscussion, cancelOccurrence, cancelForce
    case assignAbstract, assignDiscussion, assignActivity, assignOwner, assignFrom, assignForce
    case initAbstract, initDiscussion, initPlan, initID, initTitle, initYear, initOrganization
    case undoAbstract, undoDiscussion, undoBy, undoReason, undoDryRun
    case historyAbstract
    case approveAbstract, approveDiscussion, approveBy, approveRef, approveForce
    case deviationsAbstract, deviationsDiscussion, deviationsFormat
    case statusAbstract
    case reportAbstract, reportDiscussion, reportOut, reportWheelSVG, reportRings, reportApproved, reportFrom, reportTo
}

extension SwedishCatalogue {
    public func help(_ text: HelpText) -> String {
        switch text {
        case .rootAbstract: return "Planera ett kommunikationsår (årsplan) på den svenska arbetsdagskalendern."
        case .rootDiscussion:
            return """
                En planfil (YAML) listar årets kommunikationsaktiviteter. arsplan lägger varje aktivitet \
                i kalendern, löser beroenden, rapporterar konflikter och publicerar iCalendar-flöden. \
                Se README.md och docs/plan-format.md.

                Språk: svenska som standard; engelska med --lang en eller ARSPLAN_LANG=en.
                """
        case .planArgument: return "Planfilen (YAML), t.ex. Plans/serviceforvaltningen-2027.yaml."
        case .journalOption: return "Planens ändringslogg (standard: bredvid planfilen, <plan>.journal.jsonl)."
        case .reasonOption: return "Varför ändringen görs; sparas i ändringsloggen och visas för ledningen."
        case .byOption: return "Vem som gör ändringen (standard: $ARSPLAN_USER, sedan $USER)."
        case .activityArgument: return "Aktivitetens id, t.ex. namnd."
        case .dryRun: return "Visa konsekvenserna och skriv ingenting."
        case .formatTableJSON: return "Utdataformat: table (tabell) eller json."
        case .validateAbstract: return "Kontrollera en planfil och dess schema; visa varje problem med fil och rad."
        case .validateDiscussion: return "Slutstatus: 0 när det inte finns några fel (varningar går bra), 1 när det finns fel."
        case .scheduleAbstract: return "Lägg varje aktivitet i kalendern och skriv ut året."
        case .scheduleDiscussion: return "Konflikter skrivs till stderr; slutstatus 1 när någon av dem är ett fel."
        case .scheduleFormat: return "Utdataformat: table (månad för månad), json (för skript) eller csv."
        case .scheduleSeparator: return "Fältavgränsare i CSV: ',' (standard) eller ';' (kalkylprogram inställda på svenska)."
        case .calendarAbstract:
            return "Lista ett års lediga dagar: helgdagar, de facto lediga dagar och, med --plan, planens stängda dagar."
        case .calendarDiscussion: return "Helger (lördag och söndag) är också lediga men listas inte."
        case .calendarYear: return "Året, 1900–2200."
        case .calendarPlan: return "En planfil vars stängda perioder (sommar, klämdagar) läggs till."
        case .exportAbstract: return "Skriv iCalendar-flödena och deras indexsida för prenumeranter."
        case .exportDiscussion:
            return """
                Skriver alla.ics, ett flöde per målgrupp (malgrupp-<id>.ics), ansvarig (agare-<id>.ics), \
                kanal (kanal-<id>.ics) och enhet (enhet-<id>.ics), index.html och årsöversikten \
                oversikt.html (se 'arsplan report'), till Exports/<plan-id>/ eller --out. Mappen byts ut i sin helhet, i ett steg: en misslyckad export lämnar de \
                tidigare filerna precis som de var. Bara en ny eller tom mapp, eller en som en tidigare \
                export av samma plan skrev (den har en .arsplan-export-markering), byts ut; en symbolisk \
                länk följs. En plan med fel exporteras inte. Se docs/feeds.md om hur mappen publiceras \
                på en webbserver.
                """
        case .exportOut: return "Mappen som skrivs (standard: Exports/<plan-id>/)."
        case .exportBaseURL:
            return "Var mappen publiceras, t.ex. https://intranat.example.se/arsplan/; index.html visar då webcal://-länkar att prenumerera på."
        case .exportKeepCancelled:
            return "Behåll inställda tillfällen i flödena, märkta INSTÄLLT, i stället för att ta bort dem."
        case .exportState:
            return "Vad flödena har publicerat, per händelse (standard: bredvid planfilen, <plan>.published.json). Checka in den med planen."
        case .exportDryRun: return "Visa vad som skulle ändras för prenumeranterna; skriv ingenting."
        case .moveAbstract: return "Flytta ett tillfälle till en annan dag; det som beror på det följer med."
        case .moveDiscussion:
            return """
                Visar först konsekvenserna – varje tillfälle som flyttas på grund av flytten och varje \
                ny konflikt – och sparar sedan flytten i planens ändringslogg (planfilen skrivs aldrig \
                om). En flytt till en ledig dag, före vad ett beroende tillåter, av en låst aktivitet \
                eller som ger planen nya fel nekas utan --force. En aktivitet med flera tillfällen \
                behöver --occurrence N. Se docs/journal.md.
                """
        case .moveDate: return "Den nya dagen, ÅÅÅÅ-MM-DD."
        case .moveOccurrence: return "Vilket tillfälle, 1 för det första (krävs när aktiviteten har flera)."
        case .moveTime: return "En ny starttid, HH:MM eller HH.MM (standard: behåll tiden)."
        case .moveForce: return "Gör flytten även när den nekas (ledig dag, beroende, låst, nya fel)."
        case .cancelAbstract: return "Ställ in ett tillfälle, eller alla tillfällen av en aktivitet."
        case .cancelDiscussion:
            return """
                Utan --occurrence ställs varje tillfälle av aktiviteten in som inte redan är inställt. \
                Tillfällen som finns en gång per inställt tillfälle (for-each) ställs in med det. Visar \
                konsekvenserna och sparar sedan inställningen i planens ändringslogg; flödena tar bort \
                inställda tillfällen. 'arsplan undo' tar tillbaka den.
                """
        case .cancelOccurrence: return "Vilket tillfälle, 1 för det första (standard: alla)."
        case .assignAbstract: return "Lämna över en aktivitet till en annan ansvarig."
        case .assignDiscussion: return "Den ansvariga är ett id under 'owners:' i planen. Sparas i planens ändringslogg."
        case .assignActivity: return "Aktivitetens id, t.ex. vb-kunder."
        case .assignOwner: return "Den nya ansvarigas id, t.ex. kommunikator."
        case .assignFrom: return "Bara tillfällen från och med den dagen (ÅÅÅÅ-MM-DD); tidigare behåller sin ansvariga."
        case .assignForce: return "Ge över även tillfällen som redan har ägt rum."
        case .cancelForce: return "Ställ in även ett tillfälle som redan har ägt rum."
        case .initAbstract: return "Skriv en ny planfil med en svensk förvaltnings standardår, att fylla i."
        case .initDiscussion:
            return """
                Planen får nämndens sammanträden (månadsvis utom sommaren, datumen att ersätta), \
                VB, T1, T2 och VP kopplade till dem, medarbetar- och kundenkät, ett månadsbrev utom \
                i juli, en notis på intranätet efter varje sammanträde och sommarstängningen. \
                Kommentarerna i filen förklarar formatet. En befintlig fil skrivs aldrig över.
                """
        case .initPlan: return "Den nya planfilen, t.ex. Plans/min-forvaltning-2028.yaml."
        case .initID: return "Planens id (små bokstäver, siffror, bindestreck), t.ex. mf-2028."
        case .initTitle: return "Planens titel."
        case .initYear: return "Planåret, 1900–2200."
        case .initOrganization: return "Förvaltningens eller bolagets namn."
        case .undoAbstract: return "Ångra den senaste ändringen som fortfarande gäller, som en ny post i ändringsloggen."
        case .undoDiscussion:
            return """
                Ingenting raderas: ångrandet är självt en post, och historiken visar båda. Att ångra igen \
                tar tillbaka ändringen före; ett ångrande ångras inte (gör om ändringen i stället).
                """
        case .undoBy: return "Vem som ångrar (standard: $ARSPLAN_USER, sedan $USER)."
        case .undoReason: return "Varför (frivilligt)."
        case .undoDryRun: return "Visa vad som skulle ångras och skriv ingenting."
        case .historyAbstract: return "Lista varje sparad ändring och fastställelse, äldst först."
        case .approveAbstract: return "Spara att ledningen fastställt schemat som det ser ut nu."
        case .approveDiscussion:
            return """
                Fastställelsen är en post i ändringsloggen med det färdiga schemat, dess kontrollsumma, \
                vem som fastställde och protokollshänvisningen. 'arsplan deviations' listar vad som \
                skiljer sig från den senaste fastställelsen. Ett schema med fel fastställs inte utan --force.
                """
        case .approveBy: return "Vem som fastställer, t.ex. \"Förvaltningsledningen\"."
        case .approveRef: return "Protokollshänvisningen, t.ex. \"FL-protokoll 2026-12-10 §4\"."
        case .approveForce: return "Fastställ även när schemat har fel."
        case .deviationsAbstract: return "Lista vad som skiljer sig från det senast fastställda schemat, för ledningens beslut."
        case .deviationsDiscussion:
            return """
                Jämför schemat nu med det som sparades vid den senaste 'arsplan approve': flyttar, \
                inställda tillfällen, nya ansvariga och ändringar gjorda direkt i planfilen, var och en \
                med posten i ändringsloggen (vem, när, varför) som orsakade den och vad som följde av \
                den. --format markdown kan klistras in direkt i ledningens protokoll.
                """
        case .deviationsFormat: return "Utdataformat: table (tabell), json eller markdown (för protokollet)."
        case .statusAbstract: return "Visa när planen fastställdes och av vem, öppna avvikelser och konflikter."
        case .reportAbstract: return "Skriv årsöversikten med årshjulet, som ledningen fastställer planen utifrån."
        case .reportDiscussion:
            return """
                En fristående HTML-sida på svenska (stilar och hjulet inbäddade, ingenting hämtas): \
                fastställelse och konflikter, årshjulet, varje tillfälle månad för månad med ISO-vecka \
                och varför det ligger där, belastningen per målgrupp och kanal och vecka, målens \
                täckning per tertial och avvikelserna sedan den senaste fastställelsen. Hjulet skrivs \
                ut på A3 liggande och listorna på A4 stående. Utan --out skrivs sidan till stdout. \
                Markeringen för i dag tar dagen från $ARSPLAN_NOW, annars från klockan.
                """
        case .reportOut: return "Skriv sidan till den här filen (standard: stdout)."
        case .reportWheelSVG: return "Skriv bara hjulet till den här SVG-filen (sidan bara med --out)."
        case .reportRings:
            return "Vad hjulets ringar är: audiences (målgrupper), channels (kanaler), units (enheter), owners (ansvariga) eller goals (mål)."
        case .reportApproved: return "Visa schemat som det såg ut vid den senaste fastställelsen, återskapat från ändringsloggen."
        case .reportFrom: return "Visa bara tillfällen från och med den här dagen (ÅÅÅÅ-MM-DD)."
        case .reportTo: return "Visa bara tillfällen till och med den här dagen (ÅÅÅÅ-MM-DD)."
        }
    }
}

extension EnglishCatalogue {
    public func help(_ text: HelpText) -> String {
        switch text {
        case .rootAbstract: return "Plan a communication year (arsplan) on the Swedish working-day calendar."
        case .rootDiscussion:
            return """
                A plan file (YAML) lists the year's communication activities. arsplan places every \
                activity on the calendar, resolves dependencies, reports conflicts and publishes \
                iCalendar feeds. See README.md and docs/plan-format.md.

                Language: Swedish by default; English with --lang en or ARSPLAN_LANG=en.
                """
        case .planArgument: return "The plan file (YAML), e.g. Plans/serviceforvaltningen-2027.yaml."
        case .journalOption: return "The plan's change journal (default: beside the plan file, <plan>.journal.jsonl)."
        case .reasonOption: return "Why the change is made; recorded in the journal and shown to management."
        case .byOption: return "Who makes the change (default: $ARSPLAN_USER, then $USER)."
        case .activityArgument: return "The activity's id, e.g. namnd."
        case .dryRun: return "Print the impact and write nothing."
        case .formatTableJSON: return "Output format: table or json."
        case .validateAbstract: return "Check a plan file and its schedule; print every problem with file and line."
        case .validateDiscussion: return "Exit status: 0 when there are no errors (warnings allowed), 1 when there are errors."
        case .scheduleAbstract: return "Place every activity on the calendar and print the year."
        case .scheduleDiscussion: return "Conflicts go to standard error; the exit status is 1 when any is an error."
        case .scheduleFormat: return "Output format: table (month by month), json (for scripts) or csv."
        case .scheduleSeparator: return "CSV field separator: ',' (default) or ';' (spreadsheets set to Swedish)."
        case .calendarAbstract:
            return "List the days off of a year: holidays, de-facto days off and, with --plan, the plan's closed days."
        case .calendarDiscussion: return "Weekends are days off too but are not listed."
        case .calendarYear: return "The year, 1900–2200."
        case .calendarPlan: return "A plan file whose closed periods (summer, bridge days) are added."
        case .exportAbstract: return "Write the iCalendar feeds and their index page for subscribers."
        case .exportDiscussion:
            return """
                Writes alla.ics, one feed per target group (malgrupp-<id>.ics), owner (agare-<id>.ics), \
                channel (kanal-<id>.ics) and unit (enhet-<id>.ics), index.html and the year overview \
                oversikt.html (see 'arsplan report'), to Exports/<plan id>/ or --out. The folder is replaced as a whole, in one step: a failed export leaves the \
                previous files exactly as they were. Only a new or empty folder, or one an earlier export \
                of the same plan wrote (it holds a .arsplan-export marker), is replaced; a symlink is \
                followed. A plan with errors is not exported. \
                See docs/feeds.md for publishing the folder on a web server.
                """
        case .exportOut: return "The folder to write (default: Exports/<plan id>/)."
        case .exportBaseURL:
            return "Where the folder will be published, e.g. https://intranat.example.se/arsplan/; index.html then shows webcal:// subscribe links."
        case .exportKeepCancelled: return "Keep cancelled occurrences in the feeds, marked as cancelled, instead of removing them."
        case .exportState:
            return "What the feeds have published, per event (default: beside the plan file, <plan>.published.json). Commit it with the plan."
        case .exportDryRun: return "List what would change for subscribers; write nothing."
        case .moveAbstract: return "Move an occurrence to another day; its dependents follow."
        case .moveDiscussion:
            return """
                Prints the impact first — every occurrence that moves because of it and every new \
                conflict — then records the move in the plan's journal (the plan file is never \
                rewritten). Moving onto a day off, before a dependency allows, moving a pinned \
                activity, or a move that gives the plan new errors is refused unless --force. An \
                activity with several occurrences needs --occurrence N. See docs/journal.md.
                """
        case .moveDate: return "The new day, YYYY-MM-DD."
        case .moveOccurrence: return "Which occurrence, 1 for the first (required when the activity has several)."
        case .moveTime: return "A new start time, HH:MM or HH.MM (default: keep the time)."
        case .moveForce: return "Make the move even when it is refused (day off, dependency, pinned, new errors)."
        case .cancelAbstract: return "Cancel an occurrence, or every occurrence of an activity."
        case .cancelDiscussion:
            return """
                Without --occurrence, every occurrence of the activity that is not already cancelled \
                is cancelled. Occurrences that exist once per cancelled one (for-each) are cancelled \
                with it. Prints the impact, then records the cancellation in the plan's journal; \
                feeds drop cancelled occurrences. 'arsplan undo' takes it back.
                """
        case .cancelOccurrence: return "Which occurrence, 1 for the first (default: all of them)."
        case .assignAbstract: return "Hand an activity to another owner."
        case .assignDiscussion: return "The owner is an id declared under 'owners:' in the plan. Recorded in the plan's journal."
        case .assignActivity: return "The activity's id, e.g. vb-kunder."
        case .assignOwner: return "The new owner's id, e.g. kommunikator."
        case .assignFrom: return "Only occurrences from that day on (YYYY-MM-DD); earlier ones keep their owner."
        case .assignForce: return "Reassign occurrences that have already taken place too."
        case .cancelForce: return "Cancel an occurrence that has already taken place too."
        case .initAbstract: return "Write a new plan file with a Swedish administration's standard year, to fill in."
        case .initDiscussion:
            return """
                The plan gets the board's meetings (monthly except summer, dates to replace), VB, T1, T2 \
                and VP tied to them, the staff and customer surveys, a monthly newsletter except July, an \
                intranet notice after each meeting and the summer closure. The comments in the file \
                explain the format. An existing file is never overwritten.
                """
        case .initPlan: return "The new plan file, e.g. Plans/my-administration-2028.yaml."
        case .initID: return "The plan's id (lowercase letters, digits, hyphens), e.g. mf-2028."
        case .initTitle: return "The plan's title."
        case .initYear: return "The plan year, 1900–2200."
        case .initOrganization: return "The administration's or company's name."
        case .undoAbstract: return "Reverse the latest change still in effect, as a new journal entry."
        case .undoDiscussion:
            return """
                Nothing is deleted: the undo is itself an entry, and history shows both. Undoing \
                again reverses the change before that; an undo is not itself undone (to redo, make \
                the change again).
                """
        case .undoBy: return "Who undoes (default: $ARSPLAN_USER, then $USER)."
        case .undoReason: return "Why (optional)."
        case .undoDryRun: return "Print what would be undone and write nothing."
        case .historyAbstract: return "List every recorded change and approval, oldest first."
        case .approveAbstract: return "Record that management approved the schedule as it stands."
        case .approveDiscussion:
            return """
                The approval is a journal entry with the resolved schedule, its hash, who approved \
                and the minutes reference. 'arsplan deviations' lists what differs from the latest \
                approval. A schedule with errors is not approved unless --force.
                """
        case .approveBy: return "Who approves, e.g. \"Management group\"."
        case .approveRef: return "The minutes reference, e.g. \"Minutes 2026-12-10 item 4\"."
        case .approveForce: return "Approve even when the schedule has errors."
        case .deviationsAbstract: return "List what differs from the last approved schedule, for management to decide on."
        case .deviationsDiscussion:
            return """
                Compares the schedule now with the one recorded at the latest 'arsplan approve': \
                moves, cancellations, new owners, and changes made by editing the plan file by hand, \
                each with the journal entry (who, when, why) that caused it and what followed from \
                it. --format markdown is ready to paste into the management minutes.
                """
        case .deviationsFormat: return "Output format: table, json or markdown (for the minutes)."
        case .statusAbstract: return "Show when the plan was approved and by whom, open deviations and conflicts."
        case .reportAbstract: return "Write the year overview with the wheel of the year, for management to approve the plan from."
        case .reportDiscussion:
            return """
                One self-contained HTML page in Swedish (styles and the wheel inline, nothing \
                fetched): approval state and conflicts, the wheel of the year, every occurrence month by \
                month with its ISO week and why it lies there, the load per target group and \
                channel per week, goal coverage per tertial and the deviations since the last \
                approval. It prints the wheel on A3 landscape and the lists on A4 portrait. \
                Without --out the page goes to standard output. The today marker takes today from \
                $ARSPLAN_NOW, else the clock.
                """
        case .reportOut: return "Write the page to this file (default: standard output)."
        case .reportWheelSVG: return "Write the wheel alone to this SVG file (the page only with --out)."
        case .reportRings: return "What the wheel's rings are: audiences, channels, units, owners or goals."
        case .reportApproved: return "Show the schedule as it stood at the last approval, rebuilt from the journal."
        case .reportFrom: return "Show only occurrences from this day (YYYY-MM-DD)."
        case .reportTo: return "Show only occurrences up to this day (YYYY-MM-DD)."
        }
    }
}
