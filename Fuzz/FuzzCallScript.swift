// libFuzzer entry point for the call-script parser and, for every script it accepts, the
// simulator and state machine behind it (SPEC §13). Built by scripts/fuzz-call-scripts.sh with
// `swiftc -sanitize=fuzzer,address` together with Sources/VoiceCall and Sources/CallScript compiled
// as one module; not part of the package.
//
// Besides "no crash", it checks the promises a parsed script and a finished call make, and traps
// (a fuzzer finding) when one breaks.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCallScript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let script: CallScriptFile
    do {
        script = try CallScriptParser.parse(bytes: bytes, file: "fuzz.call")
    } catch {
        if let line = error.line { precondition(line >= 1, "an error names a real line") }
        return 0
    }
    precondition(!script.user.isEmpty && !script.phone.isEmpty, "a parsed script has a user and a number")
    precondition((script.method == .pin) == (script.pin != nil), "a PIN exactly on PIN calls")

    // Run the call under the default limits, and again under tight ones so that attempts, maximum
    // digits and the extension step are reached often.
    var tight = CallLimits()
    tight.attempts = 1
    tight.maxDigits = 2
    for limits in [CallLimits(), tight] {
        let plan = CallPlan(
            kind: script.activation ? .activation : .signIn,
            method: script.pin.map(VerificationMethod.pin) ?? .standard,
            extensionDigits: DTMFKey.keys("12"),
            denialsBeforeLockout: 2,
            limits: limits)
        let outcome = CallSimulator(plan: plan) { type in Double(type.rawValue.count) / 10 }.run(script.actions)
        let results = outcome.transcript.filter { if case .result = $0.event { true } else { false } }
        precondition(results.count == 1, "exactly one result per call")
        precondition(outcome.duration.isFinite && outcome.duration >= 0, "a call ends in finite time")
        if let pin = script.pin {
            for entry in outcome.transcript {
                if case .key(let shown, _) = entry.event { precondition(shown == "•" || shown == "#", "PIN keys are masked") }
            }
            precondition(!pin.isEmpty)
        }
    }
    return 0
}
