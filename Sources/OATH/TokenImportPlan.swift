/// What an import of a token CSV will do: the rows that pass every check of SPEC §9, and the rows
/// refused, each with its line and reason. Building it writes nothing; the engine stores `accepted`
/// in one transaction.
public struct TokenImportPlan: Sendable, Equatable {
    /// A row that passed every check.
    public struct Accepted: Sendable, Equatable {
        public let line: Int
        public let seed: TokenSeed
    }

    /// A row refused, with what the admin must read. `upn` and `serial` are the cells as written
    /// (empty when the row had none); the secret is never repeated.
    public struct Refused: Sendable, Equatable {
        public let line: Int
        public let upn: String
        public let serial: String
        public let reason: String

        public init(line: Int, upn: String, serial: String, reason: String) {
            self.line = line
            self.upn = upn
            self.serial = serial
            self.reason = reason
        }
    }

    public var accepted: [Accepted] = []
    public var refused: [Refused] = []

    public init(accepted: [Accepted] = [], refused: [Refused] = []) {
        self.accepted = accepted
        self.refused = refused
    }
}

/// A token CSV that cannot be read at all (no rows are looked at): not UTF-8, empty, or a wrong header.
public struct TokenFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let line: Int
    public let reason: String

    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}

/// One row of an import's answer, as `ivr tokens import --json` and `POST /v1/tokens/import` both
/// report it: `{line, upn, serialNumber}`, plus `error` on a refused row.
public struct TokenImportRow: Encodable, Sendable, Equatable {
    public var line: Int
    public var upn: String
    public var serialNumber: String
    /// Why the row was refused; absent (not null) on an imported row.
    public var error: String?
}

extension TokenImportPlan {
    /// The rows imported, in file order.
    public var importedRows: [TokenImportRow] {
        accepted.map { TokenImportRow(line: $0.line, upn: $0.seed.user.value, serialNumber: $0.seed.serial) }
    }

    /// The rows refused, in file order, each with its reason.
    public var refusedRows: [TokenImportRow] {
        refused.map { TokenImportRow(line: $0.line, upn: $0.upn, serialNumber: $0.serial, error: $0.reason) }
    }
}
