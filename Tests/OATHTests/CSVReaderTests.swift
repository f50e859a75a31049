import OATH
import Testing

@Suite struct CSVReaderTests {
    private func fields(_ text: String) -> [[String]] {
        CSVReader.records(text).map { result in
            switch result {
            case .success(let record): record.fields
            case .failure(let problem): ["ERROR line \(problem.line)"]
            }
        }
    }

    private func lines(_ text: String) -> [Int] {
        CSVReader.records(text).map { result in
            switch result {
            case .success(let record): record.line
            case .failure(let problem): -problem.line
            }
        }
    }

    @Test func quotingAsRFC4180() {
        #expect(fields("a,\"b,c\",\"say \"\"hi\"\"\",\n") == [["a", "b,c", "say \"hi\"", ""]])
        #expect(fields("\"two\r\nlines\",x\r\nnext,row") == [["two\r\nlines", "x"], ["next", "row"]])
        #expect(lines("\"two\r\nlines\",x\r\nnext,row") == [1, 3])
    }

    @Test func bomCRLFBareCRAndBlankLines() {
        #expect(fields("\u{FEFF}h1,h2\r\n\r\nv1,v2\rv3,v4\n") == [["h1", "h2"], ["v1", "v2"], ["v3", "v4"]])
        #expect(lines("\u{FEFF}h1,h2\r\n\r\nv1,v2\rv3,v4\n") == [1, 3, 4])
    }

    @Test func malformedRecordsAreReportedAndReadingResumes() {
        #expect(lines("ok,1\nbad\"quote,2\n\"closed\"junk,3\nok,4\n") == [1, -2, -3, 4])
        #expect(lines("ok,1\n\"never closed,2\nok,3\n") == [1, -2])
    }
}
