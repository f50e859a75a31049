import CSQLite
import Foundation

extension SQLiteDatabase {
    /// Opens the existing database at `path` for reading only, for a state directory this user
    /// cannot write (a backup, another account's state, a read-only mount).
    ///
    /// A WAL database normally needs its `-shm` file, which cannot be created in a read-only
    /// directory. When no `-wal` file exists every committed page is in the main file, so it is
    /// opened `immutable` (no shared memory, no locks); when one exists it is opened `mode=ro`,
    /// which reads through the existing `-wal` and `-shm`.
    convenience init(readingAt path: String) throws(SQLiteError) {
        let hasWAL = FileManager.default.fileExists(atPath: path + "-wal")
        let uri = "file:" + Self.uriPath(path) + (hasWAL ? "?mode=ro" : "?immutable=1")
        try self.init(path: uri, flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX)
    }

    /// `path` with the characters a URI gives meaning to (`?`, `#`, `%`, …) percent-encoded.
    private static func uriPath(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }
}
