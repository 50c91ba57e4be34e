import Foundation
import Orchestration
import ProfileModel
import StructuredErrors
import SupplicantClient
import Testing

private let pin = String(repeating: "ab", count: 32)

private func wifiProfile() throws -> Profile {
    Profile(name: "corp", binding: .wifi(ssid: try SSID(parsing: "myssid"), security: .wpa2, hidden: false),
            eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
            trust: TrustSettings(serverCertificatePins: [pin]))
}

private func wiredProfile(restrictedTo interface: String? = nil) -> Profile {
    Profile(name: "lab", binding: .wired(interface: interface),
            eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
            trust: TrustSettings(serverCertificatePins: [pin]))
}

private let success = completedPEAPWithCertificate

private let options = AuthenticationOptions(interfaceName: "eth9", timeout: .seconds(5), settleWindow: .milliseconds(5))

private func keyMgmt(_ properties: [(key: String, value: NetworkValue)]) -> NetworkValue? {
    properties.first { $0.key == "key_mgmt" }?.value
}

@Test func decisionTable() throws {
    #expect(try PortUse.decide(profile: wiredProfile(), interfaceName: "eth0", driver: .wired) == .asBound)
    #expect(try PortUse.decide(profile: wiredProfile(restrictedTo: "eth0"), interfaceName: "eth0", driver: .wired) == .asBound)
    #expect(try PortUse.decide(profile: wifiProfile(), interfaceName: "wlan0", driver: .nl80211) == .asBound)
    #expect(try PortUse.decide(profile: wifiProfile(), interfaceName: "eth0", driver: .wired) == .eapSettingsOnWiredPort)
}

@Test func wiredProfileOnWiFiIsRefusedNamingBoth() {
    do {
        _ = try PortUse.decide(profile: wiredProfile(), interfaceName: "wlan0", driver: .nl80211)
        Issue.record("expected wrong-port-kind")
    } catch {
        #expect(error.code == .wrongPortKind)
        #expect(ProfileErrorCode.domain == .profile)
        #expect(error.message.contains("'lab'") && error.message.contains("wlan0"))
        #expect(error.details["interface"] == .string("wlan0"))
    }
}

@Test func wiredProfileRestrictedElsewhereIsRefused() {
    do {
        _ = try PortUse.decide(profile: wiredProfile(restrictedTo: "eth0"), interfaceName: "eth1", driver: .wired)
        Issue.record("expected wrong-interface")
    } catch {
        #expect(error.code == .wrongInterface)
        #expect(error.message.contains("eth0") && error.message.contains("eth1"))
        #expect(error.hint.contains("--no-wired-interface"))
    }
}

/// The field case: a Wi-Fi profile on a wired port must get key_mgmt=IEEE8021X (WPA-EAP waits for a 4-way handshake
/// no switch sends) and no SSID, and the report says how the profile was used.
@Test func wifiProfileOnWiredPortUsesIEEE8021X() async throws {
    let fake = FakeSupplicant(scripts: [success])
    let profile = try wifiProfile()
    let updates = UpdateLog()
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")]))
        .authenticate(profile: profile, options: options) { updates.append($0) }
    #expect(report.status == .authenticated)
    #expect(report.portUse == .eapSettingsOnWiredPort)
    let props = try #require(fake.addedProperties.first)
    #expect(keyMgmt(props) == .string("IEEE8021X"))
    #expect(!props.contains { $0.key == "ssid" })
    #expect(updates.names.contains("port-use"))
}

@Test func wifiProfileOnWiFiKeepsWPAEAP() async throws {
    let fake = FakeSupplicant(scripts: [success])
    fake.driver = .nl80211
    let profile = try wifiProfile()
    let report = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")]))
        .authenticate(profile: profile, options: options)
    #expect(report.portUse == .asBound)
    let props = try #require(fake.addedProperties.first)
    #expect(keyMgmt(props) == .string("WPA-EAP"))
}

@Test func wiredProfileOnWiFiAddsNoNetwork() async throws {
    let fake = FakeSupplicant(scripts: [success])
    fake.driver = .nl80211
    let profile = wiredProfile()
    await #expect(throws: ProfileError(.wrongPortKind, "")) {
        _ = try await Authenticator(supplicant: fake, credentials: FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")]))
            .authenticate(profile: profile, options: options)
    }
    #expect(!fake.calls.contains("AddNetwork"))
    #expect(!fake.calls.contains("AddBlob"))
}

/// Collects progress updates from the authenticator's callback.
private final class UpdateLog: @unchecked Sendable {
    private let lock = NSLock()
    private var _names: [String] = []
    func append(_ update: AuthenticationUpdate) { lock.withLock { _names.append(update.kind.name) } }
    var names: [String] { lock.withLock { _names } }
}
