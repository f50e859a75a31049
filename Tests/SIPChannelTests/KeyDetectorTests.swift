import SIPChannel
import Testing
import VoiceCall

/// RFC 4733 payloads and how a stream of them becomes keys (SPEC §15's fine points).
struct KeyDetectorTests {
    private func event(_ code: UInt8, end: Bool = false, duration: UInt16 = 160) -> TelephoneEvent {
        TelephoneEvent(code: code, end: end, duration: duration)
    }

    @Test func payloadRoundTrip() {
        let original = TelephoneEvent(code: 11, end: true, volume: 10, duration: 800)
        #expect(original.bytes == [11, 0x8a, 0x03, 0x20])
        let decoded = original.bytes.withUnsafeBytes { TelephoneEvent(payload: $0) }
        #expect(decoded == original)
        #expect(decoded?.key == .pound)
    }

    @Test func shortPayloadIsRefused() {
        #expect([UInt8](repeating: 1, count: 3).withUnsafeBytes { TelephoneEvent(payload: $0) } == nil)
    }

    @Test func everyKeyHasItsCode() {
        for (text, code) in [("0", 0), ("9", 9), ("*", 10), ("#", 11), ("A", 12), ("D", 15)] {
            let key = DTMFKey(Character(text))!
            #expect(TelephoneEvent.code(for: key) == UInt8(code))
            #expect(TelephoneEvent(code: UInt8(code), end: false, duration: 0).key == key)
        }
        #expect(TelephoneEvent(code: 16, end: false, duration: 0).key == nil)
        #expect(TelephoneEvent(code: 255, end: true, duration: 0).key == nil)
    }

    @Test func oneEventWithRepeatedEndPacketsCountsOnce() {
        var detector = KeyDetector()
        var keys: [DTMFKey] = []
        for duration in stride(from: 160, through: 800, by: 160) {
            keys += [detector.packet(timestamp: 1000, event: event(11, duration: UInt16(duration)))].compactMap { $0 }
        }
        for _ in 0..<3 { keys += [detector.packet(timestamp: 1000, event: event(11, end: true, duration: 800))].compactMap { $0 } }
        #expect(keys == [.pound])
    }

    @Test func aHeldKeyCountsOnce() {
        var detector = KeyDetector()
        let keys = (1...200).compactMap { detector.packet(timestamp: 5, event: event(1, duration: UInt16($0 * 160 % 65536))) }
        #expect(keys == [DTMFKey("1")!])
    }

    @Test func aNewTimestampIsANewKeyEvenForTheSameDigit() {
        var detector = KeyDetector()
        var keys: [DTMFKey] = []
        for timestamp: UInt32 in [100, 900] {
            keys += [detector.packet(timestamp: timestamp, event: event(5))].compactMap { $0 }
            keys += [detector.packet(timestamp: timestamp, event: event(5, end: true))].compactMap { $0 }
        }
        #expect(keys == [DTMFKey("5")!, DTMFKey("5")!])
    }

    @Test func aReplayedRecordingWithTheSameTimestampIsANewKeyAfterItsEnd() {
        // sipp replays a pcap as recorded: the same timestamp and sequence numbers each time.
        var detector = KeyDetector()
        var keys: [DTMFKey] = []
        for _ in 0..<2 {
            keys += [detector.packet(timestamp: 92640, event: event(11))].compactMap { $0 }
            keys += [detector.packet(timestamp: 92640, event: event(11, duration: 320))].compactMap { $0 }
            for _ in 0..<3 { keys += [detector.packet(timestamp: 92640, event: event(11, end: true, duration: 1120))].compactMap { $0 } }
        }
        #expect(keys == [.pound, .pound])
    }

    @Test func anEventWhoseStartWasLostCountsAtItsEnd() {
        var detector = KeyDetector()
        #expect(detector.packet(timestamp: 7, event: event(3, end: true)) == DTMFKey("3"))
        #expect(detector.packet(timestamp: 7, event: event(3, end: true)) == nil)
    }

    @Test func absurdCodesAreNotKeysAndDoNotDisturbTheNext() {
        var detector = KeyDetector()
        #expect(detector.packet(timestamp: 1, event: event(200)) == nil)
        #expect(detector.packet(timestamp: 1, event: event(200, end: true)) == nil)
        #expect(detector.packet(timestamp: 2, event: event(4)) == DTMFKey("4"))
    }
}
