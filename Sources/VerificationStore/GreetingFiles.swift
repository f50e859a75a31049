#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Low-level file steps for greetings: a durable copy and a directory fsync.
enum GreetingFiles {
    /// Copies `source` to a new file `destination` (which must not exist), in 64 KiB blocks, refusing
    /// a source larger than `expectedSize`, then fsyncs the copy.
    ///
    /// - Returns: the number of bytes copied.
    static func durableCopy(from source: URL, to destination: URL, expectedSize: Int) throws -> Int {
        let input = open(source.path, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw failure("cannot open \(source.path)") }
        defer { close(input) }
        let output = open(destination.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard output >= 0 else { throw failure("cannot create \(destination.lastPathComponent)") }
        var closed = false
        defer { if !closed { close(output) } }

        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var total = 0
        while true {
            let count = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read \(source.path)")
            }
            if count == 0 { break }
            total += count
            guard total <= expectedSize else {
                throw StoreError(.fileCopy, "\(source.path) is larger than the validated \(expectedSize) bytes; validate it again")
            }
            var written = 0
            while written < count {
                let n = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, count - written) }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot write \(destination.lastPathComponent)")
                }
                written += n
            }
        }
        guard total == expectedSize else {
            throw StoreError(.fileCopy, "\(source.path) has \(total) bytes, not the validated \(expectedSize); validate it again")
        }
        guard fsync(output) == 0 else { throw failure("cannot flush \(destination.lastPathComponent)") }
        closed = true
        guard close(output) == 0 else { throw failure("cannot close \(destination.lastPathComponent)") }
        return total
    }

    /// Flushes a directory's entries (after a rename), so the new name survives a power cut.
    static func syncDirectory(_ url: URL) {
        let fd = open(url.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    /// Renames `from` to `to` in the same directory (atomic on POSIX).
    static func rename(_ from: URL, to: URL) throws {
        guard renameFile(from.path, to.path) == 0 else {
            throw failure("cannot rename \(from.lastPathComponent) to \(to.lastPathComponent)")
        }
    }

    private static func failure(_ what: String) -> StoreError {
        StoreError(.fileCopy, "\(what): \(String(cString: strerror(errno)))")
    }
}

#if canImport(Glibc)
private func renameFile(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }
#elseif canImport(Darwin)
private func renameFile(_ from: String, _ to: String) -> Int32 { Darwin.rename(from, to) }
#endif
