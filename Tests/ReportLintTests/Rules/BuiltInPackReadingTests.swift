import Foundation
import Testing
@testable import ReportLint

/// The built-in packs are read by hand at start-up (`RulePack.PackFile(builtIn:)`), not with JSONDecoder: what a
/// user's pack gets from JSONDecoder, the built-in ones must get from the hand reader, key for key.
@Suite("Built-in packs read by hand")
struct BuiltInPackReadingTests {
    /// Every key and value of a pack, as JSON with sorted keys, and its rule data.
    func form(_ pack: RulePack) throws -> (json: String, boilerplate: [String]?) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (String(decoding: try encoder.encode(pack), as: UTF8.self), (pack.ruleData["boilerplate"] as? PhraseList)?.phrases)
    }

    @Test func theHandReaderGivesWhatJSONDecoderGivesForEveryBuiltInPack() throws {
        var byHand = RulePack(), decoded = RulePack()
        for (name, json) in EmbeddedPacks.all {
            // Each pack read by hand (none falls back to JSONDecoder, which would make start-up slow again).
            let file = try #require(RulePack.PackFile(builtIn: Data(json.utf8), ruleDataTypes: RulePack.ruleDataTypes), "\(name)")
            try byHand.merge(file)
            try decoded.merge(json: Data(json.utf8))
            let (a, b) = (try form(byHand), try form(decoded))
            #expect(a.json == b.json, "\(name)")
            #expect(a.boilerplate == b.boilerplate, "\(name)")
        }
        #expect(try form(RulePack.builtIn).json == form(decoded).json)
        #expect(!(try form(decoded).boilerplate ?? []).isEmpty)
    }

    @Test func aKeyOrValueTheReaderDoesNotKnowLeavesThePackToJSONDecoder() {
        let types = RulePack.ruleDataTypes
        #expect(RulePack.PackFile(builtIn: Data(#"{"subjects": ["我局"]}"#.utf8), ruleDataTypes: types) != nil)
        // A key no pack has, a list of the wrong type, a custom rule (checked as JSONDecoder reads it): not read by hand.
        #expect(RulePack.PackFile(builtIn: Data(#"{"subjectz": ["我局"]}"#.utf8), ruleDataTypes: types) == nil)
        #expect(RulePack.PackFile(builtIn: Data(#"{"subjects": [1]}"#.utf8), ruleDataTypes: types) == nil)
        #expect(RulePack.PackFile(builtIn: Data(#"{"genre": {"correct": "年度报告", "extra": 1}}"#.utf8), ruleDataTypes: types) == nil)
        #expect(RulePack.PackFile(builtIn: Data(#"{"customRules": []}"#.utf8), ruleDataTypes: types) == nil)
        #expect(RulePack.PackFile(builtIn: Data(#"{"statutoryTables": [{"kind": "table9"}]}"#.utf8), ruleDataTypes: types) == nil)
    }
}
