import Foundation
import GreetingAudio
import Testing
import VoiceCall
@testable import PromptAudio

/// espeak-ng for real (it is installed by scripts/install-deps.sh): every default prompt of the
/// six languages is speech in the telephone band, the cache serves it back, Japanese is kana.
@Suite("Prompt speech", .serialized)
struct PromptSpeakerTests {
    @Test("Every default prompt in all six languages renders as speech at 8 kHz")
    func everyPromptIsSpeech() throws {
        let fixture = try SpeakerFixture()
        defer { fixture.remove() }
        let prompts = try defaultPromptTexts()
        #expect(Set(prompts.map(\.tag.description)) == ["en-US", "fr-FR", "de-DE", "es-ES", "pt-BR", "ja-JP"])
        for prompt in prompts {
            let audio = try fixture.speaker.audio(prompt.text, language: prompt.tag)
            expectSpeech(audio, "\(prompt.type.id) [\(prompt.tag)]")
            #expect(audio.samples.count % TelephoneAudio.samplesPerMillisecond == 0)
        }
    }

    @Test("A cached prompt is read back sample for sample; a new synthesizer version misses the cache")
    func cacheRoundTrip() throws {
        let fixture = try SpeakerFixture()
        defer { fixture.remove() }
        let text = "Your sign-in was successfully verified. Goodbye."
        #expect(try !fixture.speaker.isCached(text, language: .englishUS))
        let rendered = try fixture.speaker.audio(text, language: .englishUS)
        #expect(try fixture.speaker.isCached(text, language: .englishUS))
        let cache = fixture.speaker.cache
        let voice = try #require(SpeechVoice(for: .englishUS))
        let file = cache.file(text: text, voice: voice, version: fixture.speaker.synthesizer.version)
        let decoded = try AudioDecoder.decode(fileAt: file.path)
        #expect(decoded.sampleRate == 8_000)
        #expect(cache.load(text: text, voice: voice, version: fixture.speaker.synthesizer.version) == rendered)
        // A second speaker (another process) reads the same file, not espeak-ng again.
        let again = PromptSpeaker(synthesizer: fixture.speaker.synthesizer, cache: cache)
        #expect(try again.audio(text, language: .englishUS) == rendered)
        #expect(fixture.speaker.durationSeconds(of: text, language: .englishUS) == rendered.durationSeconds)
        // The key holds text, voice and version: change any one and the file differs.
        #expect(cache.file(text: text, voice: voice, version: "eSpeak NG 9.99") != file)
        #expect(cache.file(text: text + " ", voice: voice, version: fixture.speaker.synthesizer.version) != file)
        #expect(cache.file(text: text, voice: try #require(SpeechVoice(for: try LanguageTag("fr-FR"))), version: fixture.speaker.synthesizer.version) != file)
        // No temporary file is left behind by the atomic write.
        let names = try FileManager.default.contentsOfDirectory(atPath: cache.directory.path)
        #expect(names.allSatisfy { $0.hasSuffix(".wav") && !$0.hasPrefix(".") })
    }

    @Test("Japanese prompts reach espeak-ng as kana only, and none is read as \"Chinese letter\"")
    func japaneseIsKana() throws {
        let fixture = try SpeakerFixture()
        defer { fixture.remove() }
        let japanese = try defaultPromptTexts().filter { $0.tag.primary == "ja" }
        #expect(japanese.count == 18)
        for prompt in japanese {
            let spoken = fixture.speaker.speechText(prompt.text, language: prompt.tag)
            let kanji = spoken.unicodeScalars.filter { (0x3400...0x9FFF).contains($0.value) }
            let latin = spoken.unicodeScalars.filter { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
            #expect(kanji.isEmpty, "\(prompt.type.id): kanji \(String(String.UnicodeScalarView(kanji)))")
            #expect(latin.isEmpty, "\(prompt.type.id): Latin \(String(String.UnicodeScalarView(latin)))")
            let phonemes = try Self.phonemes(spoken, voice: "ja", espeak: fixture.speaker.synthesizer.executable)
            // espeak-ng spells a kanji out in English: "(en)tS'aIni:z(ja)l'et@".
            #expect(!phonemes.contains("(en)"), "\(prompt.type.id) switches to English: \(phonemes)")
            #expect(!phonemes.isEmpty)
        }
        // The check itself catches a kanji.
        #expect(try Self.phonemes("確認", voice: "ja", espeak: fixture.speaker.synthesizer.executable).contains("(en)"))
    }

    @Test("A spoken prompt survives G.711 µ-law and A-law coding with telephone quality (SNR over 30 dB)")
    func g711OnSpeech() throws {
        let fixture = try SpeakerFixture()
        defer { fixture.remove() }
        let audio = try fixture.speaker.audio("Please press the pound key to finish your verification.", language: .englishUS)
        for (name, decoded) in [("µ-law", G711.muLaw(decode: G711.muLaw(encode: audio))), ("A-law", G711.aLaw(decode: G711.aLaw(encode: audio)))] {
            #expect(decoded.samples.count == audio.samples.count)
            var signal = 0.0, noise = 0.0
            for (original, coded) in zip(audio.samples, decoded.samples) {
                signal += Double(original) * Double(original)
                noise += (Double(coded) - Double(original)) * (Double(coded) - Double(original))
            }
            let snr = 10 * log10(signal / max(noise, 1))
            #expect(snr > 30, "\(name): SNR \(snr) dB")
            #expect(snr < 50, "\(name): SNR \(snr) dB is more than 8-bit companding can give")
        }
    }

    @Test("The displayed Japanese text keeps its kanji; only what espeak-ng hears changes")
    func readingsLeaveDisplayAlone() throws {
        let readings = KanaReadings(files: ["ja-JP": "確認 = かくにん\n# comment\n確認を完了 = かくにんをかんりょう\n"])
        let tag = try LanguageTag("ja-JP")
        #expect(readings.speechText("確認を完了する。確認", language: tag) == "かくにんをかんりょうする。かくにん")
        #expect(readings.speechText("確認", language: try LanguageTag("ja")) == "かくにん")
        #expect(readings.speechText("確認", language: .englishUS) == "確認")
    }

    /// `espeak-ng -x -q -v VOICE TEXT`: the phonemes it would speak.
    static func phonemes(_ text: String, voice: String, espeak: URL) throws -> String {
        let process = Process()
        process.executableURL = espeak
        process.arguments = ["-x", "-q", "-b", "1", "-v", voice, "--stdin"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        try input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
