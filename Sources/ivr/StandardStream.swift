#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard output or standard error written with `write(2)`, so a failure is an `errno` to act
/// on rather than the trap `FileHandle.write` turns it into.
enum StandardStream {
    case output
    case error

    private var descriptor: CInt {
        switch self {
        case .output: STDOUT_FILENO
        case .error: STDERR_FILENO
        }
    }

    enum WriteResult: Equatable {
        case written
        /// The write failed with this `errno` (`ENOSPC`, `EPIPE`, …).
        case failure(CInt)
    }

    /// Writes all of `text`, retrying short writes and interruptions.
    func write(_ text: String) -> WriteResult {
        self.write(bytes: Array(text.utf8))
    }

    /// Writes all of `bytes`, retrying short writes and interruptions.
    func write(bytes: [UInt8]) -> WriteResult {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                systemWrite(self.descriptor, raw.baseAddress! + done, raw.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(errno)
            }
            done += n
        }
        return .written
    }
}

#if canImport(Glibc)
private func systemWrite(_ fd: CInt, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Glibc.write(fd, buffer, count) }
#elseif canImport(Darwin)
private func systemWrite(_ fd: CInt, _ buffer: UnsafeRawPointer, _ count: Int) -> Int { Darwin.write(fd, buffer, count) }
#endif
