import Arsplan
import Foundation
import Testing

@testable import ArsplanPlanFile

/// A large plan file is read in two parts on two cores. Whatever the file holds, that must
/// give exactly what reading it in one piece gives: the same plan, the same diagnostics.
@Suite("Reading a large plan on two cores")
struct TwoPartReadingTests {
    static let head = """
        plan: {id: stor, title: Stor plan, year: 2027}
        owners: {anna: {name: Anna Berg}, bo: {name: Bo Ek, max-per-week: 2}}
        audiences: {medarbetare: Medarbetare, chefer: {name: Chefer}}
        channels: {intranat: Intranät}

        """

    /// `count` activities of every placement kind, each referring back to earlier ones,
    /// so that references cross the cut.
    static func activities(_ count: Int, indent: String = "  ") -> String {
        var text = "activities:\n"
        for i in 1...count {
            let item = indent + "- "
            let field = indent + "  "
            text += "\(item)id: a\(i)\n\(field)title: \"Aktivitet \(i) – åäö\"\n\(field)owner: \(i % 2 == 0 ? "anna" : "bo")\n"
            switch i % 5 {
            case 0: text += "\(field)dates: [2027-02-1\(i % 9), 2027-05-2\(i % 9)]\n"
            case 1: text += "\(field)date: 2027-03-\(10 + i % 18)\n"
            case 2: text += "\(field)after: a\(max(1, i - 1)) + \(i % 4) workdays\n"
            case 3: text += "\(field)repeat: {every: month, on: first tuesday, except-months: [7]}\n\(field)time: \"09:00\"\n"
            default:
                text +=
                    "\(field)before: \"a\(max(1, i / 2))[1] - 2 workdays\"\n\(field)description: |\n\(field)  Rad ett\n\(field)  - inte en punkt\n"
            }
            if i % 7 == 0 { text += "\(field)audiences: [medarbetare, chefer]\n" }
            if i % 3 == 0 { text += "\n\(indent)# kommentar mellan aktiviteter\n" }
        }
        return text
    }

    private func expectSameAsOnePiece(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let cut = try #require(ActivitiesCut.find(in: text), sourceLocation: sourceLocation)
        let whole = PlanFile.parseInOnePiece(text, file: "Plans/stor.yaml")
        // Both ways of the two-core helper: the parts on two cores, and one after the other.
        for threshold in [0, Int.max] {
            let parts = try #require(
                PlanFile.parseInTwoParts(text, file: "Plans/stor.yaml", cut: cut, twoCoresFrom: threshold), sourceLocation: sourceLocation)
            #expect(parts.diagnostics.map(\.description) == whole.diagnostics.map(\.description), sourceLocation: sourceLocation)
            #expect(parts.plan == whole.plan, sourceLocation: sourceLocation)
        }
    }

    @Test func aValidPlanReadsTheSameInTwoParts() throws {
        let text = Self.head + Self.activities(400)
        try expectSameAsOnePiece(text)
        let plan = try #require(PlanFile.parse(text, file: "x").plan)
        #expect(plan.activities.count == 400)
        #expect(plan.activities.map(\.id.rawValue) == (1...400).map { "a\($0)" })
    }

    @Test func errorsOnBothSidesOfTheCutAreReportedWithTheirLines() throws {
        var text = Self.head + Self.activities(300)
        // Errors near the start and the end: an unknown owner, a repeated key, a repeated
        // id across the cut, an unknown reference, an impossible date.
        text = text.replacingOccurrences(
            of: "  - id: a3\n    title: \"Aktivitet 3 – åäö\"\n", with: "  - id: a3\n    title: \"Aktivitet 3 – åäö\"\n    owner: okand\n")
        text += "  - id: a5\n    title: Igen\n    title: Två gånger\n    date: 2027-02-30\n    after: a9999\n"
        let whole = PlanFile.parseInOnePiece(text, file: "Plans/stor.yaml")
        #expect(Set(whole.diagnostics.map(\.code)).isSuperset(of: [.duplicateKey, .duplicateID, .invalidDate]))
        try expectSameAsOnePiece(text)
    }

    @Test func itemsWrittenAtTheSectionsOwnIndentationAreCutToo() throws {
        try expectSameAsOnePiece(Self.head + Self.activities(200, indent: ""))
    }

    @Test func aPartThatDoesNotComposeAloneFallsBackToTheWholeFile() throws {
        // An alias in the second part to an anchor in the first cannot be composed alone.
        var text = Self.head + Self.activities(200)
        text = text.replacingOccurrences(
            of: "    owner: anna\n", with: "    owner: &ansvarig anna\n", options: [], range: text.range(of: "    owner: anna\n"))
        text += "  - {id: sist, title: Sist, owner: *ansvarig, date: 2027-12-01}\n"
        let cut = try #require(ActivitiesCut.find(in: text))
        #expect(PlanFile.parseInTwoParts(text, file: "x", cut: cut) == nil)
        let plan = try #require(PlanFile.parse(text, file: "x").plan)
        #expect(plan.activity("sist")?.owner == "anna")
    }

    @Test func noCutWhereTheFileCouldMeanSomethingElse() {
        let activities = Self.activities(50)
        // Another section after the activities.
        #expect(ActivitiesCut.find(in: Self.head + activities + "goals: {aktiv: Aktiv}\n") == nil)
        // Activities as one flow list.
        #expect(ActivitiesCut.find(in: Self.head + "activities: [{id: a, title: A, date: 2027-01-11}, {id: b, title: B, date: 2027-01-12}]\n") == nil)
        // A second document.
        #expect(ActivitiesCut.find(in: Self.head + activities + "---\nplan: {id: x}\n") == nil)
        // A single activity: nothing to share.
        #expect(ActivitiesCut.find(in: Self.head + Self.activities(1)) == nil)
        // The cut is at an item near the middle, with its line number.
        let text = Self.head + activities
        let cut = ActivitiesCut.find(in: text)
        #expect(cut.map { Array(Array(text.utf8)[$0.offset..<($0.offset + 8)]) } == Array("  - id: ".utf8))
        #expect(cut.map { text.utf8.prefix($0.offset).filter { $0 == UInt8(ascii: "\n") }.count } == cut?.linesBefore)
        #expect(cut.map { abs($0.offset - text.utf8.count / 2) < 200 } == true)
    }

    @Test func theGeneratedBenchmarkSizeIsReadInTwoParts() throws {
        let text = Self.head + Self.activities(3000)
        #expect(text.utf8.count >= PlanFile.parallelThreshold)
        try expectSameAsOnePiece(text)
    }
}
