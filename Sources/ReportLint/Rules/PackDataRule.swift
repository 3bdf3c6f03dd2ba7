/// A rule whose data lives in the rule packs under a top-level key of its own — a phrase list, a table of
/// known values — declared beside the rule as a `PackData` type:
///
///     public struct VagueWordRule: PackDataRule {
///         public static let packKey = "vagueWords"   // rules/phrases.json: "vagueWords": ["若干", …]
///         public typealias Data = PhraseList
///         …  let words = context.packData(Self.self).scalars
///     }
///
/// Packs (the built-in ones under `rules/`, and users') may then give the key; a pack with a key no rule
/// declares is still refused. The data is decoded and merged when the pack is read, once per run.
public protocol PackDataRule: Rule {
    associatedtype Data: PackData
    /// The pack key; not one of `RulePack`'s own keys, nor another rule's.
    static var packKey: String { get }
}

extension PackDataRule {
    public static var packData: PackDataKey? { PackDataKey(key: packKey, type: Data.self) }
}

extension RuleContext {
    /// The rule's data as the packs give it, merged; empty (`init()`) when no pack gives it.
    public func packData<R: PackDataRule>(_ rule: R.Type) -> R.Data {
        (pack.ruleData[R.packKey] as? R.Data) ?? R.Data()
    }
}

extension RulePack {
    /// The keys the built-in rules declare for their data, with their types.
    static let ruleDataTypes: [PackDataKey] = RuleRegistry.ruleTypes.compactMap { $0.packData }
}
