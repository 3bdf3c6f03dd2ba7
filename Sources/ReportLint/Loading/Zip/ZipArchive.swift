/// A read-only view of a zip container (the packaging of .docx), written for hostile input.
///
/// Only what a .docx needs: the end-of-central-directory record, the central directory, local headers,
/// stored (0) and deflated (8) entries. Every offset and length read from the file is checked against
/// the file's size before it is used, so a corrupt or truncated file ends in `corruptContainer`, never in
/// a trap. Zip bombs are refused twice over: first from the sizes the central directory declares (cheap,
/// before anything is inflated), then while inflating, with a hard cap on the output (declared sizes can
/// lie). ZIP64 archives are refused: Word never writes one for a document under the 20 MB input limit.
struct ZipArchive {
    struct Entry: Equatable {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc32: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
        /// The MS-DOS time and date the entry carries (copied as they are by `ZipWriter`).
        var time: UInt16 = 0
        var date: UInt16 = 0
    }

    /// Entries this small may compress at any ratio (a run of spaces in a tiny XML part compresses far
    /// beyond 100:1); the ratio limit applies to the bytes an entry inflates to beyond this.
    static let ratioGraceBytes = 1 << 20

    let bytes: [UInt8]
    let entries: [Entry]
    let limits: LoadLimits

    init(_ bytes: [UInt8], limits: LoadLimits) throws(LoadError) {
        self.bytes = bytes
        self.limits = limits
        let eocd = try Self.findEndOfCentralDirectory(bytes)
        let reader = ByteReader(bytes)
        let count = Int(reader.u16(eocd + 10) ?? 0)
        let directorySize = Int(reader.u32(eocd + 12) ?? 0)
        let directoryOffset = Int(reader.u32(eocd + 16) ?? 0)
        if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF
            || (eocd >= 20 && reader.u32(eocd - 20) == 0x0706_4B50) {
            throw .corruptContainer("ZIP64 archives are not supported")
        }
        if count > limits.maxZipEntries {
            throw .zipBomb("\(count) entries (limit \(limits.maxZipEntries))")
        }
        guard directoryOffset <= eocd, directorySize <= eocd - directoryOffset else {
            throw .corruptContainer("the central directory lies outside the file (truncated?)")
        }
        self.entries = try Self.readCentralDirectory(reader, at: directoryOffset, count: count, end: eocd)
        try checkDeclaredSizes()
    }

    /// The entry with this part name (OPC part names compare case-insensitively).
    func entry(named name: String) -> Entry? {
        let wanted = name.lowercased()
        return entries.first { $0.name.lowercased() == wanted }
    }

    /// The bytes of an entry as stored (compressed, not checked), or nil when its header is damaged.
    func storedBytes(of entry: Entry) -> ArraySlice<UInt8>? {
        let reader = ByteReader(bytes)
        let local = entry.localHeaderOffset
        guard reader.u32(local) == 0x0403_4B50, let nameLength = reader.u16(local + 26),
              let extraLength = reader.u16(local + 28) else { return nil }
        let start = local + 30 + Int(nameLength) + Int(extraLength)
        guard start <= bytes.count, entry.compressedSize <= bytes.count - start else { return nil }
        return bytes[start..<(start + entry.compressedSize)]
    }

    /// The inflated contents of an entry. `budget` is what may still be inflated in total; it is reduced
    /// by what this entry yields.
    func contents(of entry: Entry, budget: inout Int) throws(LoadError) -> [UInt8] {
        guard let data = storedBytes(of: entry) else {
            throw .corruptContainer("\(entry.name): bad local header, or cut off (truncated file?)")
        }
        if entry.flags & 1 != 0 { throw .corruptContainer("\(entry.name) is encrypted") }
        let inflated: [UInt8]
        switch entry.method {
        case 0:
            inflated = Array(data)
        case 8:
            let (scaled, overflow) = max(entry.compressedSize, 1).multipliedReportingOverflow(by: limits.maxCompressionRatio)
            let ratioCap = overflow || scaled > Int.max - Self.ratioGraceBytes ? Int.max : Self.ratioGraceBytes + scaled
            let cap = min(budget, ratioCap)
            switch Inflate.raw(data, outputLimit: cap, expectedSize: entry.uncompressedSize) {
            case .success(let out): inflated = out
            case .failure(.exceedsLimit):
                throw .zipBomb(cap == budget
                    ? "entries inflate to more than \(limits.maxInflatedBytes) bytes"
                    : "\(entry.name) inflates more than \(limits.maxCompressionRatio):1")
            case .failure(.corrupt(let why)): throw .corruptContainer("\(entry.name): \(why)")
            }
        default:
            throw .corruptContainer("\(entry.name) uses unsupported compression method \(entry.method)")
        }
        if inflated.count > budget { throw .zipBomb("entries inflate to more than \(limits.maxInflatedBytes) bytes") }
        if Inflate.crc32Checksum(inflated) != entry.crc32 { throw .corruptContainer("\(entry.name) is damaged (CRC mismatch)") }
        budget -= inflated.count
        return inflated
    }

    // MARK: - Structure

    /// The end-of-central-directory record sits in the last 22 bytes plus a comment of up to 64 KiB;
    /// search backwards for a signature whose comment length reaches exactly to the end of the file
    /// (falling back to any signature, for files with trailing junk).
    private static func findEndOfCentralDirectory(_ bytes: [UInt8]) throws(LoadError) -> Int {
        guard bytes.count >= 22 else { throw .corruptContainer("too short to be a zip file") }
        let reader = ByteReader(bytes)
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        var fallback: Int?
        var i = bytes.count - 22
        while i >= lowest {
            if bytes[i] == 0x50, reader.u32(i) == 0x0605_4B50 {
                if let commentLength = reader.u16(i + 20), i + 22 + Int(commentLength) == bytes.count { return i }
                if fallback == nil { fallback = i }
            }
            i -= 1
        }
        if let fallback { return fallback }
        throw .corruptContainer("no zip directory found (not a zip file, or truncated)")
    }

    private static func readCentralDirectory(_ reader: ByteReader, at offset: Int, count: Int, end: Int) throws(LoadError) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        var p = offset
        for _ in 0..<count {
            guard p <= end - 46, reader.u32(p) == 0x0201_4B50,
                  let flags = reader.u16(p + 8), let method = reader.u16(p + 10), let crc = reader.u32(p + 16),
                  let time = reader.u16(p + 12), let date = reader.u16(p + 14),
                  let compressed = reader.u32(p + 20), let uncompressed = reader.u32(p + 24),
                  let nameLength = reader.u16(p + 28), let extraLength = reader.u16(p + 30),
                  let commentLength = reader.u16(p + 32), let local = reader.u32(p + 42) else {
                throw .corruptContainer("damaged central directory")
            }
            let nameStart = p + 46
            let next = nameStart + Int(nameLength) + Int(extraLength) + Int(commentLength)
            guard next <= end else { throw .corruptContainer("damaged central directory") }
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || local == 0xFFFF_FFFF {
                throw .corruptContainer("ZIP64 archives are not supported")
            }
            guard Int(local) < end else { throw .corruptContainer("an entry lies outside the file (truncated?)") }
            let name = String(decoding: reader.bytes[nameStart..<(nameStart + Int(nameLength))], as: UTF8.self)
            entries.append(Entry(name: name, method: method, flags: flags, crc32: crc,
                                 compressedSize: Int(compressed), uncompressedSize: Int(uncompressed),
                                 localHeaderOffset: Int(local), time: time, date: date))
            p = next
        }
        return entries
    }

    /// Refuses before inflating anything when the declared sizes already add up to a bomb.
    private func checkDeclaredSizes() throws(LoadError) {
        var total = 0
        for entry in entries {
            total += entry.uncompressedSize
            if total > limits.maxInflatedBytes {
                throw .zipBomb("entries declare more than \(limits.maxInflatedBytes) bytes in total")
            }
            let beyondGrace = entry.uncompressedSize - Self.ratioGraceBytes
            if entry.method == 8, beyondGrace > 0, beyondGrace / max(entry.compressedSize, 1) > limits.maxCompressionRatio {
                throw .zipBomb("\(entry.name) declares a compression ratio above \(limits.maxCompressionRatio):1")
            }
        }
    }
}

/// Little-endian integers read from a byte array with bounds checks (nil past the end).
struct ByteReader {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at <= bytes.count - 2 else { return nil }
        return UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32? {
        guard at >= 0, at <= bytes.count - 4 else { return nil }
        return UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
