import Testing
@testable import GreetingAudio
