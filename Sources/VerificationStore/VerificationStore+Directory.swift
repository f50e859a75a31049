import Foundation

extension VerificationStore {
    /// The state directory when `--state` is not given (SPEC §10): `IVR_STATE_DIR` when set and not
    /// empty, else `$XDG_STATE_HOME/ivr` when `XDG_STATE_HOME` is an absolute path (the XDG rule:
    /// a relative value is ignored), else `~/.local/state/ivr`.
    ///
    /// - Parameters:
    ///   - environment: the process environment (`ProcessInfo.processInfo.environment`).
    ///   - home: the user's home directory.
    public static func defaultDirectory(environment: [String: String], home: URL) -> URL {
        if let explicit = environment["IVR_STATE_DIR"], !explicit.isEmpty {
            return URL(fileURLWithPath: explicit, isDirectory: true)
        }
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("ivr", isDirectory: true)
        }
        return home.appendingPathComponent(".local/state/ivr", isDirectory: true)
    }
}
