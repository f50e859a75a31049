import Foundation
import VoiceCall

extension VerificationStore {
    /// The stored settings, or the defaults when none were ever saved.
    ///
    /// The row is read every time (another process may have changed it), but decoded only when its
    /// text differs from the last one decoded: a call reads the settings two or three times, and
    /// `JSONDecoder` was then a third of the time of a batch of calls.
    public func loadSettings() throws -> Settings {
        guard let json = try self.db.query("SELECT json FROM settings WHERE id = 1", [], { $0.text(0) }).first else {
            return Settings()
        }
        if let decoded = self.decodedSettings, decoded.json == json {
            return decoded.settings
        }
        do {
            let settings = try JSONDecoder().decode(Settings.self, from: Data(json.utf8))
            self.decodedSettings = (json, settings)
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
