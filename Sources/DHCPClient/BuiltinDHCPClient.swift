public import Foundation
public import Logging
import HostOS

/// eapolctl's own DHCP client (RFC 2131): INIT-REBOOT with the recorded lease, else DISCOVER; applies the lease
/// with `ip` and records it under the state directory.
///
/// All socket work runs on a dedicated thread per call, never on the cooperative pool.
public struct BuiltinDHCPClient: DHCPTrigger {
    /// Settings of the builtin client.
    public struct Configuration: Sendable {
        /// Directory for eapolctl state; leases go to `STATE/leases/IF.json`.
        public var stateDirectory: URL
        /// Whether to put the address and default route on the interface (false: only negotiate and record).
        public var applyToInterface: Bool
        /// Run the exchange inside this network namespace (a path like `/run/netns/NAME`); nil for the current one.
        public var networkNamespace: String?
        /// Where diagnostics go.
        public var logger: Logger

        /// Creates a configuration.
        public init(stateDirectory: URL, applyToInterface: Bool = true, networkNamespace: String? = nil,
                    logger: Logger = Logger(label: "eapolctl.dhcp")) {
            self.stateDirectory = stateDirectory
            self.applyToInterface = applyToInterface
            self.networkNamespace = networkNamespace
            self.logger = logger
        }
    }

    /// The configuration in use.
    public let configuration: Configuration
    var store: LeaseStore { LeaseStore(stateDirectory: configuration.stateDirectory) }

    /// Creates the client.
    public init(configuration: Configuration) { self.configuration = configuration }

    public var backend: DHCPBackend { .builtin }

    /// Obtains a lease: INIT-REBOOT with the recorded lease (250 ms, then 1 s…; at most half the timeout), then
    /// DISCOVER/REQUEST for the rest of the timeout. Applies and records the lease.
    /// - Throws: `DHCPError`; `CancellationError` when the task is cancelled.
    public func renew(interface: String, timeout: Duration) async throws -> DHCPResult {
        let config = configuration
        let store = self.store
        return try await DedicatedThread.runDHCP(name: "dhcp-\(interface)", networkNamespace: config.networkNamespace) { flag in
            let session = try DHCPSession(interface: interface, timeout: timeout, flag: flag, logger: config.logger)
            var recorded: DHCPLease?
            do {
                recorded = try store.load(interface: interface)
            } catch {
                config.logger.warning("discarding unreadable recorded lease", metadata: ["dhcp.interface": "\(interface)", "error": "\(error)"])
                store.remove(interface: interface)
            }
            if let r = recorded, r.hardwareAddress != session.macString { recorded = nil }  // another NIC took the name

            var lease: DHCPLease?
            var exchange = DHCPExchange.initReboot
            if let r = recorded {
                switch try session.initReboot(r, budget: min(timeout / 2, .milliseconds(2500))) {
                case .ack(let l):
                    lease = l
                case .nak(let server, let message):
                    config.logger.info("INIT-REBOOT refused, discarding recorded lease",
                                       metadata: ["dhcp.interface": "\(interface)", "dhcp.server": "\(server?.description ?? "?")",
                                                  "dhcp.message": "\(message ?? "")"])
                    store.remove(interface: interface)
                    if config.applyToInterface { try? InterfaceConfigurator.remove(r) }
                    recorded = nil
                case nil:
                    config.logger.info("no answer to INIT-REBOOT, trying DISCOVER", metadata: ["dhcp.interface": "\(interface)"])
                }
            }
            if lease == nil {
                exchange = .discover
                lease = try session.discover()
            }
            guard let lease else { throw session.noServerError() }
            if config.applyToInterface { try Self.apply(lease, replacing: recorded, store: store) }
            try store.save(lease)
            return DHCPResult(lease: lease, exchange: exchange, elapsed: session.elapsed,
                              refusedRoutes: session.refusedRoutes)
        }
    }

    /// Renews (unicast REQUEST to the leasing server, T1) or rebinds (broadcast, T2) a bound lease.
    /// - Parameters:
    ///   - lease: the lease in effect.
    ///   - rebinding: false for RENEWING, true for REBINDING.
    ///   - timeout: the budget for this attempt.
    /// - Returns: the extended lease.
    /// - Throws: `DHCPError.noServer` (no answer), `.nak` (the server refused: the lease and address are dropped).
    public func extend(_ lease: DHCPLease, rebinding: Bool, timeout: Duration) async throws -> DHCPResult {
        let config = configuration
        let store = self.store
        return try await DedicatedThread.runDHCP(name: "dhcp-\(lease.interface)", networkNamespace: config.networkNamespace) { flag in
            let session = try DHCPSession(interface: lease.interface, timeout: timeout, flag: flag, logger: config.logger)
            switch try session.extend(lease, rebinding: rebinding, budget: timeout) {
            case .ack(let new):
                if config.applyToInterface { try Self.apply(new, replacing: lease, store: store) }
                try store.save(new)
                return DHCPResult(lease: new, exchange: rebinding ? .rebind : .renew, elapsed: session.elapsed,
                                  renewedAutomatically: true, refusedRoutes: session.refusedRoutes)
            case .nak(let server, let message):
                store.remove(interface: lease.interface)
                if config.applyToInterface { try? InterfaceConfigurator.remove(lease) }
                throw session.nakError(server: server, message: message)
            case nil:
                throw session.noServerError()
            }
        }
    }

    /// Applies `lease` as one step (`InterfaceConfigurator.apply` undoes the address when the route fails). On
    /// failure the previous lease's address is gone as well (removed or rolled back), so its record is forgotten
    /// too: afterwards nothing is on the interface that is not recorded, and nothing is recorded that is not on it.
    private static func apply(_ lease: DHCPLease, replacing previous: DHCPLease?, store: LeaseStore) throws {
        do {
            try InterfaceConfigurator.apply(lease, replacing: previous)
        } catch {
            if let previous {
                store.remove(interface: previous.interface)
                try? InterfaceConfigurator.remove(previous)
            }
            throw error
        }
    }

    /// Sends DHCPRELEASE for the recorded lease of `interface`, removes the address and forgets the lease.
    /// Does nothing when no lease is recorded.
    public func release(interface: String) async throws {
        let config = configuration
        let store = self.store
        try await DedicatedThread.runDHCP(name: "dhcp-\(interface)", networkNamespace: config.networkNamespace) { flag in
            guard let lease = try store.load(interface: interface) else { return }
            if let session = try? DHCPSession(interface: interface, timeout: .seconds(1), flag: flag) {
                try? session.release(lease)
            }
            if config.applyToInterface { try InterfaceConfigurator.remove(lease) }
            store.remove(interface: interface)
        }
    }

    /// Removes an expired lease's address and forgets it (what `LeaseKeeper` does at expiry).
    public func expire(_ lease: DHCPLease) async throws {
        let config = configuration
        let store = self.store
        try await DedicatedThread.runDHCP(name: "dhcp-\(lease.interface)", networkNamespace: config.networkNamespace) { _ in
            if config.applyToInterface { try InterfaceConfigurator.remove(lease) }
            store.remove(interface: lease.interface)
        }
    }

    /// The lease recorded for `interface`, if any.
    /// - Throws: `DHCPError.invalidLease` when the record is unreadable.
    public func recordedLease(interface: String) throws -> DHCPLease? {
        try store.load(interface: interface)
    }
}
