public import DHCPClient
import Foundation
public import ProfileModel
import StateFiles
import StructuredErrors
import SupplicantClient

/// The `auth start` use case: authenticate, then run the DHCP trigger at once (the quick-reconnect path).
public struct Connector: Sendable {
    /// Runs the authentication.
    public let authenticator: Authenticator
    /// The DHCP trigger; nil means no DHCP (`--dhcp none`).
    public let dhcp: (any DHCPTrigger)?
    /// The budget of the DHCP exchange.
    public let dhcpTimeout: Duration
    /// Where EAP failures per port are remembered (the authenticator's quiet period); nil remembers nothing.
    public let portHistory: PortHistory?

    /// Creates the use case.
    public init(authenticator: Authenticator, dhcp: (any DHCPTrigger)?, dhcpTimeout: Duration = .seconds(15),
                portHistory: PortHistory? = nil) {
        self.authenticator = authenticator
        self.dhcp = dhcp
        self.dhcpTimeout = dhcpTimeout
        self.portHistory = portHistory
    }

    /// Authenticates `profile`, then (when it succeeded, the caller waited and a trigger is set) obtains a lease.
    ///
    /// Progress adds `dhcp-started` (`backend`) and `dhcp-bound` (`address`, `prefixLength`, `exchange`,
    /// `authenticatedToBoundMs`) to the authentication's events.
    /// - Throws: the authentication's errors; after a successful authentication, a ``DHCPError`` with the same code
    ///   whose message says that authentication succeeded (the network stays in wpa_supplicant).
    public func connect(profile: Profile, options: AuthenticationOptions,
                        progress: @escaping @Sendable (AuthenticationUpdate) -> Void = { _ in }) async throws
        -> ConnectionReport {
        let clock = ContinuousClock()
        var options = options
        let interface = options.interfaceName
        if options.recentFailureAge == nil {
            // The history is files in the state directory: read and written off the cooperative pool.
            if let history = portHistory {
                options.recentFailureAge = await BlockingWork.run { history.lastFailureAge(interface: interface) }
            }
        }
        let authentication: AuthenticationReport
        do {
            authentication = try await authenticator.authenticate(profile: profile, options: options, progress: progress)
        } catch let error as EAPError where error.code != .noAuthenticator && error.code != .credentialsMissing {
            // The server answered with a failure: the authenticator may now hold the port in its quiet period.
            if let history = portHistory {
                _ = try? await BlockingWork.run { try history.recordFailure(interface: interface) }
            }
            throw error
        }
        if authentication.status == .authenticated, let history = portHistory {
            await BlockingWork.run { history.clear(interface: interface) }
        }
        guard let dhcp, authentication.status.portUsable else {
            return ConnectionReport(authentication: authentication)
        }
        // `authenticate` returns the moment it reports success; its elapsed time is measured from its own start.
        let authenticatedAt = clock.now
        let base = authentication.elapsed
        progress(AuthenticationUpdate(.dhcpStarted(backend: dhcp.backend, interface: options.interfaceName),
                                      elapsed: base + (clock.now - authenticatedAt)))
        do {
            let result = try await dhcp.renew(interface: options.interfaceName, timeout: dhcpTimeout)
            let bound = clock.now - authenticatedAt
            progress(AuthenticationUpdate(.dhcpBound(DHCPBound(result: result, authenticatedToBound: bound)),
                                          elapsed: base + bound))
            return ConnectionReport(authentication: authentication, dhcp: result, authenticatedToBound: bound)
        } catch let error as DHCPError {
            throw Self.afterAuthentication(error, report: authentication)
        }
    }

    /// The DHCP error with a message saying that 802.1X authentication itself succeeded.
    static func afterAuthentication(_ error: DHCPError, report: AuthenticationReport) -> DHCPError {
        var details = error.details
        details["authenticated"] = .string("true")
        details["profile"] = .string(report.profileName)
        details["interface"] = details["interface"] ?? .string(report.interfaceName)
        if report.status == .openPort {
            details["authenticated"] = .string("false")
            details["openPort"] = .bool(true)
        }
        let before = report.status == .openPort
            ? "No 802.1X authenticator answered on \(report.interfaceName) (open port, unauthenticated)"
            : "802.1X authentication on \(report.interfaceName) with profile '\(report.profileName)' succeeded "
                + "(\(report.authMode ?? "EAP"))"
        return DHCPError(
            error.code, before + ", but DHCP failed: \(error.message)",
            hint: error.hint + " The authentication stays in place; retry with `eapolctl dhcp renew --interface "
                + "\(report.interfaceName)`.",
            details: details)
    }
}
