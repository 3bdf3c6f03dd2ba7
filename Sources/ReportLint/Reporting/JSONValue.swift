// Not `indirect`: arrays already hold their elements out of line, and boxing every string and number was a
// heap allocation per value of a batch's report.
/// A JSON value with ordered object keys, so machine output is stable and diffable (golden tests).
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool { a.serialized() == b.serialized() }

    /// Serialises with two-space indentation (or compactly).
    public func serialized(pretty: Bool = true) -> String {
        var out: [UInt8] = []
        write(to: &out, indent: pretty ? 0 : -1)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the value as UTF-8. `indent` is the nesting level of the value (−1: compact). Output goes to
    /// bytes, not a String: a batch's report is megabytes, and appending to a String scalar by scalar was the
    /// most expensive part of writing it.
    func write(to out: inout [UInt8], indent: Int) {
        let pretty = indent >= 0
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): JSONValue.digits(i, into: &out)
        case .double(let d): out.append(contentsOf: (d.isFinite ? String(d) : "null").utf8)
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let items):
            var array = JSONArrayWriter(indent: pretty ? indent : -1)
            for item in items { array.append(item, to: &out) }
            array.close(&out)
        case .object(let members):
            var object = JSONObjectWriter(indent: pretty ? indent : -1)
            for (key, value) in members {
                object.key(key, to: &out)
                value.write(to: &out, indent: pretty ? indent + 1 : -1)
            }
            object.close(&out)
        }
    }

    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(0x22)
        // Most strings need no escape: copied whole (byte by byte, appending was most of writing a batch's report).
        let plain = s.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        if plain == true { out.append(0x22); return }
        for b in s.utf8 {
            switch b {
            case 0x22: out.append(0x5C); out.append(0x22)
            case 0x5C: out.append(0x5C); out.append(0x5C)
            case 0x0A: out.append(0x5C); out.append(0x6E)
            case 0x0D: out.append(0x5C); out.append(0x72)
            case 0x09: out.append(0x5C); out.append(0x74)
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(hex[Int(b >> 4)]); out.append(hex[Int(b & 0xF)])
            default: out.append(b)  // UTF-8 bytes of other scalars pass through unchanged
            }
        }
        out.append(0x22)
    }

    /// An integer's decimal digits, written in place (a String made for each number of a batch's report, and
    /// copied, cost more than the rest of writing it).
    static func digits(_ i: Int, into out: inout [UInt8]) {
        if i < 0 { out.append(0x2D) }  // -
        var m = i.magnitude
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for the 20 digits of the largest magnitude
        withUnsafeMutableBytes(of: &buffer) { b in
            var start = b.count
            repeat {
                start -= 1
                b[start] = UInt8(truncatingIfNeeded: m % 10) + 0x30
                m /= 10
            } while m > 0
            out.append(contentsOf: b[start...])
        }
    }

    /// Spaces for indentation, appended as a slice of one array (a repeated element was appended one by one).
    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    static func pad(_ level: Int, into out: inout [UInt8]) {
        guard level > 0 else { return }
        if 2 * level <= spaces.count { out.append(contentsOf: spaces[..<(2 * level)]) }
        else { out.append(contentsOf: repeatElement(0x20, count: 2 * level)) }
    }
}

/// Writes a JSON array element by element, formatted exactly as `JSONValue.serialized()` formats a whole
/// array, so that reporters can stream thousands of entries without holding them.
struct JSONArrayWriter {
    /// The nesting level of the array itself (−1: compact).
    let indent: Int
    private(set) var count: Int

    /// `written`: elements already written (to go on with an array whose start was written earlier).
    init(indent: Int, written: Int = 0) {
        self.indent = indent
        count = written
    }

    /// Starts the next element (the caller writes it at level `indent + 1`).
    mutating func next(_ out: inout [UInt8]) {
        out.append(count == 0 ? 0x5B : 0x2C)  // [ or ,
        if indent >= 0 { out.append(0x0A); JSONValue.pad(indent + 1, into: &out) }
        count += 1
    }

    mutating func append(_ value: JSONValue, to out: inout [UInt8]) {
        next(&out)
        value.write(to: &out, indent: indent >= 0 ? indent + 1 : -1)
    }

    func close(_ out: inout [UInt8]) {
        if count == 0 { out.append(contentsOf: "[]".utf8); return }
        if indent >= 0 { out.append(0x0A); JSONValue.pad(indent, into: &out) }
        out.append(0x5D)
    }
}

/// Writes a JSON object member by member (the caller writes each value at level `indent + 1`).
struct JSONObjectWriter {
    let indent: Int
    private(set) var count: Int

    /// `written`: members already written (to go on with an object whose start was written earlier).
    init(indent: Int, written: Int = 0) {
        self.indent = indent
        count = written
    }

    mutating func key(_ key: String, to out: inout [UInt8]) {
        out.append(count == 0 ? 0x7B : 0x2C)  // { or ,
        if indent >= 0 { out.append(0x0A); JSONValue.pad(indent + 1, into: &out) }
        JSONValue.escape(key, into: &out)
        out.append(0x3A)  // :
        if indent >= 0 { out.append(0x20) }
        count += 1
    }

    mutating func member(_ key: String, _ value: JSONValue, to out: inout [UInt8]) {
        self.key(key, to: &out)
        value.write(to: &out, indent: indent >= 0 ? indent + 1 : -1)
    }

    func close(_ out: inout [UInt8]) {
        if count == 0 { out.append(contentsOf: "{}".utf8); return }
        if indent >= 0 { out.append(0x0A); JSONValue.pad(indent, into: &out) }
        out.append(0x7D)
    }
}
