import Foundation

/// Findings a team or a county office has accepted (`--write-baseline FILE`), so that later runs
/// (`--baseline FILE`) show only new ones. Keyed on the file's path and the finding's fingerprint (rule,
/// snippet, the text of its line and occurrence — `Fingerprint`), which survive edits elsewhere in the draft; a line number would
/// not.
///
///     { "version": 1, "findings": [ { "path": "drafts/a.txt", "rule": "punctuation",
///                                    "fingerprint": "9b1f…", "line": 12, "message": "…" } ] }
public struct Baseline: DiagnosticFilter, Codable, Equatable {
    public var version = 1
    public var findings: [Entry] = []

    public struct Entry: Codable, Equatable, Sendable {
        public var path: String
        public var rule: String
        public var fingerprint: String
        /// Where it was when accepted, and what it said: for the people who read the file, not for matching.
        public var line: Int
        public var message: String
    }

    public init() {}

    public mutating func add(_ file: LintResults.File) {
        let lines = file.report?.sourceLines ?? [:]
        for (d, key) in zip(file.diagnostics, Fingerprint.keys(file.diagnostics, lineText: { lines[$0] })) {
            findings.append(Entry(path: Self.normalized(file.path), rule: d.ruleID, fingerprint: key, line: d.line, message: d.message.zh))
        }
    }

    public func apply(_ diagnostics: [Diagnostic], document: Document?, context: FilterContext) -> [Diagnostic] {
        guard let path = diagnostics.first.map({ Self.normalized($0.path) }) else { return diagnostics }
        let accepted = Set(findings.lazy.filter { $0.path == path }.map(\.fingerprint))
        guard !accepted.isEmpty else { return diagnostics }
        let lines = document?.lines
        let keys = Fingerprint.keys(diagnostics, lineText: lines.map { lines in { $0 - 1 < lines.count ? lines[$0 - 1].text : nil } })
        return zip(diagnostics, keys).filter { !accepted.contains($1) }.map(\.0)
    }

    /// A path as given (`./drafts/a.txt`, `/abs/…/drafts/a.txt`) made one form: relative to the current
    /// folder where it lies below it, without `./`.
    static func normalized(_ path: String) -> String {
        var p = path
        let cwd = FileManager.default.currentDirectoryPath
        if p.hasPrefix(cwd + "/") { p = String(p.dropFirst(cwd.count + 1)) }
        while p.hasPrefix("./") { p = String(p.dropFirst(2)) }
        return p
    }

    public func encoded() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(self)) ?? Data()) + [0x0A]
    }

    public static func decode(_ data: Data) throws -> Baseline {
        let baseline = try JSONDecoder().decode(Baseline.self, from: data)
        guard baseline.version == 1 else { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "version \(baseline.version)")) }
        return baseline
    }
}
