import Foundation
import VoiceCall

extension VerificationStore {
    /// The sign-in log, oldest first (in the order the calls were recorded).
    ///
    /// - Parameters:
    ///   - user: only this user's records (compared ignoring case); `nil` for everyone.
    ///   - limit: only the most recent `limit` records (still oldest first); `nil` for all.
    public func signInLog(user: String? = nil, limit: Int? = nil) throws -> [SignInRecord] {
        var sql = """
            SELECT time, user, masked_number, method, caller_id, language, prompts, result, detail, id, sip_status, sip_failure FROM signins
            """
        var values: [SQLiteValue] = []
        if let user {
            sql += " WHERE user = ? COLLATE NOCASE"
            values.append(.text(user))
        }
        sql += " ORDER BY id DESC"
        if let limit {
            sql += " LIMIT ?"
            values.append(.int(max(0, limit)))
        }
        let decoder = JSONDecoder()
        var ids: [Int64] = []
        var newestFirst = try self.db.query(sql, values) { row -> SignInRecord in
            let promptsJSON = row.text(6)
            let prompts: [SignInRecord.Prompt]
            do {
                prompts = try decoder.decode([SignInRecord.Prompt].self, from: Data(promptsJSON.utf8))
            } catch {
                throw StoreError(.corruptData, "a sign-in record's prompts cannot be read: \(error)")
            }
            guard let method = VerificationMethod.Name(rawValue: row.text(3)),
                  let language = try? LanguageTag(row.text(5)),
                  let result = CallResult(rawValue: row.text(7)),
                  let detail = ResultDetail(rawValue: row.text(8))
            else {
                throw StoreError(.corruptData, "a sign-in record holds a method, language, result or detail this ivr does not know")
            }
            var record = SignInRecord(
                time: row.date(0), user: row.text(1), maskedNumber: row.text(2), method: method,
                callerID: row.optionalText(4), language: language, prompts: prompts, result: result, detail: detail)
            record.sipStatus = row.optionalText(10).flatMap { Int($0) }
            record.sipFailure = row.optionalText(11)
            ids.append(row.int64(9))
            return record
        }
        guard let low = ids.min(), let high = ids.max() else { return [] }
        let outcomes = try self.signInOutcomes(ids: low...high)
        for (index, id) in ids.enumerated() {
            guard let (outcome, withCall) = outcomes[id] else { continue }
            // A sign-in's record shows the sign-in (SPEC §8.4); the call it ran keeps its own words.
            let record = newestFirst[index]
            newestFirst[index].signIn = outcome
            if withCall {
                newestFirst[index].signIn?.call = .init(
                    result: record.result.id, detail: record.detail.rawValue, method: record.method.rawValue)
            }
        }
        return newestFirst.reversed()
    }

    /// How many sign-in records there are.
    public func signInCount() throws -> Int {
        try self.db.query("SELECT count(*) FROM signins") { $0.int(0) }.first ?? 0
    }

    /// Appends one record; returns its row id.
    func insertSignIn(_ record: SignInRecord) throws -> Int64 {
        let prompts = try Self.promptsColumn(record.prompts)
        try self.db.run(
            """
            INSERT INTO signins (time, user, masked_number, method, caller_id, language, prompts, result, detail, sip_status, sip_failure)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                record.time.sqlValue, .text(record.user), .text(record.maskedNumber), .text(record.method.rawValue),
                .optionalText(record.callerID), .text(record.language.description), .text(prompts),
                .text(record.result.rawValue), .text(record.detail.rawValue),
                record.sipStatus.map { .int($0) } ?? .null, .optionalText(record.sipFailure),
            ])
        return self.db.lastInsertRowID
    }

    /// The `prompts` column: the JSON `JSONEncoder` with `.sortedKeys` writes for `prompts`
    /// (`[{"language":"en-US","source":"default","type":"greeting-standard"}]`), written by hand
    /// because the encoder was a tenth of the time of recording a call. Every value comes from a
    /// checked vocabulary (a language tag, a message type id, `custom`/`default`); should one ever
    /// hold a character JSON escapes, the encoder writes the column instead.
    static func promptsColumn(_ prompts: [SignInRecord.Prompt]) throws -> String {
        var text = "["
        text.reserveCapacity(2 + 90 * prompts.count)
        for prompt in prompts {
            let language = prompt.language.description
            let source = prompt.source.rawValue
            let type = prompt.type.id
            guard Self.needsNoEscaping(language), Self.needsNoEscaping(source), Self.needsNoEscaping(type) else {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                return String(decoding: try encoder.encode(prompts), as: UTF8.self)
            }
            if text.utf8.count > 1 { text.append(",") }
            text.append(#"{"language":""#)
            text.append(language)
            text.append(#"","source":""#)
            text.append(source)
            text.append(#"","type":""#)
            text.append(type)
            text.append(#""}"#)
        }
        text.append("]")
        return text
    }

    /// Whether `value` is written as is inside a JSON string (`JSONEncoder` escapes `"`, `\`, `/`
    /// and control characters).
    private static func needsNoEscaping(_ value: String) -> Bool {
        value.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x2F }
    }
}
