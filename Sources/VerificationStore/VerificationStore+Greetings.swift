import Foundation
import VoiceCall

extension VerificationStore {
    /// Adds a custom greeting (already validated by GreetingAudio), replacing the previous one of the
    /// same type and language.
    ///
    /// Steps: copy the bytes to a temporary file in `greetings/` and fsync it; then, in one write
    /// transaction, rename it to `<type>.<language>.<uuid>.<format>` and write the row (replacing
    /// the old row); after the commit, delete the old file. A crash at any point leaves either the old
    /// greeting or the new one in the catalog, each pointing at a complete file; at worst an
    /// unreferenced file remains, which ``sweepOrphans(now:)`` deletes. The file name is built only
    /// from the type id, the checked language tag, a UUID and the checked format, never from
    /// `sourceFile`.
    ///
    /// - Parameters:
    ///   - sizeBytes: the validated size; a source that now has another size is refused (it changed
    ///     after validation).
    /// - Throws: ``StoreError`` (`invalidLanguage`, `invalidFormat`, `fileCopy`), ``SQLiteError``.
    @discardableResult
    public func addGreeting(
        type: MessageType, language: String, sourceFile: URL, format: String, durationSeconds: Double,
        sizeBytes: Int, at time: Date
    ) throws -> GreetingRecord {
        let tag = try Self.checkedLanguageTag(language)
        guard let typedTag = try? LanguageTag(tag) else {
            throw StoreError(.invalidLanguage, "'\(language)' is not a language tag")
        }
        let format = try Self.checkedFormat(format)
        try Self.makeDirectory(self.greetingsDirectory)
        let fileName = "\(type.id).\(tag).\(UUID().uuidString.lowercased()).\(format)"
        let temporary = self.greetingsDirectory.appendingPathComponent(Self.temporaryPrefix + UUID().uuidString.lowercased())
        let final = self.greetingsDirectory.appendingPathComponent(fileName)
        defer { try? FileManager.default.removeItem(at: temporary) }  // no-op once renamed
        _ = try GreetingFiles.durableCopy(from: sourceFile, to: temporary, expectedSize: sizeBytes)

        let record = GreetingRecord(
            type: type, language: typedTag, fileName: fileName, format: format, durationSeconds: durationSeconds,
            sizeBytes: sizeBytes, addedAt: time)
        var renamed = false
        let previous: GreetingRecord?
        do {
            previous = try self.write { () throws -> GreetingRecord? in
                let old = try self.greeting(type: type, language: tag)
                try GreetingFiles.rename(temporary, to: final)
                renamed = true
                GreetingFiles.syncDirectory(self.greetingsDirectory)
                try self.db.run("DELETE FROM greetings WHERE type = ? AND language = ?", [.text(type.id), .text(tag)])
                try self.db.run(
                    """
                    INSERT INTO greetings (type, language, file, format, duration, size, added_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                    [
                        .text(type.id), .text(tag), .text(fileName), .text(format), .real(durationSeconds),
                        .int(sizeBytes), time.sqlValue,
                    ])
                return old
            }
        } catch {
            if renamed { try? FileManager.default.removeItem(at: final) }
            throw error
        }
        if let previous, previous.fileName != fileName {
            try? FileManager.default.removeItem(at: self.greetingFileURL(previous))
        }
        return record
    }

    /// Every custom greeting, by type then language.
    public func greetings() throws -> [GreetingRecord] {
        try self.db.query(Self.greetingSelect + " ORDER BY type, language", [], Self.greetingRow)
    }

    /// The custom greeting of `type` in exactly `language` (ignoring case), if any.
    public func greeting(type: MessageType, language: String) throws -> GreetingRecord? {
        try self.db.query(
            Self.greetingSelect + " WHERE type = ? AND language = ?", [.text(type.id), .text(language)],
            Self.greetingRow
        ).first
    }

    /// Removes the custom greeting of `type` and `language`; the file is deleted after the commit.
    ///
    /// - Returns: `false` when there was none.
    @discardableResult
    public func removeGreeting(type: MessageType, language: String) throws -> Bool {
        let removed = try self.write { () throws -> GreetingRecord? in
            guard let old = try self.greeting(type: type, language: language) else { return nil }
            try self.db.run("DELETE FROM greetings WHERE type = ? AND language = ?", [.text(type.id), .text(old.language.description)])
            return old
        }
        guard let removed else { return false }
        try? FileManager.default.removeItem(at: self.greetingFileURL(removed))
        return true
    }

    /// Where a greeting's audio is. Only the last path component of the stored name is used, so a
    /// tampered row cannot point outside `greetings/`.
    public func greetingFileURL(_ record: GreetingRecord) -> URL {
        let name = (record.fileName as NSString).lastPathComponent
        return self.greetingsDirectory.appendingPathComponent(name == ".." ? "invalid" : name)
    }

    /// Deletes files in `greetings/` that no catalog row references: greetings whose row never
    /// committed (a crash between rename and commit) or whose old file was not deleted after a
    /// replacement. Temporary files are deleted only when older than an hour before `now`, so an
    /// upload in progress in another process is left alone. Runs under the write lock, so no
    /// concurrent upload can be between its rename and its commit.
    ///
    /// - Returns: the names deleted.
    @discardableResult
    public func sweepOrphans(now: Date = Date()) throws -> [String] {
        try self.write {
            let referenced = Set(try self.db.query("SELECT file FROM greetings") { $0.text(0) })
            let names = (try? FileManager.default.contentsOfDirectory(atPath: self.greetingsDirectory.path)) ?? []
            var deleted: [String] = []
            for name in names.sorted() where !referenced.contains(name) {
                let url = self.greetingsDirectory.appendingPathComponent(name)
                if name.hasPrefix(Self.temporaryPrefix) {
                    let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate]) as? Date
                    guard let modified, now.timeIntervalSince(modified) > 3600 else { continue }
                }
                if (try? FileManager.default.removeItem(at: url)) != nil { deleted.append(name) }
            }
            return deleted
        }
    }

    // MARK: - Names

    static let temporaryPrefix = ".upload-"

    /// `language` if it is a plain tag of `[A-Za-z0-9]` subtags of 1–8 characters joined by `-`
    /// (at most 64 characters), with conventional casing (`de-DE`, `zh-Hant-TW`); otherwise throws.
    /// The full RFC 5646 check is VoiceCall's; this one only guarantees a safe file-name piece.
    static func checkedLanguageTag(_ language: String) throws -> String {
        let subtags = language.split(separator: "-", omittingEmptySubsequences: false)
        let plain =
            !language.isEmpty && language.utf8.count <= 64
            && subtags.allSatisfy { subtag in
                (1...8).contains(subtag.utf8.count)
                    && subtag.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
            }
        guard plain else {
            throw StoreError(.invalidLanguage, "'\(language)' is not a plain language tag like en-US (letters, digits and '-')")
        }
        return subtags.enumerated().map { index, subtag -> String in
            let text = String(subtag)
            if index == 0 { return text.lowercased() }
            if text.count == 2 { return text.uppercased() }
            if text.count == 4, text.allSatisfy(\.isLetter) { return text.prefix(1).uppercased() + text.dropFirst().lowercased() }
            return text.lowercased()
        }.joined(separator: "-")
    }

    static func checkedFormat(_ format: String) throws -> String {
        let lower = format.lowercased()
        guard (1...8).contains(lower.utf8.count), lower.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) }) else {
            throw StoreError(.invalidFormat, "'\(format)' is not a greeting format (wav or mp3)")
        }
        return lower
    }

    private static let greetingSelect = "SELECT type, language, file, format, duration, size, added_at FROM greetings"

    private static func greetingRow(_ row: SQLiteStatement) throws -> GreetingRecord {
        guard let type = MessageType(rawValue: row.text(0)) else {
            throw StoreError(.corruptData, "a stored greeting has an unknown type '\(row.text(0))'")
        }
        guard let language = try? LanguageTag(row.text(1)) else {
            throw StoreError(.corruptData, "a stored greeting has an invalid language tag '\(row.text(1))'")
        }
        return GreetingRecord(
            type: type, language: language, fileName: row.text(2), format: row.text(3),
            durationSeconds: row.double(4), sizeBytes: row.int(5), addedAt: row.date(6))
    }
}
