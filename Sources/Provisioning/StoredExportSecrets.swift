public import CredentialStore
public import ProfileFormats
public import ProfileModel

extension ExportSecrets {
    /// The secrets stored for `profile`, for an export that includes them (`profile export --include-secrets`):
    /// its password item and its PKCS#12 identity, found by the usual lookup (profile ID, then SSID).
    /// - Parameter store: the unlocked store; nil when none exists (nothing is found).
    /// - Returns: the secrets, and notes on what was found but cannot be embedded.
    public static func stored(for profile: Profile, in store: CredentialStore?) throws -> (secrets: ExportSecrets, notes: [String]) {
        guard let store else { return (ExportSecrets(), []) }
        var secrets = ExportSecrets()
        var notes: [String] = []
        if let (_, item) = try store.lookupPassword(profileID: profile.id.uuid, ssid: profile.ssid?.bytes) {
            secrets.password = ImportedPassword(username: item.username, password: item.password)
        }
        if let (_, identity) = try store.lookupIdentity(profileID: profile.id.uuid, ssid: profile.ssid?.bytes) {
            switch identity {
            case .pkcs12(let bundle, let passphrase):
                secrets.identity = ImportedIdentity(bundle: bundle, passphrase: passphrase)
            case .pem:
                notes.append("the stored identity is PEM; only PKCS#12 identities are embedded in exports")
            }
        }
        return (secrets, notes)
    }
}
