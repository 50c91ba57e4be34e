import Orchestration

/// The JSON fields of the login-window events of `watch` (Docs/watch.md, "Login-window profiles").
extension LoginWindowEvent {
    var fields: [String: String] {
        switch self {
        case .profileFailed(let attempt, let error):
            return Self.fields(of: attempt).merging(Self.fields(of: error)) { a, _ in a }
        case .profileSelected(let attempt):
            return Self.fields(of: attempt)
        case .exhausted(let failures, let retryIn):
            return [
                "tried": String(failures.count),
                "retryInMs": DHCPBoundFields.milliseconds(retryIn),
                "failures": failures.map { failure in
                    let code = failure.error.code.map { "\($0.domain.rawValue).\($0.name): " } ?? ""
                    return "\(failure.attempt.position). \(failure.attempt.profile) (\(failure.attempt.profileID)): \(code)\(failure.error.message)"
                }.joined(separator: "; "),
            ]
        }
    }

    private static func fields(of attempt: Try) -> [String: String] {
        ["profile": attempt.profile, "profileID": attempt.profileID.description, "position": String(attempt.position),
         "count": String(attempt.count)]
    }

    private static func fields(of error: EventError) -> [String: String] {
        guard let code = error.code else { return ["message": error.message] }
        return ["domain": code.domain.rawValue, "code": code.name, "message": error.message]
    }
}
