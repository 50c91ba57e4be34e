public import HostOS
public import StructuredErrors

extension DomainError where Code == DHCPErrorCode {
    /// A failure of the host plumbing reported in the DHCP domain, with its message and details: a refusal is
    /// `permission-denied`, a missing namespace `interface-gone`, a program that cannot start `backend-missing`,
    /// anything else `backend-failed`.
    public init(_ failure: HostFailure, file: String = #fileID, line: UInt = #line) {
        let code: DHCPErrorCode = switch failure.kind {
        case .permissionDenied: .permissionDenied
        case .notFound: .interfaceGone
        case .cannotStart: .backendMissing
        case .failed: .backendFailed
        }
        self.init(code, failure.message, details: failure.details, file: file, line: line)
    }
}

/// Runs `body` (host plumbing, or DHCP work on a ``DedicatedThread``), reporting a ``HostFailure`` it throws as
/// the `DHCPError` of the same message; every other error passes unchanged.
func reportingHostFailures<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let failure as HostFailure { throw DHCPError(failure) }
}

/// The asynchronous form of `reportingHostFailures`.
func reportingHostFailures<T>(_ body: () async throws -> T) async throws -> T {
    do { return try await body() } catch let failure as HostFailure { throw DHCPError(failure) }
}

extension DedicatedThread {
    /// ``DedicatedThread/run(name:networkNamespace:_:)`` for DHCP work: a namespace that cannot be entered, or a
    /// ``HostFailure`` from `body`, is reported as a `DHCPError`.
    static func runDHCP<T: Sendable>(
        name: String, networkNamespace: String?, _ body: @escaping @Sendable (CancellationFlag) throws -> T
    ) async throws -> T {
        try await reportingHostFailures { try await run(name: name, networkNamespace: networkNamespace, body) }
    }
}
