import Cryptography

/// Hex literal → bytes; a malformed literal in a test is a bug in the test, so it traps.
func hex(_ text: String) -> [UInt8] {
    guard let bytes = Hex.decode(text.filter { !$0.isWhitespace }) else { fatalError("bad hex literal in a test: \(text)") }
    return bytes
}

func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }
