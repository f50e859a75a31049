// libFuzzer entry point for GreetingValidator (SPEC §13). Built by scripts/fuzz-greetings.sh with
// `swiftc -sanitize=fuzzer,address` together with Sources/GreetingAudio/*.swift; not part of the package.
//
// Each input is written to a scratch file and validated twice, named .wav and .mp3. Besides
// "no crash", it checks the report's own promises and traps (a fuzzer finding) when one breaks.
#if canImport(Glibc)
import Glibc
#endif

/// One scratch directory per process, so parallel fuzz jobs do not share files.
nonisolated(unsafe) private var scratchDirectory: String = {
    var template = Array("/tmp/greeting-fuzz-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(made != nil, "mkdtemp failed")
    return String(cString: template)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGreetingValidator(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    for name in ["input.wav", "input.mp3"] {
        let path = scratchDirectory + "/" + name
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        precondition(fd >= 0, "cannot create scratch file")
        var written = 0
        while written < size {
            let n = write(fd, data + written, size - written)
            precondition(n > 0, "cannot write scratch file")
            written += n
        }
        close(fd)

        let limits = GreetingLimits.standard
        let report = GreetingValidator.validate(fileAt: path, limits: limits)
        precondition(report.accepted == report.reasons.isEmpty, "accepted must mean no reasons")
        precondition(report.sizeBytes == size, "size must be the file's size")
        if report.accepted {
            precondition(report.format != nil, "an accepted greeting has a format")
            precondition(report.format?.rawValue == String(name.suffix(3)), "extension must agree with content")
            let seconds = report.durationSeconds ?? .infinity
            precondition(seconds > 0 && seconds < limits.maxDuration, "accepted duration must be under the limit")
        }
        for reason in report.reasons { precondition(!reason.isEmpty, "empty reason") }
    }
    return 0
}
