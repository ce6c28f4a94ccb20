import Arsplan
import ArsplanPlanFile
import Foundation
import Testing

/// The fixture corpus: `Fixtures/Correct/*.yaml` must read without errors, and each
/// `Fixtures/Errors/*.yaml` must produce exactly the diagnostics its comment lines state:
///
///     # expect: 12:5 error unknown_reference "did you mean 'vb'?"
///
/// (line:column, severity, code, and optionally text the message or one of its notes must
/// contain, in Swedish, the default language). Correct fixtures may state warnings the same way.
enum Fixtures {
    static let root: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    static func names(in folder: String) -> [String] {
        let url = root.appendingPathComponent(folder)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    static func text(_ folder: String, _ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name), encoding: .utf8)
    }

    /// Parses a fixture the way the CLI would name it.
    static func parse(_ folder: String, _ name: String) throws -> PlanFileResult {
        PlanFile.parse(try text(folder, name), file: "Fixtures/\(folder)/\(name)")
    }
}

/// One expected diagnostic from a `# expect:` line.
struct Expectation: Equatable, CustomStringConvertible {
    var line: Int
    var column: Int
    var severity: String
    var code: String
    var messageContains: String?

    var description: String {
        "\(line):\(column) \(severity) \(code)" + (messageContains.map { " \"\($0)\"" } ?? "")
    }

    /// Reads every `# expect:` line of a fixture.
    static func all(in text: String) -> [Expectation] {
        text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            guard let range = line.range(of: "# expect:") else { return nil }
            var rest = line[range.upperBound...].drop(while: { $0 == " " })
            var message: String?
            if let quote = rest.firstIndex(of: "\""), rest.last == "\"" {
                message = String(rest[rest.index(after: quote)..<rest.index(before: rest.endIndex)])
                rest = rest[..<quote]
            }
            let words = rest.split(separator: " ")
            guard words.count == 3 else { return nil }
            let position = words[0].split(separator: ":")
            guard position.count == 2, let l = Int(position[0]), let c = Int(position[1]) else { return nil }
            return Expectation(
                line: l, column: c, severity: String(words[1]), code: String(words[2]), messageContains: message)
        }
    }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.location?.line == line && diagnostic.location?.column == column
            && diagnostic.severity.rawValue == severity && diagnostic.code.rawValue == code
            && (messageContains.map { text in
                diagnostic.message.contains(text) || diagnostic.notes.contains { $0.contains(text) }
            } ?? true)
    }
}

/// Every diagnostic as an `# expect:` line, for a failure message that can be pasted.
func expectLines(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { d in
        "# expect: \(d.location?.description ?? "?") \(d.severity.rawValue) \(d.code.rawValue)    — \(d.message)"
            + d.notes.map { "\n#     \($0)" }.joined()
    }.joined(separator: "\n")
}

@Suite("Plan-file fixtures")
struct FixtureTests {
    @Test("Fixture corpus is present")
    func corpusIsPresent() {
        #expect(Fixtures.names(in: "Correct").count >= 5)
        #expect(Fixtures.names(in: "Errors").count >= 15)
    }

    @Test("Error fixture reports exactly its expected diagnostics", arguments: Fixtures.names(in: "Errors"))
    func errorFixture(name: String) throws {
        let text = try Fixtures.text("Errors", name)
        let expected = Expectation.all(in: text)
        #expect(!expected.isEmpty, "\(name) states no '# expect:' lines")
        let result = PlanFile.parse(text, file: "Fixtures/Errors/\(name)")
        #expect(result.hasErrors)
        #expect(result.plan == nil)
        assertDiagnostics(result.diagnostics, match: expected, in: name)
    }

    @Test("Correct fixture reads without errors", arguments: Fixtures.names(in: "Correct"))
    func correctFixture(name: String) throws {
        let text = try Fixtures.text("Correct", name)
        let result = PlanFile.parse(text, file: "Fixtures/Correct/\(name)")
        #expect(!result.hasErrors)
        #expect(result.document != nil)
        assertDiagnostics(result.diagnostics, match: Expectation.all(in: text), in: name)
    }

    private func assertDiagnostics(_ diagnostics: [Diagnostic], match expected: [Expectation], in name: String) {
        let matched =
            diagnostics.count == expected.count && zip(expected, diagnostics).allSatisfy { $0.matches($1) }
        #expect(
            matched,
            """
            \(name): expected
            \(expected.map { "# expect: \($0)" }.joined(separator: "\n"))
            got
            \(expectLines(diagnostics))
            """)
        for diagnostic in diagnostics {
            #expect(diagnostic.file?.hasSuffix(name) == true)
            #expect(diagnostic.location != nil)
        }
    }
}
