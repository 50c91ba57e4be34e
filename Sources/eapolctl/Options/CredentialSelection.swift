import ArgumentParser
import CredentialStore
import ProfileModel
import ProfileStore

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
        try target.checkNamesOneItem()
    }

    var target: ProfileTarget { ProfileTarget(profile: profile, ssid: ssid, isDefault: `default`) }
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
