#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A read-only file descriptor that this object owns; `deinit` closes it.
///
/// Everything the validator reads goes through `read(into:at:)` with caller-supplied fixed-size
/// buffers, so memory never grows with the file.
final class AudioFile {
    /// The open descriptor. The corresponding C function is `open`.
    let descriptor: CInt
    /// The size in bytes, from `fstat` at open time.
    let size: Int

    /// Opens `path` for reading and stats it.
    ///
    /// - Throws: `AudioFileError` when the path cannot be opened or is not a regular file.
    init(path: String) throws(AudioFileError) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw AudioFileError(errno: errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw AudioFileError(errno: code)
        }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            throw AudioFileError(message: "it is not a regular file")
        }
        self.descriptor = fd
        self.size = Int(info.st_size)
    }

    deinit {
        close(self.descriptor)
    }

    /// Fills `buffer` from `offset`, stopping early only at end of file.
    ///
    /// - Returns: the number of bytes read (less than the buffer only at end of file).
    /// The corresponding C function is `pread`.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(AudioFileError) -> Int {
        guard let base = buffer.baseAddress, offset >= 0 else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = pread(self.descriptor, base + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw AudioFileError(errno: errno)
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// Reads at most `count` bytes (a header field, a chunk header) from `offset` into a small array.
    func bytes(at offset: Int, count: Int) throws(AudioFileError) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: max(0, count))
        let n = try result.withUnsafeMutableBytes { raw in
            Result { () throws(AudioFileError) -> Int in try self.read(into: raw, at: offset) }
        }.get()
        result.removeLast(result.count - n)
        return result
    }
}

/// A file that could not be opened or read, with the system's message.
struct AudioFileError: Error, CustomStringConvertible {
    let message: String

    init(message: String) { self.message = message }

    init(errno code: CInt) {
        self.message = String(cString: strerror(code))
    }

    var description: String { self.message }
}
