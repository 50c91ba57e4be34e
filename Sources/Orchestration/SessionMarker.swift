import Crypto
import Foundation
import SupplicantClient

/// Marks the network object of a successful authentication with a fingerprint of the configuration that created it,
/// so a later `auth start` with the same profile can keep that network (and the TLS session wpa_supplicant holds for
/// it) instead of replacing it.
///
/// wpa_supplicant 2.10 resumes a TLS session only for the network object that created it: EAP `INITIALIZE` keeps the
/// method's data only when `last_config == eap_get_config(sm)` (the same `struct wpa_ssid`), and `RemoveNetwork`
/// of the current network calls `eapol_sm_invalidate_cached_session`. The fingerprint is the SHA-256 of the plan
/// rebuilt with fixed blob names: every property (with the CA, server names, pins, TLS bounds, identities), the
/// bytes of every public blob (CA and client certificates) and the trust anchor. Secret values (password, private
/// key) are left out so the marker, which any bus peer can list, reveals nothing about them; a reused network whose
/// secret changed fails its full handshake and is then replaced (see ``Authenticator``).
struct SessionMarker: Sendable, Equatable {
    /// `eapolctl-session-<32 hex>`: a one-byte blob next to the network's own blobs (removed with them).
    let blobName: String

    static let namePrefix = SupplicantNames.blobPrefix + "-session-"

    init(spec: NetworkSpec, plan: NetworkPlan, profileID: String) throws {
        var zero = FixedGenerator()
        let canonical = try NetworkConfiguration.make(from: spec, blobPrefix: SupplicantNames.blobPrefix,
                                                      anchor: plan.anchor, using: &zero)
        var hasher = SHA256()
        func add(_ bytes: [UInt8]) {
            var n = UInt32(bytes.count).bigEndian
            withUnsafeBytes(of: &n) { hasher.update(bufferPointer: $0) }
            hasher.update(data: bytes)
        }
        func add(_ s: String) { add(Array(s.utf8)) }
        add("eapolctl-session-v1")
        add(profileID)
        add(canonical.anchor.description)
        for (key, value) in canonical.properties {
            add(key)
            add(value.signature)
            switch value {
            case .string(let s): add(s)
            case .bytes(let b): add(b)
            case .int32(let i): add(String(i))
            case .secretBytes: add("<secret>")
            }
        }
        for blob in canonical.blobs {
            add(blob.name)
            switch blob.content {
            case .bytes(let b): add(b)
            case .secret: add("<secret>")
            }
        }
        let hex = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        blobName = Self.namePrefix + hex.prefix(32)
    }

    /// The blob to add with a new network.
    var blob: NetworkBlob { NetworkBlob(name: blobName, content: .bytes([1])) }

    /// A generator that always returns 0: blob names come out the same for the same spec.
    private struct FixedGenerator: RandomNumberGenerator {
        mutating func next() -> UInt64 { 0 }
    }
}
