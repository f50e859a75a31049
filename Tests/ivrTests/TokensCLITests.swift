import Cryptography
import Foundation
import OATH
import Testing

/// `ivr tokens ...` run as a real process over the samples in `Samples/tokens` (SPEC §9).
@Suite struct TokensCLITests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Samples/tokens")

    /// Every secret in the sample CSVs, in the spellings a leak could take: as written, upper case
    /// without spaces or padding, lower case, and the decoded bytes.
    static func sampleSecrets() throws -> [Data] {
        var needles: [Data] = []
        for name in ["good.csv", "mixed.csv"] {
            let text = try String(contentsOf: samples.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(whereSeparator: \.isNewline).dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                guard cells.count > 2 else { continue }
                let written = cells[2].trimmingCharacters(in: .whitespaces)
                let compact = written.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "=", with: "")
                guard compact.count >= 16 else { continue }
                needles += [Data(written.utf8), Data(compact.uppercased().utf8), Data(compact.lowercased().utf8)]
                // Raw bytes too, unless they are one byte repeated (the refused all-'A' secret decodes to
                // zeros, which any database page holds).
                if let bytes = try? Base32.decode(compact), bytes.count >= 10, Set(bytes).count > 1 { needles.append(Data(bytes)) }
            }
        }
        return needles
    }

    /// Runs `ivr --state STATE ARGS...` with extra environment (IVR_KEY_FILE), output in files.
    static func ivr(_ args: [String], state: URL, environment: [String: String] = [:], in directory: URL? = nil) throws -> IVRProcess.Result {
        let scratch = try TemporaryDirectory(prefix: "ivr-tokens-run")
        let out = scratch.url.appendingPathComponent("stdout"), err = scratch.url.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = IVRProcess.executable
        process.arguments = ["--state", state.path] + args
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "IVR_KEY_FILE")
        env.merge(environment) { $1 }
        process.environment = env
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return IVRProcess.Result(
            exitCode: process.terminationStatus, killed: process.terminationReason == .uncaughtSignal,
            stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "", stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }

    static func code(_ base32: String, interval: TokenInterval, at time: Date) throws -> String {
        TOTP(secret: try Base32.decode(base32), interval: interval) { key, message in HMAC.authenticate(message, key: key, using: .sha1) }
            .code(at: time)
    }

    @Test func samplesImportAndTheMixedOneMatchesItsExpectedErrorReport() throws {
        let work = try TemporaryDirectory(prefix: "ivr-tokens")
        let state = work.url.appendingPathComponent("state")
        for name in ["good.csv", "mixed.csv"] {
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(name), to: work.url.appendingPathComponent(name))
        }
        let good = try Self.ivr(["tokens", "import", "good.csv"], state: state, in: work.url)
        #expect(good.exitCode == 0, "\(good.stderr)")
        #expect(good.stdout == "Imported 3 tokens from good.csv.\n")
        #expect(!FileManager.default.fileExists(atPath: work.url.appendingPathComponent("good.errors.csv").path))

        let mixed = try Self.ivr(["tokens", "import", "mixed.csv"], state: state, in: work.url)
        #expect(mixed.exitCode == 1)
        #expect(mixed.stdout.hasPrefix("Imported 7 tokens from mixed.csv.\nRefused 9 rows; the error report is mixed.errors.csv:\n"))
        let written = try Data(contentsOf: work.url.appendingPathComponent("mixed.errors.csv"))
        let expected = try Data(contentsOf: Self.samples.appendingPathComponent("mixed.errors.csv"))
        #expect(written == expected)

        // Importing again refuses every row as already imported and changes nothing.
        let again = try Self.ivr(["--json", "tokens", "import", "good.csv", "--errors", "again.csv"], state: state, in: work.url)
        #expect(again.exitCode == 1)
        let object = try IVRProcess.object(from: try #require(again.lines.first))
        #expect((object["imported"] as? [Any])?.count == 0)
        let refused = try #require(object["refused"] as? [[String: Any]])
        #expect(refused.map { $0["error"] as? String } == [
            "serial number 'CT-100001' is already imported", "serial number 'CT-100002' is already imported",
            "serial number 'FB-7731' is already imported",
        ])
        #expect(object["errorReport"] as? String == "again.csv")
        let list = try Self.ivr(["--json", "tokens", "list"], state: state)
        #expect(list.lines.count == 10)
    }

    @Test func activateListDeleteAndNoSecretInAnyOutputOrDatabaseByte() throws {
        let work = try TemporaryDirectory(prefix: "ivr-tokens")
        let state = work.url.appendingPathComponent("state")
        var outputs: [IVRProcess.Result] = []
        func run(_ args: [String]) throws -> IVRProcess.Result {
            let result = try Self.ivr(args, state: state)
            outputs.append(result)
            return result
        }
        _ = try run(["tokens", "import", Self.samples.appendingPathComponent("good.csv").path])
        _ = try run(["tokens", "import", Self.samples.appendingPathComponent("mixed.csv").path, "--errors", work.url.appendingPathComponent("e.csv").path])
        _ = try run(["--json", "tokens", "import", Self.samples.appendingPathComponent("mixed.csv").path, "--errors", work.url.appendingPathComponent("e.csv").path])

        // bob's token: "jbsw y3dp ehpk 3pxp jbsw y3dp ehpk 3pxp", 60-second steps.
        let at = Date(timeIntervalSince1970: 1_795_600_800)  // 2026-11-25T10:00:00Z
        let bobSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
        let twoAway = try Self.code(bobSecret, interval: .seconds60, at: at.addingTimeInterval(120))
        let refused = try run(["tokens", "activate", "CT-100002", "--code", twoAway, "--at", "2026-11-25T10:00:00Z"])
        #expect(refused.exitCode == 1)
        #expect(refused.stderr.contains("the code is not valid for token CT-100002"))
        let previous = try Self.code(bobSecret, interval: .seconds60, at: at.addingTimeInterval(-60))
        let activated = try run(["--json", "tokens", "activate", "ct-100002", "--code", previous, "--at", "2026-11-25T10:00:00Z"])
        #expect(activated.exitCode == 0, "\(activated.stderr)")
        let object = try IVRProcess.object(from: try #require(activated.lines.first))
        #expect(object["activated"] as? Bool == true && object["activatedAt"] as? String == "2026-11-25T10:00:00Z")
        #expect(object["serial"] as? String == "CT-100002" && object["user"] as? String == "bob@contoso.com")

        let listed = try run(["tokens", "list", "--user", "bob@contoso.com"])
        #expect(listed.exitCode == 0)
        #expect(listed.lines.count == 2 && listed.lines[1].contains("2026-11-25T10:00:00Z"))
        _ = try run(["--json", "tokens", "list"])
        let deletedJSON = try run(["--json", "tokens", "delete", "CT-100002"])
        let deletion = try IVRProcess.object(from: try #require(deletedJSON.lines.first))
        #expect(deletion["deleted"] as? Bool == true && deletion["serial"] as? String == "CT-100002")
        let deleted = try run(["tokens", "delete", "FB-7731"])
        #expect(deleted.exitCode == 0 && deleted.stdout == "Deleted token FB-7731 of carol@contoso.com.\n")
        let gone = try run(["tokens", "delete", "FB-7731"])
        #expect(gone.exitCode == 1 && gone.stderr.contains("no token has the serial number 'FB-7731'"))

        let needles = try Self.sampleSecrets()
        #expect(needles.count > 20)
        for result in outputs {
            for needle in needles {
                #expect(Data(result.stdout.utf8).range(of: needle) == nil && Data(result.stderr.utf8).range(of: needle) == nil,
                        "a secret in the output of a tokens command: \(result.stdout)")
            }
        }
        // `strings` of the database: no secret in any file the store wrote (the key file aside).
        for name in try FileManager.default.contentsOfDirectory(atPath: state.path) where name != "secret.key" {
            let bytes = try Data(contentsOf: state.appendingPathComponent(name))
            for needle in needles { #expect(bytes.range(of: needle) == nil, "\(name) holds a secret") }
        }
    }

    @Test func theKeyFileFollowsIVRKeyFileAndTheDatabaseAloneOpensNothing() throws {
        let work = try TemporaryDirectory(prefix: "ivr-tokens")
        let state = work.url.appendingPathComponent("state")
        let keyFile = work.url.appendingPathComponent("keys/ivr.key")
        let env = ["IVR_KEY_FILE": keyFile.path]
        let imported = try Self.ivr(["tokens", "import", Self.samples.appendingPathComponent("good.csv").path], state: state, environment: env)
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        let attributes = try FileManager.default.attributesOfItem(atPath: keyFile.path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600 && (attributes[.size] as? Int) == 32)
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("secret.key").path))

        let at = "2026-11-25T10:00:00Z"
        let code = try Self.code("MFWGSY3FFVUGC4TEO5QXEZJNNNSXSLJR", interval: .seconds30, at: Date(timeIntervalSince1970: 1_795_600_800))
        let withoutKey = try Self.ivr(["tokens", "activate", "CT-100001", "--code", code, "--at", at], state: state)
        #expect(withoutKey.exitCode == 1)
        #expect(withoutKey.stderr.contains("secret.key is missing but tokens are stored"))
        #expect(!FileManager.default.fileExists(atPath: state.appendingPathComponent("secret.key").path))
        let withKey = try Self.ivr(["tokens", "activate", "CT-100001", "--code", code, "--at", at], state: state, environment: env)
        #expect(withKey.exitCode == 0, "\(withKey.stderr)")
    }

    @Test func addAppPrintsTheURIAndAQRCodeOnceAndTheSixthIsRefused() throws {
        let work = try TemporaryDirectory(prefix: "ivr-tokens")
        let state = work.url.appendingPathComponent("state")
        let first = try Self.ivr(["tokens", "add-app", "Pat@Contoso.com"], state: state)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let uriLine = try #require(first.lines.first { $0.hasPrefix("otpauth://totp/") })
        #expect(uriLine.contains(":pat%40contoso.com?secret="))
        #expect(first.stdout.contains("\u{2588}") && first.stdout.contains("\u{2580}"))
        let serial = try #require(first.lines.first?.split(separator: " ").last.map { String($0.dropLast()) })
        #expect(serial.hasPrefix("app-"))
        let secret = try #require(URLComponents(string: uriLine)?.queryItems?.first { $0.name == "secret" }?.value)

        let listed = try Self.ivr(["tokens", "list"], state: state)
        #expect(!listed.stdout.contains(secret) && listed.stdout.contains(serial))
        let code = try Self.code(secret, interval: .seconds30, at: Date())
        let activated = try Self.ivr(["tokens", "activate", serial, "--code", code], state: state)
        #expect(activated.exitCode == 0, "\(activated.stderr)")

        for _ in 2...5 {
            let more = try Self.ivr(["--json", "tokens", "add-app", "pat@contoso.com"], state: state)
            let object = try IVRProcess.object(from: try #require(more.lines.first))
            #expect((object["uri"] as? String)?.hasPrefix("otpauth://totp/") == true)
        }
        let sixth = try Self.ivr(["tokens", "add-app", "pat@contoso.com"], state: state)
        #expect(sixth.exitCode == 1)
        #expect(sixth.stderr.contains("pat@contoso.com already has 5 tokens and authenticator apps"))
        #expect(sixth.stdout.isEmpty)
    }

    @Test func usageAndInputErrors() throws {
        let work = try TemporaryDirectory(prefix: "ivr-tokens")
        let state = work.url.appendingPathComponent("state")
        #expect(try Self.ivr(["tokens"], state: state).exitCode == 2)
        #expect(try Self.ivr(["tokens", "frobnicate"], state: state).exitCode == 2)
        #expect(try Self.ivr(["tokens", "activate", "X"], state: state).exitCode == 2)
        #expect(try Self.ivr(["tokens", "list", "--code", "1"], state: state).exitCode == 2)
        let device = try Self.ivr(["tokens", "import", "/dev/null"], state: state)
        #expect(device.exitCode == 1 && device.stderr.contains("/dev/null: not a regular file"))
        let header = try work.write("upn,serial\nalice@contoso.com,1\n", to: "bad.csv")
        let wrongHeader = try Self.ivr(["tokens", "import", header.path], state: state)
        #expect(wrongHeader.exitCode == 1 && wrongHeader.stderr.contains("line 1: the header row must be exactly"))
        #expect(wrongHeader.stderr.contains("nothing was imported"))
        let badTime = try Self.ivr(["tokens", "activate", "X", "--code", "123456", "--at", "yesterday"], state: state)
        #expect(badTime.exitCode == 1 && badTime.stderr.contains("--at: 'yesterday' is not an RFC 3339 time"))
        let badUser = try Self.ivr(["tokens", "add-app", "nobody"], state: state)
        #expect(badUser.exitCode == 1 && badUser.stderr.contains("invalid user name"))
    }
}
