import CZlib

/// Writes a zip container (for `--annotate`'s copy of a .docx): entries copied from another archive as
/// they are — compressed bytes, CRC and date untouched, so an unchanged part stays byte for byte the
/// same — and new or changed entries deflated through zlib. No ZIP64, no encryption, no data descriptors:
/// what Word and LibreOffice read, and what `ZipArchive` reads back.
struct ZipWriter {
    private var output: [UInt8] = []
    private var directory: [UInt8] = []
    private var count = 0

    enum Failure: Error, Equatable {
        /// More than 65,535 entries or 4 GiB: would need ZIP64.
        case tooLarge
        case zlib(Int32)
    }

    /// An entry of `archive` as it is stored there.
    mutating func copy(_ entry: ZipArchive.Entry, from archive: ZipArchive) throws(Failure) {
        guard let data = archive.storedBytes(of: entry) else { throw .tooLarge }
        try add(name: entry.name, flags: entry.flags & ~0x0008, method: entry.method, time: entry.time, date: entry.date,
                crc: entry.crc32, stored: data, size: entry.uncompressedSize)
    }

    /// A new entry (or a changed one), deflated.
    mutating func add(name: String, contents: [UInt8], time: UInt16, date: UInt16) throws(Failure) {
        let compressed = try Self.deflate(contents)
        try add(name: name, flags: 0x0800, method: 8, time: time, date: date,
                crc: Inflate.crc32Checksum(contents), stored: compressed[...], size: contents.count)
    }

    /// The finished archive.
    mutating func finish() throws(Failure) -> [UInt8] {
        guard count <= 0xFFFF, output.count + directory.count <= 0xFFFF_FFFF else { throw .tooLarge }
        let directoryOffset = output.count
        var out = output
        out += directory
        out += Self.u32(0x0605_4B50) + Self.u16(0) + Self.u16(0) + Self.u16(UInt16(count)) + Self.u16(UInt16(count))
        out += Self.u32(UInt32(directory.count)) + Self.u32(UInt32(directoryOffset)) + Self.u16(0)
        return out
    }

    private mutating func add(name: String, flags: UInt16, method: UInt16, time: UInt16, date: UInt16, crc: UInt32,
                              stored: ArraySlice<UInt8>, size: Int) throws(Failure) {
        let nameBytes = Array(name.utf8)
        guard nameBytes.count <= 0xFFFF, stored.count < 0xFFFF_FFFF, size < 0xFFFF_FFFF,
              output.count + stored.count < 0xFFFF_FFFF - 0x10000 else { throw .tooLarge }
        let offset = UInt32(output.count)
        let common = Self.u16(20) + Self.u16(flags) + Self.u16(method) + Self.u16(time) + Self.u16(date)
            + Self.u32(crc) + Self.u32(UInt32(stored.count)) + Self.u32(UInt32(size)) + Self.u16(UInt16(nameBytes.count)) + Self.u16(0)
        output += Self.u32(0x0403_4B50) + common + nameBytes
        output += stored
        directory += Self.u32(0x0201_4B50) + Self.u16(20) + common + Self.u16(0) + Self.u16(0) + Self.u16(0)
            + Self.u32(0) + Self.u32(offset) + nameBytes
        count += 1
    }

    /// Raw DEFLATE (zip method 8) at zlib's default level, in one call.
    static func deflate(_ input: [UInt8]) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        let initialised = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                        ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard initialised == Z_OK else { throw .zlib(initialised) }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))) + 64)
        var input = input
        let status = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                stream.next_in = inBuffer.baseAddress
                stream.avail_in = uInt(inBuffer.count)
                stream.next_out = outBuffer.baseAddress
                stream.avail_out = uInt(outBuffer.count)
                return CZlib.deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { throw .zlib(status) }
        return Array(output[0..<Int(stream.total_out)])
    }

    private static func u16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
    private static func u32(_ v: UInt32) -> [UInt8] { [UInt8(v & 0xFF), UInt8((v >> 8) & 0xFF), UInt8((v >> 16) & 0xFF), UInt8(v >> 24)] }
}
