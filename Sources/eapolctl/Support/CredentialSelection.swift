import ArgumentParser
import CredentialStore
import ProfileModel
import ProfileStore
import StructuredErrors

/// Which stored item a password or identity command means, in eapolcfg's terms: a profile's, an SSID's, or the
/// default one.
struct CredentialSelection: ParsableArguments {
    @Option(help: ArgumentHelp("The item of this profile (ID or name).", valueName: "profile"))
    var profile: String?

    @Option(help: ArgumentHelp("The item of this SSID (text, or hex:...).", valueName: "ssid"))
    var ssid: String?

    @Flag(help: "The default item, used when neither the profile nor the SSID has one.")
    var `default` = false

    func validate() throws {
        try CredentialTarget(profile: profile, ssid: ssid, isDefault: `default`).check()
    }

    var target: CredentialTarget { CredentialTarget(profile: profile, ssid: ssid, isDefault: `default`) }
}

/// A credential key as the user named it, before it is resolved against the profiles.
struct CredentialTarget {
    var profile: String?
    var ssid: String?
    var isDefault: Bool

    func check() throws {
        try requireExactlyOne([profile != nil, ssid != nil, isDefault],
                              "name exactly one item: a profile, an SSID, or the default item",
                              hint: "Pass one of --profile (eapolcfg: --profileID), --ssid (--SSID) or --default.")
    }

    /// Resolves to a store key; a profile reference must name an existing profile unless it is a bare UUID.
    func key(in repository: ProfileRepository) throws -> CredentialKey {
        try check()
        if let profile {
            if let id = ProfileID(string: profile) { return .profile(id.uuid) }
            return .profile(try repository.resolve(profile).id.uuid)
        }
        if let ssid { return .ssid(try SSID(parsing: ssid).bytes) }
        return .default
    }
}

extension CredentialKey {
    /// The key as JSON output shows it.
    var view: CredentialKeyView {
        switch self {
        case .profile(let id): CredentialKeyView(kind: "profile", profileID: id.uuidString, ssid: nil)
        case .ssid(let bytes): CredentialKeyView(kind: "ssid", profileID: nil, ssid: (try? SSID(bytes: bytes))?.displayText)
        case .default: CredentialKeyView(kind: "default", profileID: nil, ssid: nil)
        }
    }
}

struct CredentialKeyView: Encodable {
    let kind: String
    let profileID: String?
    let ssid: String?
}
