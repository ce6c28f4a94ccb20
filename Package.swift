// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "arsplan",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "arsplan", targets: ["arsplan"]),
        .library(name: "Arsplan", targets: ["Arsplan"]),
        // The readers of plan files, journals and .ics files, for the fuzz targets in Fuzz/.
        .library(name: "ArsplanReading", targets: ["ArsplanPlanFile", "ArsplanJournal", "ArsplanICal"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
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
        // The pure core: model, calendar, scheduler, journal replay. No I/O, no libical.
        .target(
            name: "Arsplan",
            dependencies: [.product(name: "Collections", package: "swift-collections")]
        ),
        // Plan files (YAML) → Plan, with a located diagnostic for every problem.
        .target(
            name: "ArsplanPlanFile",
            dependencies: ["Arsplan", "CYAML"]
        ),
        // iCalendar writing and reading; the only code that touches C pointers.
        .target(
            name: "ArsplanICal",
            dependencies: ["Arsplan", "CLibical"]
        ),
        // HTML year overview (årshjul), feed index page, CSV.
        .target(
            name: "ArsplanReport",
            dependencies: ["Arsplan"]
        ),
        // The change journal on disk: locked, synced appends; tolerant reading.
        .target(
            name: "ArsplanJournal",
            dependencies: ["Arsplan"]
        ),
        .executableTarget(
            name: "arsplan",
            dependencies: [
                "Arsplan", "ArsplanPlanFile", "ArsplanICal", "ArsplanReport", "ArsplanJournal",
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
            dependencies: ["Arsplan", "ArsplanICal"],
            exclude: ["check_ics.py"],  // run by the tests with ARSPLAN_PYTHON, not a resource
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "ArsplanReportTests", dependencies: ["Arsplan", "ArsplanReport"]),
        // The journal on the example plan: replay, impact, deviations, and the file under load.
        .testTarget(
            name: "ArsplanJournalTests",
            dependencies: ["Arsplan", "ArsplanPlanFile", "ArsplanJournal", "ArsplanReport"]
        ),
        // Runs the built `arsplan` binary on real plan files, as a user would.
        .testTarget(name: "arsplanTests", dependencies: ["arsplan"], exclude: ["Fixtures"]),
    ]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    target.swiftSettings = settings
}
