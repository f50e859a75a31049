import Foundation

/// The figures `/metrics` exposes in the Prometheus text format (0.0.4): calls by result (those of
/// verifications and of sign-ins alike), sign-ins by result, calls in progress, and request
/// latencies as a histogram per route and status. Counted in memory since the server started, as
/// Prometheus expects of a process's own counters.
final class Metrics: @unchecked Sendable {
    /// Upper bounds of the latency buckets, seconds.
    static let buckets: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Latency {
        var counts = [Int](repeating: 0, count: Metrics.buckets.count)
        var count = 0
        var sum = 0.0
    }

    private struct RequestKey: Hashable {
        var route: String
        var method: String
        var status: Int
    }

    private let lock = NSLock()
    private var callsByResult: [String: Int] = [:]
    private var callsInProgress = 0
    private var signInsByResult: [String: Int] = [:]
    private var requests: [RequestKey: Latency] = [:]

    func callStarted() { lock.withLock { callsInProgress += 1 } }

    /// A call ended with `result` (`verified`, `canceled`, …).
    func callEnded(result: String) {
        lock.withLock {
            callsInProgress -= 1
            callsByResult[result, default: 0] += 1
        }
    }

    /// A sign-in (`POST /v1/signins`) was decided with `result`; `callResult` is the result of
    /// the verification call it placed, if any. That call ran inside the request, in virtual time,
    /// so it counts among the calls ended but never among those in progress.
    func signIn(result: String, callResult: String?) {
        lock.withLock {
            signInsByResult[result, default: 0] += 1
            if let callResult { callsByResult[callResult, default: 0] += 1 }
        }
    }

    func request(route: String, method: String, status: Int, seconds: Double) {
        lock.withLock {
            let key = RequestKey(route: route, method: method, status: status)
            var latency = requests[key] ?? Latency()
            for (index, bound) in Self.buckets.enumerated() where seconds <= bound { latency.counts[index] += 1 }
            latency.count += 1
            latency.sum += seconds
            requests[key] = latency
        }
    }

    /// The exposition text.
    func render() -> String {
        lock.withLock {
            var lines: [String] = []
            lines.append("# HELP ivr_calls_total Verification calls ended (of verifications and sign-ins), by result.")
            lines.append("# TYPE ivr_calls_total counter")
            for (result, count) in callsByResult.sorted(by: { $0.key < $1.key }) {
                lines.append("ivr_calls_total{result=\"\(escape(result))\"} \(count)")
            }
            lines.append("# HELP ivr_signins_total Sign-ins decided over the API (POST /v1/signins), by result.")
            lines.append("# TYPE ivr_signins_total counter")
            for (result, count) in signInsByResult.sorted(by: { $0.key < $1.key }) {
                lines.append("ivr_signins_total{result=\"\(escape(result))\"} \(count)")
            }
            lines.append("# HELP ivr_calls_in_progress Verification calls queued or running now.")
            lines.append("# TYPE ivr_calls_in_progress gauge")
            lines.append("ivr_calls_in_progress \(callsInProgress)")
            lines.append("# HELP ivr_http_request_duration_seconds Time to answer an HTTP request, by route, method and status.")
            lines.append("# TYPE ivr_http_request_duration_seconds histogram")
            let keys = requests.keys.sorted { ($0.route, $0.method, $0.status) < ($1.route, $1.method, $1.status) }
            for key in keys {
                guard let latency = requests[key] else { continue }
                let labels = "route=\"\(escape(key.route))\",method=\"\(escape(key.method))\",status=\"\(key.status)\""
                for (index, bound) in Self.buckets.enumerated() {
                    lines.append("ivr_http_request_duration_seconds_bucket{\(labels),le=\"\(bound)\"} \(latency.counts[index])")
                }
                lines.append("ivr_http_request_duration_seconds_bucket{\(labels),le=\"+Inf\"} \(latency.count)")
                lines.append("ivr_http_request_duration_seconds_sum{\(labels)} \(latency.sum)")
                lines.append("ivr_http_request_duration_seconds_count{\(labels)} \(latency.count)")
            }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}
