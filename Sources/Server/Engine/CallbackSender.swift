import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Delivers a verification's final object to its `callbackUrl` (SPEC §16): `POST` with
/// `X-Ivr-Signature: sha256=<hex HMAC-SHA256 of the body, keyed with the API key that created the
/// verification>`. A failure (no answer, a status other than 2xx) is retried with exponential
/// back-off, at most `maxTries` tries in all. Before each try the host is checked again against the
/// current `api.callback-hosts`, and redirects are never followed, so no unlisted host is contacted.
///
/// The key exists only in memory (the store keeps its hash), so callbacks still pending when the
/// process ends are not sent after a restart; the result stays readable with GET.
final class CallbackSender: @unchecked Sendable {
    static let maxTries = 10

    private let session: URLSession
    private let hosts: @Sendable () -> CallbackHosts
    private let sign: @Sendable (_ body: Data, _ key: String) -> String
    private let queue = DispatchQueue(label: "ivr.callbacks")
    /// Delay before try `n + 1` after try `n` failed: 1 s doubling, capped at 60 s.
    private let delay: @Sendable (Int) -> TimeInterval

    init(
        hosts: @escaping @Sendable () -> CallbackHosts, sign: @escaping @Sendable (Data, String) -> String,
        delay: @escaping @Sendable (Int) -> TimeInterval = { min(60, pow(2, Double($0 - 1))) }
    ) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 10
        self.session = URLSession(configuration: configuration, delegate: NoRedirects(), delegateQueue: nil)
        self.hosts = hosts
        self.sign = sign
        self.delay = delay
    }

    /// Sends `body` to `url`, signed with `key`, in the background.
    func send(_ body: Data, to url: URL, key: String) {
        let signature = sign(body, key)
        attempt(1, body: body, url: url, signature: signature)
    }

    private func attempt(_ number: Int, body: Data, url: URL, signature: String) {
        guard hosts().allows(url) else { return }
        var request = URLRequest(url: url)
        request.httpMethod = "POST"
        request.httpBody = body
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("sha256=\(signature)", forHTTPHeaderField: "X-Ivr-Signature")
        request.setValue("ivr-callback/1", forHTTPHeaderField: "User-Agent")
        session.dataTask(with: request) { [self] _, response, _ in
            let status = (response as? HTTPURLResponse)?.statusCode ?? 0
            guard !(200..<300).contains(status), number < Self.maxTries else { return }
            queue.asyncAfter(deadline: .now() + delay(number)) { [self] in
                attempt(number + 1, body: body, url: url, signature: signature)
            }
        }.resume()
    }
}

/// Refuses every redirect: a callback goes only where `api.callback-hosts` allows.
private final class NoRedirects: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void
    ) {
        completionHandler(nil)
    }
}
