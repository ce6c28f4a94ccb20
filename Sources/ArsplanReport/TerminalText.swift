/// Plan text made safe for a terminal: the one place control characters are taken out.
///
/// A title, a name or a reason can hold anything a YAML or JSON string can: ESC sequences
/// that recolour, move the cursor, retitle the window or hide what follows; a CR that lets
/// the rest of the line overwrite its start; bidirectional overrides that show text in
/// another order than it is stored. Every renderer that writes for a terminal (tables,
/// summaries, diagnostics) passes its text through here.
public enum TerminalText {
    /// What is shown instead of a control character: visible, one column wide.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Plan text for one line (a table cell): line breaks and tabs become a space, every other
    /// control character ``replacement``.
    public static func line(_ text: String) -> String {
        clean(text, keepLayout: false)
    }

    /// A whole text for the terminal: newlines and tabs are layout and stay; every other
    /// control character (CR included) becomes ``replacement``.
    public static func safe(_ text: String) -> String {
        clean(text, keepLayout: true)
    }

    /// Whether `scalar` is a control character a terminal acts on or that reorders text:
    /// C0 (U+0000–U+001F), DEL, C1 (U+0080–U+009F, NEL among them), the line and paragraph
    /// separators, and the bidirectional embeddings, overrides and isolates.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    static func clean(_ text: String, keepLayout: Bool) -> String {
        // Most text has no control character at all: hand it back untouched.
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else {
                out.append(scalar)
                continue
            }
            switch scalar {
            case "\n", "\t":
                out.append(keepLayout ? scalar : " ")
            case "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                out.append(keepLayout ? replacement : " ")
            default:
                out.append(replacement)
            }
        }
        return String(out)
    }
}

extension TerminalText {
    /// How many terminal columns `text` takes: one per character (å, ä, ö and a letter with
    /// combining accents alike), two for East Asian wide characters and emoji, none for a
    /// lone combining mark or a format character (zero-width space, joiner).
    public static func width(_ text: String) -> Int {
        // Fast path: text of Latin letters (å, ä, ö, é precomposed) and the common punctuation
        // (–, …, ’) is one column a scalar; no grapheme breaking needed. Measured with
        // callgrind on `schedule` of the example plan (debug build, whole process): this
        // function took 104 M of 418 M instructions Character by Character, 6 M of 310 M
        // with the fast path. `bothWidthPathsAgree` compares the two. The arrows (U+2190–U+21FF)
        // are one column too: without them every row of `deviations` ("… → …") went
        // Character by Character, and its table took 1,188 M instructions on the
        // 20,000-activity bench plan after its 1,000-entry journal; 774 M with them (14,610
        // rows, release build, main thread; callgrind).
        var count = 0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xAD: return characterWidth(text)  // the soft hyphen takes no column
            case 0x20...0x7E, 0xA0...0x2FF, 0x2010...0x2027, 0x2030...0x205E, 0x2190...0x21FF: count += 1
            default: return characterWidth(text)
            }
        }
        return count
    }

    /// ``width(_:)`` Character by Character, for any text.
    static func characterWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    /// `text` cut to at most `columns` columns, ending in "…" when anything was cut.
    public static func truncated(_ text: String, to columns: Int) -> String {
        guard width(text) > columns else { return text }
        guard columns > 0 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > columns - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    static func width(of character: Character) -> Int {
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if first.properties.isEmojiPresentation { return 2 }
        switch first.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
            0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default: return 1
        }
    }
}
