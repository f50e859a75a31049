import VoiceCall

/// The RFC 4733 packets that send extension digits, one per 20 ms frame (SPEC §2: each digit a
/// 100 ms tone then a 100 ms gap).
///
/// A digit is ten frames: four event packets (durations 160…640), the end packet at 800 (100 ms),
/// two retransmissions of the end packet (RFC 4733 §2.5.1.4) and three frames of silence, which
/// together make the 100 ms gap. Every packet of one digit carries the timestamp of its first.
struct DigitSender {
    enum Packet: Equatable {
        /// `startTick`: how many frames ago the event started (its timestamp's offset).
        case event(TelephoneEvent, marker: Bool, startTick: Int)
        case silence
        /// Every digit has been sent.
        case done
    }

    static let framesPerDigit = 10
    private let keys: [DTMFKey]
    private var frame = 0

    init(keys: [DTMFKey]) { self.keys = keys }

    mutating func next() -> Packet {
        let digit = frame / Self.framesPerDigit
        let step = frame % Self.framesPerDigit
        guard digit < keys.count else { return .done }
        frame += 1
        let code = TelephoneEvent.code(for: keys[digit])
        switch step {
        case 0...3:
            return .event(TelephoneEvent(code: code, end: false, duration: UInt16(160 * (step + 1))), marker: step == 0, startTick: step)
        case 4...6:
            return .event(TelephoneEvent(code: code, end: true, duration: 800), marker: false, startTick: step)
        default:
            return .silence
        }
    }
}
