import Foundation
@testable import ReportLint

/// Paths and helpers shared by the tests.
enum TestSupport {
    /// The repository root (Tests/ReportLintTests/Support/ → three levels up).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    /// ../shared beside the repository (the corpus, schemas); tests that need it skip when it is absent.
    static let shared = root.deletingLastPathComponent().appendingPathComponent("shared")
    static var hasShared: Bool { FileManager.default.fileExists(atPath: shared.appendingPathComponent("corpus").path) }

    /// The folder this test process writes its scratch files in (one per process, so parallel runs never meet),
    /// removed when the process exits: a `swift test` run leaves nothing behind in the temporary directory.
    static let scratch: URL = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xxgk-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: TestSupport.scratch) }
        return dir
    }()

    /// What a program printed and how it ended.
    struct Ran {
        var status: Int32
        var stdout: Data
        var stderr: Data
    }

    /// Runs a program to its end: standard input written and closed, both outputs read (standard error on another
    /// thread, so that a full pipe cannot stall either side), and a hang ended after `timeout` seconds — a hang must
    /// fail the test, not stall the suite.
    static func run(_ executable: String, _ arguments: [String], cwd: URL? = nil, env: [String: String] = [:],
                    stdin: Data? = nil, timeout: Double = 120) throws -> Ran {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: executable)
        p.arguments = arguments
        p.currentDirectoryURL = cwd ?? root
        p.environment = ProcessInfo.processInfo.environment.merging(env) { _, new in new }
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = input
        try p.run()
        let watchdog = DispatchWorkItem { if p.isRunning { p.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        defer { watchdog.cancel() }
        nonisolated(unsafe) var errors = Data()
        let readErrors = DispatchGroup()
        DispatchQueue.global().async(group: readErrors) { errors = err.fileHandleForReading.readDataToEndOfFile() }
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        readErrors.wait()
        p.waitUntilExit()
        return Ran(status: p.terminationStatus, stdout: output, stderr: errors)
    }

    /// A fresh folder under the temporary directory, with copies of the given files of the repository
    /// (`reports/…`) under their names, or with the given texts.
    static func folder(_ label: String, copying files: [String: String] = [:], writing texts: [String: String] = [:]) throws -> URL {
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, source) in files { try FileManager.default.copyItem(at: root.appendingPathComponent(source), to: dir.appendingPathComponent(name)) }
        for (name, text) in texts { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    /// Loads text as a .txt (or .md) document.
    static func document(_ text: String, path: String = "example.txt") -> Document {
        try! DocumentLoader().load(bytes: Array(text.utf8), path: path, format: InputFormat(path: path) ?? .text)
    }

    static func report(_ text: String, year: Int? = nil) -> Report {
        ReportReader(yearOverride: year).read(document(text))
    }

    /// Lints text with every rule (or one), returning diagnostics.
    static func lint(_ text: String, year: Int? = nil, rule: String? = nil, path: String = "example.txt") -> [Diagnostic] {
        var configuration = Configuration()
        configuration.yearOverride = year
        if let rule {
            for d in RuleRegistry.descriptors where d.id != rule { configuration.severities[d.id] = .some(nil) }
        }
        return Linter(configuration: configuration).lint(document(text, path: path)).1
    }

    /// Lints several texts as one batch (collecting rules see them all) with every rule (or one); the
    /// diagnostics of every file.
    static func lintBatch(_ files: [(name: String, text: String)], year: Int? = nil, rule: String? = nil) -> [Diagnostic] {
        var configuration = Configuration()
        configuration.yearOverride = year
        if let rule {
            for d in RuleRegistry.descriptors where d.id != rule { configuration.severities[d.id] = .some(nil) }
        }
        let inputs = files.map { Runner.Input.bytes(Array($0.text.utf8), name: $0.name, format: InputFormat(path: $0.name) ?? .text) }
        return Runner(linter: Linter(configuration: configuration), jobs: 2).run(inputs).files.flatMap(\.diagnostics)
    }

    /// Lints a file on disk.
    static func lint(file: String) throws -> [Diagnostic] {
        let document = try DocumentLoader().load(path: file)
        return Linter().lint(document).1
    }
}
