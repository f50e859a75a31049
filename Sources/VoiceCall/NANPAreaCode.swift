/// One row of `data/nanp-area-codes.tsv`: a three-digit NANP area code (NPA), where it is and
/// what kind of numbers it holds.
struct NANPAreaCode: Sendable, Hashable {
    /// What kind of numbers an area code holds, as libphonenumber classifies them.
    enum Kind: String, CaseIterable, Sendable, Hashable {
        /// Fixed-line and mobile numbers of one place (libphonenumber uses one pattern for both).
        case geographic
        /// NANP-wide toll-free codes (800, 833, 844, 855, 866, 877, 888).
        case tollFree = "toll-free"
        /// Premium-rate (900): the caller pays extra; never a caller ID.
        case premium
        /// Personal communications services (5XX, and 622/633 in Canada).
        case personal
        /// Anything else: Canada's 600 (data/VoIP) and the US 700 and 710 service codes.
        case other
    }

    /// The area code, 200...999.
    let code: Int
    /// The country or territory the code belongs to (US for the NANP-wide codes).
    let region: NANPRegion
    /// The kind of numbers it holds.
    let kind: Kind
    /// The data's own verdict: acceptable as a US-based caller ID area code.
    let usBased: Bool
}

/// One row of `data/nanp-exchange-restrictions.tsv`: a geographic area code whose numbers use only
/// some exchanges (NXX, digits 4-6 of the ten-digit number). Area codes without a row accept
/// every exchange 200-999.
struct NANPExchangeRestriction: Sendable, Hashable {
    /// The area code the list applies to.
    let areaCode: Int
    /// The region of that area code (repeated from the area-code table, as the TSV has it).
    let region: NANPRegion
    /// The data's `us_based` column, repeated from the area-code table.
    let usBased: Bool
    /// The exchanges in use, as inclusive ranges in the file's order (`460-464,468` → `460...464, 468...468`).
    let allowedExchanges: [ClosedRange<Int>]

    /// Whether `exchange` (a three-digit number) is one of the exchanges in use.
    func allows(_ exchange: Int) -> Bool {
        self.allowedExchanges.contains { $0.contains(exchange) }
    }
}
