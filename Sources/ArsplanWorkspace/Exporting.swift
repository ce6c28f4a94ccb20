import Arsplan
import ArsplanICal
import ArsplanReport
import ArsplanSupport
import Dispatch
import Foundation

/// How to export (``Workspace/export(_:to:options:)``).
public struct ExportOptions: Sendable {
    /// Where the folder will be published; the index page then shows webcal:// subscribe links.
    public var baseURL: String?
    /// Keep cancelled occurrences in the feeds, marked INSTÄLLT, instead of removing them.
    public var keepCancelled: Bool
    /// Today in the plan's zone, for the year overview's today marker (from the caller's clock).
    public var today: Day?

    public init(baseURL: String? = nil, keepCancelled: Bool = false, today: Day? = nil) {
        self.baseURL = baseURL
        self.keepCancelled = keepCancelled
        self.today = today
    }
}

/// What an export wrote.
public struct ExportSummary: Sendable {
    /// The folder as the caller named it (or `Exports/<plan id>`).
    public var directory: String
    /// The feeds written, `alla.ics` first.
    public var feedCount: Int
    /// The events in `alla.ics`.
    public var events: Int
}

/// Why nothing was exported; the previous files are left as they were.
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
}

extension Workspace {
    /// Writes the iCalendar feeds of `loaded`, their index page and the year overview (`oversikt.html`) into `directory` (default
    /// `Exports/<plan id>`), replacing the folder as a whole in one step — only a new or empty
    /// folder, or one an earlier export of the same plan wrote. A plan with errors is not exported.
    public func export(_ loaded: LoadedPlan, to out: String? = nil, options: ExportOptions = ExportOptions()) throws(ExportError) -> ExportSummary {
        if loaded.hasErrors { throw .planHasErrors }
        let directory: String
        if let out { directory = out } else { directory = try Self.defaultExportDirectory(for: loaded.plan) }
        let target: String
        do throws(ExportFolder.Refusal) {
            target = try files.exportFolder(directory, planID: loaded.plan.id, protected: [loaded.path, loaded.journal.path])
        } catch {
            throw .refused(error)
        }

        let feeds: FeedSet
        do throws(ICalError) {
            feeds = try FeedWriter(options: FeedOptions(keepCancelled: options.keepCancelled)).write(loaded.schedule)
        } catch {
            throw .feeds(Diagnostic(severity: .error, code: error.code, message: error.description, file: loaded.path))
        }
        let page = FeedIndexPage(plan: loaded.plan, feeds: feeds.feeds, baseURL: options.baseURL, overviewFileName: "oversikt.html")
        // The plan file's hash only tells whether it changed since an approval: not computed without one.
        let overview = YearOverview.current(
            loaded.replay, planHash: loaded.replay.latestApproval == nil ? nil : loaded.planHash, today: options.today)
        do {
            try files.replaceFolder(target) { staging in
                try staging.writeMarker(ExportFolder.markerName, ExportFolder.markerText(planID: loaded.plan.id))
                // Each feed streamed from the events serialized once, never assembled in memory;
                // the files shared out between the cores (copying into the page cache is
                // most of the time a large export takes).
                try Self.writeFeeds(feeds, into: staging)
                try staging.write("index.html", page.bytes())
                try staging.write("oversikt.html", Array(YearOverviewPage.render(overview).utf8))
            }
        } catch {
            throw .writing(directory: directory, reason: "\(error)")
        }
        return ExportSummary(directory: directory, feedCount: feeds.feeds.count, events: feeds.feeds.first?.occurrenceIndices.count ?? 0)
    }

    /// Writes every feed of `feeds` into `staging`, on as many threads as there are cores,
    /// each taking the largest feed not yet written. Throws the first failure.
    private static func writeFeeds(_ feeds: FeedSet, into staging: any FolderStaging) throws {
        let order = feeds.feeds.indices.sorted { feeds.feeds[$0].occurrenceIndices.count > feeds.feeds[$1].occurrenceIndices.count }
        let threads = min(order.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        // Every thread only reads the box; the queue inside guards its own state with a lock.
        let shared = UnsafeTransfer(WorkQueue(order))
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            let queue = shared.wrappedValue
            while let index = queue.next() {
                do {
                    try feeds.withPieces(ofFeedAt: index) { try staging.write(feeds.feeds[index].fileName, pieces: $0) }
                } catch {
                    queue.fail(error)
                }
            }
        }
        if let failure = shared.wrappedValue.failure { throw failure }
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

/// Hands out feed indices to writer threads until they run out or one write fails. Every
/// access to its state holds the lock.
private final class WorkQueue {
    private let lock = NSLock()
    private var remaining: ArraySlice<Int>
    private(set) var failure: (any Error)?

    init(_ items: [Int]) { remaining = items[...] }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard failure == nil else { return nil }
        return remaining.popFirst()
    }

    func fail(_ error: any Error) {
        lock.lock()
        defer { lock.unlock() }
        if failure == nil { failure = error }
    }
}
