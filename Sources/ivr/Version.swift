/// What `ivr --version` prints. Raise it with each release (`make install` installs this build).
enum Version {
    static let current = "0.2.0"
    static let line = "ivr \(current)"
}
