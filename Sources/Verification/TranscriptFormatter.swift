import CallScript
import VoiceCall

/// Turns the simulator's transcript into report lines, adding what each prompt played (its
/// language, whether custom or default, and the default text).
enum TranscriptFormatter {
    static func lines(_ transcript: [TranscriptEntry], prompts: PromptSet) -> [CallReport.Line] {
        transcript.map { entry in
            var line = CallReport.Line(time: entry.time, actor: entry.actor.rawValue, event: "")
            switch entry.event {
            case .dial: line.event = "dial"
            case .answered: line.event = "answer"
            case .play(let type):
                line.event = "play"
                describe(prompts[type], in: &line)
                line.text = prompts[type].text
            case .interrupted(let type):
                line.event = "interrupted"
                describe(prompts[type], in: &line)
            case .sentDigits(let digits):
                line.event = "send-digits"
                line.digits = digits
            case .timerStarted(let purpose, let seconds):
                line.event = "timer-start"
                line.timer = purpose.rawValue
                line.seconds = seconds
            case .timerExpired(let purpose):
                line.event = "timer-expired"
                line.timer = purpose.rawValue
            case .key(let shown, let handling):
                line.event = "key"
                line.key = shown
                line.handling = handling.rawValue
            case .entry(let verdict):
                line.event = "entry"
                line.verdict = verdict.rawValue
            case .denial: line.event = "denial"
            case .fraudReported: line.event = "fraud-reported"
            case .hangUp: line.event = "hangup"
            case .result(let result, let detail):
                line.event = "result"
                line.result = result.id
                line.detail = detail.rawValue
            case .ignoredAction(let number, let action):
                line.event = "ignored"
                line.line = number
                line.action = action
            }
            return line
        }
    }

    /// Which prompt, in which language, custom or default.
    private static func describe(_ prompt: ResolvedPrompt, in line: inout CallReport.Line) {
        line.type = prompt.type.id
        line.language = prompt.language
        line.source = prompt.source.rawValue
    }
}
