import Foundation
import SIPChannel
import VoiceCall

// `make bench-live`: N concurrent live calls to sipp on loopback, each answered and confirmed with
// `#` five seconds into an 8 s greeting (SPEC §12). Calls are placed 10 ms apart (100 a second, as a
// trunk would take them), so all N are in the air together from the N-th on. Prints, per N: calls verified, RTP frame
// lateness p50/p99 (send instant minus the frame's slot on the 20 ms grid), key-to-response p99
// (RFC 4733 event in → first RTP frame of the next prompt out) and this process's CPU.
// Usage: LiveBench [N...]   (default 50 100 200 400)

let counts = CommandLine.arguments.dropFirst().compactMap(Int.init)
let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("answer-pound.xml").path

func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

func freePort() -> UInt16 {
    // Even ports in a band the tests do not use; sipp and the phone bind them at once.
    UInt16.random(in: 11000...14000) * 2
}

print("calls  verified  lateness p50  lateness p99  key→response p99  CPU (engine)")
for count in counts.isEmpty ? [50, 100, 200, 400] : counts {
    let sipPort = freePort()
    let sipp = Process()
    sipp.executableURL = URL(fileURLWithPath: "/usr/bin/sipp")
    sipp.arguments = [
        "-sf", scenario, "-i", "127.0.0.1", "-p", String(sipPort), "-mi", "127.0.0.1", "-mp", String(sipPort + 2),
        "-m", String(count), "-nostdin", "-timeout", "120s", "-max_socket", "4096",
    ]
    sipp.standardOutput = FileHandle.nullDevice
    sipp.standardError = FileHandle.nullDevice
    try sipp.run()
    Thread.sleep(forTimeInterval: 0.5)
    let phone = try SIPPhone(SIPConfiguration(
        trunkHost: "127.0.0.1", trunkPort: sipPort, listenHost: "127.0.0.1", listenPort: sipPort + 10,
        rtpPorts: 40000...(40000 + UInt16(count) * 4 + 100)))
    let tone = ToneSamples { type in type == .greetingStandard ? 8 : 1.5 }
    let limits = CallLimits(ringTimeout: 30, responseTimeout: 10, interDigitTimeout: 5, attempts: 3, maxDigits: 32)
    let request = try LiveCallRequest(plan: CallPlan(fraudCode: nil, limits: limits), number: "+14255550100", callerID: "+14255550199", source: tone)

    SIPPhone.resetStatistics()
    let group = DispatchGroup()
    let tally = Tally()
    let cpuBefore = cpuSeconds()
    let start = Date()
    for _ in 0..<count {
        Thread.sleep(forTimeInterval: 0.01)
        group.enter()
        phone.place(request) { outcome in
            tally.add(outcome.result)
            group.leave()
        }
    }
    group.wait()
    let wall = Date().timeIntervalSince(start)
    let cpu = cpuSeconds() - cpuBefore
    let figures = SIPPhone.statistics()
    phone.close()
    sipp.waitUntilExit()
    func ms(_ seconds: Double) -> String { String(format: "%.1f ms", seconds * 1000) }
    print(
        String(format: "%5d", count), String(format: "%8d", tally.count(of: .verified)),
        ms(figures.frameLateness.percentile(0.5)).padding(toLength: 13, withPad: " ", startingAt: 0).leftPadded(13),
        ms(figures.frameLateness.percentile(0.99)).leftPadded(13),
        ms(figures.keyToResponse.percentile(0.99)).leftPadded(17),
        String(format: "%10.0f%% of a core", 100 * cpu / wall), tally.others)
}

extension String {
    func leftPadded(_ width: Int) -> String {
        let trimmed = trimmingCharacters(in: .whitespaces)
        return String(repeating: " ", count: max(0, width - trimmed.count)) + trimmed
    }
}

/// Results, counted from the calls' completion handlers.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [CallResult: Int] = [:]
    func add(_ result: CallResult) { lock.lock(); counts[result, default: 0] += 1; lock.unlock() }
    func count(of result: CallResult) -> Int { lock.lock(); defer { lock.unlock() }; return counts[result] ?? 0 }
    /// The results other than `verified`, as `timed_out=3`.
    var others: String {
        lock.lock()
        defer { lock.unlock() }
        return counts.filter { $0.key != .verified }.map { "\($0.key.id)=\($0.value)" }.sorted().joined(separator: " ")
    }
}
