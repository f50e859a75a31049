/// A libsndfile failure, carrying the library's own message.
struct SndFileError: Error, CustomStringConvertible {
    /// What `sf_strerror` said.
    let message: String
    var description: String { self.message }
}
