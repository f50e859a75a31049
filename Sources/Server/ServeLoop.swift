import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ivr serve` from start to stop: end what a killed predecessor left unfinished, listen, announce
/// the address, then wait for SIGTERM or SIGINT, and stop gracefully: no new calls, calls in
/// progress finish (at most `drainSeconds`), then the listener closes (SPEC §16).
public enum ServeLoop {
    public static let drainSeconds: TimeInterval = 30

    /// Runs until a stop signal. - Returns: the exit code (0 after a graceful stop).
    public static func run(
        stateDirectory: URL, configuration: HTTPDaemonConfiguration, announce: (String) -> Void, warn: (String) -> Void
    ) throws -> Int32 {
        let api = try APIServer(stateDirectory: stateDirectory)
        let ended = try api.endUnfinishedVerifications()
        if ended > 0 { warn("ended \(ended) verification(s) left unfinished by a previous server") }
        api.prepareForCalls()

        signal(SIGPIPE, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        let stop = DispatchSemaphore(value: 0)
        let sources = [SIGTERM, SIGINT].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }

        let daemon = try HTTPDaemon(configuration, handler: api)
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        announce("listening on \(daemon.isTLS ? "https" : "http")://\(host):\(daemon.port)")

        stop.wait()
        if !api.drain(timeout: drainSeconds) {
            warn("calls still in progress after \(Int(drainSeconds)) s are left as they are; the next start ends them")
        }
        daemon.stop()
        sources.forEach { $0.cancel() }
        return 0
    }
}
