import VoiceCall

/// `ivr help COMMAND` and `ivr COMMAND --help`: one command's arguments and the lists it takes
/// (message types, setting keys), so an admin never has to read the source to find a name.
enum CommandHelp {
    /// Every command `ivr` dispatches, for help and for "did you mean" (keep in step with
    /// `CommandLineTool.dispatch`).
    static let commands = [
        "call", "dial", "greetings", "caller-id", "settings", "users", "log", "outbox", "prompts", "tokens", "serve", "keys", "signin",
        "locations", "help",
    ]

    /// The help text of `command`, or nil when it has none of its own.
    static func text(for command: String) -> String? {
        switch command {
        case "call":
            return """
            USAGE: ivr call [--json] SCRIPT...

            Runs each call script (.call, SPEC §11) through the call state machine and records it in the
            sign-in log. Human output: a transcript per call. --json: one object per call (JSON Lines).
            A script that does not parse is reported on stderr and skipped (exit 1 at the end); mail a
            call queues is delivered after every report is printed.
            """
        case "dial":
            return """
            USAGE: ivr dial USER --phone NUMBER [--method standard|pin] [--language TAG] [--activation] [--json]

            Places one live verification call over SIP through sip.trunk (see 'ivr help settings' for
            sip.* and rtp.ports) and records it like 'ivr call'. --json adds sipCallId, and sipStatus
            for a call that was not answered (486, 603, 408 ...). Exit 0 whenever the call ran,
            whatever its result; 1 when no trunk is configured or an argument is invalid.
            """
        case "greetings":
            return """
            USAGE: ivr greetings validate [--json] FILE...
                   ivr greetings add --type TYPE --language TAG FILE
                   ivr greetings list [--json]
                   ivr greetings remove --type TYPE --language TAG
                   ivr greetings revalidate [--json]

            Custom greetings are WAV (PCM, float, A-law, µ-law) or MP3 files of at most 1 MiB, shorter
            than 20 s, named .wav or .mp3. A rejected file exits 1 with every reason.

            MESSAGE TYPES (--type):
            \(MessageType.allCases.map { "  \($0.id.padding(toLength: 34, withPad: " ", startingAt: 0))\($0.displayName)" }.joined(separator: "\n"))

            LANGUAGE (--language): a BCP 47 tag such as en-US, fr-FR, ja-JP.
            """
        case "settings":
            let width = (SettingKey.allCases.map(\.name.count).max() ?? 0) + 2
            return """
            USAGE: ivr settings show [--json]
                   ivr settings set KEY VALUE

            A rejected value exits 1 and changes nothing. A VALUE starting with '-' is a value, not an
            option (ivr settings set lockout.denials -1 is a range error).

            KEYS:
            \(SettingKey.allCases.map { "  \($0.name.padding(toLength: width, withPad: " ", startingAt: 0))\($0.allowedValues)" }.joined(separator: "\n"))
            """
        case "users":
            return """
            USAGE: ivr users block USER --reason TEXT [--json]
                   ivr users unblock USER --reason TEXT [--json]
                   ivr users list [--json]
                   ivr users add USER --phone NUMBER [--method standard|pin] [--language TAG] [--json]
                   ivr users show USER [--json]
                   ivr users set-pin USER                  (the PIN, 4-8 digits, on standard input)
                   ivr users app-password USER create|remove
                   ivr users revoke-mfa-sessions USER
                   ivr users persistent-browser-session USER on|off

            A block lasts 90 days unless lifted; unblock also lifts a PIN lockout and clears the denial
            counter. list shows every block and every lockout in force, each with its end, then the
            registered users. add registers a user in the directory (SPEC §8.1): a .call or .signin
            script may then leave out phone and method (and pin once set-pin stored its salted hash).
            show prints registration, block, lockout and remembered browsers, never a PIN.
            revoke-mfa-sessions forgets every browser remembered for the user.
            """
        case "signin":
            return """
            USAGE: ivr signin [--json] SCRIPT...

            Runs each sign-in script (.signin, SPEC §8.2) through the pipeline: blocked/locked, bypass
            (trusted-ip, named-location, federated-intranet, remembered-device), rich clients and app
            passwords, the method (call, text, app-notification, app-code), remember-MFA, and
            "Stay signed in?". --json: one object per sign-in with file, user, result, detail, bypass,
            method, call, rememberedUntil, kmsi, kmsiReason, session, errorCode, steps. Every sign-in
            adds one sign-in log record. A script that does not parse is reported and skipped (exit 1).
            """
        case "locations":
            return """
            USAGE: ivr locations add NAME --trusted CIDR... [--json]
                   ivr locations list [--json]
                   ivr locations remove NAME

            Trusted named locations: IPv4 and IPv6 ranges in CIDR (host bits must be zero) from which
            sign-ins skip MFA (bypass named-location). IPv6 ranges belong here, not in trusted-ips.ranges.
            """
        case "log":
            return """
            USAGE: ivr log [--user USER] [--limit N] [--json]

            The sign-in log, oldest first; --limit N keeps the newest N records (N a positive whole number).
            """
        case "outbox":
            return """
            USAGE: ivr outbox [--deliver] [--json]

            The notification e-mails, queued and sent. --deliver first hands every queued message to
            notifications.command (one run, at most 60 s), prints a summary, and exits 1 when any failed.
            """
        case "prompts":
            return """
            USAGE: ivr prompts [--language TAG] [--json]

            The 18 message types, when each plays, and what it says in that language under the current
            settings and custom greetings.
            """
        case "tokens":
            return """
            USAGE: ivr tokens import FILE.csv [--errors FILE] [--json]
                   ivr tokens list [--user USER] [--json]
                   ivr tokens activate SERIAL --code CODE [--at TIME]
                   ivr tokens delete SERIAL
                   ivr tokens add-app USER

            OATH hardware tokens (CSV: upn,serial number,secret key,time interval,manufacturer,model;
            refused rows go to FILE.errors.csv or --errors, exit 1 if any) and authenticator apps
            (add-app prints the otpauth:// URI and its QR code once). No command prints a secret.
            """
        case "serve":
            return """
            USAGE: ivr serve [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE]

            Runs the HTTP API of SPEC §16 over this state directory (default 127.0.0.1:8480; [::1]:8480
            for IPv6; port 0 lets the system choose). Prints 'listening on http(s)://ADDR:PORT' once it
            accepts requests. SIGTERM or SIGINT: no new calls, calls in progress end (at most 30 s), exit 0.
            Requests carry 'Authorization: Bearer KEY' (see 'ivr help keys'); /healthz and /metrics need none.
            Server settings: api.callback-hosts, throttle.calls-per-number, throttle.calls-per-user.
            """
        case "keys":
            return """
            USAGE: ivr keys create --role integrator|admin [--name NAME] [--json]
                   ivr keys list [--json]
                   ivr keys revoke ID

            API keys for 'ivr serve'. create prints the key once (--json: {id, name, role, key}); only a
            hash of it is stored, so a lost key is revoked and replaced. An integrator starts and reads its
            own verifications; an admin may use every route. A revoked key is refused at the next request.
            """
        case "caller-id":
            return """
            USAGE: ivr caller-id check [--json] NUMBER...

            Checks numbers as a caller ID: a US (NANP) number in an assigned area code, no extension,
            no line break. Exit 1 when any is refused.
            """
        default:
            return nil
        }
    }

    /// " ; did you mean 'call'?" for a near miss (a typo of a few letters, or a command with
    /// something glued on), else "".
    static func suggestion(for typed: String) -> String {
        let word = typed.lowercased()
        let scored = self.commands.map { ($0, EditDistance.levenshtein(word, $0)) }
        if let (best, score) = scored.min(by: { $0.1 < $1.1 }), score <= max(1, best.count / 3) {
            return "; did you mean '\(best)'?"
        }
        if let prefix = self.commands.first(where: { word.hasPrefix($0) && $0.count >= 3 }) {
            return "; did you mean '\(prefix)'?"
        }
        return ""
    }
}
