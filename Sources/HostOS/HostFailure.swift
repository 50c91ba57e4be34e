public import StructuredErrors

/// A failed call into the operating system made by the host plumbing (a netlink socket, a network namespace, a
/// spawned program, a pipe).
///
/// HostOS belongs to no error domain: each caller reports the failure in its own (`DHCPError(failure)` in
/// DHCPClient), keeping the message and the details.
public struct HostFailure: Error, Sendable, CustomStringConvertible {
    /// What kind of failure, for the caller's choice of error code.
    public enum Kind: Sendable, Equatable {
        /// The kernel refused (`EPERM`, `EACCES`).
        case permissionDenied
        /// The object named does not exist (a network namespace path).
        case notFound
        /// A program could not be started (not executable, not there).
        case cannotStart
        /// Any other failed call.
        case failed
    }

    public let kind: Kind
    /// A sentence naming the call and the object, with `strerror`'s text.
    public let message: String
    /// `errno` and the object concerned.
    public let details: [String: ErrorDetail]

    /// Creates a failure.
    public init(_ kind: Kind, _ message: String, details: [String: ErrorDetail] = [:]) {
        self.kind = kind
        self.message = message
        self.details = details
    }

    public var description: String { message }
}
