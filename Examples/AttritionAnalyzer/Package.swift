// swift-tools-version:6.0
// A custom OrgHealth analyzer in its own package: regretted attrition from an exits log.
// It depends on OrgHealth by path; a real one would use .package(url: …, from: …).
import PackageDescription

let package = Package(
    name: "AttritionAnalyzer",
    platforms: [.macOS(.v14)],
    products: [
        // `orghealth-analyzer-*` executables are what `swift package orghealth-report` attaches.
        .executable(name: "orghealth-analyzer-attrition", targets: ["orghealth-analyzer-attrition"]),
    ],
    dependencies: [
        .package(name: "OrgHealth", path: "../.."),
    ],
    targets: [
        .target(name: "AttritionAnalyzer", dependencies: [.product(name: "OrgHealthKit", package: "OrgHealth")]),
        .executableTarget(
            name: "orghealth-analyzer-attrition",
            dependencies: ["AttritionAnalyzer", .product(name: "OrgHealthKit", package: "OrgHealth")]
        ),
        .testTarget(
            name: "AttritionAnalyzerTests",
            dependencies: ["AttritionAnalyzer", .product(name: "OrgHealthKit", package: "OrgHealth")]
        ),
    ]
)
