import Testing
@testable import ivr
