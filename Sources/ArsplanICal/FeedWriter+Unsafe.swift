// The feed set's pointer hand-out, kept in a file whose name says so.

extension FeedSet {
    /// Hands `feeds[index]` to `body` as its pieces in order — the calendar head, each event,
    /// the end — without assembling it, so that a large export holds each event's bytes once
    /// and can write them with one `writev` per batch. The pointers are valid inside `body` only.
    public func withPieces<R>(ofFeedAt index: Int, _ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        try heads[index].withUnsafeBytes { head in
            try events.withUnsafeBytes { all in
                try Self.tail.withUnsafeBytes { tail in
                    var pieces: [UnsafeRawBufferPointer] = [head]
                    pieces.reserveCapacity(feeds[index].occurrenceIndices.count + 2)
                    for occurrence in feeds[index].occurrenceIndices {
                        if let range = eventRanges[occurrence] { pieces.append(UnsafeRawBufferPointer(rebasing: all[range])) }
                    }
                    pieces.append(tail)
                    return try body(pieces)
                }
            }
        }
    }
}
