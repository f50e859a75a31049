import Foundation
import VerificationStore
import VoiceCall

/// `GET /v1/settings` and `PATCH /v1/settings` (all or nothing, SPEC §16).
extension APIServer {
    func showSettings() throws -> HTTPResponse {
        let settings = try pool.with { try $0.settings() }
        return .json(200, JSONCoding.encode(Self.object(settings)))
    }

    /// Applies every `{key: value}` in one transaction: an unknown key is 400, a refused value 422
    /// naming the key, and then nothing is changed. Values are strings as `ivr settings set` takes
    /// them; numbers and booleans are accepted too (`true` → `on`).
    func patchSettings(_ request: HTTPRequest) throws -> HTTPResponse {
        let parsed: Any
        do {
            parsed = try JSONSerialization.jsonObject(with: request.body, options: [])
        } catch {
            throw APIError.malformedJSON("the body is not valid JSON")
        }
        guard let object = parsed as? [String: Any] else {
            throw APIError.malformedJSON("the body must be a JSON object of setting keys and values")
        }
        var changes: [(key: String, value: String)] = []
        for (name, value) in object.sorted(by: { $0.key < $1.key }) {
            guard SettingKey(rawValue: name) != nil else {
                throw APIError.unknownField(name, allowed: SettingKey.allCases.map(\.name))
            }
            changes.append((name, try Self.settingText(value, key: name)))
        }
        let updated: Settings
        do {
            updated = try pool.writing { try $0.changeSettings(changes) }
        } catch let error as SettingsError {
            throw APIError.unprocessable(error.description)
        }
        return .json(200, JSONCoding.encode(Self.object(updated)))
    }

    private static func object(_ settings: Settings) -> [String: String] {
        var object: [String: String] = [:]
        for key in SettingKey.allCases { object[key.name] = settings.value(of: key) }
        return object
    }

    private static func settingText(_ value: Any, key: String) throws(APIError) -> String {
        switch value {
        case let text as String: return text
        case let flag as Bool where !(value is NSNumber) || "\(type(of: value))".contains("Boolean"):
            return flag ? "on" : "off"
        case let number as NSNumber:
            if let whole = Int(exactly: number.doubleValue) { return String(whole) }
            return number.stringValue
        default:
            throw APIError.malformedJSON("\(key): a setting's value is a string, a number or true/false")
        }
    }
}
