import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Frames parked on disk while a batch waits for its batch rules: written once, read back once, in order.
/// The file is unlinked as soon as it is made, so nothing is left behind even if the run is killed. If no
/// temporary file can be made, or the disk fills up, the frames stay in memory (correct, only not flat).
struct Spool {
    private var fd: Int32 = -1
    /// Bytes of whole frames in the file.
    private var written = 0
    private var pending: [UInt8] = []
    private var inMemory: [[UInt8]] = []

    init() {
        var template = Array((NSTemporaryDirectory() + "/xxgk-lint-spool-XXXXXX").utf8CString)
        fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd >= 0 { template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) } }
    }

    mutating func append(_ frame: [UInt8]) {
        guard fd >= 0 else { inMemory.append(frame); return }
        pending += Frame.wrap(frame)
        if pending.count >= 1 << 16 { flush() }
    }

    private mutating func flush() {
        guard fd >= 0, !pending.isEmpty else { return }
        if Descriptor.writeAll(pending, to: fd) {
            written += pending.count
        } else {
            // The disk is full: keep the whole frames that reached the file and those not yet written.
            var frames: [[UInt8]] = []
            readBack { frames.append(Array($0)) }
            var unwritten = FrameReader(bytes: pending)
            while let frame = unwritten.next() { frames.append(Array(frame)) }
            close(fd)
            fd = -1
            inMemory = frames
        }
        pending.removeAll(keepingCapacity: true)
    }

    /// Reads the first `written` bytes of the file back as frames.
    private func readBack(_ body: (ArraySlice<UInt8>) -> Void) {
        guard lseek(fd, 0, SEEK_SET) == 0 else { return }
        var reader = FrameReader(), left = written
        while left > 0 {
            let n = reader.fill(from: fd, limit: left)
            if n <= 0 { break }
            left -= n
            while let frame = reader.next() { body(frame) }
        }
    }

    /// Hands every frame back in order, then closes the spool.
    mutating func replay(_ body: (ArraySlice<UInt8>) -> Void) {
        flush()
        if fd >= 0 {
            readBack(body)
            close(fd)
            fd = -1
        }
        for frame in inMemory { body(frame[...]) }
        inMemory = []
    }
}
