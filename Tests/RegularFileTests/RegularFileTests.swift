import Foundation
import Testing
import RegularFile

/// A path an outsider names is read only when it is a regular file; anything else is refused at
/// once, without blocking (SPEC §13). Each test would hang on a FIFO if the open blocked.
@Suite struct RegularFileTests {
    static func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("regular-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("a regular file is read whole, with its size")
    func regular() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("a.txt").path
        try Data("hello".utf8).write(to: URL(fileURLWithPath: path))
        let file = try RegularFile(path: path)
        #expect(file.size == 5)
        #expect(try file.contents(limit: 5) == Array("hello".utf8))
        #expect(throws: RegularFileError.tooLarge(5)) { try RegularFile.contents(ofPath: path, limit: 4) }
    }

    @Test("a FIFO with no writer is refused at once")
    func fifo() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("pipe.wav").path
        try #require(mkfifo(path, 0o600) == 0)
        #expect(throws: RegularFileError.notRegular(.fifo)) { try RegularFile(path: path) }
        #expect(RegularFileError.notRegular(.fifo).message == "it is a named pipe (FIFO), not a regular file")
    }

    @Test("a directory and a character device are refused", arguments: [("/dev/null", FileKind.characterDevice), ("/tmp", .directory)])
    func special(path: String, kind: FileKind) {
        #expect(throws: RegularFileError.notRegular(kind)) { try RegularFile(path: path) }
    }

    @Test("a missing file says so in the system's words")
    func missing() {
        #expect(throws: RegularFileError.cannotOpen("No such file or directory")) { try RegularFile(path: "/nonexistent/x") }
    }
}
