import Foundation
import Orchestration
import ProfileModel
import Secrets
import StructuredErrors
import SupplicantClient
import Testing

/// A wpa_supplicant that records the probe's calls and the properties of every network added, and plays a script
/// of signals on SelectNetwork.
final class ProbeRecordingSupplicant: SupplicantControlling, @unchecked Sendable {
    // @unchecked: every mutable field is only touched while holding `lock`.
    private let lock = NSLock()
    private var continuation: AsyncThrowingStream<AuthenticationEvent, any Error>.Continuation?
    private var _calls: [String] = []
    private var _networks: [String: [(key: String, value: NetworkValue)]] = [:]
    private var _added: [[(key: String, value: NetworkValue)]] = []
    let script: [AuthenticationEvent]
    let iface: SupplicantInterface
    /// The State `state(of:)` reports (a port already associated before the probe selects its network).
    var initialState: SupplicantState = .disconnected

    init(script: [AuthenticationEvent], driver: InterfaceDriver = .wired) {
        self.script = script
        iface = SupplicantInterface(path: "/fi/w1/wpa_supplicant1/Interfaces/3", name: "eth7", driver: driver, created: false)
    }

    var calls: [String] { lock.withLock { _calls } }
    var remainingNetworks: Int { lock.withLock { _networks.count } }
    var addedProperties: [[(key: String, value: NetworkValue)]] { lock.withLock { _added } }
    private func record(_ call: String) { lock.withLock { _calls.append(call) } }

    func interface(named name: String, driver: InterfaceDriver?) async throws -> SupplicantInterface { iface }
    func existingInterface(named name: String) async throws -> SupplicantInterface? { iface }
    func events(of interface: SupplicantInterface) -> AsyncThrowingStream<AuthenticationEvent, any Error> {
        let (stream, c) = AsyncThrowingStream.makeStream(of: AuthenticationEvent.self, throwing: (any Error).self)
        lock.withLock { continuation = c }
        return stream
    }
    func addBlob(_ blob: NetworkBlob, to interface: SupplicantInterface) async throws { record("AddBlob \(blob.name)") }
    func removeBlob(named name: String, from interface: SupplicantInterface) async throws { record("RemoveBlob") }
    func addNetwork(_ properties: [(key: String, value: NetworkValue)], idString: String,
                    to interface: SupplicantInterface) async throws -> String {
        record("AddNetwork \(idString)")
        return lock.withLock {
            let path = iface.path + "/Networks/\(_added.count)"
            _networks[path] = properties
            _added.append(properties)
            return path
        }
    }
    func selectNetwork(_ network: String, on interface: SupplicantInterface) async throws {
        record("SelectNetwork")
        let c = lock.withLock { continuation }
        for event in script { c?.yield(event) }
    }
    func removeNetwork(_ network: String, from interface: SupplicantInterface) async throws {
        record("RemoveNetwork")
        _ = lock.withLock { _networks.removeValue(forKey: network) }
    }
    func networkReply(network: String, field: String, value: SecretBytes, on interface: SupplicantInterface) async throws {
        record("NetworkReply \(field)")
    }
    func disconnect(_ interface: SupplicantInterface) async throws { record("Disconnect") }
    func networks(of interface: SupplicantInterface) async throws -> [String] { lock.withLock { Array(_networks.keys) } }
    func blobNames(of interface: SupplicantInterface) async throws -> [String] { [] }
    func idString(ofNetwork path: String) async throws -> String? { Prober.idString }
    func state(of interface: SupplicantInterface) async throws -> SupplicantState { initialState }
    func currentAuthMode(of interface: SupplicantInterface) async throws -> String { "INACTIVE" }
    func currentNetwork(of interface: SupplicantInterface) async throws -> String? { nil }
    func sendEAPOLStart(on interface: SupplicantInterface) -> EAPOLStart.Result {
        record("EAPOLStart")
        return .sent
    }
}

@Suite struct ProberTests {
    static func certification(_ cert: TrustedCertificate, depth: Int) -> AuthenticationEvent {
        .certification(depth: depth, subject: "/O=Probe Test/CN=x", altSubjects: [], certHashHex: cert.certHash,
                       der: cert.der)
    }

    /// What wpa_supplicant signals in probe mode: the chain root first, then the probe rejection.
    static func probeScript(_ chain: [TrustedCertificate]) -> [AuthenticationEvent] {
        var script: [AuthenticationEvent] = [.stateChanged("associated"), .eapStatus("started", ""),
                                             .eapStatus("accept proposed method", "PEAP")]
        for (depth, cert) in chain.enumerated().reversed() { script.append(certification(cert, depth: depth)) }
        script.append(.eapStatus("remote certificate verification", "Server certificate chain probe"))
        script.append(.eapStatus("local TLS alert", "bad certificate"))
        return script
    }

    static func request(timeout: Duration = .seconds(5)) -> Prober.Request {
        Prober.Request(interfaceName: "eth7", binding: .wired, identity: "anonymous@example.org", timeout: timeout)
    }

    @Test("The probe collects the whole chain, sends nothing but the identity, and removes its network")
    func collectsChainAndCleansUp() async throws {
        let pki = try ProbeTestPKI()
        let fake = ProbeRecordingSupplicant(script: Self.probeScript([pki.server, pki.intermediate, pki.root]))
        fake.initialState = "associated"
        let report = try await Prober(supplicant: fake).probe(Self.request())
        #expect(report.chain.map(\.depth) == [0, 1, 2])
        #expect(report.chain.map(\.der) == [pki.server.der, pki.intermediate.der, pki.root.der])
        #expect(report.server?.sha256Fingerprint == pki.server.summary.sha256Fingerprint)
        #expect(report.root?.der == pki.root.der)
        #expect(report.method == "PEAP")
        #expect(report.suggestedServerName == "radius.example.org")
        #expect(fake.remainingNetworks == 0, "the probe network was left in wpa_supplicant")
        #expect(!fake.calls.contains { $0.hasPrefix("NetworkReply") || $0.hasPrefix("AddBlob") }, "\(fake.calls)")
        #expect(fake.calls.contains("AddNetwork \(Prober.idString)"))
        // One EAPOL-Start, although the port was associated already and says so again: a second one while EAP runs
        // makes the authenticator restart the exchange (seen with hostapd + FreeRADIUS: the probe then stalled).
        #expect(fake.calls.filter { $0 == "EAPOLStart" }.count == 1, "\(fake.calls)")
        let added = try #require(fake.addedProperties.first)
        for (key, value) in added {
            if case .secretBytes = value { Issue.record("secret value under \(key)") }
        }
        #expect(added.first { $0.key == "ca_cert" }?.value == .string("probe://"))
        #expect(added.first { $0.key == "identity" }?.value == .bytes(Array("anonymous@example.org".utf8)))
    }

    @Test("A request for a credential is never answered: the probe ends instead")
    func credentialRequestsAreNotAnswered() async throws {
        let fake = ProbeRecordingSupplicant(script: [.eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
                                                     .networkRequest(field: "PASSWORD", text: "Password needed")])
        await #expect(throws: EAPError.self) { try await Prober(supplicant: fake).probe(Self.request()) }
        #expect(!fake.calls.contains { $0.hasPrefix("NetworkReply") })
        #expect(fake.remainingNetworks == 0)
    }

    @Test("Nothing answers on the port: no-authenticator at the deadline, network removed")
    func silentPortIsNoAuthenticator() async throws {
        let fake = ProbeRecordingSupplicant(script: [.stateChanged("associated")])
        do {
            _ = try await Prober(supplicant: fake).probe(Self.request(timeout: .milliseconds(300)))
            Issue.record("the probe of a silent port succeeded")
        } catch let error as EAPError {
            #expect(error.code == .noAuthenticator)
        }
        #expect(fake.remainingNetworks == 0)
    }

    @Test("A server that offers only EAP-TLS: method-refused naming what it proposed")
    func tlsOnlyServerIsMethodRefused() async throws {
        let fake = ProbeRecordingSupplicant(script: [.eapStatus("started", ""), .eapStatus("refuse proposed method", "TLS"),
                                                     .eapStatus("completion", "failure")])
        do {
            _ = try await Prober(supplicant: fake).probe(Self.request())
            Issue.record("the probe succeeded without a certificate")
        } catch let error as EAPError {
            #expect(error.code == .methodRefused)
            #expect(error.message.contains("TLS"))
        }
    }

    @Test("EAP ends without any certificate: no-server-certificate")
    func noCertificateIsReported() async throws {
        let fake = ProbeRecordingSupplicant(script: [.eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
                                                     .eapStatus("completion", "failure")])
        do {
            _ = try await Prober(supplicant: fake).probe(Self.request())
            Issue.record("the probe succeeded without a certificate")
        } catch let error as EAPError {
            #expect(error.code == .noServerCertificate)
        }
    }

    @Test("A profile's probe uses its outer identity, else --identity, else anonymous, and never its method TLS")
    func profileRequest() throws {
        let eap = EAPSettings(outer: .tls, username: "alice")
        let profile = Profile(name: "tls", binding: .wired(interface: nil), eap: eap)
        #expect(Prober.Request(profile: profile, interfaceName: "eth0").identity == "anonymous")
        #expect(Prober.Request(profile: profile, interfaceName: "eth0", identity: "probe@x").identity == "probe@x")
        #expect(Prober.Request(profile: profile, interfaceName: "eth0").methods == [.peap, .ttls])
        var withOuter = profile
        withOuter.eap.outerIdentity = "anon@corp.example"
        #expect(Prober.Request(profile: withOuter, interfaceName: "eth0", identity: "probe@x").identity == "anon@corp.example")
    }
}
