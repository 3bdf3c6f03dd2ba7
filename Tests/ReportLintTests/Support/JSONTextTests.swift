import Foundation
import Testing
@testable import ReportLint

/// The JSON-with-comments reader behind configurations and users' packs: strings
/// as JSON defines them, columns on long lines, and the same packs as Foundation reads.
@Suite("JSON reader")
struct JSONTextTests {
    @Test func stringsReadAsFoundationWritesThem() throws {
        let samples = ["", "政府信息公开", "a\"b\\c/d", "tab\there\nline\r", "\u{08}\u{0C}\u{01}\u{1F}", "😀 emoji 𠀀", "\u{202E}bidi", "引号“”"]
        for sample in samples {
            let data = try JSONSerialization.data(withJSONObject: [sample], options: [])
            let text = try JSONText(data)
            guard case .array(let items) = text.root.value, case .string(let s) = items.first?.value else {
                Issue.record("not read: \(sample.debugDescription)"); continue
            }
            #expect(s == sample)
        }
        // \u escapes, surrogate pairs; a lone surrogate, a bad escape, a raw line end and bad UTF-8 are refused.
        let escaped = try JSONText(Data(#"["\u653f\u5e9c", "\ud83d\ude00"]"#.utf8))
        guard case .array(let items) = escaped.root.value else { Issue.record("no list"); return }
        #expect(items.map { if case .string(let s) = $0.value { s } else { "?" } } == ["政府", "😀"])
        for bad in [#"["\ud83d"]"#, #"["\x"]"#, "[\"a\nb\"]", #"["\u12"]"#] {
            #expect(throws: JSONText.SyntaxError.self, "\(bad.debugDescription)") { try JSONText(Data(bad.utf8)) }
        }
        #expect(throws: JSONText.SyntaxError.self) { try JSONText(Data([0x5B, 0x22, 0xFF, 0x22, 0x5D])) }
    }

    @Test func columnsCountCharactersOnLongLines() throws {
        let long = "{" + (0..<2_000).map { "\"键\($0)\": \"值\"" }.joined(separator: ", ") + ", \"x\" 1}"
        do {
            _ = try JSONText(Data(long.utf8))
            Issue.record("a missing colon was accepted")
        } catch {
            let prefix = long[..<long.range(of: "\"x\" ")!.upperBound]
            #expect(error.position == .init(line: 1, column: prefix.unicodeScalars.count + 1))
        }
    }

    @Test func builtInPacksReadTheSameWithFoundation() throws {
        // Every embedded pack parses with Foundation too and to the same values (strings, numbers, lists).
        for (name, json) in EmbeddedPacks.all {
            let ours = try JSONText(Data(json.utf8)).root.foundationObject
            let theirs = try JSONSerialization.jsonObject(with: Data(json.utf8))
            #expect(NSDictionary(dictionary: ours as! [String: Any]).isEqual(to: theirs as! [String: Any]), "\(name)")
        }
    }
}
