import Arsplan

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

    /// Adds every feed — its file name and bytes, in order — to `digest`: the events' bytes
    /// once, then for each feed its name, head and which events it holds (where they lie in
    /// the events' bytes). That determines every feed's bytes exactly, for the cost of
    /// digesting `alla.ics` about once instead of every feed it is repeated in.
    public func addFeeds(to digest: inout OutputDigest) {
        events.withUnsafeBytes { digest.add(bytes: $0) }
        Self.tail.withUnsafeBytes { digest.add(bytes: $0) }
        for (index, feed) in feeds.enumerated() {
            digest.add(feed.fileName)
            heads[index].withUnsafeBytes { digest.add(bytes: $0) }
            digest.add(feed.occurrenceIndices.count)
            for occurrence in feed.occurrenceIndices {
                if let range = eventRanges[occurrence] {
                    digest.add(range.lowerBound)
                    digest.add(range.upperBound)
                } else {
                    digest.add(-1)
                }
            }
        }
    }

    /// The size in bytes of `feeds[index]` as ``withPieces(ofFeedAt:_:)`` hands it out.
    public func byteCount(ofFeedAt index: Int) -> Int {
        var count = heads[index].count + Self.tail.count
        for occurrence in feeds[index].occurrenceIndices {
            if let range = eventRanges[occurrence] { count += range.count }
        }
        return count
    }
}
