// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "arsplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "arsplan", targets: ["arsplan"]),
        .library(name: "Arsplan", targets: ["Arsplan"]),
        .library(name: "ArsplanWorkspace", targets: ["ArsplanWorkspace"]),
        // The readers of plan files, journals and .ics files, for the fuzz targets in Fuzz/.
        .library(name: "ArsplanReading", targets: ["ArsplanPlanFile", "ArsplanJournal", "ArsplanICal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Mustache templates (HTML escaping built in) for the year overview page and its wheel.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // libical 3.x from the system (Debian: libical-dev); only ArsplanICal imports it.
        .systemLibrary(
            name: "CLibical",
            pkgConfig: "libical",
            providers: [.apt(["libical-dev"])]
        ),
        // libyaml 0.2 from the system (Debian: libyaml-dev): the YAML parser the plan-file
        // reader composes its own node tree from (see Sources/ArsplanPlanFile/YAMLComposer.swift).
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // Where unsafe code is — only in files whose name says so, in the targets below:
        // * C pointers: libical in ArsplanICal (LibICal.swift, FeedWriter+Unsafe.swift,
        //   CalendarImport.swift), libical touched by one thread at a time (its lock); libyaml in
        //   YAMLComposer.swift; POSIX reads and writes in JournalFile+Unsafe.swift, the
        //   workspace's AtomicDirectory.swift / ExportFolder.swift / NewFile+Unsafe.swift, and
        //   ArsplanSupport's POSIXWrite+Unsafe.swift (the write loop the journal and new files share).
        // * Buffers for speed: Expressions+Unsafe.swift and ParallelReading+Unsafe.swift (plan
        //   reader), PublicationFile+Unsafe.swift (the publication state's UIDs compared with
        //   memcmp, the state read through a buffer); the executable's terminal output
        //   (PlanLoading.swift) writes without a copy, and what a command loaded is kept until
        //   the process exits instead of freed piece by piece (KeptUntilExit+Unsafe.swift).
        // * Hand-overs between threads: only through ArsplanSupport's UnsafeTransfer
        //   (UnsafeTransfer.swift), the package's one @unchecked Sendable; work on two cores
        //   only through TwoCores (TwoCores.swift).
        //
        // The package's one hand-over between threads (UnsafeTransfer) and its one helper for
        // work split between two cores. No dependencies; never imported by the core.
        .target(name: "ArsplanSupport"),
        // The pure core: model, calendar, scheduler, journal replay. No I/O, no libical.
        .target(name: "Arsplan"),
        // Plan files (YAML) → PlanDocument (the plan and its dates-from imports, resolved by the
        // workspace) with a located diagnostic for every problem. No file access.
        .target(
            name: "ArsplanPlanFile",
            dependencies: ["Arsplan", "ArsplanSupport", "CYAML"]
        ),
        // iCalendar writing and reading with libical; no file access.
        .target(
            name: "ArsplanICal",
            dependencies: ["Arsplan", "CLibical"]
        ),
        // HTML year overview (årshjul), feed index page, CSV.
        .target(
            name: "ArsplanReport",
            dependencies: ["Arsplan", "ArsplanSupport", .product(name: "Mustache", package: "swift-mustache")]
        ),
        // The change journal on disk: locked, synced appends; tolerant reading. (The journal
        // entries and their replay are in the core.)
        .target(
            name: "ArsplanJournal",
            dependencies: ["Arsplan", "ArsplanSupport"]
        ),
        // One plan on disk: reads it with its dates-from calendars, replays its journal, records
        // changes under the journal's lock, exports feeds atomically. The file system is passed
        // in (`FileSystem`, `LocalFileSystem` for the disk) and "now" is a parameter; it returns
        // values and diagnostics, never prints or exits. The CLI (and the coming server) call it.
        // Its local-disk pieces use POSIX calls with pointers: `writev` in AtomicDirectory.swift,
        // `lstat` in ExportFolder.swift. The overview is rendered beside the feeds through
        // TwoCores (Exporting.swift); the feed files are written on one thread.
        .target(
            name: "ArsplanWorkspace",
            dependencies: ["Arsplan", "ArsplanPlanFile", "ArsplanICal", "ArsplanReport", "ArsplanJournal", "ArsplanSupport"]
        ),
        // The command line: parses arguments, calls the workspace, prints. No file access of its own
        // beyond checking that the plan argument names a file.
        .executableTarget(
            name: "arsplan",
            dependencies: [
                "Arsplan", "ArsplanJournal", "ArsplanReport", "ArsplanWorkspace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ArsplanTests", dependencies: ["Arsplan"]),
        .testTarget(
            name: "ArsplanPlanFileTests",
            dependencies: ["Arsplan", "ArsplanPlanFile"],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ArsplanICalTests",
            dependencies: ["Arsplan", "ArsplanICal", "CLibical"],
            exclude: ["check_ics.py"],  // run by the tests with ARSPLAN_PYTHON, not a resource
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ArsplanReportTests",
            dependencies: ["Arsplan", "ArsplanReport", "ArsplanPlanFile"]
        ),
        // The journal on the example plan: replay, impact, deviations, and the file under load.
        .testTarget(
            name: "ArsplanJournalTests",
            dependencies: ["Arsplan", "ArsplanPlanFile", "ArsplanJournal", "ArsplanReport"]
        ),
        // The workspace without a process: the example plan loaded, changed, exported.
        .testTarget(
            name: "ArsplanWorkspaceTests",
            dependencies: ["Arsplan", "ArsplanPlanFile", "ArsplanJournal", "ArsplanWorkspace"]
        ),
        // Runs the built `arsplan` binary on real plan files, as a user would.
        .testTarget(name: "arsplanTests", dependencies: ["arsplan"], exclude: ["Snapshots", "Fixtures"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
