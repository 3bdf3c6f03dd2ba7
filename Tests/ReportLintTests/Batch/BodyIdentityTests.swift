import Testing
@testable import ReportLint

@Suite("Body identity")
struct BodyIdentityTests {
    func key(_ s: String) -> String? { BodyIdentity(s)?.key }

    @Test func namesOfOneBodyAreOneKey() {
        #expect(key("社溪镇人民政府") == "社溪镇")
        #expect(key("社溪镇政府") == "社溪镇")
        #expect(key("社溪镇") == "社溪镇")
        #expect(key(" 社溪镇 人民政府 ") == "社溪镇")
        #expect(key("东城街道办事处") == key("东城街道"))
        // An office of a government is a body of its own, with or without 人民.
        #expect(key("鹤庆县人民政府办公室") == key("鹤庆县政府办公室"))
        #expect(key("鹤庆县人民政府办公室") != key("鹤庆县人民政府"))
        #expect(key("政府") == nil)
    }

    /// Keys compare as bytes, so a name written with a compatibility ideograph (U+F90A for 金, as some PDFs
    /// give it) must come out as the name written plainly: one body, in a set and in a batch.
    @Test func aCompatibilityIdeographIsTheSameName() throws {
        let odd = try #require(BodyIdentity("鹤庆县\u{F90A}牛镇人民政府")), plain = try #require(BodyIdentity("鹤庆县金牛镇人民政府"))
        #expect(odd.key.unicodeScalars.elementsEqual(plain.key.unicodeScalars))
        #expect(odd == plain && Set([odd, plain]).count == 1)
        let r = BodyIdentity.Resolver([odd, plain, BodyIdentity("金牛镇")!])
        #expect(r.body(odd) == r.body(plain) && r.body(BodyIdentity("金牛镇")!) == r.body(plain))
        #expect(BodyIdentity("鹤庆县太平镇") != plain)
    }

    @Test func aNameWithoutItsCountyIsTheOneBodyOfThatName() {
        let ids = ["鹤庆县太平镇人民政府", "太平镇人民政府", "鹤庆县金牛镇人民政府"].compactMap(BodyIdentity.init)
        let r = BodyIdentity.Resolver(ids)
        #expect(r.body(ids[1]) == r.body(ids[0]))
        #expect(r.body(ids[2]) != r.body(ids[0]))
        #expect(r.ambiguous.isEmpty)
    }

    @Test func aNameThatCouldBeTwoBodiesIsAmbiguousNotGuessed() {
        let ids = ["鹤庆县太平镇人民政府", "宾川县太平镇人民政府", "太平镇"].compactMap(BodyIdentity.init)
        let r = BodyIdentity.Resolver(ids)
        #expect(r.ambiguous["太平镇"] == ["宾川县太平镇", "鹤庆县太平镇"])
        #expect(r.body(ids[2]) == "太平镇")
        #expect(r.body(ids[0]) != r.body(ids[1]))
        #expect(r.mayBeSame(ids[2], ids[0]) && r.mayBeSame(ids[2], ids[1]) && !r.mayBeSame(ids[0], ids[1]))
    }

    @Test func onlyACutAfterAPlaceNameMakesAShortForm() {
        // 新太平镇 is another town; 管理局 is no body's short name inside 城市管理局.
        let ids = ["新太平镇人民政府", "太平镇人民政府", "鹤庆县城市管理局", "管理局"].compactMap(BodyIdentity.init)
        let r = BodyIdentity.Resolver(ids)
        #expect(r.body(ids[0]) != r.body(ids[1]))
        #expect(r.body(ids[2]) != r.body(ids[3]))
        // A county's department named with city and county, and with the county only.
        let more = ["大理州鹤庆县教育体育局", "鹤庆县教育体育局"].compactMap(BodyIdentity.init)
        let r2 = BodyIdentity.Resolver(more)
        #expect(r2.body(more[0]) == r2.body(more[1]))
    }

    @Test func manyBodiesResolveWithoutComparingEveryPair() {
        let ids = (0..<20_000).compactMap { BodyIdentity(SampleBatch.body($0).name) }
        let r = BodyIdentity.Resolver(ids)
        #expect(Set(ids.map(r.body)).count == 20_000)
    }
}
