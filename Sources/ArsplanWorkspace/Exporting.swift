import Arsplan
import ArsplanICal
import ArsplanReport
import ArsplanSupport
import Foundation

/// How to export (``Workspace/export(_:to:options:)``).
public struct ExportOptions: Sendable {
    /// Where the folder will be published; the index page then shows webcal:// subscribe links.
    public var baseURL: String?
    /// Keep cancelled occurrences in the feeds, marked INSTÄLLT, instead of removing them.
    public var keepCancelled: Bool
    /// The publication state file; nil: beside the plan (``PublicationFile/defaultPath(forPlan:)``).
    public var statePath: String?
    /// Today in the plan's zone, for the year overview's today marker (from the caller's clock).
    public var today: Day?
    /// From this many occurrences the year overview is rendered on the other core while the
    /// feeds are made, and then the publication state encoded there while the feeds are
    /// digested (``defaultOverviewAlongsideFrom``); tests force both ways with 0 and `Int.max`.
    public var overviewAlongsideFrom: Int
    /// When the folder's marker shows it was written from exactly these inputs (``ExportInputs``),
    /// leave it and the state alone without making the feeds; tests turn it off to compare.
    public var skipWhenInputsUnchanged = true

    /// Below this many occurrences a second thread costs more than the overview takes (the
    /// example plan's, 170 occurrences, is a few milliseconds).
    public static let defaultOverviewAlongsideFrom = 2_000

    public init(
        baseURL: String? = nil, keepCancelled: Bool = false, statePath: String? = nil, today: Day? = nil,
        overviewAlongsideFrom: Int = defaultOverviewAlongsideFrom
    ) {
        self.baseURL = baseURL
        self.keepCancelled = keepCancelled
        self.statePath = statePath
        self.today = today
        self.overviewAlongsideFrom = overviewAlongsideFrom
    }
}

/// What an export would change for subscribers (``Workspace/previewExport(_:options:at:)``).
public struct ExportPreview: Sendable {
    /// The publication state file read (and written by a real export).
    public var statePath: String
    /// Whether there was a state file: without one every event counts as new.
    public var hadState: Bool
    /// The events that change for subscribers: added and changed in schedule order, then removed.
    public var changes: [PublicationChange]
    /// Titles of the occurrences by UID, for describing the changes (removed ones that are
    /// still in the schedule — cancelled — included); filled in by `previewExport` only.
    public var titles: [String: String]
}

/// What an export wrote.
public struct ExportSummary: Sendable {
    /// The folder as the caller named it (or `Exports/<plan id>`).
    public var directory: String
    /// The feeds written, `alla.ics` first.
    public var feedCount: Int
    /// The events in `alla.ics`.
    public var events: Int
    /// What changed for subscribers, and where the publication state is.
    public var preview: ExportPreview
    /// Whether the publication state file was written (false when nothing changed).
    public var stateWritten: Bool
    /// Whether the folder already held exactly these files (by the digest in its marker), and
    /// so was left untouched.
    public var folderUnchanged: Bool
    /// Whether the folder's marker showed it was written from the same inputs, so that nothing
    /// was made at all (``ExportOptions/skipWhenInputsUnchanged``).
    public var inputsUnchanged = false
}

/// Why nothing was exported; the previous files are left as they were.
/// The publication state read (and decoded) ahead of an export, while its plan loaded.
public struct StateReadAhead: Sendable {
    public let path: String
    let bytes: Result<[UInt8]?, ExportError>
    /// Nil when the bytes could not be read (the export then reports it).
    let decoded: Result<PublicationState?, PublicationStateProblem>?
}

public enum ExportError: Error, Sendable {
    /// The plan has errors (its diagnostics are in the ``LoadedPlan``).
    case planHasErrors
    /// The plan id cannot be a folder name, and no folder was given.
    case unusablePlanID(String)
    /// The folder is not one an export may replace.
    case refused(ExportFolder.Refusal)
    /// The feeds could not be made.
    case feeds(Diagnostic)
    /// The files could not be written (`directory` as named).
    case writing(directory: String, reason: String)
    /// The publication state cannot be read (`publication_state_unreadable`); nothing written.
    case publicationState(Diagnostic)
    /// The feeds were written but the publication state could not be saved
    /// (`publication_state_unwritable`).
    case publicationStateNotSaved(Diagnostic, ExportSummary)
}

extension Workspace {
    /// Writes the iCalendar feeds of `loaded`, their index page and the year overview (`oversikt.html`) into `directory` (default
    /// `Exports/<plan id>`), replacing the folder as a whole in one step — only a new or empty
    /// folder, or one an earlier export of the same plan wrote. A plan with errors is not exported.
    ///
    /// Each event's SEQUENCE and stamps are decided against the publication state beside the
    /// plan, at the export's clock `now`; the state is saved after the folder (only when it
    /// changed), so a failed export never records as published what subscribers cannot see.
    ///
    /// `stateReadAhead`: the publication state as ``loadForExport(_:journal:statePath:twoCoresFrom:)``
    /// read and decoded it while the plan loaded (used when it is of the same path).
    public func export(
        _ loaded: LoadedPlan, to out: String? = nil, options: ExportOptions = ExportOptions(), at now: Timestamp,
        stateReadAhead: StateReadAhead? = nil
    ) throws(ExportError) -> ExportSummary {
        if loaded.hasErrors { throw .planHasErrors }
        let directory: String
        if let out { directory = out } else { directory = try Self.defaultExportDirectory(for: loaded.plan) }
        let statePath = options.statePath ?? PublicationFile.defaultPath(forPlan: loaded.path)
        let target: String
        do throws(ExportFolder.Refusal) {
            target = try files.exportFolder(directory, planID: loaded.plan.id, protected: [loaded.path, loaded.journal.path, statePath])
        } catch {
            throw .refused(error)
        }
        let ahead = stateReadAhead.flatMap { $0.path == statePath ? $0 : nil }
        let stateBytes: [UInt8]?
        if let ahead { stateBytes = try ahead.bytes.get() } else { stateBytes = try readState(statePath) }
        let markerPath = target + "/" + ExportFolder.markerName
        let oldMarker = (try? files.contentsIfPresent(of: markerPath)).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
        if options.skipWhenInputsUnchanged, stateBytes != nil, let oldMarker,
            let summary = unchangedInputs(
                loaded, marker: oldMarker, target: target, directory: directory, options: options, statePath: statePath, state: stateBytes, at: now)
        {
            return summary
        }
        // The plan file's hash only tells whether it changed since an approval: not computed without one.
        let overview = YearOverview.current(
            loaded.replay, planHash: loaded.replay.latestApproval == nil ? nil : loaded.planHash, today: options.today)
        // The year overview and then the index page are made on the other core while the feeds
        // are made (the overview then renders on one thread itself); then the feeds are digested
        // and the new state's bytes made there while the files are written (below). The
        // 100,000-occurrence bench plan,
        // every event changed (callgrind, 7 Dec 2026): the overview's 3.29 G instructions
        // beside the state read, the feeds, the state encoded and the digest, 3.25 G; with the
        // last two after both, the export's longest thread was 1.0 G longer. Once the overview
        // took 1.13 G (8 Dec 2026), the state encoded (0.39 G) beside the digest and the index
        // page (0.35 G), in the file's order: the main thread 3.82 G → 3.17 G. Then, with the
        // overview (1.14 G) shorter than the feeds (1.33 G), the index page (0.13 G) made after
        // it from the feeds' definitions (made first): 1.27 G beside the feeds' 1.22 G, and the
        // digest (0.22 G) beside the state's encoding (0.29 G); the main thread 2.77 G → 2.64 G;
        // and with both beside the writing of the files, 2.42 G.
        let definitions = loaded.schedule.feedDefinitions(keepCancelled: options.keepCancelled)
        let schedule = loaded.schedule
        let baseURL = options.baseURL
        let (prepared, (overviewPage, index)) = TwoCores.run(
            size: loaded.schedule.occurrences.count, threshold: options.overviewAlongsideFrom,
            {
                Result { () throws(ExportError) in
                    try prepare(
                        loaded, options: options, statePath: statePath, state: stateBytes, decoded: ahead?.decoded, definitions: definitions,
                        at: now)
                }
            },
            {
                let overviewPage = Array(YearOverviewPage.render(overview, twoCoresFrom: Int.max).utf8)
                let index = FeedIndexPage(schedule: schedule, feeds: definitions, baseURL: baseURL, now: now, overviewFileName: "oversikt.html")
                    .bytes()
                return (overviewPage, index)
            })
        let (feeds, previous) = try prepared.get()
        // The state as this export leaves it: written anew when there was none or it changed.
        let publication = previous == nil || !feeds.changes.isEmpty ? feeds.publication : nil
        let planID = loaded.plan.id
        let events = feeds.feeds.first?.occurrenceIndices.count ?? 0
        /// The folder's marker once the feeds are digested and the state encoded, and whether
        /// the folder holds these files already.
        func outcome(_ feedsDigest: OutputDigest, _ newState: [UInt8]?) -> (marker: String, unchanged: Bool) {
            let outputs = Self.outputDigest(feeds, digested: feedsDigest, index: index, overview: overviewPage)
            // Recorded whether or not this export skips on it, so that both ways write the same marker.
            let inputs = ExportInputs.digest(loaded, options: options, statePath: statePath, state: newState ?? stateBytes, now: now).map {
                ExportInputs.markerValue(inputs: $0, sizes: outputs.sizes)
            }
            let marker = ExportFolder.markerText(planID: planID, outputs: outputs.digest, inputs: inputs, events: events)
            // The same bytes as the folder holds: nothing is rewritten, so modification times (and
            // a web server's ETag) stay. Only the marker is brought up to date (inputs differ).
            let unchanged = Self.holdsExport(target, marker: oldMarker, outputs: outputs.digest, planID: planID, sizes: outputs.sizes, files: files)
            return (marker, unchanged)
        }
        var newState: [UInt8]?
        var marker = ""
        var unchanged = false
        if publication == nil {
            // Nothing changed for subscribers: the folder most likely holds these files already.
            var digest = OutputDigest()
            feeds.addFeeds(to: &digest)
            (marker, unchanged) = outcome(digest, nil)
            if !unchanged {
                do {
                    try files.replaceFolder(target) { staging in
                        try Self.writeFiles(feeds, index: index, overview: overviewPage, into: staging)
                        try staging.writeMarker(ExportFolder.markerName, marker)
                    }
                } catch {
                    throw .writing(directory: directory, reason: "\(error)")
                }
            }
        } else {
            // Events changed for subscribers, so the feeds differ from the folder's but in odd
            // cases (a state file put back by hand): they are written into the new folder while
            // the other core digests them and encodes the state, and should they come out as the
            // folder holds after all, the new folder is dropped unused. The 100,000-occurrence
            // bench plan, every event changed: the digest (0.22 G instructions) and the state's
            // encoding (0.29 G) no longer come before the writing on the main thread
            // (callgrind, 8 Dec 2026).
            let digestAndState: @Sendable () -> (OutputDigest, [UInt8]?) = {
                var digest = OutputDigest()
                feeds.addFeeds(to: &digest)
                return (digest, publication.map { PublicationFile.encode($0, planID: planID) })
            }
            do {
                try files.replaceFolder(target) { staging in
                    let (written, (digest, state)) = TwoCores.run(
                        size: loaded.schedule.occurrences.count, threshold: options.overviewAlongsideFrom,
                        { Result { try Self.writeFiles(feeds, index: index, overview: overviewPage, into: staging) } }, digestAndState)
                    try written.get()
                    newState = state
                    (marker, unchanged) = outcome(digest, state)
                    if unchanged { throw FolderLeftAlone() }
                    try staging.writeMarker(ExportFolder.markerName, marker)
                }
            } catch {
                if !unchanged { throw .writing(directory: directory, reason: "\(error)") }
            }
        }
        if unchanged, oldMarker != marker {
            try? files.replaceFile(markerPath, with: Array(marker.utf8))
        }
        // The titles are for listing the changes (--dry-run); an export only counts them.
        let preview = ExportPreview(statePath: statePath, hadState: previous != nil, changes: feeds.changes, titles: [:])
        var summary = ExportSummary(
            directory: directory, feedCount: feeds.feeds.count, events: events, preview: preview, stateWritten: false, folderUnchanged: unchanged)
        // Nothing changed: the state file is left untouched.
        if let newState {
            do throws(FileSystemError) {
                try files.replaceFile(statePath, with: newState)
            } catch {
                let diagnostic = Diagnostic(
                    severity: .error, code: .publicationStateUnwritable,
                    text: .file(.publicationStateNotSaved(reason: "\(error)")), file: statePath)
                throw .publicationStateNotSaved(diagnostic, summary)
            }
            summary.stateWritten = true
        }
        return summary
    }

    /// What `export` would change for subscribers, at the clock `now`; writes nothing.
    public func previewExport(_ loaded: LoadedPlan, options: ExportOptions = ExportOptions(), at now: Timestamp) throws(ExportError) -> ExportPreview
    {
        if loaded.hasErrors { throw .planHasErrors }
        let statePath = options.statePath ?? PublicationFile.defaultPath(forPlan: loaded.path)
        let (feeds, previous) = try prepare(loaded, options: options, statePath: statePath, state: try readState(statePath), at: now)
        return Self.preview(feeds, loaded: loaded, statePath: statePath, hadState: previous != nil)
    }

    /// The publication state file's bytes, or nil when there is none.
    /// Loads the plan (``load(_:journal:hashingPlan:twoCoresFrom:)``, its hash made too) and,
    /// on a second core meanwhile, reads and decodes the publication state at `statePath`
    /// for ``export(_:to:options:at:stateReadAhead:)`` (from `twoCoresFrom` bytes of state;
    /// tests force both ways). The state does not depend on the plan: on the
    /// 100,000-occurrence bench plan (13.9 MB of state), its 0.49 G instructions of decoding
    /// move off the export's longest thread while the plan is scheduled (callgrind).
    public func loadForExport(
        _ path: String, journal: String? = nil, statePath: String, twoCoresFrom threshold: Int = journalBesideThreshold
    ) throws(LoadError) -> (LoadedPlan, StateReadAhead) {
        let bytes = Result { () throws(ExportError) in try readState(statePath) }
        let (loaded, decoded) = TwoCores.run(
            size: (try? bytes.get())??.count ?? 0, threshold: threshold,
            { Result { () throws(LoadError) in try load(path, journal: journal, hashingPlan: true) } },
            { () -> Result<PublicationState?, PublicationStateProblem>? in
                guard case .success(let state) = bytes else { return nil }
                return Result { () throws(PublicationStateProblem) in try state.map(PublicationFile.decode) }
            })
        return (try loaded.get(), StateReadAhead(path: statePath, bytes: bytes, decoded: decoded))
    }

    private func readState(_ statePath: String) throws(ExportError) -> [UInt8]? {
        do throws(FileSystemError) {
            return try files.contentsIfPresent(of: statePath)
        } catch {
            throw Self.unreadableState(.system(error.description), statePath: statePath)
        }
    }

    private static func unreadableState(_ problem: PublicationStateProblem, statePath: String) -> ExportError {
        .publicationState(
            Diagnostic(
                severity: .error, code: .publicationStateUnreadable, text: .file(.publicationStateUnreadable(path: statePath, reason: problem)),
                file: statePath))
    }

    /// The summary of an export whose folder's marker shows it was written from exactly these
    /// inputs, with the state as it is now (``ExportInputs``), or nil.
    private func unchangedInputs(
        _ loaded: LoadedPlan, marker: String, target: String, directory: String, options: ExportOptions, statePath: String,
        state: [UInt8]?, at now: Timestamp
    ) -> ExportSummary? {
        guard ExportFolder.markedPlan(in: marker) == loaded.plan.id, let recorded = ExportFolder.value("indata", in: marker),
            let events = ExportFolder.value("händelser", in: marker).flatMap({ Int($0) }),
            let inputs = ExportInputs.digest(loaded, options: options, statePath: statePath, state: state, now: now)
        else { return nil }
        let sizes = files.fileSizes(in: target)
        guard ExportInputs.markerValue(inputs: inputs, sizes: sizes) == recorded else { return nil }
        let preview = ExportPreview(statePath: statePath, hadState: state != nil, changes: [], titles: [:])
        var summary = ExportSummary(
            directory: directory, feedCount: sizes.keys.filter { $0.hasSuffix(".ics") }.count, events: events, preview: preview,
            stateWritten: false, folderUnchanged: true)
        summary.inputsUnchanged = true
        return summary
    }

    /// The publication state decoded from `state`, and the feeds written against it.
    /// `decoded`: `state` decoded already (``StateReadAhead``), or nil to decode it here.
    private func prepare(
        _ loaded: LoadedPlan, options: ExportOptions, statePath: String, state: [UInt8]?,
        decoded: Result<PublicationState?, PublicationStateProblem>? = nil, definitions: [FeedDefinition]? = nil, at now: Timestamp
    ) throws(ExportError) -> (FeedSet, PublicationState?) {
        let previous: PublicationState?
        do throws(PublicationStateProblem) {
            if let decoded {
                previous = try decoded.get()
            } else {
                previous = try state.map { bytes throws(PublicationStateProblem) in try PublicationFile.decode(bytes) }
            }
        } catch {
            throw Self.unreadableState(error, statePath: statePath)
        }
        do throws(ICalError) {
            let publishing = Publishing(previous: previous ?? PublicationState(), now: now)
            return (
                try FeedWriter(options: FeedOptions(keepCancelled: options.keepCancelled)).write(
                    loaded.schedule, publishing: publishing, definitions: definitions), previous
            )
        } catch {
            throw .feeds(Diagnostic(severity: .error, code: error.code, text: .file(error.text), file: loaded.path))
        }
    }

    private static func preview(_ feeds: FeedSet, loaded: LoadedPlan, statePath: String, hadState: Bool) -> ExportPreview {
        var wanted = Set(feeds.changes.map(\.uid))
        var titles: [String: String] = [:]
        if !wanted.isEmpty {
            var activityTitles: [Activity.ID: String] = [:]
            for activity in loaded.plan.activities where activityTitles[activity.id] == nil { activityTitles[activity.id] = activity.title }
            for occurrence in loaded.schedule.occurrences where wanted.contains(occurrence.uid) {
                titles[occurrence.uid] = activityTitles[occurrence.activity]
                wanted.remove(occurrence.uid)
            }
        }
        return ExportPreview(statePath: statePath, hadState: hadState, changes: feeds.changes, titles: titles)
    }

    /// Writes every feed of `feeds` into `staging`, one after the other. (Writing them on both
    /// cores did not pay: 100,000 occurrences, 7 interleaved runs on a quiet machine, first
    /// export 2,600 ms with two writer threads against 2,416 ms with one, and 11 % slower on a
    /// loaded one — the kernel's copying into the page cache is the cost, and the overview is
    /// rendered on the other core meanwhile.)
    private static func writeFeeds(_ feeds: FeedSet, into staging: any FolderStaging) throws {
        for index in feeds.feeds.indices {
            try feeds.withPieces(ofFeedAt: index) { try staging.write(feeds.feeds[index].fileName, pieces: $0) }
        }
    }

    /// Writes every file of an export but its marker: each feed streamed from the events
    /// serialized once, never assembled in memory (copying into the page cache is most of the
    /// time a large export takes), then the index page and the overview.
    private static func writeFiles(_ feeds: FeedSet, index: [UInt8], overview: [UInt8], into staging: any FolderStaging) throws {
        try writeFeeds(feeds, into: staging)
        try staging.write("index.html", index)
        try staging.write("oversikt.html", overview)
    }

    /// Thrown to drop a new folder whose files turned out to be the ones the folder holds.
    private struct FolderLeftAlone: Error {}

    /// The digest of every file an export writes (name and bytes, in order) and each file's size.
    /// The feeds are digested from the events' bytes once plus which events each feed holds
    /// (``FeedSet/addFeeds(to:)``): the same information as their 440 MB at 100,000
    /// occurrences, for the cost of digesting about a sixth of it.
    /// `digested` is a digest the feeds were already added to (``FeedSet/addFeeds(to:)``).
    static func outputDigest(
        _ feeds: FeedSet, digested: OutputDigest, index: [UInt8], overview: [UInt8]
    ) -> (digest: String, sizes: [String: Int]) {
        var digest = digested
        var sizes: [String: Int] = [:]
        for i in feeds.feeds.indices { sizes[feeds.feeds[i].fileName] = feeds.byteCount(ofFeedAt: i) }
        for (name, bytes) in [("index.html", index), ("oversikt.html", overview)] {
            digest.add(name)
            digest.add(bytes: bytes)
            sizes[name] = bytes.count
        }
        return (digest.hex, sizes)
    }

    /// Whether the folder `target`, whose marker reads `marker`, holds what an export writes
    /// whose files have the digest `outputs`: a marker of the same plan with that digest, and
    /// exactly the files named in `sizes`, each that size (a file changed or removed by hand
    /// makes the export write the folder again).
    static func holdsExport(
        _ target: String, marker: String?, outputs: String, planID: String, sizes: [String: Int], files: any FileSystem
    ) -> Bool {
        guard let marker, ExportFolder.markedPlan(in: marker) == planID, ExportFolder.value("utdata", in: marker) == outputs else {
            return false
        }
        return files.fileSizes(in: target) == sizes
    }

    /// `Exports/<plan id>`; a plan id that is not a plain folder name needs a folder of its own.
    static func defaultExportDirectory(for plan: Plan) throws(ExportError) -> String {
        let id = plan.id
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
        }
        guard !id.isEmpty, allowed, !id.hasPrefix(".") else { throw .unusablePlanID(id) }
        return "Exports/\(id)"
    }
}
