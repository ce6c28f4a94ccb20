import Foundation
import Testing

/// `schedule`'s views through the binary: the filters alone and together, their usage errors
/// (exit 64), `--wide`, `--excel`, and the table and days off in English.
struct ViewCommandTests {
    static let plan = "Plans/serviceforvaltningen-2027.yaml"

    static func run(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> CommandRunner.Result {
        try CommandRunner.run(["schedule", plan] + arguments)
    }

    /// The occurrences of `schedule --format json` with `arguments`: "activity[index]".
    static func shown(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let run = try run(arguments + ["--format", "json"])
        try #require(run.status == 0, "\(arguments): \(run.stderr)", sourceLocation: sourceLocation)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let occurrences = try #require(object["occurrences"] as? [[String: Any]])
        return occurrences.map { "\($0["activity"] as! String)[\($0["index"] as! Int)]" }
    }

    static func occurrences(_ arguments: [String] = []) throws -> [[String: Any]] {
        let run = try run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        return try #require(object["occurrences"] as? [[String: Any]])
    }

    @Test func eachFilterShowsWhatItNamesAndOnlyThat() throws {
        let all = try Self.occurrences()
        #expect(all.count == 170)
        let cases: [([String], ([String: Any]) -> Bool)] = [
            (["--owner", "chef-it"], { $0["owner"] as? String == "chef-it" }),
            (["--audience", "medborgare"], { ($0["audiences"] as? [String])?.contains("medborgare") == true }),
            (["--channel", "apt"], { ($0["channels"] as? [String])?.contains("apt") == true }),
            (["--unit", "kc"], { $0["unit"] as? String == "kc" }),
            (["--goal", "delaktighet"], { ($0["goals"] as? [String])?.contains("delaktighet") == true }),
            (["--kind", "VB"], { $0["kind"] as? String == "VB" }),
        ]
        for (arguments, matches) in cases {
            let shown = try Self.occurrences(arguments)
            let expected = all.filter(matches)
            #expect(!shown.isEmpty && shown.count < all.count, "\(arguments)")
            #expect(shown.map { $0["uid"] as! String } == expected.map { $0["uid"] as! String }, "\(arguments)")
        }
    }

    @Test func repeatedOptionsMatchAnyAndDifferentOnesAll() throws {
        let kc = try Self.shown(["--owner", "chef-kc"])
        let it = try Self.shown(["--owner", "chef-it"])
        let both = try Self.shown(["--owner", "chef-kc", "--owner", "chef-it"])
        #expect(Set(both) == Set(kc).union(it) && both.count == kc.count + it.count)
        let itInMarch = try Self.shown(["--owner", "chef-it", "--month", "3"])
        #expect(itInMarch == ["gemensam-it[3]"])
        let viaDates = try Self.shown(["--owner", "chef-it", "--from", "2027-03-01", "--to", "2027-03-31"])
        #expect(viaDates == itInMarch)
        #expect(try Self.shown(["--owner", "chef-it", "--kind", "VB"]).isEmpty)
    }

    @Test func periodsAreInclusiveAndWeeksAreISOWeeks() throws {
        let all = try Self.occurrences()
        let week12 = try Self.occurrences(["--week", "12"])
        // ISO week 12 of 2027: Monday 22 March to Sunday 28 March.
        let expected = all.filter { occurrence in
            let start = String((occurrence["start"] as! String).prefix(10))
            let end = String((occurrence["end"] as! String).prefix(10))
            return start <= "2027-03-28" && end >= "2027-03-22"
        }
        #expect(!week12.isEmpty)
        #expect(week12.map { $0["uid"] as! String } == expected.map { $0["uid"] as! String })
        let oneDay = try Self.occurrences(["--from", "2027-03-23", "--to", "2027-03-23"])
        #expect(!oneDay.isEmpty && oneDay.allSatisfy { ($0["start"] as! String).hasPrefix("2027-03-23") || ($0["end"] as! String) >= "2027-03-23" })
        let table = try Self.run(["--month", "2"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("\nFEBRUARI 2027\n") && !table.stdout.contains("JANUARI") && !table.stdout.contains("MARS"))
        #expect(table.stdout.contains(" av 170 tillfällen visas, 57 aktiviteter · 0 fel, 1 varning\n"))
    }

    @Test func csvIsFilteredToo() throws {
        let run = try Self.run(["--format", "csv", "--kind", "VP"])
        #expect(run.status == 0)
        let lines = run.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(!lines.isEmpty && lines.allSatisfy { $0.contains(",VP,") })
    }

    @Test(arguments: [
        (["--owner", "chef-itt"], "--owner: 'chef-itt' finns inte i planen (menade du 'chef-it'?); giltiga: forvaltningschef,"),
        (["--audience", "kund"], "--audience: 'kund' finns inte i planen"),
        (["--channel", "intranet"], "(menade du 'intranat'?)"),
        (["--unit", "xyz"], "--unit: 'xyz' finns inte i planen; giltiga: "),
        (["--goal", "aktivv"], "(menade du 'aktiv'?)"),
        (["--kind", "vb"], "--kind: 'vb' finns inte i planen (menade du 'VB'?)"),
        (["--week", "53"], "--week 53: 2027 har bara 52 veckor."),
    ])
    func anUnknownIDOrWeekIsAUsageError(arguments: [String], expected: String) throws {
        for format in ["table", "json", "csv"] {
            let run = try Self.run(arguments + ["--format", format])
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.hasPrefix("fel: ") && run.stderr.contains(expected), "\(run.stderr)")
        }
    }

    @Test(arguments: [
        (["--month", "13"], "--month måste vara 1–12, inte 13."), (["--month", "0"], "--month måste vara 1–12, inte 0."),
        (["--week", "54"], "--week måste vara 1–53, inte 54."), (["--week", "0"], "--week måste vara 1–53, inte 0."),
        (["--from", "2027-03-02", "--to", "2027-03-01"], "--from får inte ligga efter --to."),
        (["--from", "1 mars"], "--from måste vara ett datum som 2027-03-01, inte '1 mars'."),
        (["--to", "2027-02-30"], "--to måste vara ett datum som 2027-03-01, inte '2027-02-30'."),
        (["--excel"], "--excel gäller bara --format csv."),
        (["--format", "csv", "--excel", "--separator", ";"], "--excel använder alltid ';'; utelämna --separator."),
        (["--wide", "--format", "json"], "--wide gäller bara tabellen (--format table)."),
    ])
    func outOfRangeAndConflictingOptionsAreRefused(arguments: [String], expected: String) throws {
        let run = try Self.run(arguments)
        #expect(run.status == 64)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains(expected), "\(run.stderr)")
    }

    @Test func theTableFitsHundredColumnsAndWideShowsAll() throws {
        let table = try Self.run([])
        let wide = try Self.run(["--wide"])
        #expect(table.status == 0 && wide.status == 0)
        let width = { (text: String) -> Int in text.split(separator: "\n").map(\.count).max() ?? 0 }
        #expect(width(table.stdout) <= 100)
        #expect(width(wide.stdout) > 100)
        #expect(table.stdout.contains("…") && !wide.stdout.contains("…"))
        #expect(wide.stdout.contains("Beslut i kommunfullmäktige som rör förvaltningen – notis på intranätet (1/10)"))
        #expect(wide.stdout.contains("Redaktionsgruppen för intranätet\n"))
        #expect(table.stdout.contains("  v. 12  "))
    }

    @Test func excelCSV() throws {
        let run = try CommandRunner.run(["schedule", Self.plan, "--format", "csv", "--excel", "--owner", "forvaltningschef", "--month", "1"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("\u{FEFF}uid;aktivitet;nr;titel;typ;startdatum;starttid;slutdatum;sluttid;heldag;ansvarig;"))
        #expect(run.stdout.contains(";2027-01-26;17:00;2027-01-26;19:00;nej;Karin Ljungberg;"))
        let plain = try CommandRunner.run(["schedule", Self.plan, "--format", "csv", "--separator", ";"])
        #expect(!plain.stdout.hasPrefix("\u{FEFF}"))
        #expect(plain.stdout.hasPrefix("uid;aktivitet;nr;titel;typ;start;slut;heldag;"))
        let english = try CommandRunner.run(["schedule", Self.plan, "--format", "csv", "--excel", "--lang", "en"])
        #expect(english.stdout.hasPrefix("\u{FEFF}uid;activity;number;title;kind;start date;start time;end date;end time;all day;owner;"))
    }

    @Test func englishTableAndDaysOff() throws {
        let table = try CommandRunner.run(["schedule", Self.plan, "--lang", "en", "--month", "3"])
        #expect(table.status == 0)
        #expect(table.stdout.contains("\nMARCH 2027\n"))
        #expect(table.stdout.contains(" of 170 occurrences shown, 57 activities · 0 errors, 1 warning\n"))
        #expect(table.stdout.contains("  wk 9   Mon 1 Mar "))
        let calendar = try CommandRunner.run(["calendar", "2027", "--plan", Self.plan], environment: ["ARSPLAN_LANG": "en"])
        #expect(calendar.status == 0)
        #expect(calendar.stdout.hasPrefix("Days off 2027 (weekends not listed)\n"))
        #expect(calendar.stdout.contains("Fri 25 Jun") && calendar.stdout.contains("Midsommarafton"))
        #expect(calendar.stdout.contains("Working days 2027: "))
        // Swedish is the default and unchanged (the snapshot pins it byte for byte).
        let swedish = try CommandRunner.run(["calendar", "2027", "--plan", Self.plan])
        #expect(swedish.stdout.hasPrefix("Lediga dagar 2027 (helger ej listade)\n"))
    }
}
