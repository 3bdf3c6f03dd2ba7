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

    /// Inflates `input`. `expectedSize` is the size the zip directory declares: when it is under the cap,
    /// zlib first writes straight into an output of that size plus one byte (so that a true declaration ends
    /// the stream in that one step, with no chunk to copy from). Past it, the output grows to each next
    /// multiple of 64 KiB, where the cap is checked — as before there was a first step, so a stream over the
    /// cap, or corrupt just after it, is refused exactly as it was.
    static func raw(_ input: ArraySlice<UInt8>, outputLimit: Int, expectedSize: Int = -1) -> Result<[UInt8], Failure> {
        guard input.count <= Int(UInt32.max) else { return .failure(.corrupt("entry too large")) }
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return .failure(.corrupt("zlib could not be initialised"))
        }
        defer { inflateEnd(&stream) }

        let chunk = 64 * 1024
        var output: [UInt8] = []
        var declaredStep = expectedSize >= 0 && expectedSize < outputLimit
        return input.withUnsafeBufferPointer { inBuffer -> Result<[UInt8], Failure> in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = uInt(inBuffer.count)
            while true {
                let end = declaredStep ? expectedSize + 1 : (output.count / chunk + 1) * chunk
                declaredStep = false
                var status: Int32 = Z_OK
                let piece = [UInt8](unsafeUninitializedCapacity: end - output.count) { out, produced in
                    stream.next_out = out.baseAddress
                    stream.avail_out = uInt(out.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    produced = out.count - Int(stream.avail_out)
                }
                switch status {
                case Z_OK, Z_STREAM_END, Z_BUF_ERROR: break
                case Z_DATA_ERROR: return .failure(.corrupt("invalid compressed data"))
                default: return .failure(.corrupt("zlib error \(status)"))
                }
                if piece.count > outputLimit - output.count { return .failure(.exceedsLimit) }
                if output.isEmpty { output = piece } else { output.append(contentsOf: piece) }
                if status == Z_STREAM_END { return .success(output) }
                // No progress with all input consumed: the stream was cut short.
                if piece.isEmpty && stream.avail_in == 0 { return .failure(.corrupt("compressed data ends early")) }
                if status == Z_BUF_ERROR && piece.isEmpty { return .failure(.corrupt("compressed data ends early")) }
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
