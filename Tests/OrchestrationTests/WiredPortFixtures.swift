import Foundation
import Orchestration
import ProfileModel
import SupplicantClient
import TestSupport

// Fixtures of the wired-port tests (EAPOL-Start repeats, maxStart, quiet period): one PEAP profile, its stored
// credentials, the authenticator's complete answer, and a recorder for progress events.

/// A wired PEAP-MSCHAPv2 profile pinned to a server certificate.
func wiredPEAPProfile() -> Profile {
    Profile(name: "lab", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
            trust: TrustSettings(serverCertificatePins: [String(repeating: "cd", count: 32)]))
}

/// The stored password of `profile`.
func storedCredentials(_ profile: Profile) -> FakeCredentials {
    FakeCredentials(passwords: [profile.id.uuid: ("alice", "pw")])
}

/// The authenticator's answer to an EAPOL-Start: a complete PEAP exchange.
let peapExchange: [AuthenticationEvent] = [
    .eapStatus("started", ""), .eapStatus("accept proposed method", "PEAP"),
    .eapStatus("remote certificate verification", "success"), .eapStatus("completion", "success"),
    .currentAuthMode("EAP-PEAP"), .stateChanged("completed"),
]

/// Collects progress events across tasks.
typealias UpdateRecorder = Recorder<AuthenticationUpdate>
