/// The 18 kinds of message the engine can play, as listed in the seed's table of custom voice
/// messages. The raw value is the stable id used by the CLI, JSON, file names and the default
/// scripts in `Greetings/`.
public enum MessageType: String, CaseIterable, Sendable, Hashable, Codable {
    case authenticationSuccessful = "authentication-successful"
    case extensionPrompt = "extension-prompt"
    case fraudConfirmation = "fraud-confirmation"
    case fraudGreetingStandard = "fraud-greeting-standard"
    case fraudReported = "fraud-reported"
    case activation = "activation"
    case authenticationDeniedRetry = "authentication-denied-retry"
    case retryStandard = "retry-standard"
    case greetingStandard = "greeting-standard"
    case greetingPIN = "greeting-pin"
    case fraudGreetingPIN = "fraud-greeting-pin"
    case retryPIN = "retry-pin"
    case extensionPromptAfterDigits = "extension-prompt-after-digits"
    case authenticationDenied = "authentication-denied"
    case activationGreetingStandard = "activation-greeting-standard"
    case activationRetryStandard = "activation-retry-standard"
    case activationGreetingPIN = "activation-greeting-pin"
    case extensionPromptBeforeDigits = "extension-prompt-before-digits"

    /// The stable id (`greeting-standard`), the same string as the raw value.
    public var id: String { rawValue }

    /// The name the seed's table uses, for human output.
    public var displayName: String {
        switch self {
        case .authenticationSuccessful: "Authentication successful"
        case .extensionPrompt: "Extension prompt"
        case .fraudConfirmation: "Fraud confirmation"
        case .fraudGreetingStandard: "Fraud greeting (Standard)"
        case .fraudReported: "Fraud reported"
        case .activation: "Activation"
        case .authenticationDeniedRetry: "Authentication denied retry"
        case .retryStandard: "Retry (Standard)"
        case .greetingStandard: "Greeting (Standard)"
        case .greetingPIN: "Greeting (PIN)"
        case .fraudGreetingPIN: "Fraud greeting (PIN)"
        case .retryPIN: "Retry (PIN)"
        case .extensionPromptAfterDigits: "Extension prompt after digits"
        case .authenticationDenied: "Authentication denied"
        case .activationGreetingStandard: "Activation greeting (Standard)"
        case .activationRetryStandard: "Activation retry (Standard)"
        case .activationGreetingPIN: "Activation greeting (PIN)"
        case .extensionPromptBeforeDigits: "Extension prompt before digits"
        }
    }

    /// When the engine plays this message (SPEC §2), for `ivr prompts` and the README.
    public var whenPlayed: String {
        switch self {
        case .authenticationSuccessful: "The entry was accepted (# on a standard call, the right PIN then # on a PIN call); the call then hangs up."
        case .extensionPrompt: "Extension step, sign-in call: the callee stayed silent after the extension digits were sent; asks again for #."
        case .fraudConfirmation: "A fraud code was entered and the user was blocked automatically (fraud.auto-block on)."
        case .fraudGreetingStandard: "Greeting of a standard sign-in call while fraud alerts are allowed; speaks the configured fraud code."
        case .fraudReported: "A fraud code was entered while automatic blocking is off."
        case .activation: "Extension step, activation call: the callee stayed silent after the extension digits were sent."
        case .authenticationDeniedRetry: "PIN call: a wrong PIN was entered and attempts remain; Retry (PIN) follows."
        case .retryStandard: "Standard sign-in call: the previous attempt was silent or not a valid entry; opens the next attempt."
        case .greetingStandard: "Greeting of a standard sign-in call while fraud alerts are off."
        case .greetingPIN: "Greeting of a PIN sign-in call while fraud alerts are off."
        case .fraudGreetingPIN: "Greeting of a PIN sign-in call while fraud alerts are allowed; speaks the configured fraud code."
        case .retryPIN: "PIN call (sign-in or activation): opens the next attempt after silence, an empty entry or a wrong PIN."
        case .extensionPromptAfterDigits: "Extension step: right after the extension digits were sent; waits for #."
        case .authenticationDenied: "Attempts used up, or the lockout threshold reached mid-call; the call then hangs up."
        case .activationGreetingStandard: "Greeting of a standard activation call (a phone being registered)."
        case .activationRetryStandard: "Standard activation call: the previous attempt was silent or not a valid entry."
        case .activationGreetingPIN: "Greeting of a PIN activation call."
        case .extensionPromptBeforeDigits: "Extension step: first prompt of a call to a number with an extension; speaks the extension."
        }
    }
}
