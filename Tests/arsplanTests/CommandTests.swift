import Foundation
import Testing

/// The commands of issue 2, run as a user would on the real example plan and on bad input.
@Suite(.serialized)
struct CommandTests {
    let plan = "Plans/serviceforvaltningen-2027.yaml"

    @Test func validateTheExamplePlan() throws {
        let result = try CommandRunner.run(["validate", plan])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("aktiviteter"))
        #expect(!result.stderr.contains(": fel:"))
    }

    @Test func scheduleJSONOfTheExamplePlan() throws {
        let result = try CommandRunner.run(["schedule", plan, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let occurrences = try #require(object["occurrences"] as? [[String: Any]])
        let activities = Set(occurrences.compactMap { $0["activity"] as? String })
        #expect(activities.count >= 30)
        #expect(occurrences.count >= 100)
        // Board meetings: monthly except summer, at 17:00 on a working day.
        let meetings = occurrences.filter { $0["activity"] as? String == "namnd" }
        #expect(meetings.count == 11)
        #expect(!meetings.contains { ($0["start"] as? String)?.hasPrefix("2027-07") ?? true })
        #expect(meetings.allSatisfy { ($0["start"] as? String)?.hasSuffix("T17:00") ?? false })
        // Minutes: one per meeting, 3 working days after it, same occurrence number.
        let minutes = occurrences.filter { $0["activity"] as? String == "protokoll" }
        #expect(minutes.count == meetings.count)
        // Council meetings come from the city's published calendar (dates-from): only 2027,
        // at 16:00 Stockholm time, and the news items follow each one.
        let council = occurrences.filter { $0["activity"] as? String == "kf" }
        #expect(council.count == 10)
        #expect(council.first?["start"] as? String == "2027-02-01T16:00")
        #expect(council.first?["end"] as? String == "2027-02-01T22:00")
        let news = occurrences.filter { $0["activity"] as? String == "kf-nyheter" }
        #expect(news.first?["start"] as? String == "2027-02-02")
        // The UIDs are unique and stable from run to run.
        let uids = occurrences.compactMap { $0["uid"] as? String }
        #expect(Set(uids).count == uids.count)
        let again = try CommandRunner.run(["schedule", plan, "--format", "json"])
        #expect(again.stdout == result.stdout)
    }

    @Test func scheduleTableAndCSV() throws {
        let table = try CommandRunner.run(["schedule", plan])
        #expect(table.status == 0)
        for month in ["JANUARI 2027", "JUNI 2027", "AUGUSTI 2027", "DECEMBER 2027"] {
            #expect(table.stdout.contains(month))
        }
        let csv = try CommandRunner.run(["schedule", plan, "--format", "csv", "--separator", ";"])
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("uid;aktivitet;nr;titel"))
        #expect(csv.stdout.contains("\r\n"))
    }

    @Test func calendarListsHolidaysAndClosedDays() throws {
        let result = try CommandRunner.run(["calendar", "2027", "--plan", plan, "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let days = try #require(object["daysOff"] as? [[String: Any]])
        let names = Set(days.compactMap { $0["name"] as? String })
        #expect(names.isSuperset(of: ["Långfredagen", "Midsommarafton", "Julafton", "Nyårsafton", "Sommarstängt", "Klämdag"]))
        let plain = try CommandRunner.run(["calendar", "2028"])
        #expect(plain.stdout.contains("fre 23 jun"))  // midsommarafton 2028
        #expect(!plain.stdout.contains("Sommarstängt"))
    }

    @Test func usageErrorsExitWith64() throws {
        #expect(try CommandRunner.run(["calendar", "1899"]).status == 64)
        #expect(try CommandRunner.run(["schedule", plan, "--format", "xml"]).status == 64)
        let missing = try CommandRunner.run(["validate", "Plans/finns-inte.yaml"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Det finns ingen planfil 'Plans/finns-inte.yaml'"))
        let english = try CommandRunner.run(["validate", "Plans/finns-inte.yaml", "--lang", "en"])
        #expect(english.status == 64)
        #expect(english.stderr.contains("No plan file at 'Plans/finns-inte.yaml'"))
    }

    @Test func badPlanReportsEveryProblemWithLocationAndExits1() throws {
        let path = try CommandRunner.temporaryFile(
            named: "trasig.yaml",
            """
            plan: {id: t, title: Trasig plan, year: 2027}
            activities:
              - id: vb
                title: VB
                date: 2027-02-30
              - id: vb-intranat
                title: VB på intranätet
                after: vb2 + 2 workdays
                colour: red

            """)
        let result = try CommandRunner.run(["validate", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(path):5:11: fel:"))
        #expect(result.stderr.contains("\(path):8:12: fel:"))
        #expect(result.stderr.contains("\(path):9:5: fel:"))
        #expect(result.stdout.isEmpty)
        let english = try CommandRunner.run(["validate", path], environment: ["ARSPLAN_LANG": "en"])
        #expect(english.status == 1)
        #expect(english.stderr.contains("\(path):5:11: error:"))
        #expect(english.stderr.contains("\(path):8:12: error: unknown activity 'vb2' in 'after' (did you mean 'vb'?)"))
        #expect(english.stderr.contains("\(path):9:5: error:"))
    }

    @Test func cycleFailsValidationWithEveryStepNamed() throws {
        let path = try CommandRunner.temporaryFile(
            named: "cykel.yaml",
            """
            plan: {id: t, title: Cykel, year: 2027}
            activities:
              - {id: a, title: A, after: c + 1 workdays}
              - {id: b, title: B, after: a + 1 workdays}
              - {id: c, title: C, after: b + 1 workdays}

            """)
        let result = try CommandRunner.run(["validate", path, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("error: dependency cycle: 'a' → 'c' → 'b' → 'a' [dependency_cycle]"))
        #expect(result.stderr.contains("\(path):3:"))
    }
}
