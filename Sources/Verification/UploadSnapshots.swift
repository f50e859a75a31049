#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The private folders (`$TMPDIR/ivr-upload-PID-UUID`) an upload copies its file into before
/// validating and storing it. Each upload removes its own; a killed upload cannot, so every upload
/// first sweeps the folders whose process is gone (issue 12).
///
/// Whose is whose: the folder name carries the uploading process's id. A folder whose process no
/// longer exists is debris; one whose process is alive is a concurrent upload and is left alone.
/// Folders named before the id was added (`ivr-upload-UUID`) are swept once an hour old.
enum UploadSnapshots {
    static let prefix = "ivr-upload-"
    /// How old a folder without a process id must be before it counts as debris.
    static let legacyAge: TimeInterval = 3600

    /// A new, empty, private (0700) snapshot folder for this process.
    static func make() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(Self.prefix)\(getpid())-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Removes the folders left by uploads whose process has ended. Never throws: a folder that
    /// cannot be removed (another user's) is left for its owner.
    static func sweep(now: Date = Date()) {
        let fm = FileManager.default
        let temporary = fm.temporaryDirectory
        guard let names = try? fm.contentsOfDirectory(atPath: temporary.path) else { return }
        for name in names where name.hasPrefix(Self.prefix) {
            let url = temporary.appendingPathComponent(name, isDirectory: true)
            if Self.isDebris(name: name, url: url, now: now) { try? fm.removeItem(at: url) }
        }
    }

    private static func isDebris(name: String, url: URL, now: Date) -> Bool {
        let rest = name.dropFirst(Self.prefix.count)
        if let dash = rest.firstIndex(of: "-"), let pid = pid_t(rest[..<dash]), pid > 0 {
            // kill(pid, 0): ESRCH means no such process; EPERM means it exists under another user.
            return kill(pid, 0) != 0 && errno == ESRCH
        }
        let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? nil
        return modified.map { now.timeIntervalSince($0) >= Self.legacyAge } ?? false
    }
}
