/// The database schema as an ordered list of migrations; `PRAGMA user_version` is how many have run.
///
/// Never edit a migration that has shipped: append a new one. Each runs inside the same
/// `BEGIN IMMEDIATE` transaction that bumps `user_version`, so two processes opening a fresh state
/// directory at once migrate it exactly once.
enum Schema {
    static let migrations: [String] = [
        // 1: the first schema.
        """
        CREATE TABLE settings (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            json TEXT NOT NULL
        );
        CREATE TABLE blocks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            user TEXT NOT NULL,
            reason TEXT NOT NULL,
            blocked_by TEXT NOT NULL,
            blocked_at REAL NOT NULL,
            until REAL NOT NULL,
            lifted_at REAL,
            lift_reason TEXT
        );
        CREATE INDEX blocks_by_user ON blocks (user, lifted_at);
        CREATE TABLE lockout (
            user TEXT PRIMARY KEY,
            denials INTEGER NOT NULL,
            last_denial_at REAL,
            locked_until REAL
        );
        CREATE TABLE greetings (
            type TEXT NOT NULL,
            language TEXT NOT NULL COLLATE NOCASE,
            file TEXT NOT NULL UNIQUE,
            format TEXT NOT NULL,
            duration REAL NOT NULL,
            size INTEGER NOT NULL,
            added_at REAL NOT NULL,
            PRIMARY KEY (type, language)
        );
        CREATE TABLE signins (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            time REAL NOT NULL,
            user TEXT NOT NULL,
            masked_number TEXT NOT NULL,
            method TEXT NOT NULL,
            caller_id TEXT,
            language TEXT NOT NULL,
            prompts TEXT NOT NULL,
            result TEXT NOT NULL,
            detail TEXT NOT NULL
        );
        CREATE INDEX signins_by_user ON signins (user COLLATE NOCASE, id);
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at REAL NOT NULL,
            recipient TEXT NOT NULL,
            subject TEXT NOT NULL,
            body TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('queued', 'sent')),
            attempts INTEGER NOT NULL DEFAULT 0,
            last_error TEXT,
            sent_at REAL,
            claimed_until REAL
        );
        CREATE INDEX outbox_by_status ON outbox (status, id);
        """,
        // OATH tokens (SPEC §9): hardware tokens and authenticator apps. `sealed_secret` is the
        // AES-256-GCM box (Base64) of the secret under the key file kept outside the database.
        """
        CREATE TABLE oath_tokens (
            serial TEXT PRIMARY KEY COLLATE NOCASE,
            user TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('hardware', 'app')),
            manufacturer TEXT NOT NULL,
            model TEXT NOT NULL,
            interval INTEGER NOT NULL CHECK (interval IN (30, 60)),
            sealed_secret TEXT NOT NULL,
            created_at REAL NOT NULL,
            activated_at REAL,
            last_used_step INTEGER,
            last_used_at REAL
        );
        CREATE INDEX oath_tokens_by_user ON oath_tokens (user);
        """,
        // `ivr serve` (SPEC §16): API keys (only a hash of each secret) and the verifications
        // asked for over HTTP, with their final report once they end.
        """
        CREATE TABLE api_keys (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('integrator', 'admin')),
            secret_sha256 TEXT NOT NULL,
            created_at REAL NOT NULL,
            revoked_at REAL
        );
        CREATE TABLE verifications (
            id TEXT PRIMARY KEY,
            key_id TEXT NOT NULL,
            user TEXT NOT NULL COLLATE NOCASE,
            number TEXT,
            status TEXT NOT NULL CHECK (status IN ('queued', 'calling', 'completed', 'canceled')),
            request TEXT NOT NULL,
            callback_url TEXT,
            report TEXT,
            created_at REAL NOT NULL,
            ended_at REAL
        );
        CREATE INDEX verifications_by_number ON verifications (number, created_at);
        CREATE INDEX verifications_by_user ON verifications (user, created_at);
        CREATE INDEX verifications_by_status ON verifications (status);
        """,
        // The sign-in around the call (SPEC §8): users directory, remembered browsers (hashed ids
        // only), named locations, the SMS outbox (body sealed) and each sign-in's decision.
        """
        CREATE TABLE directory_users (
            user TEXT PRIMARY KEY COLLATE NOCASE,
            phone TEXT NOT NULL,
            method TEXT NOT NULL CHECK (method IN ('standard', 'pin')),
            language TEXT,
            pin_hash TEXT,
            has_app_password INTEGER NOT NULL DEFAULT 0,
            persistent_browser_session INTEGER NOT NULL DEFAULT 0,
            added_at REAL NOT NULL
        );
        CREATE TABLE remembered_browsers (
            user TEXT NOT NULL COLLATE NOCASE,
            browser_hash TEXT NOT NULL,
            issued_at REAL NOT NULL,
            until REAL NOT NULL,
            revoked_at REAL,
            PRIMARY KEY (user, browser_hash)
        );
        CREATE TABLE named_locations (
            name TEXT PRIMARY KEY COLLATE NOCASE,
            ranges TEXT NOT NULL,
            added_at REAL NOT NULL
        );
        CREATE TABLE sms_outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created_at REAL NOT NULL,
            user TEXT NOT NULL,
            masked_number TEXT NOT NULL,
            sealed_body TEXT NOT NULL,
            code_hash TEXT NOT NULL,
            expires_at REAL NOT NULL,
            tries_left INTEGER NOT NULL,
            used_at REAL
        );
        CREATE INDEX sms_outbox_by_user ON sms_outbox (user, id);
        CREATE TABLE signin_details (
            signin_id INTEGER PRIMARY KEY REFERENCES signins (id),
            ip TEXT NOT NULL,
            client TEXT NOT NULL,
            result TEXT NOT NULL,
            detail TEXT NOT NULL,
            bypass TEXT,
            method TEXT,
            kmsi TEXT,
            kmsi_reason TEXT,
            session TEXT,
            error_code INTEGER,
            remembered_until REAL,
            steps TEXT NOT NULL,
            with_call INTEGER NOT NULL DEFAULT 0
        );
        """,
        // Live calls (SPEC §15): the final SIP status of a call that was not answered, and why a
        // live call could not be placed (an unreachable trunk); NULL for simulated calls.
        """
        ALTER TABLE signins ADD COLUMN sip_status INTEGER;
        ALTER TABLE signins ADD COLUMN sip_failure TEXT;
        """,
    ]

    /// The schema version this code writes.
    static var currentVersion: Int { migrations.count }
}
