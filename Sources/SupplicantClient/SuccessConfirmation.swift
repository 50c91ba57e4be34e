/// What wpa_supplicant itself says, read with method calls (replies come only from the verified owner), and the
/// check that it confirms an attempt's success. Signals alone never decide success: anyone on the bus can send
/// them.
public struct SupplicantSnapshot: Sendable, Equatable {
    /// `State`.
    public var state: SupplicantState
    /// `CurrentAuthMode`.
    public var authMode: String
    /// `CurrentNetwork`, nil when none.
    public var currentNetwork: String?

    public init(state: SupplicantState, authMode: String, currentNetwork: String?) {
        self.state = state
        self.authMode = authMode
        self.currentNetwork = currentNetwork
    }

    /// The authenticator has restarted EAP on the association this attempt just completed (hostapd does so when its
    /// first EAPOL-Key retransmission crosses a late EAPOL-Start; slow RADIUS servers cause the same): State stays
    /// `completed` on `network` while CurrentAuthMode reads `EAP-UNKNOWN-EAP` until the new round has chosen its
    /// method. Seen in the Wi-Fi VM under load. Worth reading again shortly, not a refusal.
    public func isRestartingEAP(network: String) -> Bool {
        state == .completed && currentNetwork == network && authMode == SupplicantNames.methodPendingAuthMode
    }

    /// Throws ``SupplicantError`` `outcome-unconfirmed` unless the interface is `completed` on `network` with an
    /// 802.1X/EAP key management that fits `outer`:
    /// - State is `completed`;
    /// - CurrentNetwork is this attempt's network;
    /// - CurrentAuthMode names EAP: `EAP-<method>` must name this attempt's outer method (wpa_supplicant reports
    ///   that form for WPA-EAP and wired IEEE 802.1X); other key managements report their own name, which must
    ///   contain `EAP` (`WPA2-EAP-SHA256`, `FT-EAP`, `WPA2-EAP-SUITE-B-192`, …).
    public func confirm(network: String, outer: NetworkSpec.OuterMethod, interfaceName: String) throws(SupplicantError) {
        var problems: [String] = []
        if state != .completed { problems.append("State is \(state), not completed") }
        if currentNetwork != network {
            problems.append("CurrentNetwork is \(currentNetwork ?? "none"), not this attempt's \(network)")
        }
        if authMode.hasPrefix("EAP-") {
            if authMode != "EAP-\(outer.rawValue)" {
                problems.append("CurrentAuthMode is \(authMode), not EAP-\(outer.rawValue)")
            }
        } else if !authMode.contains("EAP") {
            problems.append("CurrentAuthMode is \(authMode.isEmpty ? "empty" : authMode), not an EAP mode")
        }
        guard !problems.isEmpty else { return }
        throw SupplicantError(.outcomeUnconfirmed,
                              "signals reported success on \(interfaceName), but wpa_supplicant does not confirm it: \(problems.joined(separator: "; "))",
                              details: ["interface": .string(interfaceName), "state": .string(state.rawValue),
                                        "authMode": .string(authMode), "currentNetwork": .string(currentNetwork ?? "/"),
                                        "expectedNetwork": .string(network)])
    }
}
