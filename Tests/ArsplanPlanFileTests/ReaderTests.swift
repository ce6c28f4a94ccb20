import Arsplan
import Foundation
import Testing

@testable import ArsplanPlanFile

/// Behaviour of `PlanFile.parse` on small inline plans.
@Suite("Plan-file reader behaviour")
struct ReaderTests {
    static let head = """
        plan: {id: test, title: Test, year: 2027}
        owners: {anna: {name: Anna Berg}}

        """

    /// The file read, without `activity_without_owner` warnings: `head` declares an owner
    /// that the activities of these tests, about other diagnostics, do not name
    /// (that warning has its fixture, `Correct/new-warnings.yaml`).
    private func parse(_ text: String, file: String = "Plans/test.yaml") -> PlanFileResult {
        var result = PlanFile.parse(text, file: file)
        result.diagnostics.removeAll { $0.code == .activityWithoutOwner }
        return result
    }

    private func codes(_ result: PlanFileResult) -> [String] { result.diagnostics.map(\.code.rawValue) }

    @Test func diagnosticsPrintCompilerStyleWithTheFileAsNamed() throws {
        let result = parse(
            Self.head + """
                activities:
                  - id: vb
                    title: VB
                    date: 2027-03-24
                  - id: vb-intranat
                    title: VB på intranätet
                    after: vb2 + 2 workdays
                """, file: "Plans/serviceforvaltningen-2027.yaml")
        #expect(result.hasErrors)
        #expect(result.plan == nil)
        #expect(
            result.diagnostics.map(\.description) == [
                "Plans/serviceforvaltningen-2027.yaml:9:12: fel: okänd aktivitet 'vb2' i 'after' (menade du 'vb'?) [unknown_reference]"
            ])
        #expect(
            result.diagnostics.map { $0.description(in: .english) } == [
                "Plans/serviceforvaltningen-2027.yaml:9:12: error: unknown activity 'vb2' in 'after' (did you mean 'vb'?) [unknown_reference]"
            ])
    }

    @Test func allDiagnosticsAreReportedInFileOrder() {
        // The reference check runs after the whole file is read, yet its findings are
        // interleaved with the others by position.
        let result = parse(
            Self.head + """
                activities:
                  - id: a
                    title: A
                    owner: bertil
                    date: 2027-02-30
                  - id: b
                    titel: B
                    after: a - 1 workday
                """)
        #expect(codes(result) == ["unknown_reference", "invalid_date", "unknown_key", "invalid_offset"])
        let lines = result.diagnostics.compactMap { $0.location?.line }
        #expect(lines == lines.sorted())
    }

    @Test func unquotedAndQuotedScalarsReadTheSame() throws {
        let unquoted = parse(
            Self.head + """
                activities:
                  - {id: a, title: A, date: 2027-01-27, time: 17:00, duration: 2h, not-before: 2027-01-01, pinned: true}
                """)
        let quoted = parse(
            Self.head + """
                activities:
                  - {id: "a", title: 'A', date: "2027-01-27", time: "17:00", duration: "2h", not-before: '2027-01-01', pinned: "true"}
                """)
        var a = try #require(unquoted.plan?.activities.first)
        var b = try #require(quoted.plan?.activities.first)
        // Where 'date:' stands differs by the quotes before it; nothing else may.
        #expect(a.placementLocation == SourceLocation(line: 4, column: 23))
        #expect(b.placementLocation == SourceLocation(line: 4, column: 27))
        a.placementLocation = nil
        b.placementLocation = nil
        #expect(a == b)
        #expect(a.placement == .date(Day(iso: "2027-01-27")!))
        #expect(a.time == TimeOfDay(hour: 17, minute: 0))
    }

    @Test func windowsLineEndingsGiveTheSameLocations() throws {
        let text =
            Self.head + """
                activities:
                  - id: a
                    title: A
                    date: 2027-01-11
                  - id: b
                    title: B
                    after: c
                """
        let unix = parse(text)
        let windows = parse(text.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(unix.diagnostics.map(\.location) == [SourceLocation(line: 9, column: 12)])
        #expect(windows.diagnostics.map(\.location) == unix.diagnostics.map(\.location))
    }

    @Test func columnsCountCharactersNotBytes() {
        let result = parse(
            Self.head + """
                activities:
                  - {id: årsmöte, title: Årsmöte för förvaltningen, owner: åsa, date: 2027-03-01}
                """)
        // 'å', 'ö' and 'ä' are one column each (two bytes each in UTF-8).
        #expect(result.diagnostics.map(\.location) == [SourceLocation(line: 4, column: 60)])
        #expect(result.diagnostics.first?.english == "unknown owner 'åsa'")
    }

    @Test func anchorsAndAliasesAreFollowed() throws {
        let result = parse(
            """
            plan: {id: test, title: Test, year: 2027}
            audiences: {medarbetare: Medarbetare, chefer: Chefer}
            activities:
              - id: a
                title: A
                audiences: &alla [medarbetare, chefer]
                date: 2027-01-11
              - id: b
                title: B
                audiences: *alla
                date: 2027-01-12
            """)
        let plan = try #require(result.plan)
        #expect(plan.activity("b")?.audiences == ["medarbetare", "chefer"])
    }

    @Test func anAliasWithoutItsAnchorIsAYAMLError() {
        let result = parse(
            Self.head + """
                activities:
                  - {id: a, title: A, owner: *ansvarig, date: 2027-01-11}
                """)
        #expect(codes(result) == ["yaml_syntax"])
        #expect(result.diagnostics.first?.location == SourceLocation(line: 4, column: 30))
        #expect(result.diagnostics.first?.english.contains("'*ansvarig' names no anchor") == true)
    }

    @Test func aSecondYAMLDocumentIsRefusedWhereItStarts() {
        let result = parse(
            Self.head + """
                activities: []
                ---
                plan: {id: other, title: Other, year: 2027}
                """)
        #expect(codes(result) == ["yaml_syntax"])
        #expect(result.diagnostics.first?.location == SourceLocation(line: 4, column: 1))
        #expect(result.diagnostics.first?.english.contains("one YAML document") == true)
    }

    @Test func aKeyRepeatedManyTimesInALargeMappingIsReportedEachTime() {
        // Past 16 keys the composer looks repeated keys up by hash instead of comparing pairs.
        let owners = (1...20).map { "  o\($0): {name: O\($0)}" }.joined(separator: "\n")
        let result = parse(
            """
            plan: {id: test, title: Test, year: 2027}
            owners:
            \(owners)
              o3: {name: Igen}
              o3: {name: Och igen}
            activities: []
            """)
        #expect(codes(result) == ["duplicate_id", "duplicate_id"])
        #expect(result.diagnostics.map(\.location) == [SourceLocation(line: 23, column: 3), SourceLocation(line: 24, column: 3)])
        #expect(result.diagnostics.allSatisfy { $0.english.contains("(first at 5:3)") })
    }

    @Test func placementKeysAreGroupedInTheOrderWrittenWithAfterAndBeforeAsOne() {
        let result = parse(
            """
            plan: {id: test, title: Test, year: 2027}
            activities:
              - {id: namnd, title: N, date: 2027-01-27}
              - {id: a, title: A, before: "namnd[1] - 2 workdays", date: 2027-02-01, after: namnd, with: namnd}
              - {id: b, title: B, for-each: namnd, before: "namnd - 1 workdays", after: namnd}
              - {id: c, title: C, for-each: namnd, dates: [2027-03-01]}
              - {id: g, title: G, before: "namnd - 3 workdays", after: namnd}
              - {id: h, title: H}
            """)
        #expect(codes(result) == ["multiple_placements", "invalid_for_each", "missing_placement"])
        // The second way's first key is where the error stands; each way is named by its first key.
        #expect(result.diagnostics[0].location == SourceLocation(line: 4, column: 56))
        #expect(result.diagnostics[0].english.contains("'before' and 'date' and 'with'"))
        #expect(result.diagnostics[1].location == SourceLocation(line: 6, column: 23))
        #expect(result.diagnostics[1].english.contains("not with 'dates'"))
        #expect(result.diagnostics[2].location == SourceLocation(line: 8, column: 5))
        let plan = PlanFile.parse(
            "plan: {id: t, title: T, year: 2027}\nactivities:\n  - {id: n, title: N, date: 2027-01-27}\n"
                + "  - {id: g, title: G, before: \"n - 3 workdays\", after: n}\n", file: "t.yaml"
        ).plan
        #expect(plan?.activities.last?.placementLocation == SourceLocation(line: 4, column: 23))
        guard case .relative(let after, let before)? = plan?.activities.last?.placement else {
            Issue.record("after and before together are no relative placement")
            return
        }
        #expect(after.map(\.reference.activity.rawValue) == ["n"] && before?.amount == 3)
    }

    @Test func anActivityIDDefinedThreeTimesIsReportedAgainstTheFirstWhichReferencesMean() {
        let result = parse(
            """
            plan: {id: test, title: Test, year: 2027}
            activities:
              - {id: a, title: A, dates: [2027-02-01]}
              - {id: a, title: A2, dates: [2027-02-02, 2027-02-03]}
              - {id: b, title: B, after: "a[2] + 1 workdays"}
              - {id: a, title: A3, dates: [2027-02-04, 2027-02-05, 2027-02-06]}
              - {id: c, title: C, after: x}
            """)
        #expect(codes(result) == ["duplicate_id", "missing_occurrence", "duplicate_id", "unknown_reference"])
        #expect(
            result.diagnostics.map(\.location) == [
                SourceLocation(line: 4, column: 10), SourceLocation(line: 5, column: 30),
                SourceLocation(line: 6, column: 10), SourceLocation(line: 7, column: 30),
            ])
        #expect(result.diagnostics[0].english.contains("(first at 3:5)"))
        #expect(result.diagnostics[2].english.contains("(first at 3:5)"))
        // `a[2]` means the first `a`, which has one date.
        #expect(result.diagnostics[1].english.contains("1"))
    }

    @Test func repeatedKeysAreReportedWithBothPlacesAndTheRestIsStillRead() {
        let result = parse(
            Self.head + """
                activities:
                  - {id: a, "title": A, "title": B, date: 2027-02-30}
                  - id: b
                    title: B
                    date: 2027-01-11
                    date: 2027-01-12
                    owner: bertil
                """)
        #expect(codes(result) == ["duplicate_key", "invalid_date", "duplicate_key", "unknown_reference"])
        #expect(result.diagnostics[0].location == SourceLocation(line: 4, column: 25))
        #expect(result.diagnostics[0].english.contains("(first at 4:13)"))
        // Columns after a repeated key on the same line stay right.
        #expect(result.diagnostics[1].location == SourceLocation(line: 4, column: 43))
        #expect(result.diagnostics[2].location == SourceLocation(line: 8, column: 5))
        #expect(result.diagnostics[2].english.contains("(first at 7:5)"))
    }

    @Test func repeatedKeysInsideAnUnknownSectionAreStillReported() {
        let result = parse(
            Self.head + """
                extras:
                  a: 1
                  a: 2
                """)
        #expect(codes(result) == ["unknown_key", "duplicate_key"])
        #expect(result.diagnostics[1].location == SourceLocation(line: 5, column: 3))
    }

    @Test func aMissingOccurrenceFollowsForEachChains() {
        let result = parse(
            Self.head + """
                activities:
                  - {id: namnd, title: N, dates: [2027-01-27, 2027-02-24]}
                  - {id: utskick, title: U, for-each: namnd, before: namnd - 5 workdays}
                  - {id: paminnelse, title: P, for-each: utskick, before: utskick - 1 workday}
                  - {id: sista, title: S, after: "paminnelse[3]"}
                  - {id: andra, title: A, after: "paminnelse[2]"}
                """)
        #expect(codes(result) == ["missing_occurrence"])
        #expect(
            result.diagnostics.first?.english
                == "'paminnelse[3]' in 'after' does not exist: 'paminnelse' has 2 occurrences")
    }

    @Test func occurrencesOfRepeatsAreLeftToTheScheduler() {
        let result = parse(
            Self.head + """
                activities:
                  - {id: blad, title: B, repeat: {every: month, on: first tuesday}}
                  - {id: x, title: X, after: "blad[14]"}
                """)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func bracketsInsideFlowStyleNeedQuotes() {
        // In `{…}` a bracket starts a list, so YAML itself rejects `after: namnd[2]` there;
        // the diagnostic says how to write it.
        let result = parse(
            Self.head + """
                activities:
                  - {id: namnd, title: N, dates: [2027-01-27, 2027-02-24]}
                  - {id: a, title: A, after: namnd[2] + 1 workday}
                """)
        #expect(codes(result) == ["yaml_syntax"])
        #expect(result.diagnostics.first?.notes.contains { $0.contains("\"namnd[2]") } == true)
    }

    @Test func unsupportedFormatStopsTheReading() {
        let result = parse("format: 3\nnonsense: [\n")
        // Malformed YAML is found before the format can be read.
        #expect(codes(result) == ["yaml_syntax"])
        let later = parse("format: 3\nplan: 12\nextra: 1\n")
        #expect(codes(later) == ["unsupported_format"])
        let explicitOne = parse("format: 1\n" + Self.head + "activities: []\n")
        #expect(explicitOne.plan != nil)
    }

    @Test func mergeKeysAreRefusedWithAReason() {
        let result = parse(
            Self.head + """
                activities:
                  - &mall {id: a, title: A, owner: anna, date: 2027-01-11}
                  - <<: *mall
                    id: b
                """)
        // Without the merge, 'b' has no title and no date of its own.
        #expect(codes(result) == ["unknown_key", "missing_key", "missing_placement"])
        #expect(result.diagnostics.first?.english.contains("merge keys") == true)
    }

    @Test func aSecondActivitiesSectionIsReportedNotMerged() {
        let result = parse(
            Self.head + """
                activities:
                  - {id: a, title: A, date: 2027-01-11}
                activities:
                  - {id: b, title: B, date: 2027-01-12}
                """)
        #expect(
            result.diagnostics.map(\.description) == [
                "Plans/test.yaml:5:1: fel: 'activities' skrivs en gång till i planfilen (första gången på 3:1); behåll en [duplicate_key]"
            ])
    }

    @Test func emptySectionsAndAnEmptyActivityList() throws {
        let result = parse(
            """
            plan: {id: tom, title: Tom, year: 2027}
            calendar:
            owners:
            audiences: {}
            activities:
            """)
        let plan = try #require(result.plan)
        #expect(plan.activities.isEmpty)
        #expect(plan.calendar == CalendarSettings())
    }

    @Test func everyCodeOfTheReaderIsExercisedByAFixture() throws {
        var used: Set<String> = []
        for folder in ["Correct", "Errors"] {
            for name in Fixtures.names(in: folder) {
                used.formUnion(Expectation.all(in: try Fixtures.text(folder, name)).map(\.code))
            }
        }
        // The reader's codes are those docs/plan-format.md lists under "Reading the file".
        let text = try documentation()
        let start = try #require(text.range(of: "\n### Reading the file\n"))
        let end = try #require(text.range(of: "\n### ", range: start.upperBound..<text.endIndex))
        var all: Set<String> = []
        for line in text[start.upperBound..<end.lowerBound].split(separator: "\n") where line.hasPrefix("| `") {
            let code = String(line.split(separator: "`")[1])
            #expect(DiagnosticCode(rawValue: code) != nil, "\(code) is documented but no DiagnosticCode")
            all.insert(code)
        }
        #expect(all.count > 20)
        #expect(all.subtracting(used).isEmpty, "codes without a fixture: \(all.subtracting(used).sorted())")
    }

    /// docs/plan-format.md, read from the source tree.
    private func documentation() throws -> String {
        let docs = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/plan-format.md")
        return try String(contentsOf: docs, encoding: .utf8)
    }

    @Test func theDocumentedExamplePlanReads() throws {
        let text = try documentation()
        let start = try #require(text.range(of: "```yaml\n"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let result = PlanFile.parse(String(text[start.upperBound..<end.lowerBound]), file: "docs/plan-format.md")
        #expect(result.diagnostics.isEmpty, "\(expectLines(result.diagnostics))")
        #expect(result.plan?.activities.count == 7)
    }
}

extension Diagnostic {
    /// The message in English (`--lang en`), as the tests state it.
    var english: String { text.text(in: .english) }
}

@Suite("One mistake, one error")
struct CascadeTests {
    /// `with: namnd` without `[n]` on a monthly meeting is one mistake (`ambiguous_reference`);
    /// what refers to `underlag[2]` must not add a `missing_occurrence`, neither in the reader
    /// (which cannot know how many occurrences `underlag` has) nor in the scheduler.
    @Test func aWithOnARecurringActivityIsOneError() throws {
        let result = PlanFile.parse(
            """
            plan: {id: kaskad, title: Kaskad, year: 2027}
            activities:
              - id: namnd
                title: Nämnd
                repeat: {every: month, on: last wednesday}
              - id: underlag
                title: Underlag
                with: namnd
              - id: utskick
                title: Utskick
                after: underlag[2] + 1 workday
            """, file: "Plans/kaskad.yaml")
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        let plan = try #require(result.plan)
        let errors = Scheduler.schedule(plan).conflicts.filter { $0.severity == .error }
        #expect(errors.map(\.kind) == [.ambiguousReference], "\(errors.map(\.english))")
        #expect(errors.first?.activities.first == "underlag")
    }

    /// With the occurrence named, the same plan schedules, and a reference past the last
    /// occurrence of a `with` that follows a one-off activity is still reported.
    @Test func aReferencePastTheOnlyOccurrenceIsStillReported() {
        let result = PlanFile.parse(
            """
            plan: {id: kaskad, title: Kaskad, year: 2027}
            activities:
              - {id: vb, title: VB, date: 2027-03-24}
              - {id: underlag, title: Underlag, with: vb}
              - {id: utskick, title: Utskick, after: 'underlag[2] + 1 workday'}
            """, file: "Plans/kaskad.yaml")
        #expect(result.diagnostics.map(\.code) == [.missingOccurrence])
    }
}

extension Conflict {
    /// The conflict in English, for a failure message.
    var english: String { text.text(in: .english) }
}
