import CallScript
import Foundation
import VoiceCall

// Calls per second through the state machine and the virtual-time simulator alone: no parsing,
// no store, no prompt resolution. Run by `make bench`; prints one line per scenario with the
// ratio to the SPEC §12 target (500,000 calls a second on one core, raised by issue 11).

struct Scenario {
    var name: String
    var plan: CallPlan
    var actions: [CallerAction]
}

func actions(_ kinds: [CallerAction.Kind]) -> [CallerAction] {
    kinds.enumerated().map { CallerAction(line: $0.offset + 1, kind: $0.element) }
}

let scenarios = [
    Scenario(name: "confirm (#)", plan: CallPlan(), actions: actions([.answer(after: 0), .listen, .press("#")])),
    Scenario(name: "PIN wrong then right", plan: CallPlan(method: .pin("4321"), denialsBeforeLockout: 5),
             actions: actions([.answer(after: 2), .listen, .press("1111#"), .listen, .press("4321#")])),
    Scenario(name: "silence to the end", plan: CallPlan(), actions: actions([.answer(after: 0)])),
    Scenario(name: "extension then fraud", plan: CallPlan(extensionDigits: KeySequence("1234")),
             actions: actions([.answer(after: 0), .listen, .press("#"), .listen, .press("0#")])),
    Scenario(name: "PIN locked out (3 wrong)", plan: CallPlan(method: .pin("4321"), denialsBeforeLockout: 3),
             actions: actions([.answer(after: 1), .listen, .press("1111#"), .listen, .press("2222#"), .listen, .press("3333#")])),
    Scenario(name: "activation, PIN", plan: CallPlan(kind: .activation, method: .pin("4321")),
             actions: actions([.answer(after: 1), .listen, .press("4321#")])),
    Scenario(name: "never answered", plan: CallPlan(), actions: actions([.noAnswer])),
    Scenario(name: "hang-up in greeting", plan: CallPlan(), actions: actions([.answer(after: 1), .wait(2), .hangup])),
    Scenario(name: "blocked before dialling", plan: CallPlan(preDial: .blocked), actions: actions([.answer(after: 0), .listen, .press("#")])),
]

let target = 500_000.0
// The first argument is the seconds each scenario runs; `=N` instead runs exactly N calls (for
// counting instructions per call under valgrind, which a loaded machine does not disturb).
let first = CommandLine.arguments.count > 1 ? CommandLine.arguments[1] : "1"
let exactCalls = first.hasPrefix("=") ? Int(first.dropFirst()) : nil
let seconds = Double(first) ?? 1
// An optional second argument keeps only the scenarios whose name contains it (for profiling one path).
let only = CommandLine.arguments.count > 2 ? CommandLine.arguments[2] : ""
for scenario in scenarios where only.isEmpty || scenario.name.contains(only) {
    let simulator = CallSimulator(plan: scenario.plan) { _ in 4.5 }
    var calls = 0
    var checksum = 0
    let start = Date()
    let batch = exactCalls ?? 1_000
    while exactCalls.map({ calls < $0 }) ?? (Date().timeIntervalSince(start) < seconds) {
        for _ in 0..<batch {
            checksum &+= simulator.run(scenario.actions).transcript.count
        }
        calls += batch
    }
    let rate = Double(calls) / Date().timeIntervalSince(start)
    let name = scenario.name.padding(toLength: 24, withPad: " ", startingAt: 0)
    print("state machine  \(name)" + String(format: "%10.0f calls/s   %5.2fx the %.0f/s target", rate, rate / target, target)
          + (checksum == 0 ? " (no work?)" : ""))
}
