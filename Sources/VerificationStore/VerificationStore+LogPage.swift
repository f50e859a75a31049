import Foundation
import VoiceCall

extension VerificationStore {
    /// One page of the sign-in log, newest first, for the HTTP API's paging (SPEC §16).
    ///
    /// - Parameters:
    ///   - before: only records older than the one with this id (the `id` of the last record of
    ///     the previous page); `nil` for the newest.
    ///   - limit: at most this many records.
    public func signInLogPage(before: Int64?, limit: Int) throws -> [(id: Int64, record: SignInRecord)] {
        var sql = "SELECT id, time, user, masked_number, method, caller_id, language, prompts, result, detail FROM signins"
        var values: [SQLiteValue] = []
        if let before {
            sql += " WHERE id < ?"
            values.append(.integer(before))
        }
        sql += " ORDER BY id DESC LIMIT ?"
        values.append(.int(max(0, limit)))
        let decoder = JSONDecoder()
        return try self.db.query(sql, values) { row in
            let prompts: [SignInRecord.Prompt]
            do {
                prompts = try decoder.decode([SignInRecord.Prompt].self, from: Data(row.text(7).utf8))
            } catch {
                throw StoreError(.corruptData, "a sign-in record's prompts cannot be read: \(error)")
            }
            guard let method = VerificationMethod.Name(rawValue: row.text(4)),
                  let language = try? LanguageTag(row.text(6)),
                  let result = CallResult(rawValue: row.text(8)),
                  let detail = ResultDetail(rawValue: row.text(9))
            else {
                throw StoreError(.corruptData, "a sign-in record holds a method, language, result or detail this ivr does not know")
            }
            let record = SignInRecord(
                time: row.date(1), user: row.text(2), maskedNumber: row.text(3), method: method,
                callerID: row.optionalText(5), language: language, prompts: prompts, result: result, detail: detail)
            return (row.int64(0), record)
        }
    }
}
