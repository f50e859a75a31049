import Foundation
import Testing
@testable import Verification

@Suite("Mail delivery command")
struct MailDeliveryTests {
    @Test("A command that does not finish in time is ended with its children, and the mail stays queued")
    func timeoutEndsTheGroup() throws {
        let marker = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-mail-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: marker) }
        // The background child would write the marker after 2 s if it outlived the timeout.
        let delivery = MailDelivery(command: "(sleep 2; touch '\(marker.path)') & sleep 60", timeout: 0.3)
        #expect(throws: MailDelivery.DeliveryError.self) { try delivery.deliver("Subject: x\r\n\r\nbody\r\n") }
        Thread.sleep(forTimeInterval: 2.5)
        #expect(!FileManager.default.fileExists(atPath: marker.path), "a child of the delivery command survived")
    }

    @Test("The command's error output is part of the failure reason")
    func failureReason() {
        let delivery = MailDelivery(command: "cat >/dev/null; echo 'relay refused' >&2; exit 4")
        #expect(throws: MailDelivery.DeliveryError(reason: "'cat >/dev/null; echo 'relay refused' >&2; exit 4' exited with status 4: relay refused")) {
            try delivery.deliver("Subject: x\r\n\r\nbody\r\n")
        }
    }
}
