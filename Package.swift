// swift-tools-version:6.0
// The phone-call verification engine. Foundation and three system C libraries only
// (libsndfile, libmpg123, SQLite); no third-party Swift packages.
import PackageDescription

let package = Package(
    name: "ivr",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "ivr", targets: ["ivr"]),
        .library(name: "VoiceCall", targets: ["VoiceCall"]),
    ],
    targets: [
        // C libraries, wrapped by small Swift types in the modules that use them.
        .systemLibrary(name: "CSndFile", pkgConfig: "sndfile", providers: [.apt(["libsndfile1-dev"])]),
        .systemLibrary(name: "CMpg123", pkgConfig: "libmpg123", providers: [.apt(["libmpg123-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CSampleRate", pkgConfig: "samplerate", providers: [.apt(["libsamplerate0-dev"])]),
        .systemLibrary(name: "CMicroHTTPD", pkgConfig: "libmicrohttpd", providers: [.apt(["libmicrohttpd-dev"])]),
        .systemLibrary(name: "COpenSSL", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        // libre (SIP, SDP, RTP, its event loop) and librem (G.711), with C wrappers for the variadic calls.
        .systemLibrary(name: "CRe", pkgConfig: "libre", providers: [.apt(["libre-dev", "librem-dev"])]),

        // Opening an outsider-named file without blocking: regular files only (SPEC §13).
        .target(name: "RegularFile"),
        // Random bytes, SHA-256, HMAC, PBKDF2, AES-256-GCM, constant-time compare: libcrypto wrapped once.
        .target(name: "Cryptography", dependencies: ["COpenSSL"]),
        // The pure heart: call state machine, prompts, languages, numbers, settings. No I/O.
        .target(name: "VoiceCall", dependencies: ["SignIn"]),
        // OATH tokens, pure: Base32, RFC 6238 TOTP over an injected HMAC, the token CSV and its error report.
        .target(name: "OATH", dependencies: ["VoiceCall"]),
        // QR codes (libqrencode) drawn in the terminal with half blocks, or as an image for tests.
        .target(name: "QRCode", dependencies: ["CQRencode"]),
        // Decoding and validating custom greetings (WAV via libsndfile, MP3 via libmpg123).
        .target(name: "GreetingAudio", dependencies: ["CSndFile", "CMpg123", "RegularFile"]),
        // Persistent state: one SQLite database plus greeting files, written atomically.
        .target(name: "VerificationStore", dependencies: ["VoiceCall", "CSQLite"]),
        // The sign-in around the call (SPEC §8): addresses, ranges, bypasses, methods, remember-MFA
        // and "Stay signed in?" as a pure decision. Foundation only.
        .target(name: "SignIn"),
        // The `.call` and `.signin` formats and the virtual-time simulator that drives a call.
        .target(name: "CallScript", dependencies: ["VoiceCall", "RegularFile", "SignIn"]),
        // The default prompt scripts (Greetings/scripts/*.txt, one file per language) and the kana
        // readings espeak-ng needs (Greetings/readings/*.txt) compiled into the binary
        // (EmbeddedScripts.swift, EmbeddedReadings.swift, generated from them), so a copied binary carries them.
        .target(name: "DefaultGreetings", path: "Greetings", exclude: ["scripts", "readings", "embed-scripts.py"],
                sources: ["DefaultGreetings.swift", "EmbeddedScripts.swift", "DefaultGreetings+Readings.swift", "EmbeddedReadings.swift"]),
        // Prompts as sound (SPEC §14): espeak-ng renders default prompts, libsamplerate brings
        // everything to 8 kHz, G.711 coding, the render cache, and `ivr call --audio` recordings.
        .target(name: "PromptAudio", dependencies: ["VoiceCall", "GreetingAudio", "DefaultGreetings", "CSampleRate"]),
        // The service: checks, plan, run, record, fraud, notify.
        .target(name: "Verification", dependencies: ["VoiceCall", "DefaultGreetings", "GreetingAudio", "VerificationStore", "CallScript", "OATH", "Cryptography", "RegularFile", "PromptAudio", "SignIn"]),
        // `ivr serve`: the HTTP API of SPEC §16 (libmicrohttpd), a front door like the CLI.
        .target(name: "Server", dependencies: ["CMicroHTTPD", "Cryptography", "OATH", "Verification", "VerificationStore", "GreetingAudio", "CallScript", "VoiceCall", "SIPChannel"]),
        // Live calls over SIP: libre's event loop on one thread, RTP media, RFC 4733 keys (SPEC §15).
        .target(name: "SIPChannel", dependencies: ["CRe", "VoiceCall"]),
        .executableTarget(name: "ivr", dependencies: ["SIPChannel", "Verification", "VerificationStore", "GreetingAudio", "CallScript", "VoiceCall", "OATH", "QRCode", "PromptAudio", "Server", "SignIn", "RegularFile"]),
        // `make bench`: calls per second through the state machine and simulator alone.
        .executableTarget(name: "CallBench", dependencies: ["CallScript"], path: "Benchmarks/CallBench"),
        // `make bench-live`: concurrent live calls to sipp on loopback (SPEC §12 live-call figures).
        .executableTarget(name: "LiveBench", dependencies: ["SIPChannel", "VoiceCall"], path: "Benchmarks/LiveBench", exclude: ["answer-pound.xml"]),

        .testTarget(name: "VoiceCallTests", dependencies: ["VoiceCall"]),
        .testTarget(name: "SignInTests", dependencies: ["SignIn"]),
        .testTarget(name: "CryptographyTests", dependencies: ["Cryptography"]),
        .testTarget(name: "OATHTests", dependencies: ["OATH", "Cryptography", "TestSupport"]),
        .testTarget(name: "QRCodeTests", dependencies: ["QRCode"]),
        .testTarget(name: "GreetingAudioTests", dependencies: ["GreetingAudio"]),
        .testTarget(name: "RegularFileTests", dependencies: ["RegularFile"]),
        .testTarget(name: "DefaultGreetingsTests", dependencies: ["DefaultGreetings"]),
        .testTarget(name: "VerificationStoreTests", dependencies: ["VerificationStore"]),
        .testTarget(name: "CallScriptTests", dependencies: ["CallScript", "SignIn", "TestSupport"], exclude: ["Malformed"]),
        .testTarget(name: "VerificationTests", dependencies: ["Verification", "OATH", "Cryptography", "PromptAudio", "VoiceCall", "GreetingAudio"]),
        .testTarget(name: "SIPChannelTests", dependencies: ["SIPChannel", "LiveCallTestSupport", "TestSupport"]),
        .testTarget(name: "PromptAudioTests", dependencies: ["PromptAudio", "GreetingAudio", "CallScript", "VoiceCall", "DefaultGreetings"]),
        // The sipp callee (scenarios and process) shared by the tests that place live calls.
        .target(name: "LiveCallTestSupport", path: "Tests/LiveCallTestSupport"),
        // What several test targets share that is not about live calls (a seeded generator).
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "ivrTests", dependencies: ["ivr", "VerificationStore", "OATH", "Cryptography", "LiveCallTestSupport"]),
        // Start the real `ivr serve` on loopback and talk to it with curl.
        .testTarget(name: "ServerTests", dependencies: ["ivr", "Server", "Cryptography", "VerificationStore", "Verification", "CallScript", "LiveCallTestSupport", "TestSupport"]),
    ]
)
