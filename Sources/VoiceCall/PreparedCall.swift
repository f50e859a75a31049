import Foundation

/// A call the engine has prepared and a ``CallChannel`` can run: checked, planned, with its
/// caller ID and every prompt resolved. Nothing in it needs the store any more.
public struct PreparedCall: Sendable {
    public let request: VerificationRequest
    /// The instant the call starts (the request's time, or the engine's clock).
    public let startedAt: Date
    /// Everything the state machine needs; `plan.preDial` says whether a call is placed at all.
    public let plan: CallPlan
    /// The number the call comes from; `nil` when no call is placed.
    public let callerID: String?
    /// What each prompt plays in this call's language.
    public let prompts: PromptSet
    /// The settings the call was prepared under (the engine concludes with the same ones).
    public let settings: Settings

    public init(
        request: VerificationRequest, startedAt: Date, plan: CallPlan, callerID: String?, prompts: PromptSet,
        settings: Settings
    ) {
        self.request = request
        self.startedAt = startedAt
        self.plan = plan
        self.callerID = callerID
        self.prompts = prompts
        self.settings = settings
    }
}

/// One resolved prompt per message type, as a call plays them.
public struct PromptSet: Sendable, Equatable {
    private let byType: [ResolvedPrompt]

    /// Resolves all 18 types with `resolve`.
    public init(_ resolve: (MessageType) -> ResolvedPrompt) {
        self.byType = MessageType.allCases.map(resolve)
    }

    public subscript(type: MessageType) -> ResolvedPrompt { byType[type.ordinal] }
}
