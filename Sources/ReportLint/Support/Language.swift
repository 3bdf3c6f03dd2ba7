/// The language of messages: Chinese by default (the readers are Chinese civil servants), English with `--lang en`.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en
}

/// A message in both languages. Rules build these; reporters pick one.
public struct Localized: Sendable, Equatable, Hashable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    public subscript(_ lang: Language) -> String { lang == .zh ? zh : en }
}
