import Arsplan
import ArsplanSupport
import Dispatch

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
        let newline = UInt8(ascii: "\n")
        let space = UInt8(ascii: " ")
        let dash = UInt8(ascii: "-")
        var itemIndent: Int?  // once the `activities:` line is found, the items' indentation
        var sawActivities = false
        var items: [ActivitiesCut] = []
        var line = 0
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != newline { end += 1 }
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
        // Both parts need an activity. The second part is read on a new thread, whose
        // first allocations cost more (fresh memory), so it gets a little less of the file.
        guard items.count >= 2 else { return nil }
        let target = bytes.count * 11 / 20
        return items.dropFirst().min { abs($0.offset - target) < abs($1.offset - target) }
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
    /// Files smaller than this are read in one piece: a second thread would not pay off.
    static let parallelThreshold = 256 * 1024

    /// Reads `text` cut at `cut`, the two parts on two cores; nil when a part does not
    /// compose on its own (the caller then reads the file in one piece).
    static func parseInTwoParts(_ text: String, file: String, cut: ActivitiesCut) -> PlanFileResult? {
        let utf8 = Array(text.utf8)
        let head = Array(utf8[..<cut.offset])
        let tail = Array(utf8[cut.offset...])

        let group = DispatchGroup()
        let laterPart = UnsafeTransfer<LaterPart?>(nil)
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            guard case .success(let composed) = composeYAML(tail, lineOffset: cut.linesBefore),
                case .sequence(let items)? = composed.root
            else { return }
            var reader = PlanReader(sink: DiagnosticSink(file: file), duplicates: composed.duplicates)
            reader.readActivityItems(items.items)
            laterPart.wrappedValue = LaterPart(drafts: reader.drafts, diagnostics: reader.sink.diagnostics, duplicates: reader.duplicates)
            // The second part's nodes are released here, on this thread, too.
        }
        // This thread composes and reads the first part meanwhile.
        // (The tree is kept only in `headTree`, so that it can be released on another thread.)
        let headTree = UnsafeTransfer<Composed?>(nil)
        switch composeYAML(head) {
        case .success(let composed): headTree.wrappedValue = composed
        case .failure:
            group.wait()
            return nil
        }
        var reader = PlanReader(sink: DiagnosticSink(file: file), duplicates: headTree.wrappedValue!.duplicates)
        let sections = reader.readSections(headTree.wrappedValue!.root)
        group.wait()
        guard let later = laterPart.wrappedValue else { return nil }

        reader.duplicates.merge(later.duplicates) { first, _ in first }
        reader.sink.append(later.diagnostics)
        laterPart.wrappedValue = nil
        let plan = sections.map { reader.complete($0, with: later.drafts) }
        let diagnostics = reader.finish()
        releaseInBackground(headTree, reader)
        return result(plan: plan, diagnostics: diagnostics)
    }

    /// Empties `tree` and drops `reader` on another thread: releasing tens of thousands of
    /// nodes and drafts is work the result does not wait for. `tree` must hold the last
    /// reference to its nodes.
    static func releaseInBackground(_ tree: UnsafeTransfer<Composed?>, _ reader: consuming PlanReader) {
        let finished = UnsafeTransfer<PlanReader?>(reader)
        DispatchQueue.global(qos: .utility).async {
            tree.wrappedValue = nil
            finished.wrappedValue = nil
        }
    }
}
