import VerificationStore

extension VerificationOutcome {
    /// What the API stores and reports of a call: the call fields of its report.
    init(_ report: CallReport) {
        self.init(
            result: report.result, detail: report.detail.rawValue, callerId: report.callerID,
            prompts: report.prompts.map { Prompt(type: $0.type, language: $0.language, source: $0.source) },
            digitsSent: report.digitsSent, notifications: report.notifications)
    }
}
