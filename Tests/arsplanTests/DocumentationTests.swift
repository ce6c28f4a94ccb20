import Arsplan
import Foundation
import Testing

/// The docs promise that every message a user can get is explained.
struct DocumentationTests {
    @Test func everyConflictKindIsDocumented() throws {
        let text = try String(contentsOf: CommandRunner.repository.appendingPathComponent("docs/plan-format.md"), encoding: .utf8)
        for kind in ConflictKind.allCases {
            #expect(text.contains("`\(kind.rawValue)`"), "docs/plan-format.md does not explain '\(kind.rawValue)'")
        }
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
