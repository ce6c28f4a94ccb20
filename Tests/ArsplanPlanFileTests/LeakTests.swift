import Arsplan
import ArsplanPlanFile
import Foundation
import Testing

/// Neither language lets words of the other through: every fixture's diagnostics (and the
/// example plan's, scheduler conflicts included), rendered in English, hold no Swedish word
/// of the catalogue's, and rendered in Swedish no English one — outside what is quoted from
/// the plan ('vb2', "namnd[2]", and a name in parentheses after a quoted id: 'hr' (Sofia Ek)).
@Suite("No language leaks into the other")
struct LeakTests {
    /// Words the Swedish catalogue uses in running text and English never does.
    static let swedishWords: Set<String> = [
        "fel", "varning", "okänd", "okänt", "inte", "och", "eller", "måste", "finns", "saknar", "saknas", "menade",
        "du", "aktiviteten", "ansvarig", "tillfälle", "tillfällen", "datum", "nyckel", "skriv", "är", "för", "har", "ingen",
        "inget", "inga", "till", "som", "på", "med", "i", "av", "gången", "första", "väntades", "ogiltig", "värde", "lista",
        "dag", "dagar", "arbetsdagar", "veckor", "gränsen", "planfilen", "planen", "ange", "här", "den", "det", "kan",
    ]

    /// Words the English catalogue uses in running text and Swedish never does (plan keys
    /// and values such as `with`, `week` or `planned` are quoted where a message names them;
    /// "in" and "plan" are Swedish words too: "dra in", "en plan").
    static let englishWords: Set<String> = [
        "error", "warning", "note", "the", "is", "must", "unknown", "did", "you", "mean", "has", "have", "and", "or",
        "of", "to", "be", "an", "are", "cannot", "write", "here", "than", "day", "days", "activity", "occurrence",
        "occurrences", "owner", "key", "keys", "value", "list", "missing", "expected", "found", "invalid", "first", "at",
        "limit", "file", "no", "one", "it", "as", "only", "use", "does", "exist", "defined", "again",
    ]

    /// Every fixture's diagnostics, and the example plan's with its scheduler conflicts.
    static func diagnostics() throws -> [(name: String, diagnostics: [Diagnostic])] {
        var all: [(String, [Diagnostic])] = []
        for folder in ["Correct", "Errors"] {
            for name in Fixtures.names(in: folder) {
                all.append(("\(folder)/\(name)", try Fixtures.parse(folder, name).diagnostics))
            }
        }
        let example = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Plans/serviceforvaltningen-2027.yaml")
        let path = "Plans/serviceforvaltningen-2027.yaml"
        let result = PlanFile.parse(try String(contentsOf: example, encoding: .utf8), file: path)
        // Its `dates-from` calendars are not read here (no files): those activities have no dates.
        let plan = try #require(result.document).resolved { _ in [] }
        let conflicts = Scheduler.schedule(plan).conflicts.map { $0.diagnostic(file: path) }
        all.append((path, result.diagnostics + conflicts))
        return all
    }

    @Test func theCorpusHasMessagesInEveryGroup() throws {
        let all = try Self.diagnostics().flatMap(\.diagnostics)
        #expect(all.count >= 100)
        #expect(all.contains { if case .plan = $0.text { true } else { false } })
        #expect(all.contains { if case .plan(.expression) = $0.text { true } else { false } })
        #expect(all.contains { if case .schedule = $0.text { true } else { false } })
        #expect(all.contains { !$0.noteTexts.isEmpty })
    }

    @Test func englishHasNoSwedishWordsAndSwedishNoEnglishWords() throws {
        for (name, diagnostics) in try Self.diagnostics() {
            for diagnostic in diagnostics {
                let english = leaked(Self.swedishWords, in: diagnostic.description(in: .english))
                #expect(english.isEmpty, "\(name): Swedish \(english) in \(diagnostic.description(in: .english))")
                let swedish = leaked(Self.englishWords, in: diagnostic.description(in: .swedish))
                #expect(swedish.isEmpty, "\(name): English \(swedish) in \(diagnostic.description(in: .swedish))")
            }
        }
    }

    /// The test can fail: a text with a word of the other language is caught, and quoted
    /// plan text is not.
    @Test func theCheckCatchesALeakAndLetsQuotedPlanTextThrough() {
        #expect(leaked(Self.englishWords, in: "x.yaml:1:1: fel: okänd nyckel 'titel' i the file [unknown_key]") == ["file", "the"])
        #expect(leaked(Self.swedishWords, in: "x.yaml:1:1: error: unknown key 'titel' in 'plan' och mer [unknown_key]") == ["och"])
        #expect(leaked(Self.swedishWords, in: "x.yaml:1:1: error: did you mean 'hr' (Sofia och Ek)? [x]").isEmpty)
        #expect(leaked(Self.englishWords, in: "x.yaml:1:1: fel: okänd 'x' (did you mean 'y'?) [x]") == ["did", "mean", "you"])
        #expect(leaked(Self.englishWords, in: "x.yaml:1:1: fel: okänd aktivitet 'the vb' i 'after' [x]").isEmpty)
    }
}

/// The words of `words` in a rendered diagnostic, outside its file and location, its code in
/// brackets, and what it quotes from the plan; sorted.
func leaked(_ words: Set<String>, in description: String) -> [String] {
    var text = Substring(description)
    // `file:line:column: ` — the severity word after it is the language's and is checked.
    if let prefix = text.range(of: #"^[^ ]*:\d+:\d+: "#, options: .regularExpression) { text = text[prefix.upperBound...] }
    if let code = text.range(of: #" \[[a-z0-9_]+\]"#, options: .regularExpression) { text.removeSubrange(code) }
    var plain = ""
    var quote: Character?
    var afterQuote = false
    var parentheses = 0
    let characters = Array(text)
    for (i, character) in characters.enumerated() {
        if let open = quote {
            if character == open {
                quote = nil
                afterQuote = true
            }
            continue
        }
        if parentheses > 0 {
            if character == "(" { parentheses += 1 }
            if character == ")" { parentheses -= 1 }
            continue
        }
        if character == "'" || character == "\"" {
            quote = character
            plain += " "
            continue
        }
        // A name (capitalised) in parentheses right after a quoted id: 'hr' (Sofia Ek).
        if afterQuote, character == "(", i + 1 < characters.count, characters[i + 1].isUppercase {
            parentheses = 1
            continue
        }
        if character != " " { afterQuote = false }
        plain.append(character)
    }
    let found = plain.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init).filter(words.contains)
    return Set(found).sorted()
}
