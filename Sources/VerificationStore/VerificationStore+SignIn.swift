import Foundation
import VoiceCall

/// The users directory, remembered browsers, named locations, the SMS outbox and the sign-in part
/// of the log (SPEC §8). Every change is one transaction.
extension VerificationStore {
    // MARK: Users directory

    /// Registers a user, or updates the number, method and language of one already registered
    /// (the PIN hash and flags stay).
    public func addUser(_ user: UserName, phone: String, method: String, language: String?, at time: Date) throws {
        try write {
            try db.run(
                """
                INSERT INTO directory_users (user, phone, method, language, added_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (user) DO UPDATE SET phone = excluded.phone, method = excluded.method, language = excluded.language
                """,
                [.text(user.value), .text(phone), .text(method), .optionalText(language), time.sqlValue])
        }
    }

    public func directoryUser(_ user: UserName) throws -> DirectoryUser? {
        try db.query(Self.userSelect + " WHERE user = ?", [.text(user.value)], Self.userRow).first
    }

    public func directoryUsers() throws -> [DirectoryUser] {
        try db.query(Self.userSelect + " ORDER BY user", [], Self.userRow)
    }

    /// The stored PIN hash (an encoded PBKDF2 string), for verification only.
    public func pinHash(_ user: UserName) throws -> String? {
        try db.query("SELECT pin_hash FROM directory_users WHERE user = ?", [.text(user.value)]) { $0.optionalText(0) }.first ?? nil
    }

    /// Sets the PIN hash; `false` when the user is not registered.
    public func setPINHash(_ user: UserName, _ hash: String) throws -> Bool {
        try updateUser(user, "pin_hash = ?", [.text(hash)])
    }

    public func setAppPassword(_ user: UserName, _ present: Bool) throws -> Bool {
        try updateUser(user, "has_app_password = ?", [.int(present ? 1 : 0)])
    }

    public func setPersistentBrowserSession(_ user: UserName, _ on: Bool) throws -> Bool {
        try updateUser(user, "persistent_browser_session = ?", [.int(on ? 1 : 0)])
    }

    private func updateUser(_ user: UserName, _ assignment: String, _ values: [SQLiteValue]) throws -> Bool {
        try write {
            try db.run("UPDATE directory_users SET \(assignment) WHERE user = ?", values + [.text(user.value)])
            return db.changes > 0
        }
    }

    private static let userSelect = """
        SELECT user, phone, method, language, pin_hash IS NOT NULL, has_app_password, persistent_browser_session, added_at
        FROM directory_users
        """

    private static func userRow(_ row: SQLiteStatement) -> DirectoryUser {
        DirectoryUser(
            user: row.text(0), phone: row.text(1), method: row.text(2), language: row.optionalText(3), hasPIN: row.int(4) != 0,
            hasAppPassword: row.int(5) != 0, persistentBrowserSession: row.int(6) != 0, addedAt: row.date(7))
    }

    // MARK: Remembered browsers

    /// Remembers a browser (by the hash of its id) for a user; a second issue replaces the first.
    public func rememberBrowser(user: UserName, browserHash: String, issuedAt: Date, until: Date) throws {
        try write {
            try db.run(
                """
                INSERT INTO remembered_browsers (user, browser_hash, issued_at, until) VALUES (?, ?, ?, ?)
                ON CONFLICT (user, browser_hash) DO UPDATE SET issued_at = excluded.issued_at, until = excluded.until, revoked_at = NULL
                """,
                [.text(user.value), .text(browserHash), issuedAt.sqlValue, until.sqlValue])
        }
    }

    /// When this browser's unrevoked cookie for this user was issued.
    public func rememberedBrowserIssue(user: UserName, browserHash: String) throws -> Date? {
        try db.query(
            "SELECT issued_at FROM remembered_browsers WHERE user = ? AND browser_hash = ? AND revoked_at IS NULL",
            [.text(user.value), .text(browserHash)]
        ) { $0.date(0) }.first
    }

    public func rememberedBrowsers(user: UserName) throws -> [RememberedBrowser] {
        try db.query(
            "SELECT user, browser_hash, issued_at, until, revoked_at FROM remembered_browsers WHERE user = ? ORDER BY issued_at",
            [.text(user.value)]
        ) { RememberedBrowser(user: $0.text(0), browserHash: $0.text(1), issuedAt: $0.date(2), until: $0.date(3), revokedAt: $0.optionalDate(4)) }
    }

    /// Forgets every remembered browser of the user; returns how many were still remembered.
    public func revokeRememberedBrowsers(user: UserName, at time: Date) throws -> Int {
        try write {
            try db.run(
                "UPDATE remembered_browsers SET revoked_at = ? WHERE user = ? AND revoked_at IS NULL",
                [time.sqlValue, .text(user.value)])
            return db.changes
        }
    }

    // MARK: Named locations

    /// Adds or replaces a named location; `ranges` are already checked CIDR texts.
    public func saveNamedLocation(name: String, ranges: [String], at time: Date) throws {
        try write {
            try db.run(
                """
                INSERT INTO named_locations (name, ranges, added_at) VALUES (?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET ranges = excluded.ranges
                """,
                [.text(name), .text(ranges.joined(separator: ",")), time.sqlValue])
        }
    }

    /// Every named location: name and its CIDR texts, by name.
    public func namedLocations() throws -> [(name: String, ranges: [String])] {
        try db.query("SELECT name, ranges FROM named_locations ORDER BY name COLLATE NOCASE") {
            ($0.text(0), $0.text(1).split(separator: ",").map(String.init))
        }
    }

    public func removeNamedLocation(name: String) throws -> Bool {
        try write {
            try db.run("DELETE FROM named_locations WHERE name = ?", [.text(name)])
            return db.changes > 0
        }
    }

    // MARK: SMS outbox

    /// Queues one text message; returns its id.
    public func queueSMS(
        user: UserName, maskedNumber: String, sealedBody: String, codeHash: String, at time: Date, expiresAt: Date, tries: Int
    ) throws -> Int64 {
        try write {
            try db.run(
                """
                INSERT INTO sms_outbox (created_at, user, masked_number, sealed_body, code_hash, expires_at, tries_left)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
                [time.sqlValue, .text(user.value), .text(maskedNumber), .text(sealedBody), .text(codeHash), expiresAt.sqlValue, .int(tries)])
            return db.lastInsertRowID
        }
    }

    public func smsOutbox() throws -> [SMSMessage] {
        try db.query("\(Self.smsSelect) ORDER BY id", [], Self.smsRow)
    }

    /// One queued text by its id (`nil` when there is none).
    public func smsMessage(id: Int64) throws -> SMSMessage? {
        try db.query("\(Self.smsSelect) WHERE id = ?", [.integer(id)], Self.smsRow).first
    }

    private static let smsSelect =
        "SELECT id, created_at, user, masked_number, sealed_body, code_hash, expires_at, tries_left, used_at FROM sms_outbox"

    private static func smsRow(_ row: SQLiteStatement) -> SMSMessage {
        SMSMessage(
            id: row.int64(0), createdAt: row.date(1), user: row.text(2), maskedNumber: row.text(3), sealedBody: row.text(4),
            codeHash: row.text(5), expiresAt: row.date(6), triesLeft: row.int(7), usedAt: row.optionalDate(8))
    }

    /// Uses one try of a message: `check` compares a typed code with the stored hash. Returns the
    /// verdict and changes the row in the same transaction (a try spent, or the message used).
    public func trySMSCode(id: Int64, at time: Date, check: (String) -> Bool) throws -> SMSCodeVerdict {
        try write {
            guard let message = try smsMessage(id: id) else { return .noCodeSent }
            guard message.usedAt == nil, message.triesLeft > 0 else { return .noTriesLeft }
            guard time < message.expiresAt else { return .expired }
            if check(message.codeHash) {
                try db.run("UPDATE sms_outbox SET used_at = ?, tries_left = tries_left - 1 WHERE id = ?", [time.sqlValue, .integer(id)])
                return .accepted
            }
            try db.run("UPDATE sms_outbox SET tries_left = tries_left - 1 WHERE id = ?", [.integer(id)])
            return message.triesLeft > 1 ? .wrong : .noTriesLeft
        }
    }

    // MARK: Sign-in log

    /// Appends a sign-in log record for a sign-in in which no call ran, with its outcome.
    @discardableResult
    public func recordSignIn(_ record: SignInRecord, outcome: SignInOutcomeRecord) throws -> Int64 {
        try write {
            let id = try insertSignIn(record)
            try insertSignInOutcome(id, outcome, withCall: false)
            return id
        }
    }

    /// Attaches the sign-in outcome to the log record its call already wrote (one record per
    /// sign-in: the call is not logged twice).
    public func attachSignInOutcome(toSignIn id: Int64, _ outcome: SignInOutcomeRecord) throws {
        try write { try insertSignInOutcome(id, outcome, withCall: true) }
    }

    /// The sign-in outcomes of the log records `ids` (by record id), and whether a call wrote the
    /// record. Only the id range asked for is read, so a short log page reads a few rows.
    func signInOutcomes(ids: ClosedRange<Int64>) throws -> [Int64: (outcome: SignInOutcomeRecord, withCall: Bool)] {
        let decoder = JSONDecoder()
        let rows = try db.query(
            """
            SELECT signin_id, ip, client, result, detail, bypass, method, kmsi, kmsi_reason, session, error_code,
                   remembered_until, steps, with_call
            FROM signin_details WHERE signin_id BETWEEN ? AND ? ORDER BY signin_id
            """, [.integer(ids.lowerBound), .integer(ids.upperBound)]
        ) { row -> (Int64, (outcome: SignInOutcomeRecord, withCall: Bool)) in
            let steps = (try? decoder.decode([SignInOutcomeRecord.Step].self, from: Data(row.text(12).utf8))) ?? []
            return (
                row.int64(0),
                (SignInOutcomeRecord(
                    ip: row.text(1), client: row.text(2), result: row.text(3), detail: row.text(4), bypass: row.optionalText(5),
                    method: row.optionalText(6), kmsi: row.optionalText(7), kmsiReason: row.optionalText(8),
                    session: row.optionalText(9), errorCode: row.isNull(10) ? nil : row.int(10),
                    rememberedUntil: row.optionalDate(11), steps: steps),
                 row.int(13) != 0)
            )
        }
        return Dictionary(rows, uniquingKeysWith: { first, _ in first })
    }

    private func insertSignInOutcome(_ id: Int64, _ outcome: SignInOutcomeRecord, withCall: Bool) throws {
        let steps = String(decoding: try JSONEncoder().encode(outcome.steps), as: UTF8.self)
        try db.run(
            """
            INSERT INTO signin_details (signin_id, ip, client, result, detail, bypass, method, kmsi, kmsi_reason, session,
                                        error_code, remembered_until, steps, with_call)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                .integer(id), .text(outcome.ip), .text(outcome.client), .text(outcome.result), .text(outcome.detail),
                .optionalText(outcome.bypass), .optionalText(outcome.method), .optionalText(outcome.kmsi),
                .optionalText(outcome.kmsiReason), .optionalText(outcome.session), outcome.errorCode.map { .int($0) } ?? .null,
                outcome.rememberedUntil?.sqlValue ?? .null, .text(steps), .int(withCall ? 1 : 0),
            ])
    }
}

/// What one typed SMS code came to.
public enum SMSCodeVerdict: Sendable, Equatable {
    case accepted, wrong, expired, noTriesLeft, noCodeSent
}
