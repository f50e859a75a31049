/// `ivr help`: every command in one screen; `ivr help COMMAND` one command (`CommandHelp`).
enum HelpText {
    /// Prints the help of `topic` (nil: the overview); exit 0, or 2 for a topic that is no command.
    static func show(_ topic: String?) -> Int32 {
        guard let topic else {
            Output.line(Self.usage)
            return 0
        }
        if let text = CommandHelp.text(for: topic) {
            Output.line(text)
            return 0
        }
        if CommandHelp.commands.contains(topic) {
            Output.line(Self.usage)
            return 0
        }
        Output.error("no help for '\(topic)': it is not a command\(CommandHelp.suggestion(for: topic))\nRun 'ivr help' for usage.")
        return 2
    }

    static let usage = """
    OVERVIEW: The phone-call verification engine: simulated MFA calls and their administration.

    USAGE: ivr [--state DIR] [--json] COMMAND ...

    COMMANDS:
      dial USER --phone NUMBER [--method standard|pin] [--language TAG] [--activation]
                                            Place one live call over SIP (settings sip.*).
      call SCRIPT... [--audio DIR]          Run call scripts (.call) and show what happened;
                                            --audio writes DIR/NAME.wav per answered call.
      greetings validate FILE...            Check custom greetings (.wav/.mp3, <= 1 MiB, < 20 s).
      greetings add --type TYPE --language TAG FILE
                                            Validate and store a custom greeting.
      greetings list                        List stored custom greetings.
      greetings remove --type TYPE --language TAG
                                            Remove a custom greeting.
      greetings revalidate                  Decode every stored greeting again.
      caller-id check NUMBER...             Check numbers as a caller ID (US numbers only).
      settings show                         Show every setting.
      settings set KEY VALUE                Change one setting ('ivr settings show' lists the keys).
      users block USER --reason TEXT        Block a user for 90 days.
      users unblock USER --reason TEXT      Lift a block (and clear the PIN denial counter).
      users list                            List blocked users, then registered users.
      users add USER --phone NUMBER [--method standard|pin] [--language TAG]
                                            Register a user in the directory.
      users show USER                       Registration, block, lockout, remembered browsers.
      users set-pin USER                    Read a 4-8 digit PIN from standard input; store its hash.
      users app-password USER create|remove Record that the user has an app password.
      users revoke-mfa-sessions USER        Forget every browser remembered for the user.
      users persistent-browser-session USER on|off
                                            Hide "Stay signed in?" for the user.
      signin SCRIPT...                      Run sign-in scripts (.signin): bypass, method, KMSI.
      locations add NAME --trusted CIDR...  Add a trusted named location (IPv4 and IPv6).
      locations list                        List named locations.
      locations remove NAME                 Remove a named location.
      log [--user USER] [--limit N]         Show the sign-in log, newest last.
      outbox [--deliver]                    Show notification e-mails; --deliver retries queued ones.
      prompts [--language TAG]              List the 18 prompt types, when they play, their text.
      prompts render [--language TAG]       Speak default prompts into the render cache (espeak-ng).
      prompts play TYPE [--language TAG] --out FILE.wav
                                            Write one prompt as 8 kHz 16-bit mono WAV.
      tokens import FILE.csv [--errors FILE]
                                            Import OATH tokens (upn,serial number,secret key,time
                                            interval,manufacturer,model); refused rows go to
                                            FILE.errors.csv (or --errors); exit 1 if any was refused.
      tokens list [--user USER]             List tokens and authenticator apps (never a secret).
      tokens activate SERIAL --code CODE [--at TIME]
                                            Activate a token with a code valid at TIME (default now).
      tokens delete SERIAL                  Delete a token or authenticator app.
      tokens add-app USER                   Enrol an authenticator app: prints its otpauth:// URI
                                            and QR code once.
      serve [--listen ADDR:PORT] [--tls-cert FILE --tls-key FILE]
                                            Run the HTTP API (default 127.0.0.1:8480).
      keys create --role integrator|admin [--name NAME]
                                            Make an API key (shown once; only its hash is kept).
      keys list                             List API keys (never the keys themselves).
      keys revoke ID                        Revoke an API key at once.
      help [COMMAND]                        Show this text, or one command's help (also: COMMAND --help).

    OPTIONS:
      --state DIR   State directory (default: $IVR_STATE_DIR, else $XDG_STATE_HOME/ivr,
                    else ~/.local/state/ivr).
      --json        Machine-readable output: one JSON object per line.
      -h, --help    Show this text (after a command: that command's help).
      --version     Show the version.

    EXIT CODES: 0 success; 1 invalid input (script, greeting, number, setting); 2 usage error.
    """
}
