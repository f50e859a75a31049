/// The limits of SPEC §9 in one place.
public enum TokenImportRules {
    /// The header row, compared case-insensitively.
    public static let header = ["upn", "serial number", "secret key", "time interval", "manufacturer", "model"]
    /// The longest secret key cell, in characters as written (spaces and padding included).
    public static let maxSecretCharacters = 128
    /// The weakest secret accepted: 80 bits (SPEC §9; RFC 4226 §4 recommends 160 and requires at least 128, but
    /// hardware tokens with 80-bit seeds are in the field, and the seed accepts them).
    public static let minSecretBits = 80
    /// Hardware tokens and authenticator apps one user may hold, counted together.
    public static let maxTokensPerUser = 5
    /// The longest serial number (letters, digits, `-`, `_`, `.`; starting with a letter or digit).
    public static let maxSerialCharacters = 64
    /// The longest manufacturer or model text.
    public static let maxLabelCharacters = 100
}
