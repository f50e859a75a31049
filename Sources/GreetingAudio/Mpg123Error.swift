/// A libmpg123 failure, carrying the library's own message.
struct Mpg123Error: Error, CustomStringConvertible {
    /// The `mpg123_errors` code.
    let code: CInt
    /// What `mpg123_plain_strerror` (or `mpg123_strerror` for a handle) said.
    let message: String
    var description: String { self.message }
}
