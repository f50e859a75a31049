import VoiceCall

/// One RFC 4733 telephone-event payload: the four bytes after the RTP header.
///
/// libre's `telev` sends at least nine packets per tone (180 ms at 20 ms) and tracks received events
/// by code alone, while SPEC §2 wants 100 ms tones and §15 tells events apart by RTP timestamp; so
/// the four bytes are coded here and the RTP around them stays libre's.
public struct TelephoneEvent: Sendable, Equatable {
    /// 0–9, 10 `*`, 11 `#`, 12–15 `A`–`D`; anything above is not a key.
    public var code: UInt8
    public var end: Bool
    /// Attenuation in dBm0 below zero (6 bits).
    public var volume: UInt8
    /// In timestamp units (1/8000 s) from the event's start.
    public var duration: UInt16

    public init(code: UInt8, end: Bool, volume: UInt8 = 10, duration: UInt16) {
        self.code = code
        self.end = end
        self.volume = volume & 0x3f
        self.duration = duration
    }

    /// Decodes a payload; `nil` when it is shorter than four bytes. Extra bytes (redundant events)
    /// are ignored.
    public init?(payload: UnsafeRawBufferPointer) {
        guard payload.count >= 4 else { return nil }
        code = payload[0]
        end = payload[1] & 0x80 != 0
        volume = payload[1] & 0x3f
        duration = UInt16(payload[2]) << 8 | UInt16(payload[3])
    }

    public var bytes: [UInt8] {
        [code, (end ? 0x80 : 0) | (volume & 0x3f), UInt8(duration >> 8), UInt8(duration & 0xff)]
    }

    /// The keypad key of this event, `nil` for codes that are not keys (flash, tones, junk).
    public var key: DTMFKey? { DTMFKey(code: code) }

    /// The event code of a key.
    public static func code(for key: DTMFKey) -> UInt8 { key.code }
}
