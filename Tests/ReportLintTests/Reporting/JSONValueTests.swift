import Foundation
import Testing
@testable import ReportLint

/// The JSON writer writes numbers and indentation by hand (for speed): what it writes is what the plain forms
/// give — `String(i)` for every integer, two spaces a level at any depth — and Foundation reads it back.
@Suite("JSON writer")
struct JSONValueTests {
    @Test func integersAsStringWritesThem() throws {
        let values = [0, 1, -1, 9, 10, -10, 99, 100, 12_345, -987_654_321, Int(Int32.max), Int.max, Int.min, Int.min + 1]
        for v in values {
            #expect(JSONValue.int(v).serialized() == String(v))
        }
        let array = JSONValue.array(values.map(JSONValue.int)).serialized(pretty: false)
        #expect(array == "[" + values.map(String.init).joined(separator: ",") + "]")
    }

    @Test func indentationAtAnyDepth() throws {
        var value = JSONValue.object([("n", .int(7))])
        for _ in 0..<40 { value = .array([value]) }
        let text = value.serialized()
        for (level, line) in text.split(separator: "\n").prefix(41).enumerated() {
            #expect(line == String(repeating: " ", count: 2 * level) + "[" || level == 40, "line \(level): \(line)")
        }
        #expect(text.contains("\n" + String(repeating: " ", count: 82) + "\"n\": 7\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [Any])
        #expect(JSONValue.object([("a", .int(1)), ("b", .string("x"))]).serialized(pretty: false) == #"{"a":1,"b":"x"}"#)
    }
}
