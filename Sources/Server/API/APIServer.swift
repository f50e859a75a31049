import Foundation
import Verification
import VerificationStore
import VoiceCall

/// The HTTP API of SPEC §16: routes a request, checks its key, role and content type before its
/// body is read, and hands each route to its handler in `Routes/`. A front door: every rule
/// lives in the engine or the store; this type only maps requests to them and answers to JSON.
public final class APIServer: HTTPHandler, @unchecked Sendable {
    let pool: SessionPool
    let metrics = Metrics()
    let finalViews = FinalViews()
    let runner: VerificationRunner
    let clock: @Sendable () -> Date

    /// What `inspect` found out, carried to `respond`.
    struct Admitted: Sendable {
        var route: Route
        var caller: Caller?
        var started: Date
    }

    /// Opens the state directory (the engine) and prepares the call workers.
    public init(stateDirectory: URL, clock: @escaping @Sendable () -> Date = { Date() }) throws {
        let pool = try SessionPool(stateDirectory: stateDirectory)
        self.pool = pool
        self.clock = clock
        let callbacks = CallbackSender(
            hosts: { (try? pool.with { ServerSettings(try $0.settings()).callbackHosts }) ?? .none },
            sign: { KeyDigest.signature($0, key: $1) })
        self.runner = VerificationRunner(pool: pool, metrics: metrics, callbacks: callbacks)
    }

    /// Ends verifications a previous server left unfinished (killed mid-call). Run before listening.
    /// - Returns: how many were ended.
    public func endUnfinishedVerifications() throws -> Int {
        try pool.with {
            try $0.endUnfinishedVerifications(detail: "the server stopped before the call ended; no result was recorded").count
        }
    }

    /// Looks up the prompt speaker now (finding espeak-ng runs `espeak-ng --version`), so the
    /// first call does not pay for it while it holds the writer lock. Run before listening.
    public func prepareForCalls() {
        _ = pool.engine.speaker
    }

    /// Takes no new calls and waits for those in progress, at most `timeout` seconds.
    public func drain(timeout: TimeInterval) -> Bool { runner.drain(timeout: timeout) }

    // MARK: HTTPHandler

    public func inspect(_ head: RequestHead) -> Admission {
        let started = clock()
        do {
            guard let route = Route(path: head.path) else { throw APIError.notFound("no resource at \(head.path)") }
            guard route.methods.contains(head.method) else { throw APIError.methodNotAllowed(head.method, allowed: route.methods) }
            var caller: Caller?
            if let role = route.role {
                let found = try authenticate(head)
                guard found.role.allows(role) else { throw APIError.forbidden(role.rawValue) }
                caller = found
            }
            try checkContentType(head, route.bodyKind(head.method))
            return .admit(Admitted(route: route, caller: caller, started: started))
        } catch let error as APIError {
            let response = error.response
            record(head, route: Route(path: head.path), status: response.status, since: started)
            return .refuse(response)
        } catch {
            return .refuse(APIError.internalError("\(error)").response)
        }
    }

    public func respond(to request: HTTPRequest, admitted: any Sendable) -> HTTPResponse {
        guard let admitted = admitted as? Admitted else { return APIError.internalError("lost request state").response }
        let response: HTTPResponse
        do {
            response = try handle(admitted.route, request, caller: admitted.caller)
        } catch let error as APIError {
            response = error.response
        } catch let error as InvalidInput {
            response = APIError.unprocessable(error.description).response
        } catch let error as SQLiteError where error.isBusy {
            response = APIError.unavailable("the state database stayed busy; try again").response
        } catch {
            response = APIError.internalError("\(error)").response
        }
        record(request.head, route: admitted.route, status: response.status, since: admitted.started)
        return response
    }

    public func bodyTooLarge(_ head: RequestHead, limit: Int) -> HTTPResponse {
        let response = APIError.tooLarge(limit: limit).response
        record(head, route: Route(path: head.path), status: 413, since: clock())
        return response
    }

    // MARK: Dispatch

    private func handle(_ route: Route, _ request: HTTPRequest, caller: Caller?) throws -> HTTPResponse {
        let method = request.head.method
        switch route {
        case .healthz:
            return .json(200, JSONCoding.encode(["status": runner.isAccepting ? "ok" : "stopping"]))
        case .metrics:
            return .text(200, metrics.render(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        case .verifications:
            return try createVerification(request, caller: try required(caller))
        case .verification(let id):
            return try showVerification(id, caller: try required(caller))
        case .cancelVerification(let id):
            return try cancelVerification(id, caller: try required(caller))
        case .signins:
            return try createSignIn(request)
        case .tokensImport:
            return try importTokens(request)
        case .settings:
            return method == "PATCH" ? try patchSettings(request) : try showSettings()
        case .greetings:
            return try listGreetings()
        case .greeting(let type, let language):
            return method == "PUT" ? try putGreeting(type: type, language: language, request) : try deleteGreeting(type: type, language: language)
        case .userBlock(let user):
            return method == "POST" ? try block(user, request) : try unblock(user, request)
        case .log:
            return try showLog(request.head)
        case .outbox:
            return try showOutbox()
        }
    }

    private func required(_ caller: Caller?) throws(APIError) -> Caller {
        guard let caller else { throw APIError.unauthorized }
        return caller
    }

    // MARK: Checks before the body

    /// The key of `Authorization: Bearer KEY`, checked against the store at every request, so a
    /// key revoked by `ivr keys revoke` beside the server stops working at once.
    private func authenticate(_ head: RequestHead) throws -> Caller {
        guard let header = head.header("authorization") else { throw APIError.unauthorized }
        let words = header.split(separator: " ", maxSplits: 1)
        guard words.count == 2, words[0].lowercased() == "bearer" else { throw APIError.unauthorized }
        let key = words[1].trimmingCharacters(in: .whitespaces)
        guard let parts = APIKeys.parts(of: key),
              let record = try pool.with({ try $0.apiKey(id: parts.id) }),
              APIKeys.matches(key, record)
        else { throw APIError.unauthorized }
        return Caller(keyID: record.id, role: record.role, key: key)
    }

    private func checkContentType(_ head: RequestHead, _ kind: BodyKind) throws(APIError) {
        let type = head.header("content-type")?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased()
        let hasBody = (head.header("content-length").flatMap(Int.init) ?? 0) > 0 || head.header("transfer-encoding") != nil
        switch kind {
        case .none:
            return
        case .json, .optionalJSON:
            if kind == .optionalJSON, !hasBody { return }
            guard let type, type == "application/json" || type.hasSuffix("+json") else {
                throw APIError.unsupportedMediaType("send the body as JSON with 'Content-Type: application/json'")
            }
        case .audio:
            guard let type, Self.audioTypes[type] != nil else {
                throw APIError.unsupportedMediaType("a greeting is sent as audio/wav, audio/x-wav, audio/wave or audio/mpeg")
            }
        case .csv:
            guard let type, type == "text/csv" || type == "application/csv" else {
                throw APIError.unsupportedMediaType("send the tokens file as 'Content-Type: text/csv'")
            }
        }
    }

    /// Greeting content types and the file extension each implies.
    static let audioTypes = ["audio/wav": "wav", "audio/x-wav": "wav", "audio/wave": "wav", "audio/mpeg": "mp3"]

    private func record(_ head: RequestHead, route: Route?, status: Int, since started: Date) {
        let method = route.map { $0.methods.contains(head.method) } == true ? head.method : "other"
        metrics.request(route: route?.label ?? "unmatched", method: method, status: status, seconds: clock().timeIntervalSince(started))
    }
}
