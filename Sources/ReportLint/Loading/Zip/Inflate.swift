import CZlib

/// Raw DEFLATE decompression (zip method 8) through the system zlib, with a hard cap on the output.
///
/// The cap is the defence against zip bombs: the output grows in 64 KiB steps and inflation stops the
/// moment it would pass `outputLimit`, so a 100 MB stream of zeros costs at most `outputLimit` bytes of
/// memory and the time to inflate that many, however large the entry claims (or does not claim) to be.
enum Inflate {
    enum Failure: Error, Equatable {
        /// The stream inflates to more than the cap.
        case exceedsLimit
        /// The stream is not valid DEFLATE data, or ends early.
        case corrupt(String)
    }

    static func raw(_ input: ArraySlice<UInt8>, outputLimit: Int) -> Result<[UInt8], Failure> {
        guard input.count <= Int(UInt32.max) else { return .failure(.corrupt("entry too large")) }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(.corrupt("zlib could not be initialised"))
        }
        defer { inflateEnd(&stream) }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        let contiguous = Array(input)
        return contiguous.withUnsafeBufferPointer { inBuffer -> Result<[UInt8], Failure> in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = uInt(inBuffer.count)
            while true {
                var status: Int32 = Z_OK
                let produced = chunk.withUnsafeMutableBufferPointer { out -> Int in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    return out.count - Int(stream.avail_out)
                }
                switch status {
                case Z_OK, Z_STREAM_END, Z_BUF_ERROR: break
                case Z_DATA_ERROR: return .failure(.corrupt("invalid compressed data"))
                default: return .failure(.corrupt("zlib error \(status)"))
                }
                if produced > outputLimit - output.count { return .failure(.exceedsLimit) }
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END { return .success(output) }
                // No progress with all input consumed: the stream was cut short.
                if produced == 0 && stream.avail_in == 0 { return .failure(.corrupt("compressed data ends early")) }
                if status == Z_BUF_ERROR && produced == 0 { return .failure(.corrupt("compressed data ends early")) }
            }
        }
    }

    /// The CRC-32 zip stores for each entry, to tell a damaged entry from a good one.
    static func crc32Checksum(_ bytes: [UInt8]) -> UInt32 {
        bytes.withUnsafeBufferPointer { buffer in
            UInt32(crc32(0, buffer.baseAddress, uInt(buffer.count)))
        }
    }
}
