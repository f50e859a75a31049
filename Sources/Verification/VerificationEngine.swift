import DefaultGreetings
import Foundation
import PromptAudio
import VerificationStore
import VoiceCall

/// The engine: every operation an administrator or an integrator has, behind every front door
/// (`ivr`, `ivr serve`, a live SIP line). ARCHITECTURE.md draws it.
///
/// ## Plugging in
/// - **One value per process.** `VerificationEngine(stateDirectory:)` parses the default prompt
///   scripts once; the value is `Sendable` and cheap to copy, so an HTTP server shares one across
///   all its threads.
/// - **A store session per operation.** ``session()`` opens one connection to the state directory
///   (``VerificationSession``, one thread at a time); the convenience methods here open and close one
///   per call. A batch (thousands of `.call` scripts) keeps one session for all of them.
/// - **A call is three steps:**
///   ```swift
///   let prepared = try engine.prepare(request)             // checks, caller ID, prompts, plan
///   let outcome = try channel.run(prepared)                // any CallChannel: simulated, SIP, a test's
///   let concluded = try engine.conclude(prepared, outcome) // log, lockout, block, outbox: one transaction
///   ```
///   or `try engine.call(request, through: channel)`. A channel decides nothing (see `CallChannel`);
///   what the call did comes from the machine's `CallRecorder`, so every channel gives the same record.
/// - **Rules live here or below** (VoiceCall's policies, the store), never in a front door: a front
///   door parses its input, calls one operation and renders the typed answer.
public struct VerificationEngine: Sendable {
    /// The state directory: the SQLite store's home, and where files beside it live (the key file).
    public let stateDirectory: URL
    /// Opens a store session (a SQLite connection to the state directory, by default).
    let openStore: @Sendable () throws -> any StateStore
    let defaults: DefaultScripts
    let clock: @Sendable () -> Date
    let libraries: PromptLibraryCache
    /// Finds espeak-ng the first time a prompt needs it (so commands that play nothing never run it).
    let speakerSlot: PromptSpeakerSlot

    /// The reason recorded with the automatic block that follows a fraud report (SPEC §5).
    public static let fraudBlockReason = "Fraud alert: the user reported a verification call they did not start"
    /// Who set an automatic fraud block (`blockedBy`).
    public static let fraudBlocker = "fraud-alert"
    /// Who set a block from the CLI (`blockedBy`).
    public static let adminBlocker = "admin"

    /// Parses the default scripts and opens the state directory once (creating and migrating it), so
    /// a broken state directory is reported here and not at the first call.
    public init(
        stateDirectory: URL, clock: @escaping @Sendable () -> Date = { Date() }, promptTiming: PromptTiming = .audioWhenInstalled
    ) throws {
        try self.init(stateDirectory: stateDirectory, clock: clock, promptTiming: promptTiming) {
            try VerificationStore(directory: stateDirectory)
        }
    }

    /// An engine over any ``StateStore``: `openStore` makes one connection per session.
    public init(
        stateDirectory: URL, clock: @escaping @Sendable () -> Date = { Date() }, promptTiming: PromptTiming = .audioWhenInstalled,
        openStore: @escaping @Sendable () throws -> any StateStore
    ) throws {
        try self.init(stateDirectory: stateDirectory, clock: clock, promptTiming: promptTiming, openStore: openStore, probe: true)
    }

    /// `probe`: open the store once now, so a broken state directory is reported at once (a
    /// read-only engine skips it: its one session opens the store right after).
    init(
        stateDirectory: URL, clock: @escaping @Sendable () -> Date, promptTiming: PromptTiming,
        openStore: @escaping @Sendable () throws -> any StateStore, probe: Bool
    ) throws {
        self.stateDirectory = stateDirectory
        self.openStore = openStore
        self.defaults = try DefaultScripts(files: DefaultGreetings.scripts())
        self.clock = clock
        self.libraries = PromptLibraryCache()
        self.speakerSlot = PromptSpeakerSlot(timing: promptTiming, stateDirectory: stateDirectory)
        if probe { _ = try openStore() }
    }

    /// Where `ivr` keeps its state when `--state` is not given (`$IVR_STATE_DIR`, else
    /// `$XDG_STATE_HOME/ivr`, else `~/.local/state/ivr`; SPEC §10).
    public static func defaultStateDirectory(environment: [String: String], home: URL) -> URL {
        VerificationStore.defaultDirectory(environment: environment, home: home)
    }

    /// The engine's idea of "now" (a test pins it).
    public var now: Date { clock() }

    /// A session on its own store connection: use it from one thread, for one operation or a batch.
    public func session() throws -> VerificationSession {
        try VerificationSession(engine: self, store: openStore())
    }

    // MARK: Calls, one session each

    public func prepare(_ request: VerificationRequest) throws -> PreparedCall {
        try session().prepare(request)
    }

    public func conclude(_ call: PreparedCall, _ outcome: ChannelOutcome) throws -> CallConclusion {
        try session().conclude(call, outcome)
    }

    public func call(_ request: VerificationRequest, through channel: some CallChannel) throws -> CallConclusion {
        try session().call(request, through: channel)
    }
}

/// The prompt library for the current product name, fraud code and greeting catalog, rebuilt only
/// when one of them changes, so thousands of calls render the default texts once. Shared by every
/// session of an engine, across threads.
final class PromptLibraryCache: @unchecked Sendable {
    struct Key: Equatable {
        var productName: String
        var fraudCode: String
        var greetings: [GreetingRecord]
    }

    private let lock = NSLock()
    private var entry: (key: Key, library: PromptLibrary)?

    func library(for key: Key, build: (Key) -> PromptLibrary) -> PromptLibrary {
        lock.lock()
        defer { lock.unlock() }
        if let entry, entry.key == key { return entry.library }
        let library = build(key)
        entry = (key, library)
        return library
    }
}
