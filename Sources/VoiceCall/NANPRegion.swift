/// A country or territory that shares the North American Numbering Plan's country code `+1`.
///
/// The raw value is the ISO 3166 region code that libphonenumber (and so `data/nanp-area-codes.tsv`)
/// uses. Every region the data names must have a case here, so the generated table cannot mention a
/// place this module cannot describe in a caller-ID reason.
enum NANPRegion: String, CaseIterable, Sendable, Hashable {
    case us = "US"
    case pr = "PR"
    case vi = "VI"
    case gu = "GU"
    case `as` = "AS"
    case mp = "MP"
    case ca = "CA"
    case ag = "AG"
    case ai = "AI"
    case bb = "BB"
    case bm = "BM"
    case bs = "BS"
    case dm = "DM"
    case `do` = "DO"
    case gd = "GD"
    case jm = "JM"
    case kn = "KN"
    case ky = "KY"
    case lc = "LC"
    case ms = "MS"
    case sx = "SX"
    case tc = "TC"
    case tt = "TT"
    case vc = "VC"
    case vg = "VG"

    /// The place's name as it reads inside a sentence ("area code 876 is in Jamaica").
    var name: String {
        switch self {
        case .us: "the United States"
        case .pr: "Puerto Rico"
        case .vi: "the US Virgin Islands"
        case .gu: "Guam"
        case .as: "American Samoa"
        case .mp: "the Northern Mariana Islands"
        case .ca: "Canada"
        case .ag: "Antigua and Barbuda"
        case .ai: "Anguilla"
        case .bb: "Barbados"
        case .bm: "Bermuda"
        case .bs: "the Bahamas"
        case .dm: "Dominica"
        case .do: "the Dominican Republic"
        case .gd: "Grenada"
        case .jm: "Jamaica"
        case .kn: "Saint Kitts and Nevis"
        case .ky: "the Cayman Islands"
        case .lc: "Saint Lucia"
        case .ms: "Montserrat"
        case .sx: "Sint Maarten"
        case .tc: "the Turks and Caicos Islands"
        case .tt: "Trinidad and Tobago"
        case .vc: "Saint Vincent and the Grenadines"
        case .vg: "the British Virgin Islands"
        }
    }

    /// Whether a number here counts as "US-based" for a caller ID (SPEC §6): the United States
    /// and its territories Puerto Rico, the US Virgin Islands, Guam, American Samoa and the
    /// Northern Mariana Islands.
    var isUSOrTerritory: Bool {
        switch self {
        case .us, .pr, .vi, .gu, .as, .mp: true
        case .ca, .ag, .ai, .bb, .bm, .bs, .dm, .do, .gd, .jm, .kn, .ky, .lc, .ms, .sx, .tc, .tt, .vc, .vg: false
        }
    }

    /// Whether this is a US territory (not a state): the places whose exchange lists are enforced
    /// for a caller ID, see `CallerID`.
    var isUSTerritory: Bool {
        switch self {
        case .pr, .vi, .gu, .as, .mp: true
        case .us, .ca, .ag, .ai, .bb, .bm, .bs, .dm, .do, .gd, .jm, .kn, .ky, .lc, .ms, .sx, .tc, .tt, .vc, .vg:
            false
        }
    }
}
