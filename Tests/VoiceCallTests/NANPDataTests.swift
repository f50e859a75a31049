import Foundation
import Testing

@testable import VoiceCall

/// The generated `NANPData.swift` must say exactly what the TSV files in `data/` say.
@Suite("NANP tables: generated Swift matches data/*.tsv")
struct NANPDataTests {
    /// The repository root, found from this file's path (Tests/VoiceCallTests/NANPDataTests.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Compares row by row, so a drift names the rows that differ instead of printing both tables.
    static func expectSame(_ generated: [[String]], _ expected: [[String]], file name: String) {
        #expect(generated.count == expected.count, "\(name): row count differs; rerun scripts/generate-nanp.py")
        for (index, (made, wanted)) in zip(generated, expected).enumerated() where made != wanted {
            Issue.record("\(name) data row \(index + 1): TSV has \(wanted), NANPData.swift has \(made)")
        }
    }

    /// The data rows of a TSV file (comment lines and the header line left out), as fields.
    static func rows(_ name: String) throws -> [[String]] {
        let text = try String(contentsOf: root.appendingPathComponent("data/\(name)"), encoding: .utf8)
        let lines = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        return lines.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test("Area codes match nanp-area-codes.tsv row for row")
    func areaCodesMatch() throws {
        let expected = try Self.rows("nanp-area-codes.tsv")
        let generated = NANPData.areaCodes.map {
            [String($0.code), $0.region.rawValue, $0.kind.rawValue, $0.usBased ? "yes" : "no"]
        }
        #expect(expected.count > 400)
        Self.expectSame(generated, expected, file: "nanp-area-codes.tsv")
    }

    @Test("Exchange restrictions match nanp-exchange-restrictions.tsv row for row")
    func restrictionsMatch() throws {
        let expected = try Self.rows("nanp-exchange-restrictions.tsv")
        let generated = NANPData.exchangeRestrictions.map { row in
            let ranges = row.allowedExchanges.map {
                $0.lowerBound == $0.upperBound ? "\($0.lowerBound)" : "\($0.lowerBound)-\($0.upperBound)"
            }
            let usBased = row.usBased ? "yes" : "no"
            return [String(row.areaCode), row.region.rawValue, usBased, ranges.joined(separator: ",")]
        }
        #expect(expected.count > 20)
        Self.expectSame(generated, expected, file: "nanp-exchange-restrictions.tsv")
    }

    @Test("The generated file keeps the TSV source lines")
    func sourceLinesKept() throws {
        let generated = try String(
            contentsOf: Self.root.appendingPathComponent("Sources/VoiceCall/NANPData.swift"), encoding: .utf8)
        for name in ["nanp-area-codes.tsv", "nanp-exchange-restrictions.tsv"] {
            let text = try String(contentsOf: Self.root.appendingPathComponent("data/\(name)"), encoding: .utf8)
            let sources = text.split(separator: "\n").filter { $0.hasPrefix("# source:") }
            #expect(!sources.isEmpty)
            for line in sources {
                #expect(generated.contains("// " + line))
            }
        }
    }

    @Test("The us_based column agrees with region and type")
    func usBasedIsConsistent() {
        for row in NANPData.areaCodes {
            let expected = row.kind == .tollFree || (row.kind == .geographic && row.region.isUSOrTerritory)
            #expect(row.usBased == expected, "area code \(row.code)")
        }
        for row in NANPData.exchangeRestrictions {
            let areaCode = NANPData.areaCode(row.areaCode)
            #expect(areaCode?.region == row.region, "area code \(row.areaCode)")
            #expect(areaCode?.usBased == row.usBased, "area code \(row.areaCode)")
        }
    }

    @Test("Look-ups find rows and refuse unknown codes")
    func lookups() {
        #expect(NANPData.areaCode(425)?.region == .us)
        #expect(NANPData.areaCode(416)?.region == .ca)
        #expect(NANPData.areaCode(866)?.kind == .tollFree)
        #expect(NANPData.areaCode(700)?.kind == .other)
        #expect(NANPData.areaCode(273)?.region == .ca)
        #expect(NANPData.areaCode(411) == nil)
        #expect(NANPData.areaCode(370) == nil)
        #expect(NANPData.exchangeRestriction(for: 425) == nil)
        let guam = NANPData.exchangeRestriction(for: 671)
        #expect(guam?.allows(300) == true)
        #expect(guam?.allows(301) == false)
        #expect(guam?.allows(999) == true)
    }
}
