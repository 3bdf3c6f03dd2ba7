import Foundation
import Testing
@testable import ReportLint

/// The JSON output is documented by `docs/json-output.schema.json`; the output of a run with diagnostics, a
/// fix and an unreadable input has exactly the members the schema names, of the types it names. (CI also
/// validates the output on the whole corpus with python3-jsonschema.)
@Suite("JSON output against its schema")
struct JSONSchemaTests {
    @Test func outputHasExactlyTheSchemasMembers() throws {
        let schema = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: TestSupport.root.appendingPathComponent("docs/json-output.schema.json"))) as? [String: Any])
        let output = JSONReporter(options: ReporterOptions()).render(try ReporterGoldenTests.results())
        let value = try JSONSerialization.jsonObject(with: Data(output.utf8))
        var checked = 0
        check(value, against: schema, at: "$", checked: &checked)
        #expect(checked > 50, "the walk reached the diagnostics")
    }

    /// Objects: required members present, no member the schema does not name; arrays: every item; leaves: type.
    func check(_ value: Any, against schema: [String: Any], at path: String, checked: inout Int) {
        checked += 1
        if let object = value as? [String: Any], let properties = schema["properties"] as? [String: [String: Any]] {
            let required = Set(schema["required"] as? [String] ?? [])
            #expect(required.isSubset(of: object.keys), "\(path): missing \(required.subtracting(object.keys))")
            #expect(Set(object.keys).isSubset(of: properties.keys), "\(path): not in the schema: \(Set(object.keys).subtracting(properties.keys))")
            for (key, member) in object { if let sub = properties[key] { check(member, against: sub, at: path + "." + key, checked: &checked) } }
        } else if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (i, item) in array.enumerated() { check(item, against: items, at: "\(path)[\(i)]", checked: &checked) }
        } else if let allowed = schema["enum"] as? [Any] {
            let text = value is NSNull ? "null" : "\(value)"
            #expect(allowed.contains { ($0 is NSNull ? "null" : "\($0)") == text }, "\(path): \(text) not among \(allowed)")
        } else if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            let actual = value is NSNull ? "null" : value is String ? "string" : value is [Any] ? "array" : value is [String: Any] ? "object" : "integer"
            #expect(types.contains(actual), "\(path): \(actual) is not \(types)")
        }
    }
}
