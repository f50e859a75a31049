/// Look-ups over the generated tables, indexed once on first use.
extension NANPData {
    /// The area-code rows by code. Built once (a `static let` is initialised lazily and thread-safely).
    private static let areaCodesByCode: [Int: NANPAreaCode] = Dictionary(
        uniqueKeysWithValues: NANPData.areaCodes.map { ($0.code, $0) }
    )

    /// The exchange restrictions by area code.
    private static let restrictionsByAreaCode: [Int: NANPExchangeRestriction] = Dictionary(
        uniqueKeysWithValues: NANPData.exchangeRestrictions.map { ($0.areaCode, $0) }
    )

    /// The row for an area code, or nil when the code is not assigned (or not in the data).
    static func areaCode(_ code: Int) -> NANPAreaCode? {
        self.areaCodesByCode[code]
    }

    /// The list of exchanges in use for an area code, or nil when every exchange 200-999 is allowed.
    static func exchangeRestriction(for areaCode: Int) -> NANPExchangeRestriction? {
        self.restrictionsByAreaCode[areaCode]
    }
}
