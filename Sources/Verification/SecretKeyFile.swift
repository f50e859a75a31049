import Cryptography
import Foundation

/// The AES-256 key that seals token secrets, in a file kept apart from the database (SPEC §9): a
/// copy of `ivr.sqlite` without this file reveals no secret.
///
/// The file holds 32 raw random bytes, mode 0600. It is created on first need, atomically: written to
/// a private temporary file, fsynced, then *linked* into place, so two processes creating it at once
/// end up with one key (the loser reads the winner's) and no reader ever sees a half-written key.
/// A key file that others can read, or that is not 32 bytes, is refused rather than used.
public struct SecretKeyFile: Sendable, Equatable {
    public let url: URL

    /// The environment variable that moves the key file (for example onto another volume).
    public static let environmentVariable = "IVR_KEY_FILE"
    /// Its name inside the state directory when `IVR_KEY_FILE` is not set.
    public static let defaultFileName = "secret.key"

    public init(url: URL) { self.url = url }

    /// `IVR_KEY_FILE` when set and not empty, else `STATE/secret.key`.
    public static func location(environment: [String: String], stateDirectory: URL) -> SecretKeyFile {
        if let path = environment[environmentVariable], !path.isEmpty {
            return SecretKeyFile(url: URL(fileURLWithPath: path))
        }
        return SecretKeyFile(url: stateDirectory.appendingPathComponent(defaultFileName))
    }

    /// The key, or nil when the file does not exist.
    public func load() throws(TokenError) -> [UInt8]? {
        var status = stat()
        // stat, not lstat: a key file may be a symlink to a mounted secret; what it points to is checked.
        guard stat(url.path, &status) == 0 else {
            if errno == ENOENT { return nil }
            throw .keyFile(path: url.path, problem: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw .keyFile(path: url.path, problem: "not a regular file") }
        guard status.st_mode & 0o077 == 0 else {
            throw .keyFile(path: url.path, problem: String(format: "readable by others (mode %o); run chmod 600 on it", status.st_mode & 0o777))
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw .keyFile(path: url.path, problem: "cannot be read")
        }
        guard data.count == AESGCM.keyByteCount else {
            throw .keyFile(path: url.path, problem: "holds \(data.count) bytes, not a \(AESGCM.keyByteCount)-byte key")
        }
        return [UInt8](data)
    }

    /// The key, creating the file with a fresh random key when it does not exist.
    public func loadOrCreate() throws(TokenError) -> [UInt8] {
        if let key = try load() { return key }
        try create()
        guard let key = try load() else { throw .keyFile(path: url.path, problem: "vanished right after it was created") }
        return key
    }

    private func create() throws(TokenError) {
        let directory = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw .keyFile(path: url.path, problem: "its directory cannot be created: \(error.localizedDescription)")
        }
        let key: [UInt8]
        do { key = try AESGCM.generateKey() } catch { throw .keyFile(path: url.path, problem: "\(error)") }
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .keyFile(path: url.path, problem: "cannot be created: \(String(cString: strerror(errno)))") }
        defer { unlink(temporary) }
        let written = key.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd)
        close(fd)
        guard written == key.count, synced == 0 else {
            throw .keyFile(path: url.path, problem: "cannot be written: \(String(cString: strerror(errno)))")
        }
        // link() never replaces: if another process put a key there first, keep theirs.
        if link(temporary, url.path) != 0, errno != EEXIST {
            throw .keyFile(path: url.path, problem: "cannot be put in place: \(String(cString: strerror(errno)))")
        }
        let directoryFD = open(directory.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }
}
