import ProfileModel
import StructuredErrors

/// Passpoint in eap-config files: every `IEEE80211/ConsortiumOID` of the provider (all of them, in file order, each
/// once) goes into one Passpoint profile beside the SSID and wired profiles. The home domain is the provider's `ID`
/// when it is a domain name (as geteduroam's apps use it), else the realm; the NAI realm is the part after `@` of
/// the outer identity, else the `InnerIdentitySuffix`.
extension EAPConfigImporter {
    /// One `ConsortiumOID`, or `unexpected-element` naming its position.
    static func consortiumOI(_ node: XMLElementNode, source: String) throws -> RoamingConsortiumOI {
        do {
            return try RoamingConsortiumOI(parsing: node.trimmedText)
        } catch {
            throw unexpected(node, parent: "IEEE80211", source: source,
                             why: "ConsortiumOID '\(String(node.trimmedText.prefix(40)))' is not 3 or 5 bytes of hex")
        }
    }

    /// The Passpoint binding for `consortiums`, or nil (with a note) when there are none or no home domain can be named.
    static func passpointBinding(_ consortiums: [RoamingConsortiumOI], provider: XMLElementNode, outerIdentity: String?,
                                 rule: UsernameRule?, notes: inout [String]) -> NetworkBinding? {
        guard !consortiums.isEmpty else { return nil }
        let fromOuter = outerIdentity.flatMap { $0.contains("@") ? $0.split(separator: "@").last.map(String.init) : nil }
        let realm = [fromOuter, rule?.suffix.map { $0.hasPrefix("@") ? String($0.dropFirst()) : $0 }]
            .compactMap { $0 }.first(where: PasspointSettings.isDomainName)
        let providerID = provider.attributes["ID"].flatMap { PasspointSettings.isDomainName($0) ? $0 : nil }
        guard let home = providerID ?? realm else {
            notes.append("the Passpoint roaming consortiums (\(consortiums.map(\.hex).joined(separator: ", "))) were skipped: "
                + "the provider ID is not a domain name and no realm is known, so no home domain could be named")
            return nil
        }
        if consortiums.count > PasspointSettings.maximumRoamingConsortiums {
            notes.append("only the first \(PasspointSettings.maximumRoamingConsortiums) of \(consortiums.count) roaming consortiums were kept")
        }
        return .passpoint(PasspointSettings(homeDomains: [home], realm: realm,
                                            roamingConsortiums: Array(consortiums.prefix(PasspointSettings.maximumRoamingConsortiums))))
    }
}
