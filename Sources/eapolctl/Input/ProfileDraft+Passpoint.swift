import ProfileModel
import StructuredErrors

/// The Passpoint part of a ``ProfileDraft``: `profile create --passpoint --domain … --realm … --roaming-consortium …`
/// and eapolcfg `createProfile --domain D`.
struct PasspointDraft {
    var domains: [String] = []
    var realm: String?
    var roamingConsortiums: [String] = []

    /// The binding; refuses SSID, security, hidden and wired options, which a Passpoint profile does not have.
    func binding(conflictingWith draft: ProfileDraft) throws -> NetworkBinding {
        let clashing = [draft.ssid.map { _ in "--ssid" }, draft.security.map { _ in "--security" },
                        draft.hidden ? "--hidden" : nil, draft.wiredInterface.map { _ in "--wired-interface" }].compactMap { $0 }
        guard clashing.isEmpty else {
            throw UsageError(.conflictingArguments,
                             "a Passpoint profile matches networks by what they advertise: it takes no \(clashing.joined(separator: ", "))",
                             hint: "Leave out \(clashing.joined(separator: ", ")), or create a separate Wi-Fi profile for the SSID.")
        }
        return .passpoint(PasspointSettings(homeDomains: domains, realm: realm,
                                            roamingConsortiums: try roamingConsortiums.map(RoamingConsortiumOI.init(parsing:))))
    }

    /// The default profile name: `Passpoint DOMAIN`.
    var defaultName: String { "Passpoint " + (domains.first ?? realm ?? roamingConsortiums.first ?? "") }
}
