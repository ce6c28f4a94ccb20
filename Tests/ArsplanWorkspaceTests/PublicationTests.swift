import Arsplan
import ArsplanWorkspace
import Foundation
import Testing

/// What subscribers' clients see over a year of changes: after every export the feed is read
/// with python `icalendar` (an independent parser) and compared, per UID, with the export
/// before it.
@Suite("Publication state over a year of changes")
struct PublicationTests {
    static var pythonIsSet: Bool { !(ProcessInfo.processInfo.environment["ARSPLAN_PYTHON"] ?? "").isEmpty }

    /// One event as python icalendar reads it.
    struct Seen: Decodable, Equatable {
        var sequence: Int
        var lastModified: Double
        var dtstamp: Double
        /// DTSTART, DTEND, SUMMARY, DESCRIPTION, CATEGORIES, STATUS, LOCATION as icalendar writes them back.
        var visible: [String: String]
    }

    static let reader = """
        import sys, json, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        out = {}
        for ev in cal.walk('VEVENT'):
            uid = str(ev['UID'])
            if uid in out:
                raise SystemExit('duplicate UID ' + uid)
            visible = {}
            for key in ('DTSTART', 'DTEND', 'SUMMARY', 'DESCRIPTION', 'CATEGORIES', 'STATUS', 'LOCATION'):
                if key in ev:
                    visible[key] = ev[key].to_ical().decode('utf-8') if hasattr(ev[key], 'to_ical') else str(ev[key])
            out[uid] = {
                'sequence': int(ev.get('SEQUENCE', 0)),
                'lastModified': ev.decoded('LAST-MODIFIED').timestamp(),
                'dtstamp': ev.decoded('DTSTAMP').timestamp(),
                'visible': visible,
            }
        json.dump(out, sys.stdout)
        """

    static func read(_ file: String) throws -> [String: Seen] {
        let python = ProcessInfo.processInfo.environment["ARSPLAN_PYTHON"]!
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", reader, file]
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "python icalendar: \(String(decoding: message, as: UTF8.self))")
        return try JSONDecoder().decode([String: Seen].self, from: data)
    }

    /// Each event's bytes in `alla.ics`, by UID (split on our own CRLF lines, not parsed).
    static func eventBytes(_ text: String) -> [String: Substring] {
        var result: [String: Substring] = [:]
        for part in text.components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst() {
            let event = part[..<part.range(of: "END:VEVENT\r\n")!.upperBound]
            let uidLine = event.split(separator: "\r\n").first { $0.hasPrefix("UID:") }!
            result[String(uidLine.dropFirst(4))] = event
        }
        return result
    }

    @Test(.enabled(if: pythonIsSet, "ARSPLAN_PYTHON is not set (make test sets it): the feeds are not read by python icalendar"))
    func everyVisibleChangeReachesSubscribersAndNothingElseMoves() throws {
        let directory = try WorkspaceTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let planPath = directory.appendingPathComponent(WorkspaceTests.plan).path
        let calendarPath = directory.appendingPathComponent(WorkspaceTests.calendar).path
        let statePath = PublicationFile.defaultPath(forPlan: planPath)
        let out = directory.appendingPathComponent("ut").path
        let workspace = Workspace()
        func time(_ text: String) -> Timestamp { Timestamp(iso: text)! }
        func edit(_ path: String, _ old: String, _ new: String) throws {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try #require(text.contains(old), "\(old) not in \(path)")
            try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
        }

        var previous: [String: Seen] = [:]
        var previousBytes: [String: Substring] = [:]
        var everSeen: [String: Seen] = [:]
        /// Exports at `now` and checks every event against the export before; returns the UIDs
        /// whose visible content changed, those added and those removed.
        func export(at now: String, comment: String) throws -> (changed: Set<String>, added: Set<String>, removed: Set<String>) {
            let loaded = try workspace.load(planPath)
            #expect(!loaded.hasErrors, "\(comment): \(loaded.diagnostics.filter { $0.severity == .error })")
            _ = try workspace.export(loaded, to: out, at: time(now))
            let seen = try Self.read(out + "/alla.ics")
            let bytes = Self.eventBytes(try String(contentsOfFile: out + "/alla.ics", encoding: .utf8))
            #expect(Set(bytes.keys) == Set(seen.keys))
            let limit = Double(time(now).secondsSince1970)
            var changed: Set<String> = []
            for (uid, event) in seen {
                #expect(event.lastModified <= limit, "\(comment): \(uid) LAST-MODIFIED after the export")
                #expect(event.dtstamp <= limit, "\(comment): \(uid) DTSTAMP after the export")
                #expect(event.dtstamp == event.lastModified, "\(comment): \(uid)")
                // What a subscriber may still hold (also of an event removed and back again).
                if let held = everSeen[uid] {
                    #expect(event.sequence >= held.sequence, "\(comment): \(uid) SEQUENCE went back")
                    #expect(event.lastModified >= held.lastModified, "\(comment): \(uid) LAST-MODIFIED went back")
                    if event.visible != held.visible {
                        #expect(event.sequence > held.sequence, "\(comment): \(uid) changed without a new SEQUENCE")
                        #expect(event.lastModified > held.lastModified, "\(comment): \(uid) changed without a later LAST-MODIFIED")
                    }
                }
                if let before = previous[uid] {
                    if before.visible == event.visible {
                        #expect(bytes[uid] == previousBytes[uid], "\(comment): \(uid) unchanged but its bytes differ")
                    } else {
                        changed.insert(uid)
                    }
                }
                everSeen[uid] = event
            }
            let added = Set(seen.keys).subtracting(previous.keys)
            let removed = Set(previous.keys).subtracting(seen.keys)
            previous = seen
            previousBytes = bytes
            return (changed, added, removed)
        }

        // November 2026: first export, no state yet: every event is new, stamped now.
        let first = try export(at: "2026-11-20T10:00:00Z", comment: "first export")
        #expect(first.added.count == previous.count && !previous.isEmpty)
        #expect(previous.values.allSatisfy { $0.lastModified == Double(time("2026-11-20T10:00:00Z").secondsSince1970) })
        #expect(FileManager.default.fileExists(atPath: statePath))

        // A move recorded before the plan year: LAST-MODIFIED is the entry's time.
        let source = { try workspace.read(planPath) }
        _ = try workspace.record(
            .move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil), in: source(), by: "Anna",
            reason: "Ordföranden är bortrest", at: time("2026-11-30T09:00:00Z"))
        let moved = try export(at: "2026-12-01T08:00:00Z", comment: "move")
        #expect(moved.changed.contains("sf-2027-namnd-3@sf-2027"))
        #expect(previous["sf-2027-namnd-3@sf-2027"]?.lastModified == Double(time("2026-11-30T09:00:00Z").secondsSince1970))
        #expect(previous["sf-2027-namnd-3@sf-2027"]?.sequence == 1)

        // A hand edit of a date, then of a title: stamped with the export's clock.
        try edit(planPath, "    date: 2027-02-01\n    duration: 10d", "    date: 2027-02-08\n    duration: 10d")
        let dateEdit = try export(at: "2026-12-05T12:00:00Z", comment: "hand edit of a date")
        #expect(dateEdit.changed.contains("sf-2027-intranatenkat-1@sf-2027"))
        #expect(previous["sf-2027-intranatenkat-1@sf-2027"]?.lastModified == Double(time("2026-12-05T12:00:00Z").secondsSince1970))
        try edit(planPath, "title: Servicenämndens sammanträde\n", "title: Servicenämndens ordinarie sammanträde\n")
        let titleEdit = try export(at: "2026-12-08T12:00:00Z", comment: "hand edit of a title")
        #expect(titleEdit.changed.isSuperset(of: (1...11).map { "sf-2027-namnd-\($0)@sf-2027" }))
        #expect(previous["sf-2027-namnd-3@sf-2027"]?.sequence == 2)

        // Approval: nothing visible changes, so nothing moves and the state file is untouched.
        let stateBefore = try Data(contentsOf: URL(fileURLWithPath: statePath))
        _ = try workspace.approve(ref: "FL 2026-12-10 §4", in: source(), by: "Förvaltningsledningen", at: time("2026-12-10T13:00:00Z"))
        let approved = try export(at: "2026-12-11T08:00:00Z", comment: "approval")
        #expect(approved.changed.isEmpty && approved.added.isEmpty && approved.removed.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: statePath)) == stateBefore)

        // A cancel removes the event; the undo brings it back with a higher SEQUENCE.
        _ = try workspace.record(
            .cancel(activity: "namnd", occurrence: 5), in: source(), by: "Anna", reason: "Inställt", at: time("2027-01-10T09:00:00Z"))
        let cancelled = try export(at: "2027-01-11T08:00:00Z", comment: "cancel")
        // The meeting, and what is placed once for each meeting, leave the feeds.
        #expect(cancelled.removed.contains("sf-2027-namnd-5@sf-2027"))
        #expect(cancelled.removed.allSatisfy { $0.hasSuffix("-5@sf-2027") })
        _ = try workspace.record(.undo, in: source(), by: "Anna", reason: "Ångrat", at: time("2027-01-20T09:00:00Z"))
        let undone = try export(at: "2027-01-21T08:00:00Z", comment: "undo")
        #expect(undone.added == cancelled.removed)
        #expect(previous["sf-2027-namnd-5@sf-2027"]?.lastModified == Double(time("2027-01-20T09:00:00Z").secondsSince1970))

        // The council adds a meeting to the calendar the plan takes its dates from.
        try edit(
            calendarPath, "END:VCALENDAR",
            """
            BEGIN:VEVENT\r
            SUMMARY:Kommunfullmäktiges extra sammanträde\r
            DTSTART;TZID=Europe/Stockholm:20270510T160000\r
            DTEND;TZID=Europe/Stockholm:20270510T220000\r
            DTSTAMP:20270201T090000Z\r
            UID:kf-2027-05-10-extra@stockholm.example.se\r
            END:VEVENT\r
            END:VCALENDAR
            """)
        let imported = try export(at: "2027-02-02T08:00:00Z", comment: "meeting added to the dates-from calendar")
        #expect(!imported.changed.union(imported.added).filter { $0.hasPrefix("sf-2027-kf-") }.isEmpty)

        // Exported again with nothing changed: the same bytes, the state file untouched.
        let stateNow = try Data(contentsOf: URL(fileURLWithPath: statePath))
        let again = try export(at: "2027-02-03T08:00:00Z", comment: "nothing changed")
        #expect(again.changed.isEmpty && again.added.isEmpty && again.removed.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: statePath)) == stateNow)
    }

    // MARK: Without Python: the state itself

    @Test func theSameStateGivesTheSameBytesAndDeletingExportsLosesNothing() throws {
        let directory = try WorkspaceTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let planPath = directory.appendingPathComponent(WorkspaceTests.plan).path
        let workspace = Workspace()
        let out = directory.appendingPathComponent("ut").path
        _ = try workspace.export(try workspace.load(planPath), to: out, at: Timestamp(iso: "2026-11-20T10:00:00Z")!)
        let first = try Data(contentsOf: URL(fileURLWithPath: out + "/alla.ics"))
        try FileManager.default.removeItem(atPath: out)
        // Later, with the folder gone: the state beside the plan keeps every stamp.
        let summary = try workspace.export(try workspace.load(planPath), to: out, at: Timestamp(iso: "2026-12-20T10:00:00Z")!)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out + "/alla.ics")) == first)
        #expect(summary.preview.changes.isEmpty)
        #expect(!summary.stateWritten)
        #expect(String(decoding: first, as: UTF8.self).contains("LAST-MODIFIED:20261120T100000Z"))
        #expect(!String(decoding: first, as: UTF8.self).contains("LAST-MODIFIED:2027"))
    }

    @Test func theStateFileIsSortedOneEventPerLineAndReadBack() throws {
        let state = PublicationState(events: [
            "b-2": PublishedEvent(fingerprint: 0xff, sequence: 2, stamp: Timestamp(iso: "2026-12-01T10:00:00Z")!, start: "2027-03-01T09:00"),
            "a-1": PublishedEvent(
                fingerprint: 0x0123_4567_89ab_cdef, sequence: 0, stamp: Timestamp(iso: "2026-11-20T10:00:00Z")!, start: "2027-02-02", inFeeds: false),
            "c\"\n": PublishedEvent(
                fingerprint: 0x1111_1111_1111_1111, sequence: 1, stamp: Timestamp(iso: "2026-11-21T10:00:00Z")!, start: "2027-01-01"),
        ])
        let bytes = PublicationFile.encode(state, planID: "p")
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 9)
        #expect(lines[4].hasPrefix("    \"a-1\": {\"start\": \"2027-02-02\", \"sequence\": 0, \"stamp\": \"2026-11-20T10:00:00Z\""))
        #expect(lines[4].hasSuffix("\"inFeeds\": false},"))
        #expect(lines[5].hasPrefix("    \"b-2\""))
        #expect(lines[6].hasPrefix("    \"c\\\"\\n\""))
        #expect(try PublicationFile.decode(bytes) == state)
        #expect(PublicationFile.encode(try PublicationFile.decode(bytes), planID: "p") == bytes)
        #expect(throws: PublicationStateProblem.notAState(.notAnObject)) { try PublicationFile.decode(Array("<<<<<<< HEAD\n".utf8)) }
        let other = #"{"format": "arsplan-published-9", "plan": "p", "events": {}}"#
        #expect(throws: PublicationStateProblem.wrongFormat(found: "arsplan-published-9", expected: PublicationFile.format)) {
            try PublicationFile.decode(Array(other.utf8))
        }
        let negative =
            #"{"format": "arsplan-published-1", "plan": "p", "events": {"u": {"start": "2027-01-01", "sequence": -1, "stamp": "2026-11-20T10:00:00Z", "fingerprint": "0123456789abcdef"}}}"#
        #expect(throws: PublicationStateProblem.negativeSequence(uid: "u", sequence: -1)) { try PublicationFile.decode(Array(negative.utf8)) }
        // Without escapes the layout is read directly; the same file laid out by hand by JSONDecoder.
        var plain = state
        plain.events["c\"\n"] = nil
        let written = PublicationFile.encode(plain, planID: "p")
        #expect(try PublicationFile.decode(written) == plain)
        let byHand = String(decoding: written, as: UTF8.self).replacingOccurrences(of: "\n    ", with: "\n\t").replacingOccurrences(
            of: ": ", with: ":")
        #expect(try PublicationFile.decode(Array(byHand.utf8)) == plain)
        #expect(try PublicationFile.decode(PublicationFile.encode(PublicationState(), planID: "p")) == PublicationState())
    }

    @Test func aConflictedStateFileStopsTheExportAndWritesNothing() throws {
        let directory = try WorkspaceTests.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let planPath = directory.appendingPathComponent(WorkspaceTests.plan).path
        let statePath = PublicationFile.defaultPath(forPlan: planPath)
        try Data("<<<<<<< HEAD\n{}\n=======\n{}\n>>>>>>> other\n".utf8).write(to: URL(fileURLWithPath: statePath))
        let workspace = Workspace()
        let out = directory.appendingPathComponent("ut").path
        #expect {
            try workspace.export(try workspace.load(planPath), to: out, at: Timestamp(iso: "2026-11-20T10:00:00Z")!)
        } throws: { error in
            guard case ExportError.publicationState(let diagnostic) = error else { return false }
            return diagnostic.code == .publicationStateUnreadable && diagnostic.file == statePath
        }
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func stampsAndSequenceFollowTheRules() {
        let t = { (s: String) in Timestamp(iso: s)! }
        let published = PublishedEvent(fingerprint: 1, sequence: 3, stamp: t("2026-12-01T10:00:00Z"), start: "2027-01-05")
        // Unchanged: as published, even when the journal counts more.
        let same = PublishedEvent.next(
            after: published, fingerprint: 1, start: "2027-01-05", journalSequence: 5, journalModified: t("2026-12-02T10:00:00Z"),
            now: t("2026-12-03T10:00:00Z"))
        #expect(same.event == published && same.change == nil)
        // Changed by a journal entry after the publication: its time, one more SEQUENCE.
        let journal = PublishedEvent.next(
            after: published, fingerprint: 2, start: "2027-01-06", journalSequence: 1, journalModified: t("2026-12-02T10:00:00Z"),
            now: t("2026-12-03T10:00:00Z"))
        #expect(journal.event.stamp == t("2026-12-02T10:00:00Z") && journal.event.sequence == 4 && journal.change == .changed)
        // Changed by hand (the latest journal entry is older than the publication): now.
        let hand = PublishedEvent.next(
            after: published, fingerprint: 2, start: "2027-01-05", journalSequence: 1, journalModified: t("2026-11-02T10:00:00Z"),
            now: t("2026-12-03T10:00:00Z"))
        #expect(hand.event.stamp == t("2026-12-03T10:00:00Z") && hand.event.sequence == 4)
        // A journal entry in the export's future is not used; a clock gone backwards still moves forward.
        let future = PublishedEvent.next(
            after: published, fingerprint: 2, start: "2027-01-05", journalSequence: 9, journalModified: t("2027-01-01T00:00:00Z"),
            now: t("2026-12-03T10:00:00Z"))
        #expect(future.event.stamp == t("2026-12-03T10:00:00Z") && future.event.sequence == 9)
        let backwards = PublishedEvent.next(
            after: published, fingerprint: 2, start: "2027-01-05", journalSequence: 0, journalModified: nil, now: t("2026-11-01T00:00:00Z"))
        #expect(backwards.event.stamp == t("2026-12-01T10:00:01Z"))
        // Back in the feeds after a removal: new to subscribers, SEQUENCE still goes up.
        var gone = published
        gone.inFeeds = false
        let back = PublishedEvent.next(
            after: gone, fingerprint: 1, start: "2027-01-05", journalSequence: 0, journalModified: nil, now: t("2026-12-03T10:00:00Z"))
        #expect(back.change == .added && back.event.sequence == 4 && back.event.inFeeds)
        // Never published: the journal's count, stamped now.
        let new = PublishedEvent.next(
            after: nil, fingerprint: 1, start: "2027-01-05", journalSequence: 2, journalModified: t("2026-11-02T10:00:00Z"),
            now: t("2026-12-03T10:00:00Z"))
        #expect(new.event.sequence == 2 && new.event.stamp == t("2026-12-03T10:00:00Z") && new.change == .added)
    }
}
