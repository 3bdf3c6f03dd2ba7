import Foundation

/// JSON as people write configuration: `//` and `/* */` comments and a trailing comma allowed (the file `xxgk-lint init` writes
/// is commented), and every value knows its line and column — so an error in a configuration or a rule pack
/// names the place and the key, not just “not valid JSON”.
public struct JSONText: Sendable {
    public indirect enum Value: Sendable {
        case object([(key: String, position: Position, value: Node)])
        case array([Node])
        case string(String)
        case number(Double)
        case bool(Bool)
        case null
    }

    public struct Node: Sendable {
        public var value: Value
        public var position: Position

        /// The member `key` of an object, if there is one.
        public subscript(key: String) -> Node? {
            guard case .object(let members) = value else { return nil }
            return members.last { $0.key == key }?.value
        }

        /// The value as `JSONSerialization` gives it (dictionaries, arrays, strings, `Double`, `Bool`, `NSNull`).
        public var foundationObject: Any {
            switch value {
            case .object(let members): Dictionary(members.map { ($0.key, $0.value.foundationObject) }) { _, last in last }
            case .array(let items): items.map(\.foundationObject)
            case .string(let s): s
            case .number(let d): d
            case .bool(let b): b
            case .null: NSNull()
            }
        }

        /// The value as JSON bytes (for a `JSONDecoder`).
        public var jsonData: Data {
            (try? JSONSerialization.data(withJSONObject: foundationObject, options: [.fragmentsAllowed])) ?? Data("null".utf8)
        }
    }

    /// 1-based line and column (characters).
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int
    }

    public struct SyntaxError: Error, Sendable, Equatable {
        public var position: Position
        public var expected: Localized
    }

    public let root: Node
    /// The text with its comments blanked out (same length and lines), for decoders that know no comments.
    public let plain: Data

    public init(_ data: Data) throws(SyntaxError) {
        var parser = Parser(bytes: Array(data))
        parser.skip()
        let root = try parser.value(depth: 0)
        parser.skip()
        if parser.i < parser.bytes.count { throw parser.error(Localized(zh: "文件结尾", en: "the end of the file")) }
        self.root = root
        plain = Data(parser.bytes)
    }

    private struct Parser {
        var bytes: [UInt8]
        var i = 0
        var line = 1, lineStart = 0

        var position: Position {
            let column = String(decoding: bytes[lineStart..<min(i, bytes.count)], as: UTF8.self).count + 1
            return Position(line: line, column: column)
        }

        func error(_ expected: Localized) -> SyntaxError { SyntaxError(position: position, expected: expected) }

        /// Blanks, line ends and comments (blanked in `bytes`, line ends kept).
        mutating func skip() {
            while i < bytes.count {
                switch bytes[i] {
                case 0x0A: i += 1; line += 1; lineStart = i
                case 0x20, 0x09, 0x0D: i += 1
                case 0x2F where i + 1 < bytes.count && bytes[i + 1] == 0x2F:
                    while i < bytes.count, bytes[i] != 0x0A { bytes[i] = 0x20; i += 1 }
                case 0x2F where i + 1 < bytes.count && bytes[i + 1] == 0x2A:
                    bytes[i] = 0x20; bytes[i + 1] = 0x20; i += 2
                    while i < bytes.count, !(bytes[i] == 0x2A && i + 1 < bytes.count && bytes[i + 1] == 0x2F) {
                        if bytes[i] == 0x0A { i += 1; line += 1; lineStart = i } else { bytes[i] = 0x20; i += 1 }
                    }
                    if i + 1 < bytes.count { bytes[i] = 0x20; bytes[i + 1] = 0x20; i += 2 } else { i = bytes.count }
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws(SyntaxError) -> Node {
            let start = position
            guard depth < 64 else { throw error(Localized(zh: "更浅的嵌套", en: "less nesting")) }
            guard i < bytes.count else { throw error(Localized(zh: "一个值", en: "a value")) }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                var members: [(key: String, position: Position, value: Node)] = []
                skip()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") { i += 1; return Node(value: .object(members), position: start) }
                while true {
                    skip()
                    let keyPosition = position
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error(Localized(zh: "带引号的键名", en: "a quoted key")) }
                    let key = try string()
                    skip()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error(Localized(zh: "冒号“:”", en: "':'")) }
                    i += 1
                    skip()
                    members.append((key, keyPosition, try value(depth: depth + 1)))
                    skip()
                    guard i < bytes.count else { throw error(Localized(zh: "“,”或“}”", en: "',' or '}'")) }
                    if bytes[i] == UInt8(ascii: ",") {
                        if trailingComma(before: "}") { return Node(value: .object(members), position: start) }
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "}") { i += 1; return Node(value: .object(members), position: start) }
                    throw error(Localized(zh: "“,”或“}”", en: "',' or '}'"))
                }
            case UInt8(ascii: "["):
                i += 1
                var items: [Node] = []
                skip()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") { i += 1; return Node(value: .array(items), position: start) }
                while true {
                    skip()
                    items.append(try value(depth: depth + 1))
                    skip()
                    guard i < bytes.count else { throw error(Localized(zh: "“,”或“]”", en: "',' or ']'")) }
                    if bytes[i] == UInt8(ascii: ",") {
                        if trailingComma(before: "]") { return Node(value: .array(items), position: start) }
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "]") { i += 1; return Node(value: .array(items), position: start) }
                    throw error(Localized(zh: "“,”或“]”", en: "',' or ']'"))
                }
            case UInt8(ascii: "\""):
                return Node(value: .string(try string()), position: start)
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                for (word, v) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] where bytes[i...].starts(with: word.utf8) {
                    i += word.utf8.count
                    return Node(value: v, position: start)
                }
                throw error(Localized(zh: "一个值", en: "a value"))
            default:
                let from = i
                while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
                guard i > from, let d = Double(String(decoding: bytes[from..<i], as: UTF8.self)) else {
                    i = from
                    throw error(Localized(zh: "一个值（字符串须加双引号）", en: "a value (strings take double quotes)"))
                }
                return Node(value: .number(d), position: start)
            }
        }

        /// At a comma: steps over it; true (and past the bracket) when only `close` follows — a trailing comma,
        /// as a commented file leaves when its last entry is uncommented — blanked out for strict decoders.
        mutating func trailingComma(before close: Unicode.Scalar) -> Bool {
            let comma = i
            i += 1
            skip()
            guard i < bytes.count, bytes[i] == UInt8(ascii: close) else { return false }
            bytes[comma] = 0x20
            i += 1
            return true
        }

        /// A string literal at `i` (the opening quote), with JSON's escapes.
        mutating func string() throws(SyntaxError) -> String {
            let from = i
            i += 1
            var escaped = false
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x0A { break }
                if escaped { escaped = false } else if b == UInt8(ascii: "\\") { escaped = true } else if b == UInt8(ascii: "\"") {
                    i += 1
                    let literal = Data(bytes[from..<i])
                    if let s = try? JSONDecoder().decode(String.self, from: literal) { return s }
                    i = from
                    throw error(Localized(zh: "有效的字符串", en: "a valid string"))
                }
                i += 1
            }
            i = from
            throw error(Localized(zh: "字符串结尾的双引号", en: "the closing quote of a string"))
        }
    }
}
