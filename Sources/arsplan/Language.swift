import Arsplan
import Foundation

/// The language of this run, chosen once before the arguments are parsed (argument-parser
/// renders `--help` before any `run()`): `--lang sv|en` anywhere on the command line, else
/// `ARSPLAN_LANG`, else Swedish.
enum Lang {
    static let current: Language =
        (try? choose(arguments: CommandLine.arguments, environment: ProcessInfo.processInfo.environment))?
        .language ?? .swedish

    /// The language asked for and the arguments without `--lang`; throws the text of an
    /// unknown language.
    static func choose(arguments: [String], environment: [String: String]) throws(LanguageChoiceError) -> (
        language: Language, arguments: [String]
    ) {
        var rest: [String] = []
        var asked: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--" {
                rest += arguments[index...]
                break
            }
            if argument == "--lang" {
                asked = index + 1 < arguments.count ? arguments[index + 1] : ""
                index += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                asked = String(argument.dropFirst("--lang=".count))
                index += 1
                continue
            }
            rest.append(argument)
            index += 1
        }
        if let asked {
            guard let language = Language(code: asked) else { throw LanguageChoiceError(text: asked) }
            return (language, rest)
        }
        if let variable = environment["ARSPLAN_LANG"], !variable.isEmpty {
            guard let language = Language(code: variable) else { throw LanguageChoiceError(text: variable) }
            return (language, rest)
        }
        return (.swedish, rest)
    }
}

struct LanguageChoiceError: Error {
    var text: String
}

/// The text of `message` in the language of this run.
func tr(_ help: HelpText) -> String { Lang.current.catalogue.help(help) }
func tr(_ command: CommandText) -> String { Lang.current.catalogue.command(command) }
func tr(_ message: Message) -> String { Lang.current.catalogue.text(message) }
