import Foundation
import Testing

/// One language at a time: Swedish by default, English with `--lang en` or `ARSPLAN_LANG=en`,
/// and neither lets the other's words through (plan text, the user's own, excepted).
@Suite(.serialized)
struct LanguageCommandTests {
    static let plan = "Plans/serviceforvaltningen-2027.yaml"
    static let commands = [
        "validate", "schedule", "calendar", "export", "move", "cancel", "assign", "undo", "history", "approve", "deviations",
        "status", "report",
    ]
    /// What swift-argument-parser writes itself (in English, whatever the language).
    static let parserLines = [
        "USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "Show help information.", "Show the version.",
        "See 'arsplan help <subcommand>' for detailed help.", "-h, --help", "--version",
    ]

    /// The help text without the parser's own words and without what is not prose (the
    /// usage line, option and argument names such as `--occurrence` and `<activity>`).
    static func prose(_ help: String) -> String {
        help.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in !parserLines.contains { line.contains($0) } && !line.hasPrefix("USAGE") }
            .map { line in
                line.split(separator: " ").filter { !$0.hasPrefix("--") && !$0.hasPrefix("<") }.joined(separator: " ")
            }
            .joined(separator: "\n")
    }

    static func hasSwedishLetters(_ text: String) -> Bool { text.contains { "åäöÅÄÖ".contains($0) } }

    static func englishWords(in text: String) -> [String] {
        ["the ", "error", "warning", "activity", "activities", " is not", "must ", "write "].filter { text.lowercased().contains($0) }
    }

    /// Every word of `file`: text the user wrote, which stays as written in either language.
    static func words(of file: String) throws -> Set<Substring> {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        return Set(text.split { !$0.isLetter })
    }

    /// `text` without the words the plan file itself contains.
    static func withoutPlanWords(_ text: String, planWords: Set<Substring>) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { token in
            token.split { !$0.isLetter }.contains { planWords.contains($0) } ? "" : String(token)
        }.joined(separator: " ")
    }

    @Test(arguments: commands)
    func helpIsInOneLanguage(command: String) throws {
        let swedish = try CommandRunner.run([command, "--help"])
        #expect(swedish.status == 0)
        let svProse = Self.prose(swedish.stdout)
        #expect(Self.englishWords(in: svProse).isEmpty, "\(Self.englishWords(in: svProse)) in \(svProse)")
        #expect(Self.hasSwedishLetters(svProse))

        let english = try CommandRunner.run([command, "--help", "--lang", "en"])
        #expect(english.status == 0)
        #expect(!Self.hasSwedishLetters(Self.prose(english.stdout)), "\(english.stdout)")
        #expect(english.stdout != swedish.stdout)

        let environment = try CommandRunner.run([command, "--help"], environment: ["ARSPLAN_LANG": "en"])
        #expect(environment.stdout == english.stdout)
    }

    @Test func theCommandLineBeatsTheEnvironment() throws {
        let run = try CommandRunner.run(["validate", Self.plan, "--lang=sv"], environment: ["ARSPLAN_LANG": "en"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("57 aktiviteter, 170 tillfällen, 0 fel, 1 varning"))
        let english = try CommandRunner.run(["--lang", "en", "validate", Self.plan])
        #expect(english.stdout.contains("57 activities, 170 occurrences, 0 errors, 1 warning"))
        #expect(english.stderr.contains(": warning: "))
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        let run = try CommandRunner.run(["validate", Self.plan, "--lang", "de"])
        #expect(run.status == 64)
        #expect(run.stderr == "fel: okänt språk 'de'; välj sv (svenska) eller en (engelska).\n")
        let environment = try CommandRunner.run(["validate", Self.plan], environment: ["ARSPLAN_LANG": "fr"])
        #expect(environment.status == 64)
        #expect(environment.stdout.isEmpty)
    }

    @Test func arsplanAlonePrintsHelpAndExits64() throws {
        let run = try CommandRunner.run([])
        #expect(run.status == 64)
        #expect(run.stderr.contains("SUBCOMMANDS:"))
        #expect(run.stderr.contains("Kontrollera en planfil"))
        let english = try CommandRunner.run(["--lang", "en"])
        #expect(english.status == 64)
        #expect(english.stderr.contains("Check a plan file"))
    }

    /// The example plan and every error fixture, validated in English: nothing Swedish but
    /// the plan's own words.
    @Test func englishValidationHasNoSwedishBesidesThePlansText() throws {
        let fixtures = try FileManager.default.contentsOfDirectory(
            atPath: CommandRunner.repository.appendingPathComponent("Tests/ArsplanPlanFileTests/Fixtures/Errors").path
        ).filter { $0.hasSuffix(".yaml") }.map { "Tests/ArsplanPlanFileTests/Fixtures/Errors/" + $0 }
        #expect(fixtures.count >= 20)
        for file in [Self.plan] + fixtures.sorted() {
            let run = try CommandRunner.run(["validate", file, "--lang", "en"])
            let planWords = try Self.words(of: CommandRunner.repository.appendingPathComponent(file).path)
            let rest = Self.withoutPlanWords(run.stdout + run.stderr, planWords: planWords)
            #expect(!Self.hasSwedishLetters(rest), "\(file): \(run.stderr)")
            #expect(!run.stderr.contains(": fel:") && !run.stderr.contains(": varning:"))
        }
    }
}
