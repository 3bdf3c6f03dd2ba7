/// Data of one rule's own in the rule packs, under a top-level key the rule declares (`PackDataRule`): a small
/// `Codable` type beside the rule, so that a rule whose phrase list lives in a pack needs no field in `RulePack`
/// and no code in the knowledge layer. Packs merge it as they merge their own lists: a later pack's value over
/// the earlier one's.
public protocol PackData: Codable, Sendable {
    /// Nothing given: the value before any pack.
    init()
    /// A later pack's value merged over this one (lists extended, single values replaced).
    mutating func merge(_ later: Self)
}

extension PackData {
    /// A value of this type from a pack's key.
    static func decode<K: CodingKey>(from container: KeyedDecodingContainer<K>, key: K) throws -> any PackData {
        try container.decode(Self.self, forKey: key)
    }

    /// `later` merged over this value (a value of another type, which no pack can give, is ignored).
    func merging(_ later: any PackData) -> any PackData {
        guard let later = later as? Self else { return self }
        var merged = self
        merged.merge(later)
        return merged
    }
}

/// A top-level pack key a rule declares, with the type of its value.
public struct PackDataKey: Sendable {
    public var key: String
    public var type: any PackData.Type

    public init(key: String, type: any PackData.Type) {
        self.key = key
        self.type = type
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(_ string: String) { stringValue = string }
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}

/// A list of phrases as a pack gives it (a JSON array of strings), with the phrases as scalars — the form the
/// rules search — made once, when the pack is read. Packs extend it.
public struct PhraseList: PackData, Equatable {
    public private(set) var phrases: [String]
    /// The phrases as scalars, in the same order.
    public private(set) var scalars: [[Unicode.Scalar]]

    public init() { self.init([]) }

    public init(_ phrases: [String]) {
        self.phrases = phrases
        scalars = phrases.map(\.scalars)
    }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode([String].self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(phrases)
    }

    public mutating func merge(_ later: PhraseList) {
        phrases += later.phrases
        scalars += later.scalars
    }
}
