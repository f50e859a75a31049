import Testing
@testable import CallScript
