/// The package's one way to hand a value that is not `Sendable` to another thread.
///
/// Whoever wraps a value promises what the compiler cannot check: the threads that share
/// the box never touch the value at the same time (one writes before a dispatch group is
/// left or `concurrentPerform` returns, the other reads after waiting for it), or they only
/// read it. Every `@unchecked Sendable` of the package is this one (see
/// hummingbird's `UnsafeTransfer`); search for `UnsafeTransfer` to find every hand-over.
package final class UnsafeTransfer<Wrapped>: @unchecked Sendable {
    package var wrappedValue: Wrapped

    package init(_ wrappedValue: Wrapped) {
        self.wrappedValue = wrappedValue
    }
}
