/// Plan text made inert inside the markdown that goes into management's minutes.
///
/// A title, a name, a minutes reference or a `--reason` is placed in a heading, a paragraph
/// or a table cell; whatever it holds must show as the text it is and nothing else:
///
/// * every line break — LF, CR, CRLF, NEL, vertical tab, form feed, U+2028, U+2029 — becomes
///   one space, so no text can start a line of its own (a heading `# …`, a quote `> …`, a
///   list item, a table row); other control characters (ESC, NUL, …) are dropped;
/// * every ASCII character that opens markdown — `\` `` ` `` `*` `_` `~` `[` `]` `<` `>`
///   `#` `|` `&` — is backslash-escaped, as CommonMark defines, so `<script>` is shown, not
///   run; `[x](javascript:…)` and `![…](…)` are no link and no image (with `[` escaped,
///   `(…)` and `!` are plain text); `&lt;` is no character reference; `|` does not end a
///   table cell; backticks open no code span; `*`, `_`, `~` emphasise nothing;
/// * a leading `-`, `+`, `=` or digits followed by `.` or `)` are escaped too, and
///   surrounding white space is trimmed (two trailing spaces would be a hard line break).
public enum MarkdownText {
    /// `text` as inline markdown that renders as exactly that text, on one line.
    ///
    /// Most text (an occurrence's state, a title, a name) needs nothing escaped, trimmed or
    /// dropped, and is handed back as it is (``isInert(_:)``); the rest goes scalar by scalar
    /// (``inlineByScalars(_:)``, which the tests compare with on every input). Scalar by
    /// scalar for every text, `DeviationsReport.markdown` took 675 M instructions on the
    /// 20,000-activity bench plan after its 1,000-entry journal (14,610 rows); 384 M with
    /// this (release build, main thread; callgrind).
    public static func inline(_ text: String) -> String {
        isInert(text) ? text : inlineByScalars(text)
    }

    /// Whether ``inlineByScalars(_:)`` would give `text` back unchanged: no control character,
    /// line break, tab, leading, trailing or double space, nothing escaped.
    static func isInert(_ text: String) -> Bool {
        var afterSpace = true  // a leading space is trimmed
        var atStart = true
        var digitsRun = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x20:
                if afterSpace { return false }
                afterSpace = true
                digitsRun = false
                continue
            case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return false
            // \ ` * _ ~ [ ] < > # | &
            case 0x5C, 0x60, 0x2A, 0x5F, 0x7E, 0x5B, 0x5D, 0x3C, 0x3E, 0x23, 0x7C, 0x26: return false
            case 0x2D, 0x2B,
                0x3D where atStart:
                return false  // - + =
            case 0x2E,
                0x29 where digitsRun:
                return false  // . )
            default: break
            }
            digitsRun = (atStart || digitsRun) && (0x30...0x39).contains(value)
            atStart = false
            afterSpace = false
        }
        return !afterSpace  // a trailing space is trimmed; an empty text goes the long way
    }

    /// ``inline(_:)`` scalar by scalar, for any text.
    static func inlineByScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var atStart = true
        var digitsRun = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029, 0x09, 0x20:
                pendingSpace = true
                digitsRun = false
                continue
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                continue
            default:
                break
            }
            if pendingSpace && !atStart { out.append(" ") }
            pendingSpace = false
            if escapedEverywhere.contains(scalar) {
                out.append("\\")
            } else if atStart && escapedAtStart.contains(scalar) {
                out.append("\\")
            } else if digitsRun && (scalar == "." || scalar == ")") {
                // "2027. …" or "1) …" would open an ordered list if it ever began a line.
                out.append("\\")
            }
            digitsRun = (atStart || digitsRun) && ("0"..."9").contains(scalar)
            out.append(scalar)
            atStart = false
        }
        return String(out)
    }

    private static let escapedEverywhere: Set<Unicode.Scalar> = [
        "\\", "`", "*", "_", "~", "[", "]", "<", ">", "#", "|", "&",
    ]
    private static let escapedAtStart: Set<Unicode.Scalar> = ["-", "+", "="]
}
