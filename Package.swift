// swift-tools-version:6.0
import PackageDescription

// xxgk-lint: a linter for 政府信息公开工作年度报告 drafts.
// No package dependencies by design: the toolchain and system C libraries only (zlib for .docx).
let package = Package(
    name: "xxgk-lint",
    products: [
        .executable(name: "xxgk-lint", targets: ["xxgk-lint"]),
        .library(name: "ReportLint", targets: ["ReportLint"]),
    ],
    targets: [
        .systemLibrary(name: "CZlib", path: "Sources/CZlib"),
        .target(
            name: "ReportLint",
            dependencies: ["CZlib"],
            path: "Sources/ReportLint"
        ),
        .executableTarget(
            name: "xxgk-lint",
            dependencies: ["ReportLint"],
            path: "Sources/xxgk-lint"
        ),
        // The benchmark: `swift build -c release && .build/release/xxgk-bench` (see README, "Performance").
        .executableTarget(
            name: "xxgk-bench",
            dependencies: ["ReportLint", "CZlib"],
            path: "Sources/xxgk-bench"
        ),
        .testTarget(
            name: "ReportLintTests",
            dependencies: ["ReportLint"],
            path: "Tests/ReportLintTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
