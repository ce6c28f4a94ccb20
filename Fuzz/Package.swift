// swift-tools-version: 6.1
// libFuzzer targets for arsplan: a package of its own so that the main package's
// `swift build` and `make test` never see the fuzzer flags. Build and run with
// `make fuzz FUZZ_SECONDS=N` from the repository root (see Fuzz/README.md).
import PackageDescription

let package = Package(
    name: "arsplan-fuzz",
    platforms: [.macOS(.v14)],
    dependencies: [.package(name: "arsplan", path: "..")],
    targets: [
        // The one hand-over to libFuzzer's driver, shared by the three targets.
        .target(name: "FuzzDriver"),
        // The plan reader and the scheduler: bytes → PlanFile.parse → Scheduler.schedule.
        .executableTarget(
            name: "FuzzPlan",
            dependencies: ["FuzzDriver", .product(name: "Arsplan", package: "arsplan"), .product(name: "ArsplanReading", package: "arsplan")]),
        // The journal reader: bytes → JournalContents.parse → replay on the example plan.
        .executableTarget(
            name: "FuzzJournal",
            dependencies: ["FuzzDriver", .product(name: "Arsplan", package: "arsplan"), .product(name: "ArsplanReading", package: "arsplan")]),
        // The .ics importer: bytes → CalendarImport.dates(fromICS:).
        .executableTarget(
            name: "FuzzICal",
            dependencies: ["FuzzDriver", .product(name: "Arsplan", package: "arsplan"), .product(name: "ArsplanReading", package: "arsplan")]),
    ]
)
