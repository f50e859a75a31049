import Foundation
import GreetingAudio
import RegularFile
import VerificationStore
import VoiceCall

extension VerificationSession {
    /// The outcome of an upload: the validator's report, and the stored record when accepted.
    public struct GreetingUpload: Sendable {
        public var report: GreetingReport
        public var record: GreetingRecord?
    }

    /// Validates and stores a custom greeting (SPEC §4).
    ///
    /// The upload is first snapshotted (at most one byte over the size limit is read), and the
    /// snapshot is both what is validated and what is stored: a file that changes while it is being
    /// checked cannot slip other bytes into the catalog. The store then writes it atomically,
    /// replacing the previous greeting of that type and language.
    public func addGreeting(type: MessageType, language: LanguageTag, file path: String) throws -> GreetingUpload {
        let limits = GreetingLimits.standard
        UploadSnapshots.sweep()  // folders of uploads killed before they could remove their own
        let snapshotDirectory = try UploadSnapshots.make()
        defer { try? FileManager.default.removeItem(at: snapshotDirectory) }
        let snapshot = snapshotDirectory.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent)

        let checked: GreetingReport
        // A regular file only (a FIFO or a device is refused at once, never waited on).
        if let bytes = try? RegularFile.contents(ofPath: path, limit: limits.maxBytes) {
            try Data(bytes).write(to: snapshot)
            checked = GreetingValidator.validate(fileAt: snapshot.path, limits: limits)
        } else {
            // Too large (refused by its size, unread), not a regular file, or unreadable: the validator says why.
            checked = GreetingValidator.validate(fileAt: path, limits: limits)
        }
        // Report the admin's path, not the snapshot's.
        let report = GreetingReport(file: path, format: checked.format, durationSeconds: checked.durationSeconds,
                                    sizeBytes: checked.sizeBytes, reasons: checked.reasons)
        guard report.accepted, let format = report.format, let duration = report.durationSeconds else {
            return GreetingUpload(report: report, record: nil)
        }
        try store.sweepOrphans(now: now)
        let record = try store.addGreeting(
            type: type, language: language.description, sourceFile: snapshot, format: format.rawValue,
            durationSeconds: duration, sizeBytes: report.sizeBytes, at: now)
        return GreetingUpload(report: report, record: record)
    }

    /// The greeting catalog, after sweeping files no row references (debris of an upload killed
    /// between its rename and its commit).
    public func greetings() throws -> [GreetingRecord] {
        if !store.isReadOnly { try store.sweepOrphans(now: now) }  // a read-only state is only read
        return try store.greetings()
    }

    /// Removes the custom greeting of `type` in `language`; `false` when there was none.
    public func removeGreeting(type: MessageType, language: LanguageTag) throws -> Bool {
        try store.removeGreeting(type: type, language: language.description)
    }

    /// Decodes every stored greeting again (after a library upgrade, say, or to check the state
    /// directory was not tampered with).
    public func revalidateGreetings() throws -> [GreetingReport] {
        try store.greetings().map { GreetingValidator.validate(fileAt: store.greetingFileURL($0).path) }
    }
}
