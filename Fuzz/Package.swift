// swift-tools-version:5.4
// (5.4, not newer: from 5.5 on SwiftPM renames an executable's `main` to `<target>_main` and
// links an alias to it, which fails when libFuzzer provides `main`.)
// libFuzzer targets for OrgHealth's parsers of untrusted input (issue 14; docs/RELIABILITY.md).
// A package of its own that depends on the project by path (the pattern swift-protobuf's
// FuzzTesting uses), so the sanitizer flags never touch the main build. Build and run:
//
//   swift build --package-path Fuzz -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
//   Fuzz/run.sh 30        # every target for 30 s, from the seed corpus in Fuzz/Corpus
import PackageDescription

let targets = [
    "FuzzCSV", "FuzzMarkdownNotes", "FuzzHTMLNotes", "FuzzJSONLinesNotes", "FuzzConfig", "FuzzSurveyDefinition",
    "FuzzExternalResult", "FuzzXLSX",
]

let package = Package(
    name: "OrgHealthFuzz",
    dependencies: [.package(name: "OrgHealth", path: "..")],
    targets: [
        .target(
            name: "FuzzSupport",
            dependencies: [
                .product(name: "OrgHealthKit", package: "OrgHealth"),
                .product(name: "OrgHealthFuzzingSupport", package: "OrgHealth"),
            ]
        )
    ] + targets.map { .executableTarget(name: $0, dependencies: ["FuzzSupport"]) }
)
