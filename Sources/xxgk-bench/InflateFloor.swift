import CZlib
import Foundation

/// The floor for .docx: read each file and inflate every part of it with zlib, doing nothing with the
/// result — what any reader of a .docx must do before it sees a word. (`cat` of a .docx reads only the
/// compressed bytes, a fifth of what the linter has to look at.) Walks the local file headers, which the
/// generator's zip writer fills in completely.
enum InflateFloor {
    /// Returns the number of inflated bytes (so the work cannot be optimised away).
    static func readAndInflate(_ path: String) -> Int {
        guard let data = FileManager.default.contents(atPath: path) else { return 0 }
        let bytes = [UInt8](data)
        func le16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func le32(_ i: Int) -> Int { le16(i) | le16(i + 2) << 16 }
        var total = 0, at = 0
        while at + 30 <= bytes.count, le32(at) == 0x0403_4b50 {
            let method = le16(at + 8), compressed = le32(at + 18), size = le32(at + 22)
            let start = at + 30 + le16(at + 26) + le16(at + 28)
            guard start + compressed <= bytes.count else { break }
            if method == 8 { total += inflate(bytes[start..<(start + compressed)], size: size) } else { total += compressed }
            at = start + compressed
        }
        return total
    }

    private static func inflate(_ input: ArraySlice<UInt8>, size: Int) -> Int {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return 0 }
        defer { inflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: max(size, 1))
        var input = Array(input)
        return input.withUnsafeMutableBufferPointer { inp in
            output.withUnsafeMutableBufferPointer { out in
                stream.next_in = inp.baseAddress
                stream.avail_in = uInt(inp.count)
                stream.next_out = out.baseAddress
                stream.avail_out = uInt(out.count)
                _ = CZlib.inflate(&stream, Z_FINISH)
                return Int(stream.total_out)
            }
        }
    }
}
