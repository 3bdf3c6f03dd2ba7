import Foundation

// libFuzzer harness: the configuration file and rule pack parsers — JSON of any shape, custom rules with any
// pattern (the catastrophic-pattern guard `PatternRisk` and Swift's `Regex` parser), numeric options of any
// size — and, when a pack is accepted, its custom rules run over a short draft.
//
// The first byte picks what the rest is:
//   even: a rule pack (`--rules FILE`)            odd: a configuration file (`--config FILE`)
// A configuration's "packs" are read from disk relative to a folder that does not exist, so the fuzzer
// cannot make it read files of this machine.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size >= 1 else { return 0 }
    let json = Data(UnsafeBufferPointer(start: data + 1, count: size - 1))
    var configuration = Configuration()
    do throws(Configuration.Error) {
        if data[0] & 1 == 0 {
            try configuration.addPack(json: json, path: "/nonexistent-xxgk-fuzz/pack.json")
        } else {
            _ = try configuration.apply(json: json, path: "/nonexistent-xxgk-fuzz/config.json")
        }
    } catch {
        _ = error.message(.zh) + error.message(.en)
        return 0
    }
    for spec in configuration.pack.customRules { precondition(PatternRisk.reason(spec.pattern) == nil, "an unsafe pattern was accepted") }
    FuzzSupport.check(ConfigFuzzDraft.document, linter: Linter(configuration: configuration))
    return 0
}

enum ConfigFuzzDraft {
    static let document = Document(path: "fuzz.txt", format: .text, lines: [
        "某镇人民政府2023年政府信息公开工作年度报告", "", "一、总体情况",
        "全年共主动公开政府信息120条，其中工作动态60条，通知公告60条。县政务公开办（地址：某县某路1号）。",
    ].map { DocumentLine($0) })
}
