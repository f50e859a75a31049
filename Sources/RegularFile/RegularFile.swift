#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file opened for reading, and nothing else: the one way the engine opens a file an
/// outsider names (a call script, a greeting, a stored greeting being re-validated).
///
/// SPEC §13: a FIFO, a device or a directory given as a script or greeting is refused at once and
/// never read in a way that blocks. Opening a FIFO for reading normally waits for a writer, so the
/// path is opened with `O_NONBLOCK` (which returns at once for every kind of file), then `fstat`
/// on the open descriptor — not on the path, which could be swapped in between — decides; only a
/// regular file is kept, and its descriptor is switched back to blocking reads.
public final class RegularFile {
    /// The open descriptor, closed by `deinit`.
    public let descriptor: CInt
    /// The size in bytes, from `fstat` at open time.
    public let size: Int

    /// Opens `path` for reading.
    ///
    /// - Throws: `RegularFileError` when the path cannot be opened or is not a regular file.
    public init(path: String) throws(RegularFileError) {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw .cannotOpen(Self.systemMessage(errno)) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let code = errno
            close(fd)
            throw .cannotOpen(Self.systemMessage(code))
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            close(fd)
            throw .notRegular(kind)
        }
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        self.descriptor = fd
        self.size = Int(info.st_size)
    }

    deinit {
        close(self.descriptor)
    }

    /// Fills `buffer` from `offset`, stopping early only at end of file.
    ///
    /// - Returns: the number of bytes read (less than the buffer only at end of file).
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws(RegularFileError) -> Int {
        guard let base = buffer.baseAddress, offset >= 0 else { return 0 }
        var done = 0
        while done < buffer.count {
            let n = pread(self.descriptor, base + done, buffer.count - done, off_t(offset + done))
            if n < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(Self.systemMessage(errno))
            }
            if n == 0 { break }
            done += n
        }
        return done
    }

    /// The whole file, when it holds at most `limit` bytes (at most `limit + 1` bytes are read,
    /// so a file that grows while it is read is still refused).
    ///
    /// - Throws: `RegularFileError.tooLarge` with the size seen.
    public func contents(limit: Int) throws(RegularFileError) -> [UInt8] {
        guard self.size <= limit else { throw .tooLarge(self.size) }
        // Sized by `fstat`, plus one byte that shows a file grown since; only such a file is read
        // again up to the limit. (Allocating and zeroing `limit` bytes per file dominated a batch
        // of thousands of small call scripts.)
        var bytes = try self.bytes(upTo: self.size + 1)
        if bytes.count > self.size { bytes = try self.bytes(upTo: limit + 1) }
        guard bytes.count <= limit else { throw .tooLarge(bytes.count) }
        return bytes
    }

    /// The first `count` bytes (fewer at end of file), read into an array left uninitialised.
    private func bytes(upTo count: Int) throws(RegularFileError) -> [UInt8] {
        var failure: RegularFileError?
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
            do throws(RegularFileError) {
                initialized = try self.read(into: UnsafeMutableRawBufferPointer(buffer), at: 0)
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return bytes
    }

    /// Opens `path` and returns its bytes when it is a regular file of at most `limit` bytes.
    public static func contents(ofPath path: String, limit: Int) throws(RegularFileError) -> [UInt8] {
        try RegularFile(path: path).contents(limit: limit)
    }

    private static func systemMessage(_ code: CInt) -> String {
        String(cString: strerror(code))
    }
}

/// What a path is, as `fstat` tells it; everything but `.regular` is refused.
public enum FileKind: Equatable, Sendable {
    case regular
    case directory
    case fifo
    case characterDevice
    case blockDevice
    case socket
    case other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// "a named pipe (FIFO)", as a sentence needs it.
    public var description: String {
        switch self {
        case .regular: "a regular file"
        case .directory: "a directory"
        case .fifo: "a named pipe (FIFO)"
        case .characterDevice: "a character device"
        case .blockDevice: "a block device"
        case .socket: "a socket"
        case .other: "a special file"
        }
    }
}

/// Why a path could not be read as a regular file; `message` completes "cannot read X: …".
public enum RegularFileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// `open` or `fstat` failed (no such file, permission denied, …), with the system's words.
    case cannotOpen(String)
    /// The path is a FIFO, a device, a directory or a socket.
    case notRegular(FileKind)
    /// A read failed part way.
    case cannotRead(String)
    /// More bytes than the caller's limit.
    case tooLarge(Int)

    public var message: String {
        switch self {
        case .cannotOpen(let why), .cannotRead(let why): why
        case .notRegular(let kind): "it is \(kind.description), not a regular file"
        case .tooLarge(let size): "it holds \(size) bytes or more, over the limit"
        }
    }

    public var description: String { self.message }
}
