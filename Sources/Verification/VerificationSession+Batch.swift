import CallScript
import Foundation
import VoiceCall

/// How many calls of a batch (`ivr call` over many scripts) share one transaction.
///
/// A transaction per call writes the same few database pages to the WAL again for every call; a
/// chunk of calls writes them once (SPEC §12: 10,000 scripts at ≥ 5,000 calls a second). A chunk
/// ends at `calls` calls or once `duration` has passed, whichever comes first, so another process
/// waiting for the write lock (its busy timeout is 10 s) never waits long, however slow a call is.
public struct CallChunkLimits: Sendable, Equatable {
    /// At most this many calls per transaction.
    public var calls: Int
    /// A chunk started longer ago than this takes no further call.
    public var duration: Duration

    public init(calls: Int = 64, duration: Duration = .milliseconds(25)) {
        self.calls = max(1, calls)
        self.duration = duration
    }
}

/// The scripts of one chunk that ran, all committed in one transaction, and what stopped it early.
public struct CallChunk {
    /// One entry per script taken, in order: the report, or the script's own error (nothing recorded).
    public var outcomes: [Result<CallReport, CallScriptError>]
    /// A store failure that ended the chunk: the scripts after it did not run (the one that failed
    /// recorded nothing). When the commit itself failed, `outcomes` is empty: nothing was recorded.
    public var failure: (any Error)?
}

extension VerificationSession {
    /// Runs scripts from the front of `scripts` in one transaction and commits them together.
    ///
    /// Takes at least one script, then more until `limits` says stop; the caller hands the rest to
    /// the next chunk. A script that failed to parse (`.failure`) passes through as it is. Inside
    /// the chunk the calls run in order, each seeing the ones before it (a lockout or a block set by
    /// an earlier call applies to a later one, as when each call was its own transaction).
    ///
    /// Print a chunk's reports only after this returns: then every report printed is already
    /// committed, and a process killed at any instant has printed nothing that is not recorded (it
    /// may have recorded a chunk it did not get to print).
    public func runChunk(
        _ scripts: ArraySlice<Result<CallScriptFile, CallScriptError>>, limits: CallChunkLimits = CallChunkLimits()
    ) -> CallChunk {
        var outcomes: [Result<CallReport, CallScriptError>] = []
        var failure: (any Error)?
        do {
            try store.withTransaction {
                // Settings, greetings and the prompt library cannot change while this transaction
                // holds the write lock, so every call of the chunk shares one reading of them.
                self.chunkMemo = try ChunkMemo(settings: store.loadSettings())
                defer { self.chunkMemo = nil }
                let clock = ContinuousClock()
                let deadline = clock.now.advanced(by: limits.duration)
                for script in scripts {
                    switch script {
                    case .failure(let error):
                        outcomes.append(.failure(error))
                    case .success(let file):
                        do {
                            outcomes.append(.success(try self.run(file)))
                        } catch let error as CallScriptError {
                            outcomes.append(.failure(error))
                        } catch {
                            // Keep the calls before it: they are whole, and commit below.
                            failure = error
                            return
                        }
                    }
                    if outcomes.count >= limits.calls || clock.now >= deadline { return }
                }
            }
        } catch {
            // The commit failed: nothing of this chunk was recorded, so nothing may be reported.
            return CallChunk(outcomes: [], failure: error)
        }
        return CallChunk(outcomes: outcomes, failure: failure)
    }
}

/// What every call of one chunk shares, read once at the chunk's start: the settings, and each
/// prompt set already resolved (resolving all 18 prompts is most of what preparing a call costs).
final class ChunkMemo {
    let settings: Settings
    private var promptSets: [(languages: LanguagePreference, extension: String?, prompts: PromptSet)] = []

    init(settings: Settings) {
        self.settings = settings
    }

    /// The prompt set for `languages` and `ext`, made by `make` the first time it is asked for.
    func prompts(
        languages: LanguagePreference, extension ext: String?, make: () throws -> PromptSet
    ) rethrows -> PromptSet {
        if let known = promptSets.first(where: { $0.languages == languages && $0.extension == ext }) {
            return known.prompts
        }
        let prompts = try make()
        // A batch speaks few languages; the bound only keeps a hostile batch from growing the list.
        if promptSets.count < 64 { promptSets.append((languages, ext, prompts)) }
        return prompts
    }
}
