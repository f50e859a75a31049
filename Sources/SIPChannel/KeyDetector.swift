import VoiceCall

/// Turns a stream of RFC 4733 packets into key presses, once each (SPEC §15).
///
/// - The repeated end packets of one event count once; a held key (many packets of one event)
///   counts once.
/// - A packet starts a new key when its RTP timestamp differs from the current event's, or when it
///   is not an end packet and the current event has already ended (a sender that reuses the
///   timestamp for the next press).
/// - Sequence numbers are not used to drop packets: recorded DTMF replayed from a pcap (as sipp
///   does) repeats old sequence numbers, and such packets must still be heard.
/// - An event whose start packets were lost is reported at its first end packet.
///
/// Pure and deterministic; the channel feeds it every telephone-event packet of one call.
public struct KeyDetector: Sendable {
    private var current: (timestamp: UInt32, ended: Bool)?

    public init() {}

    /// The key this packet begins, or `nil` when it continues (or ends) an event already counted
    /// or carries a code that is not a key.
    public mutating func packet(timestamp: UInt32, event: TelephoneEvent) -> DTMFKey? {
        let isNew: Bool
        if let current {
            isNew = current.timestamp != timestamp || (current.ended && !event.end)
        } else {
            isNew = true
        }
        guard isNew else {
            if event.end { current?.ended = true }
            return nil
        }
        guard let key = event.key else { return nil }
        current = (timestamp, event.end)
        return key
    }
}
