import Foundation

/// RFC 6238 time-based one-time passwords over an injected HMAC-SHA1, so this module stays pure
/// (the engine passes libcrypto's HMAC from `Cryptography`).
///
/// A *step* is `floor(unixTime / interval)`; the code of a step is RFC 4226 HOTP of the step counter:
/// HMAC-SHA1(secret, counter as 8 big-endian bytes), dynamic truncation, modulo 10^digits.
public struct TOTP: Sendable {
    /// HMAC-SHA1(key, message) → 20 bytes.
    public typealias HMACSHA1 = @Sendable (_ key: [UInt8], _ message: [UInt8]) -> [UInt8]

    /// Steps accepted on each side of the current one: one, for clock drift and typing time (SPEC §9).
    public static let window: Int64 = 1
    /// Digits in a code the engine accepts.
    public static let digits = 6

    private let secret: [UInt8]
    public let interval: TokenInterval
    private let hmac: HMACSHA1

    public init(secret: [UInt8], interval: TokenInterval, hmac: @escaping HMACSHA1) {
        self.secret = secret
        self.interval = interval
        self.hmac = hmac
    }

    /// The step that contains `time` (times before 1970 fall in negative steps and never match a code).
    public func step(at time: Date) -> Int64 {
        Int64((time.timeIntervalSince1970 / Double(interval.seconds)).rounded(.down))
    }

    /// The code of `step`, zero-padded to `digits` (6 to 8).
    public func code(forStep step: Int64, digits: Int = TOTP.digits) -> String {
        precondition((6...8).contains(digits), "TOTP codes have 6 to 8 digits")
        var counter = [UInt8](repeating: 0, count: 8)
        var value = UInt64(bitPattern: step)
        for index in (0..<8).reversed() {
            counter[index] = UInt8(value & 0xFF)
            value >>= 8
        }
        let mac = hmac(secret, counter)
        precondition(mac.count == 20, "the injected HMAC must be HMAC-SHA1 (20 bytes)")
        let offset = Int(mac[19] & 0x0F)
        let binary = (UInt32(mac[offset] & 0x7F) << 24) | (UInt32(mac[offset + 1]) << 16)
            | (UInt32(mac[offset + 2]) << 8) | UInt32(mac[offset + 3])
        var modulus: UInt32 = 1
        for _ in 0..<digits { modulus *= 10 }
        let number = String(binary % modulus)
        return String(repeating: "0", count: digits - number.count) + number
    }

    /// The code valid at `time`.
    public func code(at time: Date, digits: Int = TOTP.digits) -> String {
        code(forStep: step(at: time), digits: digits)
    }

    /// Checks `code` at `time` against the current step and one on each side.
    ///
    /// - Parameter lastUsedStep: the last step this token accepted, if any; a code of that step or an
    ///   earlier one is a replay (each step is accepted once, and never one older than the last).
    /// - Returns: the verdict; `.accepted` carries the step to remember as the new last used one.
    public func verify(_ code: String, at time: Date, lastUsedStep: Int64?) -> TOTPVerdict {
        guard code.utf8.count == Self.digits, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return .wrong }
        let current = step(at: time)
        var replayed = false
        // Latest first, so a code that happens to match two steps is taken for the newer one.
        for candidate in stride(from: current + Self.window, through: current - Self.window, by: -1) where candidate >= 0 {
            // Compared in constant time: the codes differ only in what an attacker guesses.
            guard Self.constantTimeEqual(self.code(forStep: candidate), code) else { continue }
            if let lastUsedStep, candidate <= lastUsedStep {
                replayed = true
                continue
            }
            return .accepted(step: candidate)
        }
        return replayed ? .replayed : .wrong
    }

    private static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let left = Array(a.utf8), right = Array(b.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}

/// What `TOTP.verify` decided.
public enum TOTPVerdict: Sendable, Hashable {
    /// Valid for `step`, which is newer than any step used before.
    case accepted(step: Int64)
    /// Valid only for a step at or before the last one used: a replay.
    case replayed
    /// Not the code of any step in the window (or not six digits).
    case wrong
}
