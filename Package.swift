// swift-tools-version:6.0
import PackageDescription

// Release builds link the Swift runtime and Foundation statically (SwiftPM's --static-swift-stdlib, made the
// default here): the linter starts 4 ms sooner — most of what one draft in a pre-commit hook costs — without
// loading and relocating a dozen shared libraries, and the binary runs where no Swift toolchain is installed.
// The flag must reach every module's compilation (it selects the static libraries to link) and the link.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
let staticLink: [LinkerSetting] = [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]

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
            path: "Sources/ReportLint",
            swiftSettings: staticRuntime
        ),
        .executableTarget(
            name: "xxgk-lint",
            dependencies: ["ReportLint"],
            path: "Sources/xxgk-lint",
            swiftSettings: staticRuntime,
            linkerSettings: staticLink
        ),
        // The benchmark: `swift build -c release && .build/release/xxgk-bench` (see README, "Performance").
        .executableTarget(
            name: "xxgk-bench",
            dependencies: ["ReportLint", "CZlib"],
            path: "Sources/xxgk-bench",
            swiftSettings: staticRuntime,
            linkerSettings: staticLink
        ),
        .testTarget(
            name: "ReportLintTests",
            dependencies: ["ReportLint"],
            path: "Tests/ReportLintTests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
