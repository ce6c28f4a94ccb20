import Arsplan
import Testing

@testable import ArsplanPlanFile

/// The reader's fast paths (bytes instead of `Character`s, a key picked by its first
/// letter) must give exactly what the general code gives, or leave the text to it.
/// Checked on many generated texts made of the pieces that matter: ASCII and not,
/// white space of every kind, combining marks, signs, digits, brackets, unit words.
@Suite("Fast paths agree with the general code")
struct FastPathTests {
    /// A small deterministic generator (the tests must not depend on a random seed).
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }

        mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }

        /// A text of up to `pieces` pieces.
        mutating func text(_ pieces: [String], count: Int) -> String {
            var text = ""
            for _ in 0..<Int(next() % UInt64(count + 1)) { text += pick(pieces) }
            return text
        }
    }

    static let expressionPieces = [
        "vb", "a1", "namnd", "nämnd", "t1_beslut", "vb-intranat", "x", "É", " ", "  ", "\t", "\n", "\r\n", "\r",
        "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2028}", "\u{0301}", "+", "-", "−", "–", "*", "[", "]", "[2]",
        "[0]", "[ 12 ]", "0", "1", "2", "007", "99999999999999999999", "workdays", "workday", "Workdays", "WORKDAYS",
        "arbetsdagar", "arbetsdag", "dag", "dagar", "days", "day", "week", "weeks", "vecka", "veckor", "workdys",
        "months", "extra", "d", "h", "w", "min", "H", "D", "W", ":", ".",
    ]

    static let samples: [String] = {
        var generator = Generator(state: 2027)
        var samples = [
            "", " ", "vb", "  vb  ", "vb + 2 workdays", "vb+2 workdays", "namnd[3] - 5 workdays",
            "namnd[12]-5 workdays", "vb + 0 workdays", "namnd − 2 Workdays", "nämnd[ 2 ] + 1 day",
            "vb\r\n+ 2 workdays", "vb +\u{A0}2 workdays",
            "vb + 2 workdays\u{0301}", "3d", "2w", "2h", "0d", "10H", "1h30min", "90min", " 3d", "3 d",
        ]
        for _ in 0..<20_000 { samples.append(generator.text(expressionPieces, count: 7)) }
        // Shaped like an offset, with odd pieces in any place.
        let ids = ["vb", "a1", "nämnd", "t1_beslut", "x-y", "", "[", "É"]
        let occurrences = ["", "[2]", "[ 3 ]", "[0]", "[", "[x]", "[99999999999999999999]"]
        let spaces = ["", " ", "  ", "\t", "\r\n", "\u{A0}", "\u{0301}"]
        let signs = ["+", "-", "−", "–", "*", ""]
        let amounts = ["0", "2", "007", "12", "", "two", "-2"]
        let units = ["workdays", "Workday", "ARBETSDAGAR", "dag", "dagar", "weeks", "vecka", "workdys", "", "days2"]
        for _ in 0..<20_000 {
            var text = generator.pick(spaces) + generator.pick(ids) + generator.pick(occurrences)
            text += generator.pick(spaces)
            if generator.next() % 4 != 0 {
                text += generator.pick(signs) + generator.pick(spaces) + generator.pick(amounts)
                text += generator.pick(spaces) + generator.pick(units) + generator.pick(spaces)
            }
            samples.append(text)
        }
        return samples
    }()

    @Test func offsetExpressions() {
        for text in Self.samples {
            guard let fast = fastOffsetExpression(text) else { continue }
            #expect((try? parseOffsetExpressionByCharacter(text).get()) == fast, "\(text.debugDescription)")
        }
        #expect(fastOffsetExpression("namnd[3] - 5 workdays") != nil)
        #expect(fastOffsetExpression("vb + 2 Arbetsdagar") != nil)
    }

    @Test func references() {
        for text in Self.samples {
            guard let fast = fastReference(text) else { continue }
            #expect((try? parseReferenceByCharacter(text).get()) == fast, "\(text.debugDescription)")
        }
        #expect(fastReference(" namnd[2] ") == ActivityReference(activity: "namnd", occurrence: 2))
    }

    @Test func durations() {
        for text in Self.samples {
            guard let fast = fastDuration(text) else { continue }
            #expect((try? parseDurationByCharacter(text).get()) == fast, "\(text.debugDescription)")
        }
        #expect(fastDuration("3d") == .workdays(3))
    }

    @Test func trimmingAndIdentifiers() {
        for text in Self.samples {
            #expect(text.trimmingSpaces() == text.trimmingSpacesByCharacter(), "\(text.debugDescription)")
            #expect(isValidIdentifier(text) == isValidIdentifierByCharacter(text), "\(text.debugDescription)")
        }
    }

    @Test func days() {
        var generator = Generator(state: 7)
        let pieces = ["2027", "-", "02", "2", "30", "28", "+1", "13", "00", "0000", "1", "9", "x", "é", " ", "--"]
        var texts = ["2027-02-28", "2027-02-29", "2028-02-29", "2027-13-01", "2027-00-10", "0000-01-01", "2027-+1-05"]
        for _ in 0..<20_000 { texts.append(generator.text(pieces, count: 5)) }
        for text in texts {
            #expect(parseDay(text) == Day(iso: text), "\(text.debugDescription)")
        }
    }

    @Test func activityKeys() {
        var bits: Set<String> = []
        for name in PlanReader.activityKeys {
            let key = ActivityKey(named: name)
            #expect(key != nil && key?.rawValue == name, "\(name)")
            var set = ActivityKeySet()
            set.insert(key!)
            for other in PlanReader.activityKeys where other != name {
                #expect(!set.contains(ActivityKey(named: other)!), "\(name) and \(other) share a bit")
            }
            bits.insert(name)
        }
        #expect(bits.count == PlanReader.activityKeys.count)
        for name in ["", "i", "ID", "dat", "datum", "afterr", "befor", "for_each", "titel", "owners", "x"] {
            #expect(ActivityKey(named: name) == nil, "\(name)")
        }
    }
}
