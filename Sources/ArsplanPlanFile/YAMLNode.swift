import Arsplan

/// A composed YAML node as the plan-file reader needs it: the text of every scalar as
/// written (no tag resolution: to YAML 1.1 an unquoted `2027-01-27` is a timestamp and
/// `17:00` a sexagesimal integer, and the reader wants the text) and where it stands.
/// Aliases are resolved to the node their anchor names.
enum Node: Sendable {
    case scalar(Scalar)
    case mapping(Mapping)
    case sequence(Sequence)

    /// A scalar: its text, whether it was written plain (not quoted, not a `|`/`>` block:
    /// only a plain empty value, `~` or `null` is empty) and where it starts.
    struct Scalar: Sendable {
        var string: String
        var isPlain: Bool
        var mark: Mark
    }

    /// A mapping: its pairs in the order written. Repeated keys are kept here; the composer
    /// lists them apart (``Composed/duplicates``) so that the reader reports them.
    struct Mapping: RandomAccessCollection, Sendable {
        /// Keys and values alternating (one array per mapping, not one per pair).
        fileprivate(set) var keysAndValues: [Node]
        var mark: Mark

        init(keysAndValues: [Node], mark: Mark) {
            precondition(keysAndValues.count % 2 == 0, "a mapping has a value for every key")
            self.keysAndValues = keysAndValues
            self.mark = mark
        }

        var startIndex: Int { 0 }
        var endIndex: Int { keysAndValues.count / 2 }
        subscript(position: Int) -> (key: Node, value: Node) {
            (keysAndValues[2 * position], keysAndValues[2 * position + 1])
        }

        /// The value of the first `key` (compared as written).
        func value(forKey key: String) -> Node? {
            var i = 0
            while i < keysAndValues.count {
                if case .scalar(let scalar) = keysAndValues[i], scalar.string == key { return keysAndValues[i + 1] }
                i += 2
            }
            return nil
        }
    }

    /// A sequence: its items in order.
    struct Sequence: RandomAccessCollection, Sendable {
        var items: [Node]
        var mark: Mark

        var startIndex: Int { items.startIndex }
        var endIndex: Int { items.endIndex }
        subscript(position: Int) -> Node { items[position] }
    }

    /// A 1-based line and column (libyaml counts one column per code point).
    struct Mark: Hashable, Sendable {
        var line: Int32
        var column: Int32

        init(line: Int, column: Int) {
            self.line = Int32(clamping: line)
            self.column = Int32(clamping: column)
        }

        var location: SourceLocation { SourceLocation(line: Int(line), column: Int(column)) }
    }

    var mark: Mark {
        switch self {
        case .scalar(let scalar): scalar.mark
        case .mapping(let mapping): mapping.mark
        case .sequence(let sequence): sequence.mark
        }
    }

    var scalar: Scalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    var mapping: Mapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }
}
