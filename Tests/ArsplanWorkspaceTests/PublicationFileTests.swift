import Arsplan
import Foundation
import Testing

@testable import ArsplanWorkspace

/// The state file written byte by byte (``PublicationFile/encode(_:planID:)``) is exactly what
/// the plain `String` way writes, for UIDs and starts that need escaping or sort differently by
/// bytes than by Swift's `<` (a decomposed `é`, `e` and U+0301, which Swift orders after `z`),
/// and reads back.
@Suite("Publication state file")
struct PublicationFileTests {
    @Test func theFileWrittenByteByByteIsThePlainOne() throws {
        let uids = [
            "sf-2027-a-1", "sf-2027-a-10", "sf-2027-a-2", "sf-2027-ä-1", "sf-2027-e\u{301}-1", "sf-2027-f-1",
            "sf-2027-z-1", "citat\"tecken", "bak\\snedstreck", "tab\there", "rad\nbrytning", "ctrl\u{01}", "del\u{7F}", "sep\u{2028}x",
            "para\u{2029}y", "emoji-😀", "", "ett-uid-som-är-längre-än-de-flesta-och-har-åäö-ÅÄÖ-i-sig",
        ]
        var events: [String: PublishedEvent] = [:]
        let stamps = [Timestamp(iso: "2026-11-20T10:00:00Z")!, Timestamp(iso: "2027-03-01T09:05:07Z")!]
        for (n, uid) in uids.enumerated() {
            events[uid] = PublishedEvent(
                fingerprint: n == 0 ? 0 : n == 1 ? .max : UInt64(n) &* 0x9E37_79B9_7F4A_7C15, sequence: [0, 7, 1_234_567][n % 3],
                stamp: stamps[n % 5 == 0 ? 1 : 0], start: n % 4 == 0 ? "2027-03-25T09:00" : n % 4 == 1 ? "2027-03-25" : "\"\u{2028}\\",
                inFeeds: n % 6 != 0)
        }
        for state in [PublicationState(), PublicationState(events: events)] {
            for planID in ["sf-2027", "plan \"med\" citat\n"] {
                let bytes = PublicationFile.encode(state, planID: planID)
                #expect(bytes == PublicationFile.encodeSlowly(state, planID: planID))
                #expect(try PublicationFile.decode(bytes) == state)
            }
        }
        // Byte order: the decomposed é (65 CC 81) before f, ä (C3 A4) after z.
        let bytes = PublicationFile.encode(PublicationState(events: events), planID: "sf-2027")
        let order = try ["sf-2027-e\u{301}-1", "sf-2027-f-1", "sf-2027-z-1", "sf-2027-ä-1"].map { uid in
            let needle = Array("\"\(uid)\": ".utf8)
            return try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle })
        }
        #expect(order == order.sorted())
        #expect(Set(order).count == order.count)
    }

    /// A state read from a file is written again in the file's order without sorting
    /// (``PublicationState/fileOrder``), and only when that order is sorted and holds exactly
    /// its UIDs: the same bytes as sorting, whatever the order says.
    @Test func theFileOrderGivesTheSortedFile() throws {
        var events: [String: PublishedEvent] = [:]
        for n in 0..<300 {
            events["sf-2027-a\(n % 17)-\(n)\(n % 5 == 0 ? "é" : "")"] = PublishedEvent(
                fingerprint: UInt64(n) &* 0x9E37_79B9_7F4A_7C15, sequence: n % 4, stamp: Timestamp(secondsSince1970: 1_795_000_000 + n % 3),
                start: "2027-03-25", inFeeds: n % 7 != 0)
        }
        let sorted = PublicationFile.encode(PublicationState(events: events), planID: "sf-2027")
        #expect(sorted == PublicationFile.encodeSlowly(PublicationState(events: events), planID: "sf-2027"))
        let read = try PublicationFile.decode(sorted)
        #expect(read.fileOrder?.count == events.count)
        #expect(PublicationFile.encode(read, planID: "sf-2027") == sorted)
        #expect(PublicationFile.encode(read, planID: "sf-2027", inFileOrder: false) == sorted)

        // An order that is not sorted, misses a UID, repeats one or names one not in the state.
        let order = try #require(read.fileOrder)
        var changed = events
        changed["sf-2027-ny"] = events.values.first
        let extra = order + ["sf-2027-zz"]
        for (state, order) in [
            (events, Array(order.reversed())), (events, Array(order.dropLast()) + [order[0]]), (events, Array(order.dropFirst()) + ["sf-2027-zz"]),
            (changed, order), (events, extra),
        ] {
            let state = PublicationState(events: state, fileOrder: order)
            #expect(PublicationFile.encode(state, planID: "sf-2027") == PublicationFile.encodeSlowly(state, planID: "sf-2027"))
        }
    }
}
