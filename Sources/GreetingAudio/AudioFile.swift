#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import RegularFile

/// A greeting file opened for reading: a `RegularFile` (so a FIFO, a device or a directory is
/// refused at once, never waited on) seen through the validator's error type.
///
/// Everything the validator reads goes through `read(into:at:)` with caller-supplied fixed-size
/// buffers, so memory never grows with the file.
final class AudioFile {
    private let file: RegularFile
    /// The size in bytes, from `fstat` at open time.
    var size: Int { self.file.size }

    /// Opens `path` for reading and stats it.
    ///
    /// - Throws: `AudioFileError` when the path cannot be opened or is not a regular file.
    init(path: String) throws(AudioFileError) {
        do {
            self.file = try RegularFile(path: path)
        } catch {
            throw AudioFileError(message: error.message)
        }
    }

    /// Fills `buffer` from `offset`, stopping early only at end of file.
    ///
    /// - Returns: the number of bytes read (less than the buffer only at end of file).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(AudioFileError) -> Int {
        do {
            return try self.file.read(into: buffer, at: offset)
        } catch {
            throw AudioFileError(message: error.message)
        }
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

    var description: String { self.message }
}
