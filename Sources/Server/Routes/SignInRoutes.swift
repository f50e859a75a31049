import CallScript
import Foundation
import Verification

/// `POST /v1/signins`: one sign-in of SPEC §8 through the engine's own sign-in operation, answered
/// with the object `ivr signin --json` prints (SPEC §8.4, the same renderer).
extension APIServer {
    func createSignIn(_ request: HTTPRequest) throws -> HTTPResponse {
        guard runner.isAccepting else { throw APIError.unavailable("the server is stopping and takes no new sign-ins") }
        let body = try JSONCoding.decodeStrict(SignInRequestBody.self, from: request.body)
        let order = try SignInOrder(body)
        let report = try pool.with { session -> SignInReport in
            let report: SignInReport
            do {
                let script = try SignInScriptParser.parse(
                    order.text, file: SignInOrder.file, now: clock(), directory: session.registeredCallee)
                // A simulated call runs in virtual time inside the engine's transactions; one writer at a time.
                report = try pool.exclusively { try session.signIn(script) }
            } catch let error as CallScriptError {
                throw order.refusal(error)
            }
            // Fraud mail of the sign-in's call goes out after it is recorded, as after a verification.
            _ = session.deliverMail()
            return report
        }
        metrics.signIn(result: report.result, callResult: report.call?.result.id)
        return .json(200, Data(report.json.utf8))
    }
}
