import Arsplan
import Foundation
import Testing

/// The docs promise that every message a user can get is explained.
struct DocumentationTests {
    /// The codes in the tables of docs/plan-format.md's "Messages and what to do", by the
    /// `###` heading above each table (a table row's first cell names one or more codes).
    static func documentedCodes() throws -> [String: Set<String>] {
        let text = try String(contentsOf: CommandRunner.repository.appendingPathComponent("docs/plan-format.md"), encoding: .utf8)
        let start = try #require(text.range(of: "\n## Messages and what to do\n"))
        var codes: [String: Set<String>] = [:]
        var heading = ""
        for line in text[start.upperBound...].split(separator: "\n") {
            if line.hasPrefix("## ") { break }
            if line.hasPrefix("### ") { heading = String(line.dropFirst(4)) }
            guard line.hasPrefix("| `") else { continue }
            let cell = line.split(separator: "|")[0]
            let quoted = cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map {
                String($0.element)
            }
            codes[heading, default: []].formUnion(quoted)
        }
        return codes
    }

    @Test func everyDiagnosticCodeIsDocumentedAndEveryDocumentedCodeExists() throws {
        let documented = try Self.documentedCodes().values.reduce(into: Set<String>()) { $0.formUnion($1) }
        let codes = Set(DiagnosticCode.allCases.map(\.rawValue))
        #expect(codes.count == DiagnosticCode.allCases.count)
        for code in codes.subtracting(documented).sorted() {
            Issue.record("docs/plan-format.md does not explain '\(code)' in a table under \"Messages and what to do\"")
        }
        for code in documented.subtracting(codes).sorted() {
            Issue.record("docs/plan-format.md explains '\(code)', which is no DiagnosticCode")
        }
    }

    @Test func journalEntryProblemsAreTheCodesTheReplayReports() throws {
        // What a recording command shows about the journal besides its result: the replay's
        // warnings about entries, not the torn line (shown already) nor errors (which stop it).
        let journal = try #require(try Self.documentedCodes()["The change journal"])
        let shown = Set(DiagnosticCode.allCases.filter(\.isJournalEntryProblem).map(\.rawValue))
        #expect(shown == ["journal_entry_not_applied", "journal_entry_occurrence_changed", "journal_undo_not_applied", "journal_approval_altered"])
        #expect(shown.isSubset(of: journal))
    }

    @Test func readmeNamesTheTwoCommandsAndEveryCommand() throws {
        let text = try String(contentsOf: CommandRunner.repository.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(text.contains("make run"))
        #expect(text.contains("make test"))
        let help = try CommandRunner.run(["--help"]).stdout
        // Subcommand lines are indented by exactly two spaces; wrapped help text by more.
        let subcommands = (help.components(separatedBy: "SUBCOMMANDS:").last ?? "")
            .split(separator: "\n")
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") && !$0.contains("See 'arsplan help") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(!subcommands.isEmpty)
        for command in subcommands where command != "help" {
            #expect(text.contains("arsplan \(command)"), "README.md does not show 'arsplan \(command)'")
        }
    }
}
