// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "OrgHealth",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "orghealth", targets: ["orghealth"]),
        .library(name: "OrgHealthKit", targets: ["OrgHealthKit"]),
        // Only for the libFuzzer targets of the Fuzz/ sub-package (docs/RELIABILITY.md); not a supported API.
        .library(name: "OrgHealthFuzzingSupport", targets: ["OrgHealthEngine", "OneOnOneAnalyzer", "CultureSurveyAnalyzer", "Spreadsheet"]),
        // Command plugins for analyzer authors (a package depending on OrgHealth gets them):
        // `swift package orghealth-report` and `swift package orghealth-new-analyzer NAME`.
        .plugin(name: "OrgHealthReport", targets: ["OrgHealthReportPlugin"]),
        .plugin(name: "OrgHealthNewAnalyzer", targets: ["OrgHealthNewAnalyzerPlugin"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libxml2, the C library, through pkg-config.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // prctl and posix_spawn's chdir, which Swift cannot import directly (the plugin host).
        .systemLibrary(name: "CProcessControl"),
        // A small, safe Swift wrapper over libxml2.
        .target(name: "LibXML", dependencies: ["CLibXML2"]),
        // Streaming reader of Excel workbooks (.xlsx), kept a target of its own so the zip and
        // sheet XML code stays out of the Kit's core.
        .target(name: "Spreadsheet", dependencies: ["LibXML", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The SDK: the shared analyzer protocol and result model. Foundation, Yams for the one
        // bounded YAML loader every YAML input shares.
        // Spreadsheet reads .xlsx sources behind the one tabular entry point (TabularFile.open).
        .target(name: "OrgHealthKit", dependencies: ["Yams", "Spreadsheet"]),

        // Built-in analyzers: each uses only what a custom analyzer could use.
        .target(name: "OrgStructureAnalyzer", dependencies: ["OrgHealthKit"], path: "Sources/Analyzers/OrgStructure"),
        .target(name: "OneOnOneAnalyzer", dependencies: ["OrgHealthKit", "LibXML", "Yams"], path: "Sources/Analyzers/OneOnOnes"),
        .target(name: "ReviewCycleAnalyzer", dependencies: ["OrgHealthKit"], path: "Sources/Analyzers/ReviewCycles"),
        .target(name: "CultureSurveyAnalyzer", dependencies: ["OrgHealthKit", "Yams"], path: "Sources/Analyzers/CultureSurvey"),

        // SQLITE_DBCONFIG_DEFENSIVE for the history file (sqlite3_db_config is variadic: C only).
        .target(name: "SQLiteHardening", path: "Sources/SQLiteHardening", linkerSettings: [.linkedLibrary("sqlite3")]),

        // The host: configuration, catalog, registry, runner, privacy gate, health model.
        .target(
            name: "OrgHealthEngine",
            dependencies: [
                "OrgHealthKit", "Yams", "LibXML", "CProcessControl",
                "OrgStructureAnalyzer", "OneOnOneAnalyzer", "ReviewCycleAnalyzer", "CultureSurveyAnalyzer",
                .product(name: "GRDB", package: "GRDB.swift"), "SQLiteHardening",
            ]
        ),
        // HTML, XML and JSON renderers of the one HealthReport model.
        .target(
            name: "OrgHealthRendering",
            dependencies: ["OrgHealthKit", "LibXML"],
            resources: [.copy("Schema/health-report.xsd")]
        ),
        // Deterministic synthetic organization for the demo, tests and benchmarks.
        .target(name: "OrgHealthSampleData", dependencies: ["OrgHealthKit"]),
        // The CLI: parses flags, calls the engine, prints.
        .executableTarget(
            name: "orghealth",
            dependencies: [
                "OrgHealthEngine", "OrgHealthRendering", "OrgHealthSampleData", "OrgHealthKit", "CultureSurveyAnalyzer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmarks (run in release builds; see docs/BENCHMARKS.md). Not tests.
        .executableTarget(
            name: "orghealth-benchmarks",
            dependencies: [
                "OrgHealthKit", "OrgHealthSampleData", "OrgHealthEngine", "OrgHealthRendering",
                "OneOnOneAnalyzer", "ReviewCycleAnalyzer", "CultureSurveyAnalyzer", "Spreadsheet",
            ]
        ),

        // The built-in org-structure analyzer as an external executable through the SDK entry
        // point (AnalyzerMain); the parity test compares it with the in-process analyzer.
        .executableTarget(name: "orghealth-analyzer-org-structure", dependencies: ["OrgHealthKit", "OrgStructureAnalyzer"]),
        // Command plugins: small, they delegate to the `orghealth` tool (see docs/WRITING-ANALYZERS.md).
        .plugin(
            name: "OrgHealthReportPlugin",
            capability: .command(
                intent: .custom(
                    verb: "orghealth-report",
                    description: "Build this package's orghealth-analyzer-* executables and run orghealth report with them attached."),
                permissions: [.writeToPackageDirectory(reason: "Writes the health report (HTML, XML, JSON) into the output folder.")]),
            dependencies: ["orghealth"],
            path: "Plugins/OrgHealthReport"
        ),
        .plugin(
            name: "OrgHealthNewAnalyzerPlugin",
            capability: .command(
                intent: .custom(
                    verb: "orghealth-new-analyzer",
                    description: "Scaffold a new analyzer target, its orghealth-analyzer-* executable and a test."),
                permissions: [.writeToPackageDirectory(reason: "Creates the analyzer's sources and test, and adds them to Package.swift.")]),
            path: "Plugins/OrgHealthNewAnalyzer"
        ),

        .testTarget(name: "LibXMLTests", dependencies: ["LibXML"]),
        .testTarget(name: "SpreadsheetTests", dependencies: ["Spreadsheet"], resources: [.copy("Fixtures")]),
        .testTarget(name: "OrgHealthKitTests", dependencies: ["OrgHealthKit"]),
        .testTarget(name: "OrgStructureAnalyzerTests", dependencies: ["OrgStructureAnalyzer", "OrgHealthKit"]),
        .testTarget(name: "OneOnOneAnalyzerTests", dependencies: ["OneOnOneAnalyzer", "OrgHealthKit"]),
        .testTarget(name: "ReviewCycleAnalyzerTests", dependencies: ["ReviewCycleAnalyzer", "OrgHealthKit"]),
        .testTarget(name: "CultureSurveyAnalyzerTests", dependencies: ["CultureSurveyAnalyzer", "OrgHealthKit"]),
        .testTarget(
            name: "OrgHealthEngineTests",
            dependencies: [
                "OrgHealthEngine", "OrgHealthKit", "OrgHealthRendering", "CultureSurveyAnalyzer",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "OrgHealthRenderingTests",
            dependencies: ["OrgHealthRendering", "OrgHealthKit", "LibXML"]
        ),
        .testTarget(name: "OrgHealthSampleDataTests", dependencies: ["OrgHealthSampleData", "OrgHealthKit"]),
        // Runs the built `orghealth` executable as users do: exit codes, files, the example report.
        .testTarget(name: "OrgHealthCLITests", dependencies: ["orghealth", "LibXML", "OrgHealthRendering", "OrgHealthKit"]),
        // External analyzers: the protocol, the SDK entry point, the host's process handling
        // and failure modes (with fixture executables), the parity test, the Python example.
        .testTarget(
            name: "ExternalAnalyzerTests",
            dependencies: [
                "OrgHealthEngine", "OrgHealthKit", "OrgStructureAnalyzer", "OrgHealthSampleData",
                "orghealth", "orghealth-analyzer-org-structure",
            ]
        ),
    ]
)
