import Foundation
import VerificationStore

/// `POST /v1/verifications`, `GET /v1/verifications/{id}`, `POST /v1/verifications/{id}/cancel`.
extension APIServer {
    func createVerification(_ request: HTTPRequest, caller: Caller) throws -> HTTPResponse {
        guard runner.isAccepting else { throw APIError.unavailable("the server is stopping and takes no new calls") }
        let body = try JSONCoding.decodeStrict(VerificationRequestBody.self, from: request.body)
        let settings = try pool.with { ServerSettings(try $0.settings()) }
        let order = try pool.with { session in
            try VerificationOrder(
                body, callbackHosts: settings.callbackHosts, sipTrunk: settings.hasSIPTrunk, directory: session.registeredCallee, directoryPIN: session.scriptedCall,
                pinCheck: session.directoryPINCheck)
        }
        let record = VerificationRecord(
            id: try KeyDigest.randomHex(bytes: 16), keyID: caller.keyID, user: order.user.value, number: order.phone?.e164,
            status: .queued, requestJSON: String(decoding: JSONCoding.encode(order.summary), as: UTF8.self),
            callbackURL: order.callbackURL?.absoluteString, createdAt: clock())
        let refusal = try pool.writing { try $0.insertVerification(record, throttle: settings.throttle) }
        switch refusal {
        case .number(let seconds)?:
            throw APIError.throttled(
                "at most \(settings.throttle.perNumber) verifications to one number in 5 minutes (throttle.calls-per-number)",
                retryAfter: seconds)
        case .user(let seconds)?:
            throw APIError.throttled(
                "at most \(settings.throttle.perUser) verifications for one user in 5 minutes (throttle.calls-per-user)",
                retryAfter: seconds)
        case nil:
            break
        }
        guard runner.start(id: record.id, order: order, key: caller.key) else {
            _ = try pool.writing {
                try $0.updateVerification(
                    id: record.id, from: [.queued], to: .canceled,
                    outcome: .noCall("the server is stopping"),
                    endedAt: clock())
            }
            throw APIError.unavailable("the server is stopping and takes no new calls")
        }
        return .json(201, JSONCoding.encode(["id": record.id, "status": VerificationStatus.queued.rawValue]),
                     headers: [("Location", "/v1/verifications/\(record.id)")])
    }

    func showVerification(_ id: String, caller: Caller) throws -> HTTPResponse {
        if let cached = finalViews.entry(id) {
            guard caller.role == .admin || cached.keyID == caller.keyID else { throw APIError.notFound("no verification \(id)") }
            return .json(200, cached.json)
        }
        // A live call canceled while it runs is final at once, yet gains its SIP Call-ID when the
        // hang-up ends: it is kept out of the cache until then (asked before the read, so a view
        // read before that last write is never kept).
        let stillLive = runner.hasLiveCall(id: id)
        let record = try visibleVerification(id, caller: caller)
        let json = JSONCoding.encode(VerificationView(record: record))
        if record.status.isFinal, !stillLive { finalViews.store(id, .init(keyID: record.keyID, json: json)) }
        return .json(200, json)
    }

    /// Hangs up a verification still queued or calling; one that ended already is a conflict.
    func cancelVerification(_ id: String, caller: Caller) throws -> HTTPResponse {
        let record = try visibleVerification(id, caller: caller)
        let outcome = VerificationOutcome.noCall("canceled by the API client")
        let canceled = try pool.writing {
            try $0.updateVerification(id: id, from: [.queued, .calling], to: .canceled, outcome: outcome, endedAt: clock())
        }
        guard canceled, let updated = try pool.with({ try $0.verification(id: id) }) else {
            let status = (try? pool.with { try $0.verification(id: id)?.status }) ?? record.status
            throw APIError.conflict("verification \(id) has already ended (\(status.rawValue)); only a queued or calling one can be canceled")
        }
        // A live call in progress is hung up (CANCEL while ringing, BYE once answered).
        runner.hangUp(id: id)
        return .json(200, JSONCoding.encode(VerificationView(record: updated)))
    }

    /// The verification if this caller may see it: an integrator sees only its own key's, an admin
    /// all. Anything else is the same 404 as an unknown id, so ids cannot be probed.
    private func visibleVerification(_ id: String, caller: Caller) throws -> VerificationRecord {
        guard let record = try pool.with({ try $0.verification(id: id) }),
              caller.role == .admin || record.keyID == caller.keyID
        else { throw APIError.notFound("no verification \(id)") }
        return record
    }
}
