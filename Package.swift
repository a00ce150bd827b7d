// swift-tools-version:6.0
import Foundation
import PackageDescription

/// The built-in analyzers: one folder each under `Sources/Analyzers/`, found here so that adding
/// one needs no edit to this file (docs/ADDING-AN-ANALYZER.md). A folder's module is named after
/// the analyzer type in its `<Name>Analyzer.swift` file (`Sources/Analyzers/OneOnOnes/OneOnOneAnalyzer.swift`
/// → module `OneOnOneAnalyzer`); its tests, if any, are the folder `Tests/<Module>Tests`. Each may
/// use what a custom analyzer could: OrgHealthKit, plus LibXML and Yams. Sorted, so every clone
/// reads the same package. SwiftPM caches this file's evaluation by its text: after adding a
/// folder, build once with `swift build --manifest-cache none` if the new module is not found.
let builtInAnalyzers: [(module: String, folder: String)] = {
    let root = URL(fileURLWithPath: Context.packageDirectory).appendingPathComponent("Sources/Analyzers")
    // No folder means no built-in analyzers; the engine's build then names what is missing.
    let folders = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
    return folders.sorted().compactMap { folder in
        // A file (not a folder) cannot be listed: it is skipped, like an empty folder.
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        guard !files.isEmpty else { return nil }
        let analyzerFile = files.sorted().first { $0.hasSuffix("Analyzer.swift") }
        return (analyzerFile.map { String($0.dropLast(".swift".count)) } ?? folder + "Analyzer", folder)
    }
}()
/// An analyzer's dependencies: OrgHealthKit, and LibXML and Yams when one of its files imports
/// them (.ci/check-imports.py wants exactly the modules imported declared).
func analyzerDependencies(folder: String) -> [Target.Dependency] {
    let root = "\(Context.packageDirectory)/Sources/Analyzers/\(folder)"
    // An unreadable folder or file adds no import: the build then names the missing module.
    let sources = ((try? FileManager.default.subpathsOfDirectory(atPath: root)) ?? []).filter { $0.hasSuffix(".swift") }
        .compactMap { try? String(contentsOfFile: "\(root)/\($0)", encoding: .utf8) }
    let imported = Set(sources.flatMap { $0.split(separator: "\n") }.compactMap { line -> String? in
        let words = line.split(separator: " ")
        guard let position = words.firstIndex(of: "import"), position + 1 < words.count else { return nil }
        return String(words[position + 1])
    })
    return ["OrgHealthKit"] + ["LibXML", "Yams"].filter(imported.contains).map { .byName(name: $0) }
}
let analyzerTargets: [Target] = builtInAnalyzers.map { analyzer in
    .target(name: analyzer.module, dependencies: analyzerDependencies(folder: analyzer.folder), path: "Sources/Analyzers/\(analyzer.folder)")
}
let analyzerTestTargets: [Target] = builtInAnalyzers.compactMap { analyzer in
    let folder = "Tests/\(analyzer.module)Tests"
    let fixtures = "\(Context.packageDirectory)/\(folder)/Fixtures"
    guard FileManager.default.fileExists(atPath: "\(Context.packageDirectory)/\(folder)") else { return nil }
    return .testTarget(
        name: "\(analyzer.module)Tests", dependencies: [.target(name: analyzer.module), "OrgHealthKit"],
        resources: FileManager.default.fileExists(atPath: fixtures) ? [.copy("Fixtures")] : nil)
}

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
        // O_DIRECT for the XML file's writes (defined only with _GNU_SOURCE: C only).
        .target(name: "CDirectIO", path: "Sources/CDirectIO"),
        // A prefetch hint for probing tables larger than the caches (C only: Swift has none).
        .target(name: "CMemoryHints", path: "Sources/CMemoryHints"),
        // SHA-256's compression on the processor's SHA instructions, when it has them (C only:
        // Swift cannot reach them); the history's input fingerprints.
        .target(name: "CSHA256", path: "Sources/CSHA256"),
        // A small, safe Swift wrapper over libxml2.
        .target(name: "LibXML", dependencies: ["CLibXML2", "CDirectIO"]),
        // Streaming reader of Excel workbooks (.xlsx), kept a target of its own so the zip and
        // sheet XML code stays out of the Kit's core.
        .target(name: "Spreadsheet", dependencies: ["LibXML", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The SDK: the shared analyzer protocol and result model. Foundation, Yams for the one
        // bounded YAML loader every YAML input shares.
        // Spreadsheet reads .xlsx sources behind the one tabular entry point (TabularFile.open).
        .target(name: "OrgHealthKit", dependencies: ["Yams", "Spreadsheet", "CMemoryHints"]),

        // SQLITE_DBCONFIG_DEFENSIVE for the history file (sqlite3_db_config is variadic: C only).
        .target(name: "SQLiteHardening", path: "Sources/SQLiteHardening", linkerSettings: [.linkedLibrary("sqlite3")]),

        // The host: configuration, catalog, registry, runner, privacy gate, health model.
        .target(
            name: "OrgHealthEngine",
            dependencies: [
                "OrgHealthKit", "Yams", "LibXML", "CProcessControl", "CSHA256",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                "SQLiteHardening",
            ] + builtInAnalyzers.map { .target(name: $0.module) }  // every built-in analyzer (above)
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
                "CProcessControl", .product(name: "ArgumentParser", package: "swift-argument-parser"),
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
        .testTarget(
            name: "OrgHealthEngineTests",
            dependencies: [
                "OrgHealthEngine", "OrgHealthKit", "OrgHealthRendering", "CultureSurveyAnalyzer", "ReviewCycleAnalyzer", "OrgHealthSampleData",
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
        // Built-in analyzers (Sources/Analyzers/*) and their tests (Tests/<Module>Tests): see builtInAnalyzers.
    ] + analyzerTargets + analyzerTestTargets
)
