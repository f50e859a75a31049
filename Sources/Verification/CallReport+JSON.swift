import Foundation
import VoiceCall

extension CallReport {
    /// The report as one JSON object, keys sorted; every top-level key is always present
    /// (`callerId` is an explicit `null` when no call was placed). Transcript lines leave out the
    /// fields that do not apply to their event.
    public var json: String {
        var object = JSONObject()
        object.add("callerId", callerID)
        object.add("detail", detail.rawValue)
        object.add("digitsSent", digitsSent)
        object.add("durationSeconds", durationSeconds)
        object.add("file", file)
        object.add("method", method.name.rawValue)
        object.add("notifications", notifications)
        object.add("number", number)
        object.add("prompts", raw: JSONText.array(prompts.map(Self.json(prompt:))))
        object.add("result", result.id)
        if let sipCallId {
            object.add("sipCallId", sipCallId)
            if let sipStatus { object.add("sipStatus", sipStatus) } else { object.add("sipStatus", nil as String?) }
        }
        object.add("startedAt", startedAt)
        object.add("transcript", raw: JSONText.array(transcript.map { json(line: $0) }))
        object.add("user", user.value)
        return object.json
    }

    private static func json(prompt: ResolvedPrompt) -> String {
        var object = JSONObject()
        object.add("language", prompt.language.description)
        object.add("source", prompt.source.rawValue)
        object.add("type", prompt.type.id)
        return object.json
    }

    /// One transcript line: `actor`, `event`, `time` and the event's own fields, in key order.
    private func json(line entry: TranscriptEntry) -> String {
        var fields: [(String, Field)] = [("actor", .text(entry.actor.rawValue)), ("time", .number(entry.time))]
        switch entry.event {
        case .dial: fields.append(("event", .text("dial")))
        case .answered: fields.append(("event", .text("answer")))
        case .play(let type):
            let prompt = promptSet[type]
            fields += [("event", .text("play")), ("text", .optionalText(prompt.text))] + Self.promptFields(prompt)
        case .interrupted(let type):
            fields += [("event", .text("interrupted"))] + Self.promptFields(promptSet[type])
        case .sentDigits(let digits): fields += [("event", .text("send-digits")), ("digits", .text(digits.description))]
        case .timerStarted(let purpose, let seconds):
            fields += [("event", .text("timer-start")), ("timer", .text(purpose.rawValue)), ("seconds", .number(seconds))]
        case .timerExpired(let purpose): fields += [("event", .text("timer-expired")), ("timer", .text(purpose.rawValue))]
        case .key(let shown, let handling):
            fields += [("event", .text("key")), ("key", .text(shown.description)), ("handling", .text(handling.rawValue))]
        case .entry(let verdict): fields += [("event", .text("entry")), ("verdict", .text(verdict.rawValue))]
        case .denial: fields.append(("event", .text("denial")))
        case .fraudReported: fields.append(("event", .text("fraud-reported")))
        case .hangUp: fields.append(("event", .text("hangup")))
        case .result(let result, let detail):
            fields += [("event", .text("result")), ("result", .text(result.id)), ("detail", .text(detail.rawValue))]
        case .ignoredAction(let line, let action):
            fields += [("event", .text("ignored")), ("line", .integer(line)), ("action", .text(action.description))]
        }
        fields.sort { $0.0 < $1.0 }
        var object = JSONObject()
        for (name, value) in fields {
            switch value {
            case .text(let text): object.add(name, text)
            case .optionalText(let text?): object.add(name, text)
            case .optionalText(nil): break  // a custom recording has no text: the key is left out
            case .number(let number): object.add(name, number)
            case .integer(let number): object.add(name, number)
            }
        }
        return object.json
    }

    private static func promptFields(_ prompt: ResolvedPrompt) -> [(String, Field)] {
        [("type", .text(prompt.type.id)), ("language", .text(prompt.language.description)), ("source", .text(prompt.source.rawValue))]
    }

    private enum Field {
        case text(String)
        case optionalText(String?)
        case number(Double)
        case integer(Int)
    }
}
