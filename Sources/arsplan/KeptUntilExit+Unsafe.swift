/// What a command keeps until the process exits instead of taking it apart when `run()`
/// returns: the loaded plan, its replay and schedule, the publication state. Taking them apart
/// is freeing every array, string and dictionary one by one just before the process ends and
/// the system takes all its memory back at once — LLVM's `BuryPointer` and clang's
/// `-disable-free` skip the same work for the same reason.
///
/// 20,000-activity bench plan with its 1,000-entry journal (callgrind, main thread):
/// `validate` spent 131 M of 2,706 M instructions on it; the 100,000-occurrence `export`,
/// 191 M of 3,799 M. Only the executable does this: the libraries, the tests and the server
/// free what they use.
enum KeptUntilExit {
    /// Keeps `value` (a copy: everything it refers to) alive until the process exits.
    static func keep<Value>(_ value: Value) {
        // One retain that is never released: nothing `value` refers to is freed before exit.
        _ = Unmanaged.passRetained(Box(value))
    }

    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }
}
