import CredentialStore
import Foundation
import ProfileModel
import Secrets
import StructuredErrors

/// The password and identity operations behind both CLI forms.
enum SecretActions {
    static let mask = "************"

    struct PasswordView: Encodable {
        let key: CredentialKeyView
        let username: String
        /// Always the mask: eapolctl never prints a stored password.
        let password: String
    }

    static func setPassword(target: CredentialTarget, username: String?, password: SecretBytes,
                            context: CommandContext) throws {
        let key = try refuseOneTimePasswordProfile(target: target, context: context)
        let store = try context.openStore(creatingIfMissing: true)
        let name = try username ?? store.password(for: key)?.username ?? defaultUsername(for: key, context: context)
        guard let name, !name.isEmpty else {
            throw UsageError(.missingArgument, "no user name for the password item of \(key)",
                             hint: "Pass --username (eapolcfg: --name).")
        }
        try store.setPassword(PasswordItem(username: name, password: password), for: key)
        context.output.result(["saved": PasswordView(key: key.view, username: name, password: mask)]) {
            "Saved the password item of \(key) (user \(name))"
        }
    }

    /// The key of a password item that may be stored: refused (before any secret is read) when the profile it
    /// belongs to uses one-time passwords, for which nothing is ever stored.
    @discardableResult
    static func refuseOneTimePasswordProfile(target: CredentialTarget, context: CommandContext) throws -> CredentialKey {
        let key = try target.key(in: context.profiles)
        let profile: ProfileModel.Profile? = switch key {
        case .profile(let id): try context.profiles.load(ProfileID(id))
        case .ssid(let bytes): try context.profiles.find(ssid: SSID(bytes: bytes))
        case .default: nil
        }
        if let profile, profile.eap.oneTimePassword {
            throw UsageError(.invalidArgument,
                             "profile '\(profile.name)' uses one-time passwords: no password is stored for it",
                             hint: "Give the password when authenticating (`eapolctl auth start --interface IF --profile \(profile.id) "
                                 + "--password-stdin`, or type it when asked), or stop using one-time passwords: "
                                 + "`eapolctl profile edit \(profile.id) --no-one-time-password`.",
                             details: ["profile": .string(profile.id.description), "oneTimePassword": .bool(true)])
        }
        return key
    }

    /// A profile's own username serves when none was given.
    private static func defaultUsername(for key: CredentialKey, context: CommandContext) throws -> String? {
        switch key {
        case .profile(let id): try context.profiles.load(ProfileID(id)).eap.username
        case .ssid(let bytes): try context.profiles.find(ssid: SSID(bytes: bytes))?.eap.username
        case .default: nil
        }
    }

    /// - Parameters:
    ///   - showName: print the `Name:` line (eapolcfg `getPasswordItem --name`).
    ///   - showPassword: print the masked `Password:` line (`--password`); the JSON shape is the same either way.
    static func getPassword(target: CredentialTarget, showName: Bool = true, showPassword: Bool = true,
                            context: CommandContext) throws {
        let key = try target.key(in: context.profiles)
        let store = try context.openStore(creatingIfMissing: false)
        guard let item = try store.password(for: key) else {
            throw StoreError(.itemNotFound, "no password item for \(key)",
                             hint: "List the items with `eapolctl password list`; store one with "
                                 + "`eapolctl password set --profile PROFILE` (or --ssid SSID, --default; eapolcfg: setPasswordItem).")
        }
        context.output.result(["item": PasswordView(key: key.view, username: item.username, password: mask)]) {
            ((showName ? ["Name: \(item.username)"] : []) + (showPassword ? ["Password: \(mask)"] : []))
                .joined(separator: "\n")
        }
    }

    static func listPasswords(context: CommandContext) throws {
        let store = try context.openStore(creatingIfMissing: false)
        let items = try store.listPasswordKeys()
        let views = items.map { PasswordView(key: $0.key.view, username: $0.username, password: mask) }
        context.output.result(["items": views]) {
            items.isEmpty ? "No password items." : items.map { "\($0.key)\t\($0.username)" }.joined(separator: "\n")
        }
    }

    static func removePassword(target: CredentialTarget, context: CommandContext) throws {
        let key = try target.key(in: context.profiles)
        let store = try context.openStore(creatingIfMissing: false)
        guard try store.removePassword(for: key) else {
            throw StoreError(.itemNotFound, "no password item for \(key)")
        }
        context.output.result(["removed": key.view]) { "Removed the password item of \(key)" }
    }

    struct IdentityView: Encodable {
        let key: CredentialKeyView
        let kind: String
        let certificate: CertificateSummary?
    }

    static func setIdentity(target: CredentialTarget, identity: IdentityItem, context: CommandContext) throws {
        let key = try target.key(in: context.profiles)
        let store = try context.openStore(creatingIfMissing: true)
        try store.setIdentity(identity, for: key)
        context.output.result(["saved": IdentityView(key: key.view, kind: identity.kind.rawValue,
                                                     certificate: certificateSummary(identity))]) {
            "Saved the \(identity.kind.rawValue) identity of \(key)"
        }
    }

    static func getIdentity(target: CredentialTarget, context: CommandContext) throws {
        let key = try target.key(in: context.profiles)
        let store = try context.openStore(creatingIfMissing: false)
        guard let identity = try store.identity(for: key) else {
            throw StoreError(.itemNotFound, "no identity for \(key)",
                             hint: "Store one with `eapolctl identity set --profile PROFILE --pkcs12 FILE` "
                                 + "(or --ssid SSID, --default; eapolcfg: setIdentity).")
        }
        let summary = certificateSummary(identity)
        context.output.result(["identity": IdentityView(key: key.view, kind: identity.kind.rawValue, certificate: summary)]) {
            var lines = ["Identity of \(key): \(identity.kind.rawValue)"]
            if let summary {
                lines.append("Subject: \(summary.subject)")
                lines.append("Issuer: \(summary.issuer)")
                lines.append("Valid until: \(summary.notValidAfter)")
                lines.append("SHA-256: \(summary.sha256Fingerprint)")
            }
            return lines.joined(separator: "\n")
        }
    }

    static func clearIdentity(target: CredentialTarget, context: CommandContext) throws {
        let key = try target.key(in: context.profiles)
        let store = try context.openStore(creatingIfMissing: false)
        guard try store.removeIdentity(for: key) else {
            throw StoreError(.itemNotFound, "no identity for \(key)")
        }
        context.output.result(["removed": key.view]) { "Removed the identity of \(key)" }
    }

    /// The certificate of a PEM identity (a PKCS#12 bundle is opaque without its passphrase being used here).
    private static func certificateSummary(_ identity: IdentityItem) -> CertificateSummary? {
        guard case .pem(let certificate, _, _) = identity else { return nil }
        return (try? TrustedCertificate.parse(Array(certificate.utf8), source: "identity"))?.first?.summary
    }

    /// Reads an identity from files: a PKCS#12 bundle, or a PEM certificate and key.
    static func readIdentity(pkcs12: String?, certificate: String?, privateKey: String?,
                             passphrase: SecretBytes?) throws -> IdentityItem {
        switch (pkcs12, certificate, privateKey) {
        case (let p12?, nil, nil):
            let bundle = try SecretInput.fromFile(p12, trimNewline: false)
            return .pkcs12(bundle: bundle, passphrase: passphrase ?? SecretBytes([]))
        case (nil, let cert?, let key?):
            let certData = try readUserFile(cert, what: "certificate file")
            _ = try TrustedCertificate.parse(certData, source: cert)
            let pem = String(decoding: certData, as: UTF8.self)
            return .pem(certificate: pem, privateKey: try SecretInput.fromFile(key, trimNewline: false),
                        keyPassphrase: passphrase)
        default:
            throw UsageError(.missingArgument, "an identity needs --pkcs12 FILE, or --certificate FILE with --private-key FILE")
        }
    }
}
