import Foundation
import Testing
import VoiceCall
@testable import VerificationStore

@Suite struct GreetingStoreTests {
    /// Writes `bytes` to a file in `dir` (outside the state directory) and returns its URL.
    func source(_ dir: URL, _ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url
    }

    func files(_ store: VerificationStore) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: store.greetingsDirectory.path)) ?? []).sorted()
    }

    @Test func addCopiesTheBytesAndListsTheGreeting() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir.appendingPathComponent("state"))
            let wav = try source(dir.appendingPathComponent("in"), "hello.WAV", Array(repeating: 7, count: 100_000))
            let record = try store.addGreeting(
                type: .greetingStandard, language: "de-de", sourceFile: wav, format: "WAV", durationSeconds: 2.5,
                sizeBytes: 100_000, at: t0)
            #expect(record.language.description == "de-DE" && record.format == "wav")
            #expect(record.fileName.hasPrefix("greeting-standard.de-DE.") && record.fileName.hasSuffix(".wav"))
            #expect(try store.greetings() == [record])
            #expect(try Data(contentsOf: store.greetingFileURL(record)) == Data(contentsOf: wav))
            #expect(try store.greeting(type: .greetingStandard, language: "DE-de") == record)
            #expect(files(store) == [record.fileName])
        }
    }

    @Test func addReplacesThePreviousGreetingAndRemovesItsFile() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir.appendingPathComponent("state"))
            let first = try source(dir, "a.wav", [1, 2, 3])
            let second = try source(dir, "b.mp3", [4, 5, 6, 7])
            let old = try store.addGreeting(
                type: .greetingPIN, language: "fr-FR", sourceFile: first, format: "wav", durationSeconds: 1,
                sizeBytes: 3, at: t0)
            let other = try store.addGreeting(
                type: .greetingPIN, language: "en-US", sourceFile: first, format: "wav", durationSeconds: 1,
                sizeBytes: 3, at: t0)
            let new = try store.addGreeting(
                type: .greetingPIN, language: "fr-fr", sourceFile: second, format: "mp3", durationSeconds: 2,
                sizeBytes: 4, at: minutes(1))
            #expect(try store.greetings().sorted { $0.language < $1.language } == [other, new])
            #expect(!FileManager.default.fileExists(atPath: store.greetingFileURL(old).path))
            #expect(try Data(contentsOf: store.greetingFileURL(new)) == Data([4, 5, 6, 7]))
            #expect(files(store) == [other.fileName, new.fileName].sorted())

            #expect(try store.removeGreeting(type: .greetingPIN, language: "FR-FR"))
            #expect(try store.removeGreeting(type: .greetingPIN, language: "fr-FR") == false)
            #expect(try store.greetings() == [other])
            #expect(files(store) == [other.fileName])
        }
    }

    @Test(arguments: ["", "../../etc", "en/US", "en_US", "en US", "en-", "-en", "en--US", "ＥＮ", "en.US", "abcdefghi"])
    func refusesLanguageTagsThatAreNotPlain(_ language: String) throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir.appendingPathComponent("state"))
            let file = try source(dir, "a.wav", [1])
            let error = #expect(throws: StoreError.self) {
                try store.addGreeting(
                    type: .greetingPIN, language: language, sourceFile: file, format: "wav", durationSeconds: 1,
                    sizeBytes: 1, at: t0)
            }
            #expect(error?.code == .invalidLanguage)
            #expect(try store.greetings().isEmpty)
            #expect(files(store).isEmpty)
        }
    }

    @Test func refusesAFormatThatCouldBeAPath() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir.appendingPathComponent("state"))
            let file = try source(dir, "a.wav", [1])
            let error = #expect(throws: StoreError.self) {
                try store.addGreeting(
                    type: .greetingPIN, language: "en-US", sourceFile: file, format: "/../x", durationSeconds: 1,
                    sizeBytes: 1, at: t0)
            }
            #expect(error?.code == .invalidFormat)
        }
    }

    @Test func aSourceThatChangedSizeSinceValidationIsRefusedAndLeavesNothing() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir.appendingPathComponent("state"))
            let file = try source(dir, "a.wav", Array(repeating: 0, count: 200_000))
            for claimed in [100, 300_000] {
                let error = #expect(throws: StoreError.self) {
                    try store.addGreeting(
                        type: .greetingPIN, language: "en-US", sourceFile: file, format: "wav", durationSeconds: 1,
                        sizeBytes: claimed, at: t0)
                }
                #expect(error?.code == .fileCopy)
            }
            #expect(try store.greetings().isEmpty)
            #expect(files(store).isEmpty)
        }
    }

    @Test func sweepRemovesUnreferencedFilesOnly() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir.appendingPathComponent("state"))
            let kept = try store.addGreeting(
                type: .greetingPIN, language: "en-US", sourceFile: try source(dir, "a.wav", [1]), format: "wav",
                durationSeconds: 1, sizeBytes: 1, at: t0)
            // What a crash between rename and commit leaves, and a stale temporary file.
            let orphan = store.greetingsDirectory.appendingPathComponent("greeting-pin.en-US.dead.wav")
            try Data([9]).write(to: orphan)
            let staleTemp = store.greetingsDirectory.appendingPathComponent(".upload-stale")
            try Data([9]).write(to: staleTemp)
            let freshTemp = store.greetingsDirectory.appendingPathComponent(".upload-fresh")
            try Data([9]).write(to: freshTemp)
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: staleTemp.path)

            let deleted = try store.sweepOrphans(now: Date())
            #expect(deleted == [".upload-stale", "greeting-pin.en-US.dead.wav"])
            #expect(files(store) == [".upload-fresh", kept.fileName])
        }
    }

    @Test func aTamperedFileNameCannotLeaveTheGreetingsFolder() throws {
        try withStateDirectory { dir in
            let store = try VerificationStore(directory: dir)
            let record = GreetingRecord(
                type: .greetingPIN, language: try LanguageTag("en-US"), fileName: "../../etc/passwd", format: "wav",
                durationSeconds: 1, sizeBytes: 1, addedAt: t0)
            #expect(store.greetingFileURL(record).deletingLastPathComponent().standardizedFileURL == store.greetingsDirectory.standardizedFileURL)
        }
    }
}
