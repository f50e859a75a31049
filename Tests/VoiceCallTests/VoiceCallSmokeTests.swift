import Testing
@testable import VoiceCall
