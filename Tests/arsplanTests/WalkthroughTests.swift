import Foundation
import Testing

/// Issue 12's walkthrough, repeated with the built binary: a communicator starts a plan with
/// `init`, makes the mistakes the guard rails catch (in the plan file and on the command
/// line), looks at the year through the filters, changes the plan through the year and takes
/// the deviations to management — in Swedish, then the same steps in English.
@Suite("Walkthrough: a plan from init through the year")
struct WalkthroughTests {
    /// One run of the walkthrough in a new folder; every command's output, in order.
    final class Walk {
        let directory: URL
        let language: [String]
        var transcript = ""

        init(language: [String]) throws {
            directory = try CommandRunner.temporaryDirectory()
            self.language = language
        }

        deinit { try? FileManager.default.removeItem(at: directory) }

        var plan: String { directory.appendingPathComponent("mf-2027.yaml").path }
        var journal: String? { try? String(contentsOfFile: directory.appendingPathComponent("mf-2027.journal.jsonl").path, encoding: .utf8) }

        @discardableResult
        func run(_ arguments: String..., now: String) throws -> CommandRunner.Result { try run(arguments, now: now) }

        @discardableResult
        func run(_ arguments: [String], now: String) throws -> CommandRunner.Result {
            let result = try CommandRunner.run(
                arguments + language, environment: ["ARSPLAN_NOW": now, "ARSPLAN_USER": "Anna Berg", "ARSPLAN_LANG": nil], in: directory)
            // JSON is for programs and the same in both languages: kept out of the transcript.
            if !arguments.contains("json") { transcript += result.stdout + result.stderr }
            return result
        }

        /// The occurrences `schedule --format json` lists with `filters`.
        func occurrences(_ filters: [String] = []) throws -> [[String: Any]] {
            let json = try run(["schedule", plan, "--format", "json"] + filters, now: "2027-05-10T10:00:00Z").stdout
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return try #require(document["occurrences"] as? [[String: Any]])
        }

        /// The owner of each occurrence of `activity`, by its first day, from `schedule --format json`.
        func owners(_ activity: String) throws -> [(day: String, owner: String)] {
            try occurrences().filter { $0["activity"] as? String == activity }.map {
                (String(($0["start"] as? String ?? "").prefix(10)), $0["owner"] as? String ?? "")
            }
        }
    }

    /// The walk itself; `english` only changes the expected words.
    func walk(english: Bool) throws -> Walk {
        let w = try Walk(language: english ? ["--lang", "en"] : [])
        let march = "2027-03-01T10:00:00Z"
        let may = "2027-05-10T10:00:00Z"

        let created = try w.run(
            "init", w.plan, "--id", "mf-2027", "--title", "Kommunikationsplan Miljöförvaltningen 2027", "--year", "2027", "--organization",
            "Miljöförvaltningen", now: march)
        #expect(created.status == 0, "\(created.stderr)")
        let again = try w.run("init", w.plan, "--id", "mf-2027", "--title", "Ny", "--year", "2027", now: march)
        #expect(again.status == 1)
        #expect(try String(contentsOfFile: w.plan, encoding: .utf8).contains("Miljöförvaltningen"), "init never overwrites")

        let validated = try w.run("validate", w.plan, now: march)
        #expect(validated.status == 0)
        #expect(validated.stdout.hasSuffix(english ? "0 errors, 0 warnings\n" : "0 fel, 0 varningar\n"), "\(validated.stdout)")
        #expect(validated.stderr.isEmpty)
        try mistakes(w, english: english)

        // A year typo: the third meeting (16 March) to 2028.
        let typo = try w.run("move", w.plan, "namnd", "2028-03-23", "--occurrence", "3", "--reason", "Typo", now: march)
        #expect(typo.status == 1)
        #expect(typo.stdout.contains("[change_outside_plan_year]"))
        #expect(w.journal == nil)

        // In May, cancelling February's meeting is refused, then forced.
        let past = try w.run("cancel", w.plan, "namnd", "--occurrence", "2", "--reason", english ? "No decision" : "Inget beslut", now: may)
        #expect(past.status == 1)
        #expect(past.stdout.contains("[change_already_past]"))
        #expect(past.stdout.contains("--force"))
        #expect(w.journal == nil)
        let forced = try w.run(
            "cancel", w.plan, "namnd", "--occurrence", "2", "--reason", english ? "No decision" : "Inget beslut", "--force", now: may)
        #expect(forced.status == 0, "\(forced.stderr)")

        // A new owner for the notices from today; the earlier ones keep theirs.
        let everything = try w.run("assign", w.plan, "namnd-notis", "hr", "--reason", english ? "New editor" : "Ny redaktör", now: may)
        #expect(everything.status == 1)
        #expect(everything.stdout.contains("--from 2027-05-10"))
        #expect(everything.stdout.contains("[change_reassigns_past]"))
        let assigned = try w.run(
            "assign", w.plan, "namnd-notis", "hr", "--from", "2027-05-10", "--reason", english ? "New editor" : "Ny redaktör", now: may)
        #expect(assigned.status == 0, "\(assigned.stderr)")
        #expect(try #require(w.journal).contains(#""from":"2027-05-10","owner":"hr""#))
        let owners = try w.owners("namnd-notis")
        #expect(owners.count == 11)
        for (day, owner) in owners { #expect(owner == (day >= "2027-05-10" ? "hr" : "kommunikator"), "\(day)") }
        try views(w, english: english)

        let approved = try w.run("approve", w.plan, "--by", "Ledningen", "--ref", "FL 2027-05-12 p 4", now: "2027-05-12T08:00:00Z")
        #expect(approved.status == 0, "\(approved.stderr)")
        let twice = try w.run("approve", w.plan, "--by", "Ledningen", "--ref", "FL 2027-05-12 p 5", now: "2027-05-12T09:00:00Z")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("[approval_unchanged]"))

        // A change after the approval, for the minutes; the time written as the plan file allows.
        let moved = try w.run(
            "move", w.plan, "namnd", "2027-06-22", "--occurrence", "6", "--time", "18.30", "--reason", "Ordforanden bortrest", now: may)
        #expect(moved.status == 0, "\(moved.stderr)")
        let june = try w.occurrences(["--month", "6"]).filter { $0["activity"] as? String == "namnd" }
        #expect(june.map { $0["start"] as? String } == ["2027-06-22T18:30"])
        let minutes = try w.run("deviations", w.plan, "--format", "markdown", now: may)
        #expect(minutes.status == 0)
        #expect(minutes.stdout.contains("### 1. "))
        #expect(minutes.stdout.contains("FL 2027-05-12 p 4"))
        try w.run("history", w.plan, now: may)
        try w.run("status", w.plan, now: may)
        try w.run("deviations", w.plan, now: may)
        try w.run("undo", w.plan, now: may)
        try publishing(w, english: english)
        let alone = try w.run([], now: may)
        #expect(alone.status == 64)
        #expect(alone.stdout.contains("USAGE: arsplan <subcommand>") || alone.stderr.contains("USAGE: arsplan <subcommand>"))
        return w
    }

    /// Publishing in May: the first export saves the publication state, a move shows in
    /// `export --dry-run` as what changes for subscribers, the next export counts it, and the
    /// one after has nothing to change. The move is undone again.
    func publishing(_ w: Walk, english: Bool) throws {
        let may = "2027-05-10T10:00:00Z"
        let first = try w.run("export", w.plan, now: may)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(english ? "Publication state saved in " : "Publiceringsstatus sparad i "), "\(first.stdout)")
        let moved = try w.run("move", w.plan, "namnd", "2027-09-28", "--occurrence", "9", "--reason", english ? "Clash" : "Krock", now: may)
        #expect(moved.status == 0, "\(moved.stdout)\(moved.stderr)")
        let preview = try w.run("export", w.plan, "--dry-run", now: may)
        #expect(preview.status == 0, "\(preview.stderr)")
        for text in english
            ? [
                "How the calendars change for subscribers (5 events):",
                "  changed    mf-2027-namnd-9  moves Tue 19 Oct 2027 at 17:00 → Tue 28 Sep 2027 at 17:00  ",
                "Dry run (--dry-run): nothing has been written.",
            ]
            : [
                "Så här ändras kalendrarna för prenumeranterna (5 händelser):",
                "  ändrad     mf-2027-namnd-9  flyttas tis 19 okt 2027 kl. 17:00 → tis 28 sep 2027 kl. 17:00  ",
                "Provkörning (--dry-run): ingenting har skrivits.",
            ]
        {
            #expect(preview.stdout.contains(text), "'\(text)' missing: \(preview.stdout)")
        }
        let second = try w.run("export", w.plan, now: may)
        let counted =
            english
            ? "For subscribers: 0 new, 5 changed, 0 removed events; saved in "
            : "För prenumeranterna: 0 nya, 5 ändrade, 0 borttagna händelser; sparat i "
        #expect(second.stdout.contains(counted), "\(second.stdout)")
        let nothing = try w.run("export", w.plan, "--dry-run", now: may)
        #expect(
            nothing.stdout.hasPrefix(english ? "No changes for subscribers: " : "Inga ändringar för prenumeranterna: "), "\(nothing.stdout)")
        let undone = try w.run("undo", w.plan, now: may)
        #expect(undone.status == 0, "\(undone.stderr)")
    }

    /// The views in May, after the notices went to HR: each filter shows what the whole
    /// schedule's JSON says it should, and the table and the Excel file are fit to use.
    func views(_ w: Walk, english: Bool) throws {
        let may = "2027-05-10T10:00:00Z"
        let all = try w.occurrences()
        func uids(_ occurrences: [[String: Any]]) -> [String] { occurrences.map { $0["uid"] as? String ?? "" } }
        func start(_ occurrence: [String: Any]) -> String { String((occurrence["start"] as? String ?? "").prefix(10)) }
        let filters: [([String], ([String: Any]) -> Bool)] = [
            (["--owner", "hr"], { $0["owner"] as? String == "hr" }),
            (["--month", "3"], { start($0).hasPrefix("2027-03-") }),
            // ISO week 11 of 2027: Monday 15 March to Sunday 21 March, with the March meeting.
            (["--week", "11"], { ("2027-03-15"..."2027-03-21").contains(start($0)) }),
            (["--owner", "hr", "--month", "9"], { $0["owner"] as? String == "hr" && start($0).hasPrefix("2027-09-") }),
        ]
        for (filter, expected) in filters {
            let shown = try w.occurrences(filter)
            #expect(!shown.isEmpty, "\(filter)")
            #expect(uids(shown) == uids(all.filter(expected)), "\(filter)")
            let table = try w.run(["schedule", w.plan] + filter, now: may)
            #expect(table.status == 0, "\(table.stderr)")
            let summary = english ? "\(shown.count) of \(all.count) occurrences shown" : "\(shown.count) av \(all.count) tillfällen visas"
            #expect(table.stdout.contains(summary), "\(filter): \(table.stdout)")
        }
        // HR's: the staff survey and the notices from 10 May, the March meeting's notice not.
        let hr = try w.run("schedule", w.plan, "--owner", "hr", now: may).stdout
        #expect(hr.contains("Medarbetarenkäten öppnar") && hr.contains("Nytt från nämnden på intranätet"))
        #expect(!hr.contains("Månadsbrevet") && !hr.contains(english ? " Mar " : " mar "), "\(hr)")

        let unknown = try w.run("schedule", w.plan, "--owner", "hR", now: may)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains(english ? "(did you mean 'hr'?)" : "(menade du 'hr'?)"), "\(unknown.stderr)")

        let table = try w.run("schedule", w.plan, now: may)
        #expect(table.status == 0)
        #expect(table.stdout.split(separator: "\n").allSatisfy { $0.count <= 100 }, "\(table.stdout)")

        let excel = try w.run("schedule", w.plan, "--format", "csv", "--excel", "--month", "3", now: may)
        #expect(excel.status == 0, "\(excel.stderr)")
        #expect(excel.stdout.hasPrefix("\u{FEFF}"))
        let rows = excel.stdout.split(separator: "\r\n")
        #expect(rows.count == 1 + all.filter { start($0).hasPrefix("2027-03-") }.count)
        let columns = rows.first.map { $0.split(separator: ";").count } ?? 0
        #expect(columns > 10 && !(rows.first?.contains(",") ?? true), "\(rows.first ?? "")")
    }

    /// The mistakes a new communicator makes, each written into a copy of the plan from
    /// `init` as in an editor; `validate` gives each one message where the mistake is, with
    /// its code and, where the mistake is a common one, a note on what to write instead.
    func mistakes(_ w: Walk, english: Bool) throws {
        let plan = try String(contentsOfFile: w.plan, encoding: .utf8)
        let error = english ? "error" : "fel"
        let warning = english ? "warning" : "varning"

        /// `plan` with each `edits` pair's text (there once) replaced, validated; checks the
        /// one message at the line holding `at` (the last edit's new text unless given).
        @discardableResult
        func check(
            _ edits: [(String, String)], at: String? = nil, column: Int, _ severity: String, code: String, note: (sv: String, en: String)?
        ) throws -> String {
            var text = plan
            for (old, new) in edits {
                #expect(text.components(separatedBy: old).count == 2, "'\(old)' is not in the plan once")
                text = text.replacingOccurrences(of: old, with: new)
            }
            try text.write(to: w.directory.appendingPathComponent("utkast.yaml"), atomically: true, encoding: .utf8)
            let result = try w.run("validate", "utkast.yaml", now: "2027-03-01T10:00:00Z")
            let marker = try #require(text.range(of: at ?? edits[edits.count - 1].1))
            let line = text[..<marker.lowerBound].filter { $0 == "\n" }.count + 1
            let output = (result.stdout + result.stderr).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let messages = output.indices.filter { output[$0].hasPrefix("utkast.yaml:") && !output[$0].hasPrefix("utkast.yaml: ") }
            #expect(messages.count == 1, "\(output)")
            let index = try #require(messages.first)
            #expect(output[index].hasPrefix("utkast.yaml:\(line):\(column): \(severity): "), "\(output[index])")
            #expect(output[index].hasSuffix("[\(code)]"), "\(output[index])")
            if let note {
                #expect(index + 1 < output.count && output[index + 1].hasPrefix("    "), "\(output)")
                if index + 1 < output.count { #expect(output[index + 1].contains(english ? note.en : note.sv), "\(output[index + 1])") }
            }
            let errors = severity == error ? 1 : 0
            #expect(result.status == (errors == 1 ? 1 : 0))
            let summary =
                english
                ? "\(errors) error\(errors == 1 ? "" : "s"), \(1 - errors) warning\(errors == 1 ? "s" : "")"
                : "\(errors) fel, \(1 - errors) varning\(errors == 1 ? "ar" : "")"
            #expect(output.contains { $0.hasPrefix("utkast.yaml: ") && $0.hasSuffix(summary) }, "\(output)")
            return output[index]
        }

        // A colon in a title: YAML reads a key; the note shows the line quoted.
        try check(
            [("    title: Tertialrapport 2 beslutas\n", "    title: T2: Tertialrapport\n")], column: 14, error, code: "yaml_syntax",
            note: (#"inom citattecken: title: "T2: Tertialrapport""#, #"must be quoted: title: "T2: Tertialrapport""#))
        // A key indented further than the ones above it, and a tab.
        try check(
            [("    kind: T2\n", "      kind: T2\n")], column: 11, error, code: "yaml_syntax",
            note: ("nycklarna ovanför börjar i kolumn 5", "the keys above it start in column 5"))
        try check([("    kind: T2\n", "\tkind: T2\n")], column: 1, error, code: "yaml_syntax", note: ("använd mellanslag", "use spaces"))
        // The owner's real name filled in, then written where the owner's id belongs.
        try check(
            [("  hr: {name: HR-ansvarig}\n", "  hr: {name: Sofia Ek}\n"), ("    owner: hr\n", "    owner: Sofia Ek\n")], column: 12, error,
            code: "invalid_id", note: ("menade du 'hr' (Sofia Ek)?", "did you mean 'hr' (Sofia Ek)?"))
        // Target groups as a comma list.
        try check(
            [("    audiences: [medarbetare, medborgare]\n", "    audiences: medarbetare, medborgare\n")], column: 16, error,
            code: "invalid_id", note: ("skrivs inom hakparenteser: [medarbetare, medborgare]", "written in brackets: [medarbetare, medborgare]"))
        // T1 with "the meeting", which meets eleven times: one error, nothing that follows from it.
        let with = try check(
            [("    with: namnd[5]\n", "    with: namnd\n")], column: 5, error, code: "ambiguous_reference", note: nil)
        #expect(with.contains("'namnd[1]'") && with.contains("'for-each: namnd'"), "\(with)")
        // The owner line deleted: a warning at the activity, and validate still exits 0.
        try check(
            [
                (
                    "    title: Underlag till verksamhetsberättelsen klart\n    owner: controller\n",
                    "    title: Underlag till verksamhetsberättelsen klart\n"
                )
            ],
            at: "  - id: vb-underlag", column: 9, warning, code: "activity_without_owner",
            note: ("planen har ansvariga under 'owners:'", "the plan has owners under 'owners:'"))
        // The decided meetings written in, one of them twice: a warning at the second.
        let days = "2027-01-19, 2027-02-16, 2027-03-16, 2027-04-20, 2027-05-18, 2027-06-15, 2027-08-17, 2027-09-21, 2027-10-19, 2027-11-16"
        let duplicate = try check(
            [
                (
                    "    repeat: {every: month, on: third tuesday, except-months: [7]}\n    time:",
                    "    dates: [\(days), 2027-03-16, 2027-12-21]\n    time:"
                )
            ],
            column: 133, warning, code: "duplicate_date", note: nil)
        #expect(duplicate.contains(english ? "2027-03-16 is listed twice" : "2027-03-16 står två gånger"), "\(duplicate)")
    }

    @Test func inSwedish() throws {
        let w = try walk(english: false)
        // The owners' feeds follow the hand-over: the notices from 10 May are in HR's, the earlier ones stay.
        let exported = try w.run("export", w.plan, now: "2027-05-10T10:00:00Z")
        #expect(exported.status == 0, "\(exported.stderr)")
        func notices(_ owner: String) throws -> Int {
            let feed = try String(contentsOf: w.directory.appendingPathComponent("Exports/mf-2027/agare-\(owner).ics"), encoding: .utf8)
            return feed.components(separatedBy: "SUMMARY:Nytt från nämnden på intranätet").count - 1
        }
        #expect(try notices("hr") == 7)
        #expect(try notices("kommunikator") == 3, "January, March, April: February's meeting was cancelled")
        for text in [
            "0 fel, 0 varningar", "ligger utanför planåret 2027 – stämmer året?", "det har redan ägt rum", "Gjort trots invändningarna ovan",
            "ger namnd-notis till HR-ansvarig från mån 10 maj 2027", "ingenting har ändrats sedan fastställelsen",
            "## Avvikelser från fastställd årsplan", "**Förslag till beslut:**",
        ] {
            #expect(w.transcript.contains(text), "'\(text)' missing")
        }
    }

    /// Words of the Swedish catalogue that are never English.
    static let swedishWords: Set<String> = [
        "fel", "varning", "varningar", "tillfälle", "tillfällen", "aktivitet", "aktiviteter", "ändring", "ändringar", "post", "poster",
        "och", "till", "från", "inte", "ingenting", "sparat", "gjort", "flytt", "flyttar", "inställt", "ansvarig", "följer", "med", "skäl",
        "fastställd", "avvikelser", "sedan", "dess", "ledig", "före", "eller", "har", "att", "som", "det", "den", "är", "ny", "nya",
        "konflikter", "ångrar", "tis", "ons", "mån", "maj", "okt", "skrev", "menade", "du", "kolumn", "lista", "skrivs", "inom",
        "hakparenteser", "citattecken", "mellanslag", "tabb", "nycklarna", "ovanför", "gånger", "ange", "ett", "lägg", "ogiltig",
    ]

    @Test func inEnglishTheCatalogueSaysNothingInSwedish() throws {
        let w = try walk(english: true)
        // Plan text is shown as written: take out every title and name the plan file gives.
        let planText = try String(contentsOfFile: w.plan, encoding: .utf8)
        var written: [String] = []
        for line in planText.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("#") {
            if let range = line.range(of: "title: ") {
                written.append(String(line[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
            if let range = line.range(of: "kind: ") { written.append(String(line[range.upperBound...])) }
            if let range = line.range(of: "organization: ") {
                written.append(String(line[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
            if let range = line.range(of: "{name: ") { written.append(String(line[range.upperBound...].prefix { $0 != "," && $0 != "}" })) }
        }
        #expect(written.contains("HR-ansvarig") && written.contains("Nämndens sammanträde"))
        var text = w.transcript
        for phrase in written.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: phrase, with: "·") }
        // The table shortens long titles and names to fit 100 columns: "Nämndsekreterar…".
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.contains("…") else { return String(line) }
            var line = String(line)
            for phrase in written {
                for length in stride(from: phrase.count - 1, through: 4, by: -1) {
                    line = line.replacingOccurrences(of: phrase.prefix(length) + "…", with: "·")
                }
            }
            return line
        }.joined(separator: "\n")
        #expect(!text.contains { "åäöÅÄÖ".contains($0) }, "\(text)")
        let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
        #expect(words.intersection(Self.swedishWords).isEmpty, "\(words.intersection(Self.swedishWords).sorted())")
        for phrase in [
            "0 errors, 0 warnings", "is outside the plan year 2027", "it has already taken place", "hands namnd-notis to", "Proposed decision",
        ] {
            #expect(w.transcript.contains(phrase), "'\(phrase)' missing")
        }
    }
}
