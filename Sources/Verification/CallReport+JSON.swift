import Foundation
import VoiceCall

extension CallReport {
    /// The report as one JSON object, keys sorted; every top-level key is always present
    /// (`callerId` is an explicit `null` when no call was placed). Transcript lines leave out the
    /// fields that do not apply to their event.
    public var json: String {
        var writer = JSONWriter(capacity: 4096)
        write(to: &writer)
        return writer.text
    }

    /// Writes ``json`` into `writer` (a batch renders all its reports into one buffer).
    public func write(to writer: inout JSONWriter) {
        writer.openObject()
        writer.key("callerId")
        writer.string(callerID)
        writer.key("detail")
        writer.string(detail.rawValue)
        writer.key("digitsSent")
        writer.string(digitsSent)
        writer.key("durationSeconds")
        writer.number(durationSeconds)
        writer.key("file")
        writer.string(file)
        writer.key("method")
        writer.string(method.name.rawValue)
        writer.key("notifications")
        writer.integer(notifications)
        writer.key("number")
        writer.string(number)
        writer.key("prompts")
        writer.openArray()
        for prompt in prompts {
            writer.openObject()
            Self.writePromptFields(prompt, to: &writer)
            writer.closeObject()
        }
        writer.closeArray()
        writer.key("result")
        writer.string(result.id)
        if let sipCallId {
            writer.key("sipCallId")
            writer.string(sipCallId)
            writer.key("sipStatus")
            if let sipStatus { writer.integer(sipStatus) } else { writer.null() }
        }
        writer.key("startedAt")
        writer.date(startedAt)
        writer.key("transcript")
        writer.openArray()
        for entry in transcript {
            write(entry, to: &writer)
        }
        writer.closeArray()
        writer.key("user")
        writer.string(user.value)
        writer.closeObject()
    }

    /// `language`, `source`, `type`: a prompt as the `prompts` list names it.
    private static func writePromptFields(_ prompt: ResolvedPrompt, to writer: inout JSONWriter) {
        writer.key("language")
        writer.string(prompt.language.description)
        writer.key("source")
        writer.string(prompt.source.rawValue)
        writer.key("type")
        writer.string(prompt.type.id)
    }

    /// One transcript line: `actor`, `event`, `time` and the event's own fields, keys in sorted
    /// order (each case lists them so; a custom recording has no `text`, so the key is left out).
    private func write(_ entry: TranscriptEntry, to writer: inout JSONWriter) {
        writer.openObject()
        switch entry.event {
        case .dial: Self.plain("dial", entry, to: &writer)
        case .answered: Self.plain("answer", entry, to: &writer)
        case .play(let type):
            let prompt = promptSet[type]
            Self.head("play", entry, to: &writer)
            Self.languageAndSource(prompt, to: &writer)
            if let text = prompt.text {
                writer.key("text")
                writer.string(text)
            }
            Self.time(entry, to: &writer)
            writer.key("type")
            writer.string(prompt.type.id)
        case .interrupted(let type):
            let prompt = promptSet[type]
            Self.head("interrupted", entry, to: &writer)
            Self.languageAndSource(prompt, to: &writer)
            Self.time(entry, to: &writer)
            writer.key("type")
            writer.string(prompt.type.id)
        case .sentDigits(let digits):
            Self.actor(entry, to: &writer)
            writer.key("digits")
            writer.string(digits.description)
            writer.key("event")
            writer.string("send-digits")
            Self.time(entry, to: &writer)
        case .timerStarted(let purpose, let seconds):
            Self.head("timer-start", entry, to: &writer)
            writer.key("seconds")
            writer.number(seconds)
            Self.time(entry, to: &writer)
            writer.key("timer")
            writer.string(purpose.rawValue)
        case .timerExpired(let purpose):
            Self.head("timer-expired", entry, to: &writer)
            Self.time(entry, to: &writer)
            writer.key("timer")
            writer.string(purpose.rawValue)
        case .key(let shown, let handling):
            Self.head("key", entry, to: &writer)
            writer.key("handling")
            writer.string(handling.rawValue)
            writer.key("key")
            writer.string(shown.description)
            Self.time(entry, to: &writer)
        case .entry(let verdict):
            Self.head("entry", entry, to: &writer)
            Self.time(entry, to: &writer)
            writer.key("verdict")
            writer.string(verdict.rawValue)
        case .denial: Self.plain("denial", entry, to: &writer)
        case .fraudReported: Self.plain("fraud-reported", entry, to: &writer)
        case .hangUp: Self.plain("hangup", entry, to: &writer)
        case .result(let result, let detail):
            Self.actor(entry, to: &writer)
            writer.key("detail")
            writer.string(detail.rawValue)
            writer.key("event")
            writer.string("result")
            writer.key("result")
            writer.string(result.id)
            Self.time(entry, to: &writer)
        case .ignoredAction(let line, let action):
            writer.key("action")
            writer.string(action.description)
            Self.head("ignored", entry, to: &writer)
            writer.key("line")
            writer.integer(line)
            Self.time(entry, to: &writer)
        }
        writer.closeObject()
    }

    private static func actor(_ entry: TranscriptEntry, to writer: inout JSONWriter) {
        writer.key("actor")
        writer.string(entry.actor.rawValue)
    }

    /// `actor` then `event`, the first two keys of most lines.
    private static func head(_ event: String, _ entry: TranscriptEntry, to writer: inout JSONWriter) {
        actor(entry, to: &writer)
        writer.key("event")
        writer.string(event)
    }

    /// A prompt's `language` and `source` (between `event` and `text`/`time` in sorted order).
    private static func languageAndSource(_ prompt: ResolvedPrompt, to writer: inout JSONWriter) {
        writer.key("language")
        writer.string(prompt.language.description)
        writer.key("source")
        writer.string(prompt.source.rawValue)
    }

    private static func time(_ entry: TranscriptEntry, to writer: inout JSONWriter) {
        writer.key("time")
        writer.number(entry.time)
    }

    /// A line with no fields of its own: `actor`, `event`, `time`.
    private static func plain(_ event: String, _ entry: TranscriptEntry, to writer: inout JSONWriter) {
        head(event, entry, to: &writer)
        time(entry, to: &writer)
    }
}
