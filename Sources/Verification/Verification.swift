import DefaultGreetings
public func defaultScripts() throws -> [String: String] { try DefaultGreetings.scripts() }
