import Foundation
import GreetingAudio
import VerificationStore
import VoiceCall

/// `GET /v1/greetings`, `PUT` and `DELETE /v1/greetings/{type}/{language}` (SPEC §4, §16).
extension APIServer {
    func listGreetings() throws -> HTTPResponse {
        let records = try pool.with { try $0.greetings() }
        return .json(200, JSONCoding.encode(["greetings": records]))
    }

    /// Stores the body as the greeting of that type and language, validated exactly as
    /// `ivr greetings add` does (the file name's extension comes from the Content-Type, so a type
    /// that disagrees with the content is refused by the validator: 422).
    func putGreeting(type typeText: String, language languageText: String, _ request: HTTPRequest) throws -> HTTPResponse {
        let (type, language) = try Self.typeAndLanguage(typeText, languageText)
        let contentType = request.head.header("content-type")?.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased() ?? ""
        let fileExtension = Self.audioTypes[contentType] ?? "bin"
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ivr-put-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("upload.\(fileExtension)")
        try request.body.write(to: file)

        let upload = try pool.writing { try $0.addGreeting(type: type, language: language, file: file.path) }
        guard let record = upload.record else {
            let report = upload.report
            var error = APIError(422, "greeting-refused", "the greeting was refused: " + report.reasons.joined(separator: "; "))
            error.validation = GreetingReport(
                file: "\(type.id)/\(language)", format: report.format, durationSeconds: report.durationSeconds,
                sizeBytes: report.sizeBytes, reasons: report.reasons)
            throw error
        }
        return .json(200, JSONCoding.encode(record))
    }

    func deleteGreeting(type typeText: String, language languageText: String) throws -> HTTPResponse {
        let (type, language) = try Self.typeAndLanguage(typeText, languageText)
        let removed = try pool.writing { try $0.removeGreeting(type: type, language: language) }
        guard removed else { throw APIError.notFound("no custom \(type.id) greeting in \(language)") }
        return .json(200, JSONCoding.encode(["removed": true]))
    }

    private static func typeAndLanguage(_ typeText: String, _ languageText: String) throws(APIError) -> (MessageType, LanguageTag) {
        guard let type = MessageType(rawValue: typeText) else {
            throw APIError.unprocessable("type: '\(typeText)' is not a message type; 'ivr prompts' lists the 18 types")
        }
        do {
            return (type, try LanguageTag(languageText))
        } catch {
            throw APIError.unprocessable("language: \(error)")
        }
    }
}
