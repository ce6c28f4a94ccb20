import Arsplan
import Foundation
import Testing

@testable import ArsplanICal

@Suite("Feed writer")
struct FeedWriterTests {
    let feeds: FeedSet
    let all: [String]

    init() throws {
        feeds = try FeedWriter().write(TestSchedule.schedule)
        all = ICS.contentLines(feeds.bytes(named: "alla.ics")!)
    }

    func event(_ uidPrefix: String, in lines: [String]? = nil) -> [String]? {
        ICS.events(lines ?? all).first { $0.contains("UID:\(uidPrefix)@sf-test") }
    }

    @Test func everyDeclaredGroupGetsAFeedInAFixedOrder() {
        #expect(
            feeds.feeds.map(\.fileName) == [
                "alla.ics",
                "malgrupp-medarbetare.ics", "malgrupp-kunder.ics", "malgrupp-ledning.ics", "malgrupp-tom.ics",
                "agare-anna.ics", "agare-goran.ics", "agare-ledig.ics",
                "kanal-intranat.ics", "kanal-mote.ics", "kanal-tryck.ics",
                "enhet-kc.ics", "enhet-it.ics",
            ])
        let counts = Dictionary(uniqueKeysWithValues: feeds.feeds.map { ($0.fileName, $0.occurrenceIndices.count) })
        #expect(counts["alla.ics"] == 13)  // 14 occurrences, one cancelled
        #expect(counts["malgrupp-tom.ics"] == 0)
        #expect(counts["agare-ledig.ics"] == 0)
        #expect(counts["malgrupp-ledning.ics"] == 2)
        #expect(counts["enhet-kc.ics"] == 2)
    }

    @Test(arguments: [false, true]) func bytesAreCRLFFoldedAt75OctetsAndNeverSplitACharacter(keepCancelled: Bool) throws {
        let feeds = try FeedWriter(options: FeedOptions(keepCancelled: keepCancelled)).write(TestSchedule.schedule)
        var folded = 0
        for (name, bytes) in feeds.files {
            let lines = ICS.physicalLines(bytes)
            #expect(lines.first == Array("BEGIN:VCALENDAR".utf8), "\(name)")
            #expect(lines.last == Array("END:VCALENDAR".utf8), "\(name)")
            for (number, line) in lines.enumerated() {
                #expect(line.count <= 75, "\(name) line \(number + 1) has \(line.count) octets")
                // Each physical line must be valid UTF-8 on its own: a fold never cuts a character.
                #expect(String(validating: line, as: UTF8.self) != nil, "\(name) line \(number + 1) splits a character")
                if line.first == 0x20 { folded += 1 }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("freeassociation"), "\(name)")
            #expect(!text.contains("X-LIC-"), "\(name)")
            let content = ICS.contentLines(bytes)
            #expect(content.filter { $0 == "BEGIN:VEVENT" }.count == content.filter { $0 == "END:VEVENT" }.count)
            #expect(content.filter { $0 == "BEGIN:VTIMEZONE" }.count == 1, "\(name): one VTIMEZONE")
            let uids = ICS.values("UID", in: content)
            #expect(Set(uids).count == uids.count, "\(name): duplicate UIDs")
        }
        #expect(folded > 0, "the long title and descriptions must fold")
        // The long title folds inside multi-byte text and comes back whole.
        let summary = ICS.values("SUMMARY", in: ICS.contentLines(feeds.bytes(at: 0))).map(ICS.unescape)
        #expect(summary.contains(TestSchedule.longTitle))
    }

    @Test func sameInputGivesTheSameBytes() throws {
        let again = try FeedWriter().write(TestSchedule.schedule)
        #expect(again.files.map(\.name) == feeds.files.map(\.name))
        for (a, b) in zip(again.files, feeds.files) { #expect(a.bytes == b.bytes, "\(a.name)") }
    }

    @Test func calendarCarriesNamesRefreshAndMethod() throws {
        let lines = ICS.contentLines(feeds.bytes(named: "malgrupp-medarbetare.ics")!)
        let head = Array(lines.prefix { $0 != "BEGIN:VTIMEZONE" })
        #expect(head.contains("VERSION:2.0"))
        #expect(head.contains("CALSCALE:GREGORIAN"))
        #expect(head.contains("METHOD:PUBLISH"))
        #expect(ICS.values("PRODID", in: head) == ["-//arsplan//arsplan//SV"])
        let name = "Kommunikationsplan Serviceförvaltningen 2027 – målgrupp Medarbetare"
        #expect(ICS.values("NAME", in: head) == [name])
        #expect(ICS.values("X-WR-CALNAME", in: head) == [name])
        #expect(ICS.values("X-WR-TIMEZONE", in: head) == ["Europe/Stockholm"])
        #expect(head.contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H"))
        #expect(head.contains("X-PUBLISHED-TTL:PT12H"))
        let description = ICS.values("DESCRIPTION", in: head).map(ICS.unescape)
        #expect(description == [name + ". Aktiviteter för målgruppen Medarbetare. Kalendern följer planen och uppdateras när den ändras."])
        #expect(ICS.values("X-WR-CALDESC", in: head) == description)
    }

    @Test func commaAndSemicolonInANameSurvive() throws {
        let lines = ICS.contentLines(feeds.bytes(named: "malgrupp-ledning.ics")!)
        let expected = "Kommunikationsplan Serviceförvaltningen 2027 – målgrupp Chefer, ledning; alla"
        // NAME is TEXT, escaped by libical; X-WR-CALNAME is escaped the same way by arsplan
        // (libical 3.0.16 does not escape X-properties; vobject and Radicale cut at a raw comma).
        let escaped = "Kommunikationsplan Serviceförvaltningen 2027 – målgrupp Chefer\\, ledning\\; alla"
        #expect(ICS.values("NAME", in: lines) == [escaped])
        #expect(ICS.values("NAME", in: lines).map(ICS.unescape) == [expected])
        #expect(ICS.values("X-WR-CALNAME", in: lines) == [escaped])
    }

    @Test func timedEventsUseThePlainTZIDAndOneMinimalVTimezone() throws {
        let namnd = try #require(event("sf-test-namnd-1"))
        #expect(namnd.contains("DTSTART;TZID=Europe/Stockholm:20270120T170000"))
        #expect(namnd.contains("DTEND;TZID=Europe/Stockholm:20270120T190000"))
        let fest = try #require(event("sf-test-fest-1"))
        #expect(fest.contains("DTSTART;TZID=Europe/Stockholm:20270910T223000"))
        #expect(fest.contains("DTEND;TZID=Europe/Stockholm:20270911T013000"))

        let zone = Array(all.drop { $0 != "BEGIN:VTIMEZONE" }.prefix { $0 != "END:VTIMEZONE" })
        #expect(zone.contains("TZID:Europe/Stockholm"))
        #expect(zone.filter { $0.hasPrefix("RRULE:") }.count == 2)
        #expect(zone.filter { $0.hasPrefix("RDATE") }.isEmpty)
        #expect(!zone.contains { $0.contains("+0112") || $0.contains("1879") }, "no local-mean-time history")
        #expect(zone.contains("BEGIN:DAYLIGHT") && zone.contains("BEGIN:STANDARD"))
    }

    @Test func allDayEventsAreDatesWithAnExclusiveEnd() throws {
        let nyar = try #require(event("sf-test-nyar-1"))
        #expect(nyar.contains("DTSTART;VALUE=DATE:20271231"))
        #expect(nyar.contains("DTEND;VALUE=DATE:20280101"))
        let enkat = try #require(event("sf-test-enkat-1"))
        #expect(enkat.contains("DTSTART;VALUE=DATE:20270913"))
        #expect(enkat.contains("DTEND;VALUE=DATE:20271002"))
    }

    @Test func everyEventHasUidStampSequenceAndText() throws {
        for lines in ICS.events(all) {
            #expect(ICS.values("UID", in: lines).count == 1)
            #expect(ICS.values("DTSTAMP", in: lines).count == 1)
            #expect(ICS.values("LAST-MODIFIED", in: lines).count == 1)
            #expect(ICS.values("SEQUENCE", in: lines).count == 1)
            #expect(ICS.values("SUMMARY", in: lines).count == 1)
            #expect(ICS.values("DESCRIPTION", in: lines).count == 1)
            #expect(lines.contains("TRANSP:TRANSPARENT"))
        }
        let namnd = try #require(event("sf-test-namnd-1"))
        // No journal: the plan's stamp, midnight UTC on 1 January of the plan year.
        #expect(namnd.contains("DTSTAMP:20270101T000000Z"))
        #expect(namnd.contains("LAST-MODIFIED:20270101T000000Z"))
        #expect(namnd.contains("SEQUENCE:0"))
        // A comma inside a value is escaped; the one between values is not.
        #expect(namnd.contains("CATEGORIES:nämndmöte,Möte\\, APT"))
        let temadag = try #require(event("sf-test-temadag-1"))
        #expect(temadag.contains("DTSTAMP:20270210T083000Z"))
        #expect(temadag.contains("LAST-MODIFIED:20270210T083000Z"))
        #expect(temadag.contains("SEQUENCE:3"))
        #expect(ICS.values("SUMMARY", in: temadag) == ["Temadag: våren är här – åäö ÅÄÖ"])
        let prel = try #require(event("sf-test-prel-1"))
        #expect(prel.contains("STATUS:TENTATIVE"))
        #expect(!namnd.contains { $0.hasPrefix("STATUS") })
    }

    @Test func descriptionSaysWhoForWhomAndWhyInSwedish() throws {
        let protokoll = try #require(event("sf-test-protokoll-2"))
        let text = ICS.unescape(ICS.values("DESCRIPTION", in: protokoll)[0])
        #expect(
            text == """
                Ansvarig: Anna Berg (anna.berg@example.se)
                Målgrupper: Medarbetare, Kunder och beställare
                Kanal: Intranät
                Verksamhetsområde: Kontaktcenter Stockholm
                Mål: Kommunikationen är aktiv, tillgänglig och trovärdig
                Protokollet läggs ut på intranätet.
                2 arbetsdagar efter Servicenämndens sammanträde
                """)
        let inject = try #require(event("sf-test-inject-1"))
        #expect(ICS.unescape(ICS.values("DESCRIPTION", in: inject)[0]).contains("Återkommer varje månad, första tisdagen, utom i juli"))
        #expect(!ICS.unescape(ICS.values("DESCRIPTION", in: inject)[0]).contains("\n\n"))
    }

    @Test func planTextCannotInjectStructure() throws {
        let feeds = try FeedWriter().write(TestSchedule.schedule)
        for (name, bytes) in feeds.files {
            let lines = ICS.contentLines(bytes)
            #expect(!lines.contains { $0.hasPrefix("UID:evil") }, "\(name)")
            #expect(!lines.contains("BEGIN:VALARM"), "\(name)")
            #expect(lines.filter { $0 == "END:VEVENT" }.count == feeds.feeds.first { $0.fileName == name }!.occurrenceIndices.count)
        }
        let inject = try #require(event("sf-test-inject-1"))
        #expect(ICS.values("SUMMARY", in: inject) == ["Nyhetsbrev END:VEVENT BEGIN:VEVENT UID:evil@example.com SUMMARY:pwned"])
        let description = ICS.unescape(ICS.values("DESCRIPTION", in: inject)[0])
        #expect(description.contains("Rad ett\nEND:VEVENT\nBEGIN:VALARM\nTRIGGER:-PT5Mslut; med, tecken \\ här"))
    }

    @Test func cancelledOccurrencesLeaveTheFeedsUnlessKept() throws {
        #expect(event("sf-test-installt-1") == nil)
        let kept = try FeedWriter(options: FeedOptions(keepCancelled: true)).write(TestSchedule.schedule)
        let lines = ICS.contentLines(kept.bytes(named: "alla.ics")!)
        let cancelled = try #require(event("sf-test-installt-1", in: lines))
        #expect(cancelled.contains("STATUS:CANCELLED"))
        #expect(ICS.values("SUMMARY", in: cancelled) == ["INSTÄLLT: Öppet hus"])
        #expect(cancelled.contains("SEQUENCE:1"))
        #expect(kept.feeds[0].occurrenceIndices.count == 14)
    }

    @Test func uidsAreStableWhenAnOccurrenceMoves() throws {
        var moved = TestSchedule.schedule
        let index = moved.occurrences.firstIndex { $0.uid == "sf-test-namnd-2" }!
        moved.occurrences[index].timing = .timed(start: TestSchedule.at(6, 23, 17), end: TestSchedule.at(6, 23, 19))
        moved.occurrences[index].sequence = 1
        moved.occurrences[index].lastModified = TestSchedule.revised
        let lines = ICS.contentLines(try FeedWriter().write(moved).bytes(at: 0))
        let movedEvent = try #require(event("sf-test-namnd-2", in: lines))
        #expect(movedEvent.contains("DTSTART;TZID=Europe/Stockholm:20270623T170000"))
        #expect(movedEvent.contains("SEQUENCE:1"))
        #expect(movedEvent.contains("LAST-MODIFIED:20270210T083000Z"))
        #expect(ICS.values("UID", in: lines).sorted() == ICS.values("UID", in: all).sorted())
    }

    @Test func uidDomainAndBaseNameCanBeChosen() throws {
        let options = FeedOptions(uidDomain: "intranat.example.se", refreshInterval: .seconds(3600), baseName: "Årsplan")
        let lines = ICS.contentLines(try FeedWriter(options: options).write(TestSchedule.schedule).bytes(at: 1))
        #expect(ICS.values("UID", in: lines).allSatisfy { $0.hasSuffix("@intranat.example.se") })
        #expect(ICS.values("NAME", in: lines) == ["Årsplan – målgrupp Medarbetare"])
        #expect(lines.contains("REFRESH-INTERVAL;VALUE=DURATION:PT1H"))
        #expect(lines.contains("X-PUBLISHED-TTL:PT1H"))
    }

    @Test func emptyFeedIsAValidCalendar() throws {
        let lines = ICS.contentLines(feeds.bytes(named: "malgrupp-tom.ics")!)
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(!lines.contains("BEGIN:VEVENT"))
        #expect(lines.contains("BEGIN:VTIMEZONE"))
    }

    @Test func anUnknownZoneIsATypedError() {
        var schedule = TestSchedule.schedule
        schedule.plan.timezone = "Europe/Atlantis"
        #expect(throws: ICalError.unknownTimeZone("Europe/Atlantis")) { try FeedWriter().write(schedule) }
        schedule.plan.timezone = ""
        #expect(throws: ICalError.unknownTimeZone("")) { try FeedWriter().write(schedule) }
    }

    @Test func anotherZoneGetsItsOwnDefinition() throws {
        var schedule = TestSchedule.schedule
        schedule.plan.timezone = "America/New_York"
        let lines = ICS.contentLines(try FeedWriter().write(schedule).bytes(at: 0))
        #expect(lines.contains("TZID:America/New_York"))
        #expect(lines.contains("DTSTART;TZID=America/New_York:20270120T170000"))
    }
}

/// Each feed read back by independent parsers (python `icalendar` and the strict `ical`,
/// through check_ics.py) and by khal, as a subscriber would.
@Suite("Feeds read by other programs")
struct ExternalParserTests {
    /// Text with every character RFC 5545 escapes, in a title, an owner, a channel (CATEGORIES)
    /// and the plan's title (NAME, X-WR-CALNAME, X-WR-CALDESC): python icalendar reads each back as written.
    @Test(.enabled(if: pythonIsSet, pythonSkipMessage))
    func escapedTextRoundTripsThroughPythonIcalendar() throws {
        guard let python = pythonForChecks() else { return }
        let hard = "Möte, del 1; \\ alla"
        let plan = Plan(
            id: "esc", title: "Plan, år; \\ 2027", year: 2027, owners: [Owner(id: "o", name: "Berg, Anna; \\ IT")],
            audiences: [Audience(id: "a", name: "Alla, överallt")], channels: [Channel(id: "k", name: hard)],
            activities: [
                Activity(
                    id: "m", title: hard + "\nny rad", kind: "möte", owner: "o", audiences: ["a"], channels: ["k"],
                    description: "Första raden, med; tecken \\\n\nandra raden", placement: .date(Day(year: 2027, month: 3, day: 3)!))
            ])
        let feeds = try FeedWriter().write(Scheduler.schedule(plan))
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = try directory.write("alla.ics", feeds.bytes(at: 0))
        let run = try ProgramRun.run(python, [checkScript, path])
        try #require(run.status == 0, "check_ics.py: \(run.stderr)")
        let file = try #require(try JSONDecoder().decode(CheckReport.self, from: Data(run.stdout.utf8)).files.first)
        #expect(file.name == feeds.feeds[0].calendarName)
        #expect(file.xWrCalname == feeds.feeds[0].calendarName)
        #expect(file.xWrCalname?.hasPrefix("Plan, år; \\ 2027") == true)
        #expect(file.xWrCaldesc == feeds.feeds[0].calendarDescription)
        let event = try #require(file.events.first)
        #expect(event.summary == hard + " ny rad")
        #expect(event.categories == ["möte", hard])
        #expect(
            event.description == """
                Ansvarig: Berg, Anna; \\ IT
                Målgrupp: Alla, överallt
                Kanal: \(hard)
                Första raden, med; tecken \\
                andra raden
                """)
    }

    @Test(.enabled(if: pythonIsSet, pythonSkipMessage), arguments: [false, true])
    func pythonParsersReadEveryFeed(keepCancelled: Bool) throws {
        guard let python = pythonForChecks() else { return }
        let feeds = try FeedWriter(options: FeedOptions(keepCancelled: keepCancelled)).write(TestSchedule.schedule)
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        var paths: [String] = []
        for (name, bytes) in feeds.files { paths.append(try directory.write(name, bytes)) }
        if ProcessInfo.processInfo.environment["ARSPLAN_KEEP_FEEDS"] != nil {
            for (name, bytes) in feeds.files { _ = try? Data(bytes).write(to: URL(fileURLWithPath: "/tmp/\(name)")) }
        }

        let run = try ProgramRun.run(python, [checkScript] + paths)
        try #require(run.status == 0, "check_ics.py: \(run.stderr)")
        let report = try JSONDecoder().decode(CheckReport.self, from: Data(run.stdout.utf8))
        #expect(report.files.count == feeds.feeds.count)

        for (file, feed) in zip(report.files, feeds.feeds) {
            #expect(file.file.hasSuffix("/" + feed.fileName))
            #expect(file.events.count == feed.occurrenceIndices.count, "\(feed.fileName)")
            #expect(file.icalEvents == feed.occurrenceIndices.count, "\(feed.fileName)")
            #expect(file.method == "PUBLISH")
            #expect(file.version == "2.0")
            #expect(file.name == feed.calendarName)
            #expect(file.xWrCalname == feed.calendarName, "X-WR-CALNAME reads back as written")
            #expect(file.description == feed.calendarDescription)
            #expect(file.xWrCaldesc == feed.calendarDescription)
            #expect(file.xWrTimezone == "Europe/Stockholm")
            #expect(file.refreshInterval == "PT12H")
            #expect(file.publishedTTL == "PT12H")
            #expect(file.timezones == ["Europe/Stockholm"])
            let expectedUIDs = feed.occurrenceIndices.map { TestSchedule.schedule.occurrences[$0].uid + "@sf-test" }
            #expect(file.events.map(\.uid) == expectedUIDs)
        }

        let all = Dictionary(uniqueKeysWithValues: report.files[0].events.map { ($0.uid, $0) })
        func utc(_ uid: String) -> (String?, String?) {
            let event = all["sf-test-\(uid)@sf-test"]
            return (event?.start.utc, event?.end?.utc)
        }
        // Winter (CET, +01:00) and summer (CEST, +02:00), both DST weekends, across midnight.
        #expect(utc("namnd-1") == ("2027-01-20T16:00:00Z", "2027-01-20T18:00:00Z"))
        #expect(utc("namnd-2") == ("2027-06-16T15:00:00Z", "2027-06-16T17:00:00Z"))
        #expect(utc("natt-drift-1") == ("2027-03-27T21:00:00Z", "2027-03-28T01:00:00Z"))
        #expect(utc("temadag-1") == ("2027-03-28T08:00:00Z", "2027-03-28T09:00:00Z"))
        #expect(utc("lang-1") == ("2027-05-11T07:00:00Z", "2027-05-11T15:00:00Z"))
        #expect(utc("fest-1") == ("2027-09-10T20:30:00Z", "2027-09-10T23:30:00Z"))
        #expect(utc("hostdrift-1") == ("2027-10-31T09:00:00Z", "2027-10-31T10:30:00Z"))
        #expect(all["sf-test-nyar-1@sf-test"]?.start.date == "2027-12-31")
        #expect(all["sf-test-nyar-1@sf-test"]?.end?.date == "2028-01-01")
        #expect(all["sf-test-temadag-1@sf-test"]?.summary == "Temadag: våren är här – åäö ÅÄÖ")
        #expect(all["sf-test-temadag-1@sf-test"]?.sequence == 3)
        #expect(all["sf-test-temadag-1@sf-test"]?.lastModified == "2027-02-10T08:30:00Z")
        #expect(all["sf-test-lang-1@sf-test"]?.summary == TestSchedule.longTitle)
        #expect(all["sf-test-namnd-1@sf-test"]?.categories == ["nämndmöte", "Möte, APT"])
        #expect(all["sf-test-inject-1@sf-test"]?.summary == "Nyhetsbrev END:VEVENT BEGIN:VEVENT UID:evil@example.com SUMMARY:pwned")
        #expect(
            all["sf-test-inject-1@sf-test"]?.description?.hasSuffix(
                "Rad ett\nEND:VEVENT\nBEGIN:VALARM\nTRIGGER:-PT5Mslut; med, tecken \\ här\nÅterkommer varje månad, första tisdagen, utom i juli")
                == true)
        #expect(all["sf-test-prel-1@sf-test"]?.status == "TENTATIVE")
        if keepCancelled {
            #expect(all["sf-test-installt-1@sf-test"]?.status == "CANCELLED")
            #expect(all["sf-test-installt-1@sf-test"]?.summary == "INSTÄLLT: Öppet hus")
        } else {
            #expect(all["sf-test-installt-1@sf-test"] == nil)
        }
    }
}

extension ExternalParserTests {
    /// khal (Debian) imports `alla.ics` into a fresh calendar and lists it in UTC.
    @Test func khalImportsTheFeed() throws {
        let candidates = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/khal" }
        guard let khal = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("khal is not installed: run `make test` (its system-deps step installs khal).")
            return
        }
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let root = directory.url.path
        try FileManager.default.createDirectory(atPath: root + "/calendar", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/data", withIntermediateDirectories: true)
        let config = try directory.write(
            "khal.conf",
            Array(
                """
                [calendars]
                [[arsplan]]
                path = \(root)/calendar
                type = calendar

                [locale]
                timeformat = %H:%M
                dateformat = %Y-%m-%d
                longdateformat = %Y-%m-%d
                datetimeformat = %Y-%m-%d %H:%M
                longdatetimeformat = %Y-%m-%d %H:%M
                local_timezone = UTC
                default_timezone = UTC

                [sqlite]
                path = \(root)/data/khal.db

                """.utf8))
        let feeds = try FeedWriter().write(TestSchedule.schedule)
        let feed = try directory.write("alla.ics", feeds.bytes(at: 0))
        let environment = ["XDG_DATA_HOME": root + "/data", "XDG_CONFIG_HOME": root, "LANG": "C.UTF-8"]

        let imported = try ProgramRun.run(khal, ["-c", config, "import", "--batch", "-a", "arsplan", feed], environment: environment)
        try #require(imported.status == 0, "khal import: \(imported.stderr)")
        let stored = try FileManager.default.contentsOfDirectory(atPath: root + "/calendar")
        #expect(stored.count == feeds.feeds[0].occurrenceIndices.count)

        let listed = try ProgramRun.run(
            khal,
            ["-c", config, "list", "--once", "--format", "{uid}|{start}|{end}|{title}", "--day-format", "", "2027-01-01", "2028-01-02"],
            environment: environment)
        try #require(listed.status == 0, "khal list: \(listed.stderr)")
        let rows = listed.stdout.split(separator: "\n").filter { !$0.isEmpty }.map(String.init)
        #expect(rows.count == 13)
        #expect(rows.contains("sf-test-namnd-1@sf-test|2027-01-20 16:00|2027-01-20 18:00|Servicenämndens sammanträde"))
        #expect(rows.contains("sf-test-natt-drift-1@sf-test|2027-03-27 21:00|2027-03-28 01:00|Driftfönster över sommartidsomställningen"))
        #expect(rows.contains("sf-test-temadag-1@sf-test|2027-03-28 08:00|2027-03-28 09:00|Temadag: våren är här – åäö ÅÄÖ"))
        #expect(rows.contains("sf-test-namnd-2@sf-test|2027-06-16 15:00|2027-06-16 17:00|Servicenämndens sammanträde"))
        #expect(rows.contains("sf-test-fest-1@sf-test|2027-09-10 20:30|2027-09-10 23:30|Personalfest"))
        #expect(rows.contains("sf-test-hostdrift-1@sf-test|2027-10-31 09:00|2027-10-31 10:30|Driftfönster efter vintertid"))
        #expect(rows.contains("sf-test-enkat-1@sf-test|2027-09-13|2027-10-01|Medarbetarenkät (NMI)"))
        #expect(rows.contains("sf-test-nyar-1@sf-test|2027-12-31|2027-12-31|Årskrönika publiceras"))
        #expect(rows.contains("sf-test-lang-1@sf-test|2027-05-11 07:00|2027-05-11 15:00|\(TestSchedule.longTitle)"))
    }
}

extension FeedWriterTests {
    /// The zone's rules must reach past the last event (UNTIL a year later), also when no
    /// event spills into the next year: readers differ on a transition that falls on UNTIL.
    @Test func zoneRulesReachBeyondTheLastEvent() throws {
        var schedule = TestSchedule.schedule
        schedule.occurrences.removeAll { $0.timing.lastDay.year != 2027 || $0.timing.lastDay.adding(days: 1).year != 2027 }
        let lines = ICS.contentLines(try FeedWriter().write(schedule).bytes(at: 0))
        let rules = lines.filter { $0.hasPrefix("RRULE:") }
        #expect(rules.count == 2)
        for rule in rules {
            let until = try #require(rule.split(separator: ";").first { $0.hasPrefix("UNTIL=") })
            #expect(until.dropFirst(6).prefix(4) == "2028", "\(rule)")
        }
    }
}

extension FeedWriterTests {
    /// A large schedule: every event once in alla.ics, one piece per event between head and tail.
    @Test func aLargeScheduleIsOnePiecePerEvent() throws {
        var schedule = TestSchedule.schedule
        let template = schedule.occurrences
        schedule.occurrences = (0..<6_000).map { n in
            var occurrence = template[n % template.count]
            occurrence.uid = "sf-test-generated-\(n)"
            occurrence.index = n / template.count + 1
            return occurrence
        }
        let three = try FeedWriter().write(schedule)
        let one = three
        let uids = ICS.values("UID", in: ICS.contentLines(three.bytes(at: 0)))
        #expect(uids.count == one.feeds[0].occurrenceIndices.count)
        #expect(Set(uids).count == uids.count)
        var pieces = 0
        three.withPieces(ofFeedAt: 0) { pieces = $0.count }
        #expect(pieces == uids.count + 2)
    }
}

extension FeedWriterTests {
    /// Events are written property by property, with repeated lines reused; that must give
    /// exactly libical's serialization of each whole event, on every feed, cancelled and
    /// tentative occurrences, moved ones, timed and all-day, injection attempts included.
    @Test(arguments: [false, true]) func propertyByPropertyIsLibicalsWholeEvent(keepCancelled: Bool) throws {
        var schedule = TestSchedule.schedule
        let template = schedule.occurrences
        // Enough events that lines repeat across many of them.
        schedule.occurrences = (0..<5_000).map { n in
            var occurrence = template[n % template.count]
            occurrence.uid = "sf-test-generated-\(n)"
            // UIDs libical escapes or folds, and ones without digits, beside the plain ones.
            if n % 11 == 0 { occurrence.uid = "sf-test,komma;semikolon-\(n)" }
            if n % 13 == 0 { occurrence.uid = "sf-test-" + String(repeating: "lång-", count: 12) + "\(n)" }
            if n % 17 == 0 { occurrence.uid = "sf-test-utan-siffror-" + String(repeating: "x", count: n % 5) }
            occurrence.index = n / template.count + 1
            occurrence.sequence = n % 3
            // Owners handed over (to another, to an unknown id, back to the activity's own) and
            // statuses changed: descriptions that differ from the activity's common one.
            switch n % 7 {
            case 1: occurrence.owner = occurrence.owner == "anna" ? "goran" : "anna"
            case 2: occurrence.owner = "vikarie"
            case 3: occurrence.owner = nil
            case 4: occurrence.status = .tentative
            case 5: occurrence.status = .cancelled
            default: break
            }
            return occurrence
        }
        // The plan's id as domain, and one that ends in digits as plan ids with a year do.
        for (candidate, domain) in [(TestSchedule.schedule, nil), (schedule, nil), (schedule, "sf-2027")] {
            var whole = FeedOptions(uidDomain: domain, keepCancelled: keepCancelled)
            whole.wholeEvents = true
            let reference = try FeedWriter(options: whole).write(candidate)
            let pieces = try FeedWriter(options: FeedOptions(uidDomain: domain, keepCancelled: keepCancelled)).write(candidate)
            #expect(reference.feeds == pieces.feeds)
            for index in reference.feeds.indices {
                #expect(reference.bytes(at: index) == pieces.bytes(at: index), "\(reference.feeds[index].fileName)")
            }
        }
    }
}

extension FeedWriterTests {
    /// The digits a UID line written without libical may differ in: the occurrence's number
    /// before the domain, never the domain's own (a plan id with its year).
    @Test func theUIDsVaryingDigitsAreBeforeTheDomain() {
        func run(_ text: String) -> String? {
            Array(text.utf8).withUnsafeBufferPointer { bytes in
                EventOutput.lastDigits(bytes).map { String(decoding: bytes[$0], as: UTF8.self) }
            }
        }
        #expect(run("sf-2027-namnd-3@sf-2027") == "3")
        #expect(run("sf-2027-namnd-12@intranat.example.se") == "12")
        #expect(run("sf-test-generated-40@sf-test") == "40")
        #expect(run("sf-2027-kf-abc@sf-2027") == "2027")
        #expect(run("utan-siffror@sf-2027") == nil)
        #expect(run("sf-2027-vb-1") == "1")
    }

    /// Texts: a one-line description is taken as it is only when the general way gives the
    /// same, and a value without a character to escape is escaped as it is (the fast paths of
    /// ``EventText/withoutEmptyLines(_:)`` and ``EscapedXLine/escaped(_:)``).
    @Test(arguments: [
        "Veckans nyheter till medarbetarna, med länkar till intranätet.", "", " ", "\t", " inledande blanksteg", "\tflik först",
        "två\nrader", "\n\nefter tomma rader\n", "rad\r\nbrytning\rCR", " \u{301}kombinerande tecken först", "ctrl\u{01}tecken",
        "sist ", "komma, semikolon; bak\\snedstreck", "e\u{301},\u{301} kombinerat komma", "😀 ✓ åäö",
    ])
    func textFastPathsGiveWhatTheGeneralWayGives(text: String) {
        #expect(EventText.withoutEmptyLines(text) == EventText.withoutEmptyLinesSlowly(cleanText(text)))
        #expect(EscapedXLine.escaped(text) == EscapedXLine.escapedByCharacters(text))
    }
}

extension FeedWriterTests {
    /// Identifiers become safe, distinct file names.
    @Test func fileNamesAreSafeAndDistinct() {
        var plan = TestSchedule.plan
        plan.owners = [
            Owner(id: "Lön & pension", name: "A"), Owner(id: "lon-pension", name: "B"), Owner(id: "../../etc", name: "C"),
            Owner(id: "åäö", name: "D"),
        ]
        let names = Schedule(plan: plan, occurrences: [], conflicts: []).feedDefinitions().map(\.fileName).filter { $0.hasPrefix("agare-") }
        // An id that is not already a safe component gets a suffix from its own SHA-256
        // (sha256("Lön & pension") starts e2c7d96c), so the two never meet.
        #expect(names == ["agare-lon-pension.e2c7d96c.ics", "agare-lon-pension.ics", "agare-etc.74ccf3c5.ics", "agare-aao.5d0d31f6.ics"])
    }

    /// `Anna` and `anna` get names that differ on a case-insensitive file system too, and
    /// every name stays the same when owners are added, removed or reordered.
    @Test func fileNamesDifferRegardlessOfCaseAndStayWhenOwnersAreAdded() {
        func names(_ owners: [String]) -> [String: String] {
            var plan = TestSchedule.plan
            plan.owners = owners.map { Owner(id: Owner.ID($0), name: $0) }
            let feeds = Schedule(plan: plan, occurrences: [], conflicts: []).feedDefinitions()
            var result: [String: String] = [:]
            for feed in feeds { if case .owner(let id) = feed.subject { result[id.rawValue] = feed.fileName } }
            return result
        }
        let alone = names(["Anna"])
        #expect(alone == ["Anna": "agare-anna.bf4fccd6.ics"])
        for owners in [["Anna", "anna"], ["anna", "Anna"], ["anna", "ANNA", "Anna", "berit"]] {
            let all = names(owners)
            #expect(all["Anna"] == alone["Anna"], "\(owners)")
            #expect(all["anna"] == "agare-anna.ics", "\(owners)")
            #expect(Set(all.values.map { $0.lowercased() }).count == owners.count, "\(owners)")
        }
        #expect(names(["anna", "ANNA"])["ANNA"] == "agare-anna.5c5a2687.ics")
    }
}
