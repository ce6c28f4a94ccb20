import Dispatch

/// "Do this on two cores when the input is at least this big": the package's one helper
/// for splitting work between this thread and one other.
///
/// Every caller names its threshold, the reason the split pays, and the measured gain in a
/// comment where it calls; tests pass a threshold of 0 and `Int.max` to force both paths
/// and compare the outputs byte for byte.
package enum TwoCores {
    /// `first` on this thread and `second` on another when `size >= threshold`; otherwise
    /// both on this thread, `first` then `second`. Either way the results come back as a
    /// pair, and the caller cannot tell the two paths apart but by the time taken.
    ///
    /// `second` must not touch what `first` touches (it is `@Sendable` for that reason);
    /// its result is handed back through ``UnsafeTransfer`` after the other thread is done.
    package static func run<First, Second>(
        size: Int, threshold: Int,
        _ first: () -> First,
        _ second: @escaping @Sendable () -> Second
    ) -> (First, Second) {
        guard size >= threshold else { return (first(), second()) }
        let group = DispatchGroup()
        let result = UnsafeTransfer<Second?>(nil)
        DispatchQueue.global(qos: .userInitiated).async(group: group) {
            result.wrappedValue = second()
        }
        let firstResult = first()
        group.wait()
        return (firstResult, result.wrappedValue!)
    }
}
