import Foundation

/// The API's one JSON dialect: sorted keys, RFC 3339 times, unescaped slashes; and strict
/// decoding, so a misspelt field is an error instead of a silently ignored value.
enum JSONCoding {
    static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return (try? encoder.encode(value)) ?? Data("{}".utf8)
    }

    /// Decodes a request body into `T`, refusing fields `T` does not know.
    ///
    /// - Throws: `APIError` 400: `malformed-json` (not JSON, not an object, a wrong type, a
    ///   missing field) or `unknown-field`.
    static func decodeStrict<T: Decodable & KnownFields>(_ type: T.Type, from body: Data) throws(APIError) -> T {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: body, options: [])
        } catch {
            throw .malformedJSON("the body is not valid JSON")
        }
        guard let fields = object as? [String: Any] else { throw .malformedJSON("the body must be a JSON object") }
        for name in fields.keys where !T.knownFields.contains(name) {
            throw .unknownField(name, allowed: Array(T.knownFields))
        }
        do {
            return try JSONDecoder().decode(T.self, from: body)
        } catch let DecodingError.typeMismatch(expected, context) {
            throw .malformedJSON("field '\(path(context))' must be \(describe(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw .malformedJSON("field '\(path(context))' must be \(describe(expected)), not null")
        } catch let DecodingError.keyNotFound(key, _) {
            throw .malformedJSON("field '\(key.stringValue)' is required")
        } catch {
            throw .malformedJSON("the body cannot be read: \(error)")
        }
    }

    private static func path(_ context: DecodingError.Context) -> String {
        context.codingPath.map(\.stringValue).joined(separator: ".")
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Double.Type: "a number"
        default: "\(type)"
        }
    }
}

/// A request body's field names: anything else is refused with 400.
protocol KnownFields {
    static var knownFields: Set<String> { get }
}
