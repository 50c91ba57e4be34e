import Foundation
public import ProfileModel
import StructuredErrors
public import SupplicantClient

/// The `profile probe` use case: shows which certificate chain the RADIUS server presents, without sending any
/// credential (``ProbeNetwork``: identity only, `ca_cert="probe://"`), and removes its network afterwards.
public struct Prober: Sendable {
    /// What to probe.
    public struct Request: Sendable {
        public var interfaceName: String
        public var driver: InterfaceDriver?
        public var binding: NetworkSpec.Binding
        /// The identity sent in clear (a profile's outer identity, `--identity`, or `anonymous`).
        public var identity: String
        /// The methods to offer, preferred first (PEAP and TTLS; TLS is never offered).
        public var methods: [NetworkSpec.OuterMethod]
        public var tlsMinVersion: NetworkSpec.TLSVersion?
        public var tlsMaxVersion: NetworkSpec.TLSVersion?
        public var allowLegacyTLS: Bool
        public var timeout: Duration
        /// Sends EAPOL-Start on a wired port once it is associated (and repeats it until EAP starts).
        public var sendEAPOLStart: Bool
        /// `--take-over` (``InterfaceClaim``).
        public var takeOver: Bool = false

        public init(interfaceName: String, driver: InterfaceDriver? = nil, binding: NetworkSpec.Binding,
                    identity: String, methods: [NetworkSpec.OuterMethod] = [.peap, .ttls],
                    tlsMinVersion: NetworkSpec.TLSVersion? = nil, tlsMaxVersion: NetworkSpec.TLSVersion? = nil,
                    allowLegacyTLS: Bool = false, timeout: Duration = .seconds(20), sendEAPOLStart: Bool = true) {
            self.interfaceName = interfaceName
            self.driver = driver
            self.binding = binding
            self.identity = identity
            self.methods = methods
            self.tlsMinVersion = tlsMinVersion
            self.tlsMaxVersion = tlsMaxVersion
            self.allowLegacyTLS = allowLegacyTLS
            self.timeout = timeout
            self.sendEAPOLStart = sendEAPOLStart
        }

        /// The probe of `profile`: its binding, outer identity (else `identity`, else `anonymous`), its method
        /// first when it is PEAP or TTLS, and its TLS bounds.
        public init(profile: Profile, interfaceName: String, identity: String? = nil, driver: InterfaceDriver? = nil,
                    timeout: Duration = .seconds(20)) {
            let spec = NetworkSpec(profile: profile, credentials: ResolvedCredentials(username: nil))
            let preferred: [NetworkSpec.OuterMethod] = spec.outer == .ttls ? [.ttls, .peap] : [.peap, .ttls]
            let outer = profile.eap.outerIdentity.flatMap { $0.isEmpty ? nil : $0 }
            self.init(interfaceName: interfaceName, driver: driver, binding: spec.binding,
                      identity: outer ?? identity ?? "anonymous", methods: preferred,
                      tlsMinVersion: spec.tlsMinVersion, tlsMaxVersion: spec.tlsMaxVersion,
                      allowLegacyTLS: spec.allowLegacyTLS, timeout: timeout)
        }
    }

    /// The `id_str` of the probe's network (`auth stop` removes it too, like every `eapolctl:` network).
    public static let idString = SupplicantNames.idStringPrefix + "probe"

    public let supplicant: any SupplicantControlling

    public init(supplicant: any SupplicantControlling) {
        self.supplicant = supplicant
    }

    /// Runs the probe: adds the probe network, selects it, collects the `Certification` signals until wpa_supplicant
    /// stops the handshake, and removes the network (always, also on failure or cancellation).
    /// - Throws: ``SupplicantError`` for a bad interface or network; ``EAPError`` `no-authenticator` when nothing
    ///   answered, `method-refused` when the server offers no tunnelled method, `no-server-certificate` when EAP
    ///   ended without a certificate.
    public func probe(_ request: Request, progress: @escaping @Sendable (AuthenticationUpdate) -> Void = { _ in })
        async throws -> ProbeReport {
        let clock = ContinuousClock()
        let start = clock.now
        let emit: @Sendable (AuthenticationUpdate.Kind) -> Void = { kind in
            progress(AuthenticationUpdate(kind, elapsed: clock.now - start))
        }
        if let peer = supplicant.verifiedPeer { emit(.supplicant(peer)) }
        let network = try ProbeNetwork.make(binding: request.binding, identity: Array(request.identity.utf8),
                                             methods: request.methods, tlsMinVersion: request.tlsMinVersion,
                                             tlsMaxVersion: request.tlsMaxVersion, allowLegacyTLS: request.allowLegacyTLS)
        let (iface, _) = try await InterfaceClaim(supplicant: supplicant, networkManager: supplicant.networkManager,
                                                  takeOver: request.takeOver)
            .claim(request.interfaceName, driver: request.driver, emit: emit)
        emit(.interfaceReady(iface))
        let events = supplicant.events(of: iface)   // subscribed before SelectNetwork
        var path: String?
        do {
            let added = try await supplicant.addNetwork(network.properties, idString: Self.idString, to: iface)
            path = added
            try await supplicant.selectNetwork(added, on: iface)
            emit(.probeStarted(network: added, identity: request.identity, methods: network.methods))
            let watch = ProbeWatch(supplicant: supplicant, interface: iface, request: request, clock: clock,
                                   deadline: start + request.timeout, emit: emit)
            let (chain, method) = try await watch.run(events)
            await removeNetwork(added, from: iface)
            emit(.networkRemoved(network: added))
            return ProbeReport(interfaceName: iface.name, identity: request.identity, method: method,
                               chain: chain.map(ProbedCertificate.init), elapsed: clock.now - start)
        } catch {
            if let path { await removeNetwork(path, from: iface) }
            throw error
        }
    }

    /// Removes the probe network and disconnects it; runs even when the task is cancelled.
    private func removeNetwork(_ path: String, from iface: SupplicantInterface) async {
        let supplicant = self.supplicant
        await Task.detached {
            try? await supplicant.removeNetwork(path, from: iface)
        }.value
    }
}
