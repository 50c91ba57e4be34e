import Foundation
import Orchestration
import ProfileFormats
import ProfileModel
import Secrets
import SupplicantClient
import Testing

/// The wpa_supplicant export of a profile carries the same `key_mgmt`, `ieee80211w`, `proto` and
/// `proactive_key_caching` as the network the
/// live connection adds (`NetworkSpec(profile:credentials:)` → `NetworkConfiguration.make`), for every security type
/// and roaming mode.
@Test(arguments: [SecurityType.wpa2, .wpa2_wpa3, .wpa3, .wpa3_192])
func wpaSupplicantExportRoamsAsTheLiveConnection(security: SecurityType) throws {
    let tls = security == .wpa3_192
    for mode in [nil] + RoamingMode.allCases.map(Optional.some) {
        var profile = Profile(name: "roam", binding: .wifi(ssid: try SSID(parsing: "corp"), security: security, hidden: false),
                              eap: tls ? EAPSettings(outer: .tls, username: "dev") : EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
                              trust: TrustSettings(serverCertificatePins: [String(repeating: "ab", count: 32)]))
        profile.roaming = mode
        let credentials = tls
            ? ResolvedCredentials(username: "dev", clientIdentity: .pkcs12(SecretBytes([1, 2, 3]), passphrase: nil))
            : ResolvedCredentials(username: "alice", password: SecretBytes(utf8: "pw"))
        let plan = try NetworkConfiguration.make(from: NetworkSpec(profile: profile, credentials: credentials), blobPrefix: "parity")
        var live: [String] = []
        let compared: Set<String> = ["key_mgmt", "ieee80211w", "proto", "proactive_key_caching"]
        for (key, value) in plan.properties where compared.contains(key) {
            switch value {
            case .string(let text): live.append("\(key)=\(text)")
            case .int32(let number): live.append("\(key)=\(number)")
            default: Issue.record("\(key) has an unexpected type")
            }
        }
        let exported = try ProfileExporter.export(profile, as: .wpaSupplicant).text.split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { line in compared.contains { line.hasPrefix($0 + "=") } }
        #expect(exported == live, "\(security) \(String(describing: mode))")
        #expect(live.count == (mode?.opportunisticKeyCaching == true ? 4 : 3))
    }
}
