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
    /// The text with its comments and trailing commas blanked out (same length and lines), for `JSONDecoder`.
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
        /// The last column worked out, so that the next is counted on from there, not from the line's start
        /// (a pack written on one long line would otherwise cost the square of its length).
        var counted = (offset: 0, column: 1)

        /// The place of `i`: the line, and the column in characters (Unicode scalars; a Chinese character is one).
        var position: Position {
            mutating get {
                let end = min(i, bytes.count)
                if counted.offset < lineStart || counted.offset > end { counted = (lineStart, 1) }
                var column = counted.column
                for b in bytes[counted.offset..<end] where b & 0xC0 != 0x80 { column += 1 }
                counted = (end, column)
                return Position(line: line, column: column)
            }
        }

        mutating func error(_ expected: Localized) -> SyntaxError { SyntaxError(position: position, expected: expected) }

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

        /// A string literal at `i` (the opening quote), with JSON's escapes; valid UTF-8, no raw control characters.
        mutating func string() throws(SyntaxError) -> String {
            let from = i
            i += 1
            var run = i  // the start of the bytes not yet copied into `text`
            var text: [UInt8] = []
            func invalid(_ at: Int) -> Localized { Localized(zh: "有效的字符串", en: "a valid string") }
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    text += bytes[run..<i]
                    i += 1
                    guard let s = String(validating: text, as: UTF8.self) else { i = from; throw error(invalid(from)) }
                    return s
                }
                if b < 0x20 { break }
                guard b == UInt8(ascii: "\\") else { i += 1; continue }
                text += bytes[run..<i]
                guard i + 1 < bytes.count else { break }
                let e = bytes[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(e)
                case UInt8(ascii: "b"): text.append(0x08)
                case UInt8(ascii: "f"): text.append(0x0C)
                case UInt8(ascii: "n"): text.append(0x0A)
                case UInt8(ascii: "r"): text.append(0x0D)
                case UInt8(ascii: "t"): text.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = hex4(at: i) else { i = from; throw error(invalid(from)) }
                    i += 4
                    // A surrogate pair (\uD83D\uDE00) is one scalar; a lone surrogate is refused.
                    if (0xD800..<0xDC00).contains(unit), i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u"),
                       let low = hex4(at: i + 2), (0xDC00..<0xE000).contains(low) {
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                    guard let scalar = Unicode.Scalar(unit) else { i = from; throw error(invalid(from)) }
                    text += Array(String(Character(scalar)).utf8)
                default:
                    i = from
                    throw error(invalid(from))
                }
                run = i
            }
            i = from
            throw error(Localized(zh: "字符串结尾的双引号", en: "the closing quote of a string"))
        }

        /// Four hex digits at `at`, as a number.
        func hex4(at: Int) -> UInt32? {
            guard at + 4 <= bytes.count else { return nil }
            var v: UInt32 = 0
            for b in bytes[at..<(at + 4)] {
                guard let d = Character(Unicode.Scalar(b)).hexDigitValue else { return nil }
                v = v * 16 + UInt32(d)
            }
            return v
        }
    }
}
