import Arsplan
import ArsplanJournal
import ArsplanPlanFile
import ArsplanWorkspace
import Foundation
import Testing

/// The workspace as a library caller uses it — no process: the example plan read with its
/// council calendar, a change recorded at a fixed time, feeds exported.
@Suite("Workspace on the example plan")
struct WorkspaceTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let plan = "Plans/serviceforvaltningen-2027.yaml"
    static let calendar = "Plans/kommunfullmaktige-2027.ics"
    /// "Now" for every change these tests record.
    static let now = Timestamp(iso: "2027-03-01T10:00:00Z")!

    /// A new temporary folder holding a copy of `Plans/` (the plan and its council calendar).
    static func copyOfPlans() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("arsplan-workspace-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Plans"), to: directory.appendingPathComponent("Plans"))
        // Only the plan and its calendar: a publication state or journal left beside the
        // repository's plan (by `make run`) is not part of it.
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("Plans").path)
        where name.hasSuffix(".published.json") || name.hasSuffix(".journal.jsonl") {
            try FileManager.default.removeItem(at: directory.appendingPathComponent("Plans").appendingPathComponent(name))
        }
        return directory
    }

    /// The days of the council's 2027 meetings, read from the calendar's text (not with libical).
    static func councilDays() throws -> [Day] {
        let text = try String(contentsOf: repository.appendingPathComponent(calendar), encoding: .utf8)
        let prefix = "DTSTART;TZID=Europe/Stockholm:"
        let days = text.split(whereSeparator: \.isNewline).compactMap { line -> Day? in
            guard line.hasPrefix(prefix + "2027") else { return nil }
            let digits = Array(line.dropFirst(prefix.count).prefix(8))
            return Day(iso: "\(String(digits[0..<4]))-\(String(digits[4..<6]))-\(String(digits[6..<8]))")
        }
        try #require(!days.isEmpty)
        return days.sorted()
    }

    static func days(of activity: Activity.ID, in schedule: Schedule) -> [Day] {
        schedule.occurrences.filter { $0.activity == activity }.map(\.timing.firstDay).sorted()
    }

    // MARK: Reading

    @Test func theExamplePlanLoadsWithTheDatesOfItsCouncilCalendar() throws {
        let loaded = try Workspace().load(Self.repository.appendingPathComponent(Self.plan).path, journal: "/nonexistent/journal.jsonl")
        #expect(!loaded.hasErrors, "\(loaded.diagnostics.map(\.description))")
        #expect(loaded.contents.entries.isEmpty)
        #expect(Self.days(of: "kf", in: loaded.schedule) == (try Self.councilDays()))
    }

    @Test func theReaderLeavesTheCalendarToTheWorkspaceAndSaysSo() throws {
        let path = Self.repository.appendingPathComponent(Self.plan).path
        let parsed = PlanFile.parse(try String(contentsOfFile: path, encoding: .utf8), file: path)
        #expect(!parsed.hasErrors)
        // No plan with an empty import: the document names what is still to be read.
        #expect(parsed.plan == nil)
        let document = try #require(parsed.document)
        #expect(document.imports.map(\.activity) == ["kf"])
        #expect(document.imports.map(\.source) == ["kommunfullmaktige-2027.ics"])

        let source = try Workspace().read(path)
        guard case .imported(let name, let dates)? = source.plan.activity("kf")?.placement else {
            Issue.record("kf is not placed by dates-from")
            return
        }
        #expect(name == "kommunfullmaktige-2027.ics")
        #expect(dates.map(\.day).sorted() == (try Self.councilDays()))
    }

    @Test func aMissingCalendarIsALocatedErrorNotAnEmptyImport() throws {
        let directory = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.removeItem(at: directory.appendingPathComponent(Self.calendar))
        let path = directory.appendingPathComponent(Self.plan).path
        let line =
            try #require(
                try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                    .firstIndex { $0.contains("dates-from: kommunfullmaktige-2027.ics") }) + 1

        #expect {
            try Workspace().read(path)
        } throws: { error in
            guard case LoadError.invalid(let file, let diagnostics) = error else { return false }
            let errors = diagnostics.filter { $0.severity == .error }
            return file == path && errors.count == 1 && errors[0].code == .icsUnreadable && errors[0].file == path
                && errors[0].location?.line == line && errors[0].message.contains("'kf'")
        }
    }

    // MARK: Recording

    @Test func aMoveRecordedAtAFixedTimeIsReadBack() throws {
        let directory = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(Self.plan).path
        let workspace = Workspace()
        let target = Day(iso: "2027-03-30")!
        let source = try workspace.read(path)
        #expect(Self.days(of: "namnd", in: try workspace.load(path).schedule)[2] != target)

        let outcome = try workspace.record(
            .move(activity: "namnd", occurrence: 3, day: target, time: nil), in: source, by: "Anna Berg", reason: "Lokalen är upptagen",
            at: Self.now)
        #expect(outcome.failure == nil)
        #expect(!outcome.isRefused)
        #expect(outcome.appended?.entry.sequence == 1)
        #expect(outcome.journal == Workspace.defaultJournalPath(forPlan: path))

        let loaded = try workspace.load(path)
        let entry = try #require(loaded.contents.entries.first)
        #expect(loaded.contents.entries.count == 1)
        #expect(entry.at == Self.now)
        #expect(entry.by == "Anna Berg")
        #expect(entry.reason == "Lokalen är upptagen")
        #expect(entry.planHash == source.planHash)
        #expect(Self.days(of: "namnd", in: loaded.schedule)[2] == target)
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("Plans/serviceforvaltningen-2027.journal.jsonl").path))
    }

    @Test func aRefusedMoveAndADryRunWriteNothing() throws {
        let directory = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(Self.plan).path
        let workspace = Workspace()
        let source = try workspace.read(path)
        // Easter Sunday is a day off.
        let refused = try workspace.record(
            .move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-28")!, time: nil), in: source, by: "Anna", reason: "x", at: Self.now)
        #expect(refused.isRefused)
        #expect(refused.appended == nil)
        let dryRun = try workspace.record(
            .move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil), in: source, by: "Anna", reason: "x", at: Self.now,
            dryRun: true)
        #expect(dryRun.proposal != nil && !dryRun.isRefused)
        #expect(dryRun.appended == nil)
        #expect(!FileManager.default.fileExists(atPath: Workspace.defaultJournalPath(forPlan: path)))
    }

    @Test func anApprovalSaysWhatDifferedFromThePreviousOne() throws {
        let directory = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(Self.plan).path
        let workspace = Workspace()
        let source = try workspace.read(path)

        let first = try workspace.approve(ref: "FL 1", in: source, by: "Förvaltningsledningen", at: Self.now)
        #expect(first.refusedForErrors == nil)
        #expect(first.deviationsBefore == nil)
        #expect(first.record?.appended?.entry.sequence == 1)

        _ = try workspace.record(
            .move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil), in: source, by: "Anna", reason: "x", at: Self.now)
        let second = try workspace.approve(ref: "FL 2", in: source, by: "Förvaltningsledningen", at: Self.now)
        let before = try #require(second.deviationsBefore)
        #expect(before.approval.entry.sequence == 1)
        #expect(before.deviations.contains { $0.uid.hasSuffix("-namnd-3") })
        #expect(second.record?.appended?.entry.sequence == 3)
    }

    @Test func aScheduleWithErrorsIsApprovedOnlyWhenForced() throws {
        let directory = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(Self.plan).path
        let workspace = Workspace()
        let source = try workspace.read(path)
        // Handed out after the meeting they are for: the window cannot be met, an error.
        let move = try workspace.record(
            .move(activity: "namnd-handlingar", occurrence: 2, day: Day(iso: "2027-05-20")!, time: nil), in: source, by: "Anna",
            reason: "x", at: Self.now, force: true)
        #expect(move.isRefused && move.appended != nil)

        let refused = try workspace.approve(ref: "FL 1", in: source, by: "FL", at: Self.now)
        let errors = try #require(refused.refusedForErrors)
        let conflicts = try workspace.load(path).schedule.conflicts
        #expect(errors.count == conflicts.filter { $0.severity == .error }.count)
        #expect(errors.count > 0 && errors.diagnostics.allSatisfy { $0.severity == .error })
        #expect(refused.record == nil)
        #expect(try workspace.load(path).contents.entries.count == 1)

        let forced = try workspace.approve(ref: "FL 1", in: source, by: "FL", at: Self.now, force: true)
        #expect(forced.refusedForErrors == nil)
        #expect(forced.record?.appended?.entry.sequence == 2)
    }

    // MARK: Exporting

    @Test func theFeedsAreExportedIntoAFolderOfTheirOwn() throws {
        let directory = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = Workspace()
        let loaded = try workspace.load(directory.appendingPathComponent(Self.plan).path)
        let out = directory.appendingPathComponent("ut").path

        let summary = try workspace.export(loaded, to: out, at: Self.now)
        let names = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(summary.directory == out)
        #expect(names.filter { $0.hasSuffix(".ics") }.count == summary.feedCount)
        #expect(names.contains("index.html"))
        let marker = try String(contentsOfFile: out + "/" + ExportFolder.markerName, encoding: .utf8)
        #expect(ExportFolder.markedPlan(in: marker) == loaded.plan.id)
        let all = try String(contentsOfFile: out + "/alla.ics", encoding: .utf8)
        #expect(all.components(separatedBy: "BEGIN:VEVENT").count - 1 == summary.events)
        #expect(summary.events > 0)
        // A folder an export of this plan wrote is replaced again.
        #expect(try workspace.export(loaded, to: out, at: Self.now).events == summary.events)
    }

    @Test func aFolderWithOtherFilesIsRefusedAndLeftAsItWas() throws {
        let directory = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let workspace = Workspace()
        let loaded = try workspace.load(directory.appendingPathComponent(Self.plan).path)
        let out = directory.appendingPathComponent("mina-filer")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try Data("anteckningar\n".utf8).write(to: out.appendingPathComponent("notes.txt"))

        #expect {
            try workspace.export(loaded, to: out.path, at: Self.now)
        } throws: { error in
            guard case ExportError.refused(let refusal) = error else { return false }
            return refusal.description.contains("it holds files an export did not write ('notes.txt')")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["notes.txt"])
        #expect(try String(contentsOf: out.appendingPathComponent("notes.txt"), encoding: .utf8) == "anteckningar\n")
    }

    // MARK: Another file system

    @available(macOS 15, *)
    @Test func theWorkspaceRunsOnAFileSystemOfItsOwn() throws {
        let files = MemoryFileSystem([
            Self.plan: Array(try Data(contentsOf: Self.repository.appendingPathComponent(Self.plan))),
            Self.calendar: Array(try Data(contentsOf: Self.repository.appendingPathComponent(Self.calendar))),
        ])
        let workspace = Workspace(files: files)
        let source = try workspace.read(Self.plan)
        #expect(source.diagnostics.allSatisfy { $0.severity != .error })

        let outcome = try workspace.record(
            // The third meeting: the first two are past on 1 March, and cancelling them would be refused.
            .cancel(activity: "kf", occurrence: 3), in: source, by: "Anna", reason: "Inställt av staden", at: Self.now)
        #expect(outcome.appended?.entry.sequence == 1)
        let journal = try #require(files["Plans/serviceforvaltningen-2027.journal.jsonl"])
        #expect(try JournalContents.parse(journal, file: "j").entries.map(\.at) == [Self.now])

        let loaded = try workspace.load(Self.plan)
        #expect(Self.days(of: "kf", in: loaded.schedule) == (try Self.councilDays()))
        #expect(loaded.schedule.occurrences.first { $0.activity == "kf" && $0.index == 3 }?.status == .cancelled)

        let summary = try workspace.export(loaded, at: Self.now)
        #expect(summary.directory == "Exports/\(loaded.plan.id)")
        // The publication state beside the plan, written through the same file system.
        let state = try PublicationFile.decode(try #require(files["Plans/serviceforvaltningen-2027.published.json"]))
        #expect(state.events.values.filter(\.inFeeds).count == summary.events)
        #expect(files.paths(in: summary.directory).contains("Exports/\(loaded.plan.id)/alla.ics"))
        #expect(files.paths(in: summary.directory).count == summary.feedCount + 3)  // index.html, oversikt.html and the marker
    }

    /// The journal read on a second core while the plan file is parsed, or after it on this
    /// thread: the same entries, schedule and diagnostics. A plan with errors is reported as
    /// such either way, even when its journal cannot be read either.
    @Test(arguments: [0, Int.max])
    func theJournalReadBesideThePlan(twoCoresFrom: Int) throws {
        let plans = [
            Self.plan: Array(try Data(contentsOf: Self.repository.appendingPathComponent(Self.plan))),
            Self.calendar: Array(try Data(contentsOf: Self.repository.appendingPathComponent(Self.calendar))),
        ]
        let files = MemoryFileSystem(plans)
        let workspace = Workspace(files: files)
        let source = try workspace.read(Self.plan)
        for (n, action) in [
            ChangeRequest.move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil),
            .cancel(activity: "kf", occurrence: 3),
        ].enumerated() {
            let outcome = try workspace.record(action, in: source, by: "Anna", reason: "Ändring \(n + 1)", at: Self.now)
            #expect(outcome.appended?.entry.sequence == n + 1)
        }
        let loaded = try workspace.load(Self.plan, twoCoresFrom: twoCoresFrom)
        let other = try workspace.load(Self.plan, twoCoresFrom: twoCoresFrom == 0 ? Int.max : 0)
        #expect(loaded.contents.entries.count == 2)
        #expect(loaded.contents.entries == other.contents.entries)
        #expect(loaded.schedule.occurrences == other.schedule.occurrences)
        #expect(loaded.schedule.occurrences.first { $0.activity == "kf" && $0.index == 3 }?.status == .cancelled)
        #expect(loaded.diagnostics == other.diagnostics)
        // The plan file's hash, made beside the plan when asked, or when used.
        let hashed = try workspace.load(Self.plan, hashingPlan: true, twoCoresFrom: twoCoresFrom)
        #expect(hashed.planHash == ContentHash.sha256(try #require(files[Self.plan])))
        #expect(hashed.planHash == loaded.planHash)

        try files.replaceFile("Plans/trasig.yaml", with: Array("plan:\n  id: [\n".utf8))
        try files.replaceFile("Plans/trasig.journal.jsonl", with: Array("{inte json\n{\"v\":1}\n".utf8))
        #expect {
            try workspace.load("Plans/trasig.yaml", twoCoresFrom: twoCoresFrom)
        } throws: { error in
            guard case LoadError.invalid(let file, let diagnostics) = error else { return false }
            return file == "Plans/trasig.yaml" && diagnostics.contains { $0.severity == .error }
        }
    }

    /// For a change, the journal is read (and the plan file hashed) on a second core while
    /// the plan file is parsed, or after it on this thread; under the lock the change is
    /// decided on that reading only while the journal is still the same bytes: a change
    /// recorded meanwhile by someone else is read, and numbered after.
    @Test(arguments: [0, Int.max])
    func aChangeTakesUpTheJournalReadBesideThePlan(twoCoresFrom: Int) throws {
        let directory = try Self.copyOfPlans()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent(Self.plan).path
        let journal = Workspace.defaultJournalPath(forPlan: path)
        let workspace = Workspace()

        let first = try workspace.read(path, journalBeside: journal, twoCoresFrom: twoCoresFrom)
        #expect(first.journalSnapshot?.contents.entries.isEmpty == true)
        #expect(first.planHash == ContentHash.sha256(Array(try Data(contentsOf: URL(fileURLWithPath: path)))))
        let move = ChangeRequest.move(activity: "namnd", occurrence: 3, day: Day(iso: "2027-03-30")!, time: nil)
        #expect(try workspace.record(move, in: first, by: "Anna", reason: "Ett", at: Self.now).appended?.entry.sequence == 1)

        // Read with one entry; meanwhile someone else records a second; the stale reading is not used.
        let stale = try workspace.read(path, journalBeside: journal, twoCoresFrom: twoCoresFrom)
        #expect(stale.journalSnapshot?.contents.entries.count == 1)
        #expect(stale.journalSnapshot?.contents.approvalsIntact == [true])
        let cancel = ChangeRequest.cancel(activity: "kf", occurrence: 3)
        let fresh = try workspace.read(path, journalBeside: journal, twoCoresFrom: twoCoresFrom)
        #expect(try workspace.record(cancel, in: fresh, by: "Per", reason: "Två", at: Self.now).appended?.entry.sequence == 2)
        let third = try workspace.record(.undo, in: stale, by: "Anna", reason: "Tre", at: Self.now)
        #expect(third.appended?.entry.sequence == 3)
        #expect(third.appended?.entry.action == .undo(entry: 2), "the undo reverses the change recorded meanwhile")
        #expect(try workspace.load(path).contents.entries.map(\.sequence) == [1, 2, 3])
    }

    /// The publication state read and decoded while the plan loads (on a second core, or
    /// after it on this thread), or read by the export itself: the same folder and state, a
    /// first export and then one after a change; an unreadable state is the same error.
    @Test(arguments: [0, Int.max])
    func theStateReadWhileThePlanLoads(twoCoresFrom: Int) throws {
        let plans = [
            Self.plan: Array(try Data(contentsOf: Self.repository.appendingPathComponent(Self.plan))),
            Self.calendar: Array(try Data(contentsOf: Self.repository.appendingPathComponent(Self.calendar))),
        ]
        let statePath = PublicationFile.defaultPath(forPlan: Self.plan)
        let (ahead, plain) = (MemoryFileSystem(plans), MemoryFileSystem(plans))
        for step in 0..<2 {
            if step == 1 {
                for files in [ahead, plain] {
                    let workspace = Workspace(files: files)
                    _ = try workspace.record(
                        .cancel(activity: "kf", occurrence: 3), in: try workspace.read(Self.plan), by: "Anna", reason: "x", at: Self.now)
                }
            }
            let options = ExportOptions(today: Day(iso: "2027-03-01"))
            let (loaded, state) = try Workspace(files: ahead).loadForExport(Self.plan, statePath: statePath, twoCoresFrom: twoCoresFrom)
            let one = try Workspace(files: ahead).export(loaded, options: options, at: Self.now, stateReadAhead: state)
            let other = try Workspace(files: plain).export(try Workspace(files: plain).load(Self.plan), options: options, at: Self.now)
            #expect(one.preview.changes.count == other.preview.changes.count)
            #expect(one.stateWritten && other.stateWritten)
            #expect(ahead[statePath] == plain[statePath])
            #expect(
                ahead.paths(in: one.directory).map { ($0, ahead[$0]!) }.elementsEqual(
                    plain.paths(in: other.directory).map { ($0, plain[$0]!) }, by: ==))
        }
        try ahead.replaceFile(statePath, with: Array("{ inte json".utf8))
        let (loaded, state) = try Workspace(files: ahead).loadForExport(Self.plan, statePath: statePath, twoCoresFrom: twoCoresFrom)
        #expect {
            try Workspace(files: ahead).export(loaded, options: ExportOptions(today: Day(iso: "2027-03-01")), at: Self.now, stateReadAhead: state)
        } throws: { error in
            guard case ExportError.publicationState(let diagnostic) = error else { return false }
            return diagnostic.code == .publicationStateUnreadable
        }
    }

    /// The year overview rendered on the other core while the feeds are made, or after them
    /// on this thread: the same folder byte for byte. And an export that would write what the
    /// folder holds leaves it alone; a change to any file's bytes (here the index page's
    /// subscribe links) writes it again.
    @available(macOS 15, *)
    @Test(arguments: [0, Int.max])
    func theOverviewBesideTheFeedsAndAnUnchangedFolder(overviewAlongsideFrom: Int) throws {
        let plans = [
            Self.plan: Array(try Data(contentsOf: Self.repository.appendingPathComponent(Self.plan))),
            Self.calendar: Array(try Data(contentsOf: Self.repository.appendingPathComponent(Self.calendar))),
        ]
        let files = MemoryFileSystem(plans)
        let workspace = Workspace(files: files)
        let loaded = try workspace.load(Self.plan)
        var options = ExportOptions(today: Day(iso: "2027-03-01"), overviewAlongsideFrom: overviewAlongsideFrom)
        // The folder's digest of its files, not the inputs' (ExportInputsTests).
        options.skipWhenInputsUnchanged = false
        let first = try workspace.export(loaded, options: options, at: Self.now)
        #expect(!first.folderUnchanged)
        let folder = files.paths(in: first.directory).map { ($0, files[$0]!) }

        // The same folder as the other path writes (on a file system of its own).
        let reference = MemoryFileSystem(plans)
        let other = ExportOptions(today: Day(iso: "2027-03-01"), overviewAlongsideFrom: overviewAlongsideFrom == 0 ? Int.max : 0)
        _ = try Workspace(files: reference).export(try Workspace(files: reference).load(Self.plan), options: other, at: Self.now)
        #expect(reference.paths(in: first.directory).map { ($0, reference[$0]!) }.elementsEqual(folder, by: ==))
        let marker = String(decoding: try #require(files[first.directory + "/" + ExportFolder.markerName]), as: UTF8.self)
        #expect(marker.contains("utdata: "))

        let again = try workspace.export(loaded, options: options, at: Self.now)
        #expect(again.folderUnchanged)
        #expect(files.paths(in: first.directory).map { ($0, files[$0]!) }.elementsEqual(folder, by: ==))

        // Without the state (another, new state file) every event counts as new, so the files
        // are written into a new folder while they are digested; they come out as the folder
        // holds them, so the new folder is dropped, the folder left alone (its marker brought
        // up to date) and the state saved.
        var fresh = options
        fresh.statePath = "Plans/ny.published.json"
        let anew = try workspace.export(loaded, options: fresh, at: Self.now)
        #expect(anew.folderUnchanged && anew.stateWritten && !anew.preview.changes.isEmpty)
        func withoutMarker(_ files: [(String, [UInt8])]) -> [(String, [UInt8])] { files.filter { !$0.0.hasSuffix(ExportFolder.markerName) } }
        #expect(withoutMarker(files.paths(in: first.directory).map { ($0, files[$0]!) }).elementsEqual(withoutMarker(folder), by: ==))
        #expect(files["Plans/ny.published.json"] != nil)
        #expect(files["Plans/ny.published.json"] == files[PublicationFile.defaultPath(forPlan: Self.plan)])

        var linked = options
        linked.baseURL = "https://intranat.example.se/arsplan/"
        let changed = try workspace.export(loaded, options: linked, at: Self.now)
        #expect(!changed.folderUnchanged)
        #expect(files[first.directory + "/index.html"] != folder.first { $0.0.hasSuffix("/index.html") }?.1)
        #expect(files[first.directory + "/" + ExportFolder.markerName] != Array(marker.utf8))
    }
}
