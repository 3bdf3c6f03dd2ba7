import Foundation
import Testing
@testable import ReportLint

/// What reading a path does with things that are not plain files.
@Suite("Reading files from disk")
struct FileBytesTests {
    @Test func specialFilesAreRefusedWithoutBlocking() throws {
        let dir = TestSupport.scratch.appendingPathComponent("xxgk-filebytes-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("draft.txt").path, fifo = dir.appendingPathComponent("pipe.txt").path
        let link = dir.appendingPathComponent("link.txt").path, fifoLink = dir.appendingPathComponent("fifo-link.txt").path
        let dirLink = dir.appendingPathComponent("folder.txt").path
        FileManager.default.createFile(atPath: file, contents: Data("一、总体情况\n".utf8))
        #expect(mkfifo(fifo, 0o600) == 0)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try FileManager.default.createSymbolicLink(atPath: fifoLink, withDestinationPath: fifo)
        try FileManager.default.createSymbolicLink(atPath: dirLink, withDestinationPath: dir.path)
        let loader = DocumentLoader()
        #expect(try loader.load(path: link).lines.first?.text == "一、总体情况", "a link to a draft is read")
        // A FIFO opened for reading would wait for a writer forever: it is refused before it is opened.
        for path in [fifo, fifoLink, dirLink] {
            #expect(throws: LoadError.notAFile, "\(path)") { try loader.load(path: path) }
        }
        #expect(throws: LoadError.notFound) { try loader.load(path: dir.appendingPathComponent("missing.txt").path) }
    }
}
