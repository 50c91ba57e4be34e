public import ProfileFormats
public import ProfileModel
public import Secrets
import StructuredErrors

/// Applies what the user gave `onboard` (user name, password, passphrase, interface) to imported profiles.
public enum OnboardPlan {
    public static func prepare(_ item: ImportedProfile, username: String?, password: SecretBytes?, passphrase: SecretBytes?,
                               interface: String?, source: String) throws -> ImportedProfile {
        var item = item
        if let interface, item.profile.isWired { item.profile.binding = .wired(interface: interface) }
        let eap = item.profile.eap
        // User name: --username, built with the provider's rule; else the file's.
        var name = username ?? item.password?.username ?? eap.username
        if let given = username, let rule = item.usernameRule { name = rule.apply(to: given) }
        if let name, let rule = item.usernameRule, let problem = rule.check(name) {
            throw UsageError(.invalidArgument, "user name '\(name)': \(problem)",
                             hint: "Give the user name with the realm the provider requires, e.g. alice@\(rule.suffix ?? "example.org").")
        }
        if let name, eap.outer == .tls || username != nil { item.profile.eap.username = name }
        if eap.outer.isTunneled {
            if let password {
                guard let name else {
                    throw UsageError(.missingArgument, "a password was given but no user name for profile \(item.profile.name)",
                                     hint: "Pass --username.")
                }
                item.profile.eap.username = name
                item.password = ImportedPassword(username: name, password: password)
            } else if let stored = item.password, let name, stored.username != name {
                item.password = ImportedPassword(username: name, password: stored.password)
            }
        }
        if eap.outer == .tls, let passphrase {
            guard var identity = item.identity else {
                throw UsageError(.invalidArgument, "--pkcs12-passphrase-stdin was given but \(source) holds no client certificate for \(item.profile.name)",
                                 hint: "Store the identity with `eapolctl identity set --pkcs12 FILE`.")
            }
            try PKCS12MAC.verify(bundle: identity.bundle, passphrase: passphrase, source: "\(source): client certificate")
            identity.passphrase = passphrase
            item.identity = identity
        } else if eap.outer == .tls, let identity = item.identity, identity.passphrase == nil {
            throw UsageError(.missingArgument, "the client certificate in \(source) needs its passphrase",
                             hint: "Pipe it with --pkcs12-passphrase-stdin.")
        }
        item.profile = try item.profile.validated()
        return item
    }

    /// The profile `--connect` uses: the wired one when an interface is given and one exists, else the first.
    public static func connectTarget(_ profiles: [Profile], interface: String?) -> Profile {
        if interface != nil, let wired = profiles.first(where: \.isWired) { return wired }
        return profiles[0]
    }
}
