import VoiceCall

/// One live call to place: the machine's plan, whom to call, and the sound of each prompt.
public struct LiveCallRequest: Sendable {
    public var plan: CallPlan
    /// The number in E.164 (`+14255550100`), without its extension: the user part of the
    /// Request-URI `sip:<number>@<trunk host>`.
    public var number: String
    /// The caller ID shown to the callee (From and P-Asserted-Identity); `nil` sends `anonymous`.
    public var callerID: String?
    /// The samples of every prompt the call may play, fetched before dialling.
    public var prompts: [MessageType: [Int16]]

    public init(plan: CallPlan, number: String, callerID: String?, prompts: [MessageType: [Int16]]) {
        self.plan = plan
        self.number = number
        self.callerID = callerID
        self.prompts = prompts
    }

    /// Fetches every prompt type from `source`.
    public init(plan: CallPlan, number: String, callerID: String?, source: any PromptSamples) throws {
        var prompts: [MessageType: [Int16]] = [:]
        for type in MessageType.allCases { prompts[type] = try source.samples(for: type) }
        self.init(plan: plan, number: number, callerID: callerID, prompts: prompts)
    }
}
