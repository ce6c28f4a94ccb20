/// What subscribers were last given of one event: the fingerprint of what they see, its
/// SEQUENCE and its stamp (DTSTAMP and LAST-MODIFIED). Kept per UID in the plan's publication
/// state, so every visible change — from the journal, a hand edit or an imported calendar —
/// reaches every client, and unchanged events keep their bytes.
public struct PublishedEvent: Hashable, Sendable {
    /// ``ContentFingerprint`` of the event's visible content (16 hex digits in the file).
    public var fingerprint: UInt64
    public var sequence: Int
    /// DTSTAMP and LAST-MODIFIED: when the content was changed or first published.
    public var stamp: Timestamp
    /// When it starts, as text (`2027-03-25` or `2027-03-25T09:00`): for people reading the
    /// file and for `export --dry-run`.
    public var start: String
    /// False once the event has left the feeds (cancelled, or removed from the plan); kept so
    /// that an event coming back never goes backwards.
    public var inFeeds: Bool

    public init(fingerprint: UInt64, sequence: Int, stamp: Timestamp, start: String, inFeeds: Bool = true) {
        self.fingerprint = fingerprint
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.inFeeds = inFeeds
    }
}

/// What a plan's feeds have published, per occurrence UID (without `@domain`).
public struct PublicationState: Hashable, Sendable {
    public var events: [String: PublishedEvent]
    /// The UIDs in the order the state file listed them, when the state was read from one
    /// and its keys have not changed since: the file lists them sorted, so the next one can
    /// be written in this order without sorting again (the writer checks that it is sorted
    /// and holds exactly the keys of `events`). Not part of the value: equal states with and
    /// without it are equal.
    package var fileOrder: [String]?

    public init(events: [String: PublishedEvent] = [:]) { self.events = events }

    package init(events: [String: PublishedEvent], fileOrder: [String]?) {
        self.events = events
        self.fileOrder = fileOrder
    }

    public static func == (a: PublicationState, b: PublicationState) -> Bool { a.events == b.events }

    public func hash(into hasher: inout Hasher) { hasher.combine(events) }
}

/// How one event changes for subscribers in an export.
public enum PublicationChangeKind: String, Hashable, Sendable {
    /// New in the feeds (or back after being removed).
    case added
    /// In the feeds before, with different visible content.
    case changed
    /// In the feeds before, not now.
    case removed
}

/// One event that changes for subscribers.
public struct PublicationChange: Hashable, Sendable {
    public var uid: String
    public var kind: PublicationChangeKind
    /// What was published before (nil for an event never published).
    public var before: PublishedEvent?
    /// What is published now (nil for a removed event).
    public var after: PublishedEvent?

    public init(uid: String, kind: PublicationChangeKind, before: PublishedEvent?, after: PublishedEvent?) {
        self.uid = uid
        self.kind = kind
        self.before = before
        self.after = after
    }
}

extension PublishedEvent {
    /// What to publish for an event whose visible content has `fingerprint`, given what was
    /// published before (`previous`), the journal's count of changes to it (`journalSequence`)
    /// and the time of the latest journal entry that changed it (`journalModified`), at the
    /// export's clock `now`. Pure; the rules:
    ///
    /// * Same content as published: the same SEQUENCE and stamp (the same bytes).
    /// * Changed, or back in the feeds: SEQUENCE one more than published (at least the
    ///   journal's count); stamp the journal entry's time when that entry came after the last
    ///   publication and is not later than `now` (the change came from the journal), else
    ///   `now` (a hand edit or a changed `dates-from` calendar, first published now). A stamp
    ///   always comes after the one published, even when the clock went backwards.
    /// * Never published (new, or no state yet): the journal's count, stamped `now`.
    ///
    /// `start` is only worked out for an event that changes: an unchanged one is `previous`
    /// as it is (the same fingerprint, so the same DTSTART). Formatting it for each of the
    /// bench plan's 100,000 unchanged events cost 0.36 G instructions (callgrind, 7 Dec 2026).
    public static func next(
        after previous: PublishedEvent?, fingerprint: UInt64, start: @autoclosure () -> String, journalSequence: Int,
        journalModified: Timestamp?, now: Timestamp
    ) -> (event: PublishedEvent, change: PublicationChangeKind?) {
        guard let previous else {
            return (PublishedEvent(fingerprint: fingerprint, sequence: max(0, journalSequence), stamp: now, start: start()), .added)
        }
        if previous.inFeeds && previous.fingerprint == fingerprint { return (previous, nil) }
        var stamp = now
        if let journalModified, journalModified > previous.stamp, journalModified <= now { stamp = journalModified }
        if stamp <= previous.stamp { stamp = Timestamp(secondsSince1970: previous.stamp.secondsSince1970 + 1) }
        let event = PublishedEvent(
            fingerprint: fingerprint, sequence: max(previous.sequence + 1, journalSequence), stamp: stamp, start: start())
        return (event, previous.inFeeds ? .changed : .added)
    }
}

/// A 64-bit FNV-1a hash of an event's visible content: the same content gives the same
/// fingerprint on every machine and in every run (unlike Swift's seeded `Hasher`).
public struct ContentFingerprint: Sendable {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: $0) }
        add(byte: 0xFF)  // never in UTF-8: separates one text from the next
    }

    public mutating func add(_ number: Int) {
        var value = UInt64(bitPattern: Int64(number))
        for _ in 0..<8 {
            add(byte: UInt8(truncatingIfNeeded: value))
            value >>= 8
        }
    }

    public mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
        var h = state
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= 0x0000_0100_0000_01B3
        }
        state = h
    }

    public mutating func add(byte: UInt8) {
        state ^= UInt64(byte)
        state &*= 0x0000_0100_0000_01B3
    }

    public var value: UInt64 { state }

    /// 16 lower-case hex digits.
    public var hex: String {
        let digits = Array("0123456789abcdef".utf8)
        var bytes = [UInt8](repeating: 0, count: 16)
        var v = state
        for i in stride(from: 15, through: 0, by: -1) {
            bytes[i] = digits[Int(v & 0xF)]
            v >>= 4
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
