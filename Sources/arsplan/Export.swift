import Arsplan
import ArgumentParser
import ArsplanICal
import ArsplanReport
import Dispatch
import Foundation

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the iCalendar feeds and their index page for subscribers.",
        discussion: """
            Writes alla.ics, one feed per target group (malgrupp-<id>.ics), owner (agare-<id>.ics), \
            channel (kanal-<id>.ics) and unit (enhet-<id>.ics), and index.html, to Exports/<plan id>/ \
            or --out. The folder is replaced as a whole, in one step: a failed export leaves the \
            previous files exactly as they were. A plan with errors is not exported. \
            See docs/feeds.md for publishing the folder on a web server.
            """)

    @OptionGroup var plan: PlanArgument

    @Option(name: .customLong("out"), help: ArgumentHelp("The folder to write (default: Exports/<plan id>/).", valueName: "dir"))
    var out: String?

    @Option(
        name: .customLong("base-url"),
        help: ArgumentHelp(
            "Where the folder will be published, e.g. https://intranat.example.se/arsplan/; index.html then shows webcal:// subscribe links.",
            valueName: "url"))
    var baseURL: String?

    @Flag(name: .customLong("keep-cancelled"), help: "Keep cancelled occurrences in the feeds, marked INSTÄLLT, instead of removing them.")
    var keepCancelled = false

    func validate() throws {
        if let baseURL, FeedIndexPage.normalizedBaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an http:// or https:// address, e.g. https://intranat.example.se/arsplan/.")
        }
        if let out, out.isEmpty { throw ValidationError("--out must name a folder.") }
    }

    func run() throws {
        let loaded = try PlanLoading.load(plan)
        loaded.diagnostics.forEach(Terminal.print)
        if loaded.hasErrors {
            Terminal.summary(path: loaded.path, diagnostics: loaded.diagnostics)
            Terminal.error("nothing exported: the plan has errors; the previous feeds are left as they were.")
            throw ExitCode(1)
        }
        let directory = try out ?? defaultDirectory(for: loaded.plan)

        let feeds: FeedSet
        do throws(ICalError) {
            feeds = try FeedWriter(options: FeedOptions(keepCancelled: keepCancelled)).write(loaded.schedule)
        } catch {
            Terminal.print(Diagnostic(severity: .error, code: error.code, message: error.description, file: loaded.path))
            throw ExitCode(1)
        }
        let page = FeedIndexPage(plan: loaded.plan, feeds: feeds.feeds, baseURL: baseURL, overviewFileName: "oversikt.html")
        let today = Day(iso: JournalText.localTime(try Recording.now(), zone: loaded.plan.timezone).prefix(10))
        let overview = YearOverview.current(loaded.replay, planHash: loaded.replay.latestApproval == nil ? nil : loaded.planHash, today: today)
        do {
            try AtomicDirectory.replace(directory) { staging in
                // Each feed streamed from the events serialized once, never assembled in memory;
                // the files shared out between the cores (copying into the page cache is
                // most of the time a large export takes).
                try Self.writeFeeds(feeds, into: staging)
                try staging.write("index.html", page.bytes())
                try staging.write("oversikt.html", Array(YearOverviewPage.render(overview).utf8))
            }
        } catch {
            Terminal.error("\(error) — the previous files in '\(directory)' are left as they were.")
            throw ExitCode(1)
        }
        let events = feeds.feeds.first?.occurrenceIndices.count ?? 0
        Terminal.output("\(directory): \(feeds.feeds.count) kalendrar och index.html, \(events) händelser i alla.ics\n")
    }

    /// Writes every feed of `feeds` into `staging`, on as many threads as there are cores,
    /// each taking the largest feed not yet written. Throws the first failure.
    private static func writeFeeds(_ feeds: FeedSet, into staging: AtomicDirectory.Staging) throws {
        let order = feeds.feeds.indices.sorted { feeds.feeds[$0].occurrenceIndices.count > feeds.feeds[$1].occurrenceIndices.count }
        let threads = min(order.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let queue = WorkQueue(order)
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while let index = queue.next() {
                do {
                    try feeds.withPieces(ofFeedAt: index) { try staging.write(feeds.feeds[index].fileName, pieces: $0) }
                } catch {
                    queue.fail(error)
                }
            }
        }
        if let failure = queue.failure { throw failure }
    }

    /// `Exports/<plan id>`; a plan id that is not a plain folder name needs --out.
    private func defaultDirectory(for plan: Plan) throws -> String {
        let id = plan.id
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0) }
        guard !id.isEmpty, allowed, !id.hasPrefix(".") else {
            Terminal.error("the plan id '\(id)' cannot be used as a folder name; choose the folder with --out.")
            throw ExitCode(1)
        }
        return "Exports/\(id)"
    }
}

/// Hands out feed indices to writer threads until they run out or one write fails.
private final class WorkQueue: @unchecked Sendable {
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
