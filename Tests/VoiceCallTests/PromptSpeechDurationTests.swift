import Testing
@testable import VoiceCall

@Suite struct PromptSpeechDurationTests {
    @Test("150 words a minute for languages written with spaces")
    func words() {
        #expect(SpeechDuration.estimate(text: "one two three", language: .englishUS) == 1.2)
        #expect(SpeechDuration.estimate(text: "Press one, nine, then pound — now.", language: tag("fr-FR")) == 2.4)
        #expect(SpeechDuration.estimate(text: "", language: .englishUS) == 0)
    }

    @Test("Six characters a second for Japanese, punctuation and spaces not counted")
    func characters() {
        #expect(SpeechDuration.estimate(text: "いち、きゅう、シャープ", language: tag("ja-JP")) == 1.5)
        #expect(SpeechDuration.estimate(text: "あいうえおか", language: tag("ja")) == 1.0)
    }

    @Test("Spoken keys count: a longer fraud code makes a longer greeting", arguments: RealScripts.languages)
    func spokenKeysCount(language: String) throws {
        let scripts = try RealScripts.scripts()
        let language = tag(language)
        let short = try #require(scripts.render(.fraudGreetingStandard, language: language, fraudCode: "1"))
        let long = try #require(scripts.render(.fraudGreetingStandard, language: language, fraudCode: "12345678"))
        #expect(SpeechDuration.estimate(text: long, language: language) > SpeechDuration.estimate(text: short, language: language))
    }
}
