import Testing
@testable import VerificationStore
