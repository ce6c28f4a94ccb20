import Foundation
import Testing

/// Issue 12's walkthrough, repeated with the built binary: a communicator starts a plan with
/// `init`, makes the mistakes the guard rails catch, changes the plan through the year and
/// takes the deviations to management — in Swedish, then the same steps in English.
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
        func run(_ arguments: String..., now: String) throws -> CommandRunner.Result {
            let result = try CommandRunner.run(
                arguments + language, environment: ["ARSPLAN_NOW": now, "ARSPLAN_USER": "Anna Berg", "ARSPLAN_LANG": nil], in: directory)
            // JSON is for programs and the same in both languages: kept out of the transcript.
            if !arguments.contains("json") { transcript += result.stdout + result.stderr }
            return result
        }

        /// The owner of each occurrence of `activity`, by its first day, from `schedule --format json`.
        func owners(_ activity: String) throws -> [(day: String, owner: String)] {
            let json = try run("schedule", plan, "--format", "json", now: "2027-05-10T10:00:00Z").stdout
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            let occurrences = try #require(document["occurrences"] as? [[String: Any]])
            return occurrences.filter { $0["activity"] as? String == activity }.map {
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

        let approved = try w.run("approve", w.plan, "--by", "Ledningen", "--ref", "FL 2027-05-12 p 4", now: "2027-05-12T08:00:00Z")
        #expect(approved.status == 0, "\(approved.stderr)")
        let twice = try w.run("approve", w.plan, "--by", "Ledningen", "--ref", "FL 2027-05-12 p 5", now: "2027-05-12T09:00:00Z")
        #expect(twice.status == 1)
        #expect(twice.stderr.contains("[approval_unchanged]"))

        // A change after the approval, for the minutes.
        let moved = try w.run("move", w.plan, "namnd", "2027-06-22", "--occurrence", "6", "--reason", "Ordforanden bortrest", now: may)
        #expect(moved.status == 0, "\(moved.stderr)")
        let minutes = try w.run("deviations", w.plan, "--format", "markdown", now: may)
        #expect(minutes.status == 0)
        #expect(minutes.stdout.contains("### 1. "))
        #expect(minutes.stdout.contains("FL 2027-05-12 p 4"))
        try w.run("history", w.plan, now: may)
        try w.run("status", w.plan, now: may)
        try w.run("deviations", w.plan, now: may)
        try w.run("undo", w.plan, now: may)
        return w
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
        "konflikter", "ångrar", "tis", "ons", "mån", "maj", "okt", "skrev",
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
            if let range = line.range(of: "organization: ") {
                written.append(String(line[range.upperBound...]).trimmingCharacters(in: CharacterSet(charactersIn: "\"")))
            }
            if let range = line.range(of: "{name: ") { written.append(String(line[range.upperBound...].prefix { $0 != "," && $0 != "}" })) }
        }
        #expect(written.contains("HR-ansvarig") && written.contains("Nämndens sammanträde"))
        var text = w.transcript
        for phrase in written.sorted(by: { $0.count > $1.count }) { text = text.replacingOccurrences(of: phrase, with: "·") }
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
