import Arsplan
import ArsplanSupport

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

// A large plan file is read on two cores: the file is cut at an activity near its middle,
// the second part (activities only) is composed and read on another thread while this one
// composes and reads the first, and the two lists of activities are joined in file order.
//
// The cut is made only where it cannot change what the file means: `activities` is the
// last section, every line after it belongs to the activity list (an item `- ` at the
// list's indentation, or something indented deeper), and the cut falls at the start of
// such an item. When either part then fails to compose on its own (a quoted text or a
// flow list running over the cut, an alias to an anchor in the other part), the whole
// file is read again in one piece, so the diagnostics are always those of the whole file.

/// Where a plan file can be cut in two for reading on two cores.
struct ActivitiesCut: Equatable {
    /// Byte offset of the line that starts the second part (an activity item).
    var offset: Int
    /// How many lines come before it.
    var linesBefore: Int

    /// The cut nearest the middle of `text`, or nil when the file has no safe one.
    static func find(in text: String) -> ActivitiesCut? {
        var text = text
        return text.withUTF8 { find(in: $0) }
    }

    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> ActivitiesCut? {
        // Lines are counted by LF below; a file with other line breaks is read in one piece.
        guard !hasLineBreaksOtherThanLF(bytes) else { return nil }
        let space = UInt8(ascii: " ")
        let dash = UInt8(ascii: "-")
        var itemIndent: Int?  // once the `activities:` line is found, the items' indentation
        var sawActivities = false
        var items: [ActivitiesCut] = []
        var line = 0
        var start = 0
        while start < bytes.count {
            let end = lineEnd(bytes, from: start)
            defer {
                start = end + 1
                line += 1
            }
            var indent = 0
            while start + indent < end, bytes[start + indent] == space { indent += 1 }
            let first = start + indent
            // Blank and comment lines say nothing about structure.
            if first == end || bytes[first] == UInt8(ascii: "\r") || bytes[first] == UInt8(ascii: "#") { continue }
            let isItem = bytes[first] == dash && (first + 1 == end || bytes[first + 1] == space || bytes[first + 1] == UInt8(ascii: "\r"))
            if !sawActivities {
                guard indent == 0, isTopLevelActivitiesKey(bytes, from: first, to: end) else { continue }
                sawActivities = true
                continue
            }
            guard let indentOfItems = itemIndent else {
                guard isItem else { return nil }  // `activities: [ … ]` or something else
                itemIndent = indent
                items.append(ActivitiesCut(offset: start, linesBefore: line))
                continue
            }
            if indent > indentOfItems { continue }
            guard indent == indentOfItems, isItem else { return nil }  // another section follows
            items.append(ActivitiesCut(offset: start, linesBefore: line))
        }
        // Both parts need an activity; the cut is the item nearest the middle. Measured on
        // `validate` of the 20,000-activity bench plan: with 55 % of the file in the first
        // part (as before, for the second thread's fresh memory), this thread reached the
        // join 159 M instructions after the other (callgrind), with 45 % 121 M before it,
        // with half 20 M after it. The fresh memory is no reason: moving 5 % of the file
        // to the second thread took 1,658 page faults off this one and added 609 there.
        guard items.count >= 2 else { return nil }
        let target = bytes.count / 2
        return items.dropFirst().min { abs($0.offset - target) < abs($1.offset - target) }
    }

    /// The position of the first LF at or after `start`, or `bytes.count`.
    ///
    /// By `memchr` (vector code in the C library), not byte by byte in Swift: the cut's
    /// scan of the 3.1 MB bench plan went from 25.1 M to 14.3 M instructions (callgrind).
    private static func lineEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(base + start, Int32(UInt8(ascii: "\n")), bytes.count - start)
        else { return bytes.count }
        return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
    }

    /// `activities:` at the start of a line with nothing after it but spaces or a comment.
    private static func isTopLevelActivitiesKey(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Bool {
        let key = Array("activities:".utf8)
        guard end - from >= key.count, (0..<key.count).allSatisfy({ bytes[from + $0] == key[$0] }) else { return false }
        var i = from + key.count
        while i < end, bytes[i] == UInt8(ascii: " ") { i += 1 }
        return i == end || bytes[i] == UInt8(ascii: "#") || bytes[i] == UInt8(ascii: "\r")
    }
}

/// What reading the second part of a cut file gave.
private struct LaterPart: Sendable {
    var drafts: [ActivityDraft]
    var diagnostics: [Diagnostic]
    var duplicates: [SourceLocation: DuplicateKey]
}

extension PlanFile {
    /// Files at least this big are read on two cores.
    ///
    /// Why: composing and reading the YAML is most of `validate`; the second part runs on
    /// another core meanwhile. Measured (whole process, 20,000 activities, 3 MB): 23 % of
    /// `validate`'s CPU samples move to the second thread (perf), and the issue's figures on
    /// a quiet machine, medians of 15 interleaved runs, were 203 ms on two cores against
    /// 268 ms pinned to one (24 %). On the machine shared by eleven loads at once (load 11 on
    /// 2 cores) no two-core path pays, which is no measure of what it saves when a core is free.
    static let parallelThreshold = 256 * 1024

    /// Reads `text` cut at `cut`, the two parts on two cores when the file is at least
    /// `threshold` bytes (tests force both ways); nil when a part does not compose on its
    /// own (the caller then reads the file in one piece).
    static func parseInTwoParts(_ text: String, file: String, cut: ActivitiesCut, twoCoresFrom threshold: Int = parallelThreshold)
        -> PlanFileResult?
    {
        let utf8 = Array(text.utf8)
        let head = Array(utf8[..<cut.offset])
        let tail = Array(utf8[cut.offset...])

        let (first, later) = TwoCores.run(
            size: utf8.count, threshold: threshold,
            { () -> (reader: PlanReader, sections: Plan?)? in
                guard case .success(let composed) = composeYAML(head, onlyLF: true) else { return nil }
                var reader = PlanReader(sink: DiagnosticSink(file: file), duplicates: composed.duplicates)
                let sections = reader.readSections(composed.root)
                return (reader, sections)
            },
            { () -> LaterPart? in
                guard case .success(let composed) = composeYAML(tail, lineOffset: cut.linesBefore, onlyLF: true),
                    case .sequence(let items)? = composed.root
                else { return nil }
                var reader = PlanReader(sink: DiagnosticSink(file: file), duplicates: composed.duplicates)
                reader.readActivityItems(items.items)
                return LaterPart(drafts: reader.drafts, diagnostics: reader.sink.diagnostics, duplicates: reader.duplicates)
            })
        guard let (firstReader, sections) = first, let later else { return nil }
        var reader = firstReader
        reader.duplicates.merge(later.duplicates) { first, _ in first }
        reader.sink.append(later.diagnostics)
        let plan = sections.map { reader.complete($0, with: later.drafts) }
        return result(plan: plan, diagnostics: reader.finish())
    }
}
