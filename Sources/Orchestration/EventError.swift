public import StructuredErrors

/// A failure reported as an event (watch goes on; a reused network is replaced): its domain and code when it is a
/// structured error, and its message.
public struct EventError: Sendable, Equatable {
    /// nil for an error that is not a ``StructuredError``.
    public var code: ErrorCodeInfo?
    public var message: String

    public init(code: ErrorCodeInfo?, message: String) {
        self.code = code
        self.message = message
    }

    /// Any error: a structured one keeps its code, others are described.
    public init(_ error: any Error) {
        if let e = error as? any StructuredError {
            self.init(code: e.codeInfo, message: e.message)
        } else {
            self.init(code: nil, message: "\(error)")
        }
    }
}
