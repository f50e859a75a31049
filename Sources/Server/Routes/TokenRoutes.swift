import Foundation
import OATH
import Verification

/// `POST /v1/tokens/import` (SPEC §9, §16): a token CSV as the body, imported as `ivr tokens
/// import` does: good rows are stored, each refused row is reported with its line and reason.
extension APIServer {
    private struct ImportAnswer: Encodable {
        var imported: [TokenImportRow]
        var refused: [TokenImportRow]
        /// The error report as `ivr tokens import` writes it (`line,upn,serial number,error`), or null.
        var errorReport: String?

        private enum Keys: String, CodingKey { case imported, refused, errorReport }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(imported, forKey: .imported)
            try container.encode(refused, forKey: .refused)
            try container.encode(errorReport, forKey: .errorReport)
        }
    }

    /// 200 when every row was imported; 422 `tokens-refused` when any was refused (the others are
    /// imported all the same, as the CLI's exit 1 says), with the same lists and the error report;
    /// 422 `invalid-value` when the file as a whole is unusable (nothing imported).
    func importTokens(_ request: HTTPRequest) throws -> HTTPResponse {
        let plan: TokenImportPlan
        do {
            plan = try pool.writing { try $0.importTokens(csv: request.body) }
        } catch let error as TokenFileError {
            throw APIError.unprocessable("tokens file \(error); nothing was imported")
        }
        let answer = ImportAnswer(
            imported: plan.importedRows, refused: plan.refusedRows,
            errorReport: plan.refused.isEmpty ? nil : TokenCSV.errorReport(plan.refused))
        guard !plan.refused.isEmpty else { return .json(200, JSONCoding.encode(answer)) }
        struct Refusal: Encodable {
            struct Detail: Encodable {
                var code: String
                var message: String
                var result: ImportAnswer
            }
            var error: Detail
        }
        let message = "\(plan.accepted.count) imported, \(plan.refused.count) refused (see result.refused and result.errorReport)"
        return .json(422, JSONCoding.encode(Refusal(error: .init(code: "tokens-refused", message: message, result: answer))))
    }
}
