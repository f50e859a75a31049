import Cryptography
import Foundation

/// The key that seals SMS bodies in the outbox and keys the code hashes.
///
/// Until the OATH tokens' key file (`IVR_KEY_FILE`, SPEC §9) is in this build, the key lives in
/// this process only: a sent code can be read back and checked within the run that sent it (which
/// is all `ivr signin` needs), and a copied database reveals nothing. Swap this for the key file
/// when it lands so other processes can deliver queued messages.
extension VerificationSession {
    func smsSealingKey() throws -> [UInt8] {
        try ProcessKey.shared.key()
    }
}

private final class ProcessKey: @unchecked Sendable {
    static let shared = ProcessKey()
    private let lock = NSLock()
    private var value: [UInt8]?

    func key() throws -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let value { return value }
        let fresh = try AESGCM.generateKey()
        value = fresh
        return fresh
    }
}
