import Foundation
import Server
import VerificationStore
import VoiceCall

/// `ivr keys create|list|revoke` (SPEC §16): API keys for `ivr serve`. A key is printed once, at
/// creation; the store keeps only the SHA-256 of its secret, so a lost key is revoked and
/// replaced, never recovered.
enum KeysCommand {
    static func run(_ args: inout Arguments) throws -> Int32 {
        switch args.next() {
        case "create": return try create(&args)
        case "list": return try list(&args)
        case "revoke": return try revoke(&args)
        case let other?: throw CLIError.usage("unknown 'keys' command '\(other)'; expected create, list or revoke")
        case nil: throw CLIError.usage("'keys' needs a command: create, list or revoke")
        }
    }

    private static func create(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly(["role", "name"], in: "keys create")
        try args.noMoreWords(in: "keys create")
        let roleText = try args.required("role", in: "keys create")
        guard let role = APIRole(rawValue: roleText) else {
            throw CLIError.invalidInput("--role: '\(roleText)' is not a role; expected integrator or admin")
        }
        let name = (args.options["name"] ?? role.rawValue).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100,
              !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) })
        else { throw CLIError.invalidInput("--name: one line of 1 to 100 printable characters") }

        let session = try StateDirectory.session(args)
        let made = try APIKeys.make(name: name, role: role, at: session.now)
        try session.addAPIKey(made.record)
        if args.json {
            Output.json(["id": made.record.id, "name": name, "role": role.rawValue, "key": made.key])
        } else {
            Output.line("Created \(role.rawValue) key \(made.record.id) (\(name)). Store it now: it is not shown again.")
            Output.line(made.key)
        }
        return 0
    }

    private static func list(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "keys list")
        try args.noMoreWords(in: "keys list")
        let keys = try StateDirectory.session(args).apiKeys()
        if args.json {
            for key in keys {
                Output.json(Listed(id: key.id, name: key.name, role: key.role.rawValue, createdAt: key.createdAt, revokedAt: key.revokedAt))
            }
        } else if keys.isEmpty {
            Output.line("No API keys. Make one with 'ivr keys create --role integrator|admin'.")
        } else {
            let rows = keys.map { [$0.id, $0.role.rawValue, Timestamp.rfc3339($0.createdAt), $0.revokedAt.map(Timestamp.rfc3339) ?? "-", $0.name] }
            Output.table([["ID", "ROLE", "CREATED", "REVOKED", "NAME"]] + rows).forEach(Output.line)
        }
        return 0
    }

    /// A key as listed: everything but its hash.
    private struct Listed: Encodable {
        var id: String
        var name: String
        var role: String
        var createdAt: Date
        var revokedAt: Date?

        private enum Keys: String, CodingKey { case id, name, role, createdAt, revokedAt }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(id, forKey: .id)
            try container.encode(name, forKey: .name)
            try container.encode(role, forKey: .role)
            try container.encode(createdAt, forKey: .createdAt)
            try container.encode(revokedAt, forKey: .revokedAt)
        }
    }

    private static func revoke(_ args: inout Arguments) throws -> Int32 {
        try args.allowOnly([], in: "keys revoke")
        guard let id = args.next() else { throw CLIError.usage("'keys revoke' needs a key id ('ivr keys list' shows them)") }
        try args.noMoreWords(in: "keys revoke")
        guard try StateDirectory.session(args).revokeAPIKey(id: id) else {
            throw CLIError.invalidInput("no unrevoked API key has the id '\(id)' ('ivr keys list' shows them)")
        }
        if args.json { Output.json(["id": id, "revoked": "true"]) } else { Output.line("Revoked key \(id): requests with it are refused from now on.") }
        return 0
    }
}
