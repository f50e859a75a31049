import Foundation
import OATH
import TestSupport
import Testing

/// Seeded random mutations of a valid token CSV: the reader and the import rules must never crash,
/// and every row is either accepted or refused with a line inside the file (SPEC §13).
@Suite struct TokenCSVFuzzTests {
    static let base = Data(#"""
        \#u{FEFF}upn,serial number,secret key,time interval,manufacturer,model\#r
        alice@contoso.com,A-1,GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ,30,Contoso,HK\#r
        bob@contoso.com,"B-2","jbsw y3dp ehpk 3pxp",60,"Fabrikam, ""Inc.""",HK\#r
        carol@contoso.com,C-3,NBSWY3DPEB3W64TMMQ======,30,,\#r

        """#.utf8)

    @Test(arguments: 0..<8)
    func mutatedFilesNeverCrash(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let alphabet: [UInt8] = Array(",\"\r\n =@1890AZaz27\u{7F}".utf8) + [0x00, 0xEF, 0xBB, 0xBF, 0xFF, 0xC3]
        for _ in 0..<250 {
            var bytes = [UInt8](Self.base)
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let index = Int.random(in: 0..<max(bytes.count, 1), using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0 where !bytes.isEmpty: bytes[index % bytes.count] = alphabet.randomElement(using: &random)!
                case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: min(index, bytes.count))
                case 2 where !bytes.isEmpty: bytes.remove(at: index % bytes.count)
                default: bytes.insert(contentsOf: bytes.prefix(Int.random(in: 0...40, using: &random)), at: min(index, bytes.count))
                }
            }
            let lineCount = bytes.filter { $0 == 0x0A || $0 == 0x0D }.count + 1
            do {
                let plan = try TokenCSV.plan(Data(bytes), existing: .init())
                let lines = plan.accepted.map(\.line) + plan.refused.map(\.line)
                #expect(lines.allSatisfy { $0 >= 2 && $0 <= lineCount })
                #expect(Set(lines).count == lines.count)
                _ = TokenCSV.errorReport(plan.refused)
            } catch {
                #expect(error.line >= 1 && error.line <= lineCount)
            }
        }
    }
}
