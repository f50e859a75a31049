import Foundation
import VoiceCall

extension VerificationStore {
    /// The stored settings, or the defaults when none were ever saved.
    public func loadSettings() throws -> Settings {
        guard let json = try self.db.query("SELECT json FROM settings WHERE id = 1", [], { $0.text(0) }).first else {
            return Settings()
        }
        if let known = SettingsMemo.shared.settings(for: json) { return known }
        do {
            let settings = try JSONDecoder().decode(Settings.self, from: Data(json.utf8))
            SettingsMemo.shared.remember(settings, for: json)
            return settings
        } catch {
            throw StoreError(.corruptData, "the stored settings cannot be read: \(error)")
        }
    }

    /// Changes the settings in one read-modify-write transaction.
    ///
    /// `change` sees the current settings; when it throws (a rejected value), nothing is written and
    /// its error is rethrown.
    ///
    /// - Returns: the settings as saved.
    @discardableResult
    public func updateSettings(_ change: (inout Settings) throws -> Void) throws -> Settings {
        try self.write {
            var settings = try self.loadSettings()
            try change(&settings)
            try self.saveSettings(settings)
            return settings
        }
    }

    func saveSettings(_ settings: Settings) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let json = String(decoding: try encoder.encode(settings), as: UTF8.self)
        try self.db.run(
            "INSERT INTO settings (id, json) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
            [.text(json)])
    }
}

/// The last settings decoded in this process, by their stored JSON text.
///
/// Every call and every API request reads the settings; the row is read each time (so a change by
/// another process counts at once), but decoding its JSON cost more than the rest of a simulated
/// call. The same text always decodes to the same value, so it is decoded once per change.
final class SettingsMemo: @unchecked Sendable {
    static let shared = SettingsMemo()
    private let lock = NSLock()
    private var json = ""
    private var settings: Settings?

    func settings(for text: String) -> Settings? {
        lock.withLock { text == json ? settings : nil }
    }

    func remember(_ decoded: Settings, for text: String) {
        lock.withLock {
            json = text
            settings = decoded
        }
    }
}
