import CredentialStore
import Foundation
import ProfileModel
import ProfileStore
import Provisioning
import Secrets
import StructuredErrors

/// The command-line half of the password and identity commands (both CLI forms): the operations are
/// ``CredentialItems``'; this prints their results, never a secret.
enum SecretActions {
    static let mask = "************"

    struct PasswordView: Encodable {
        let key: CredentialKeyView
        let username: String
        /// Always the mask: eapolctl never prints a stored password.
        let password: String
    }

    static func setPassword(target: ProfileTarget, username: String?, password: SecretBytes,
                            context: CommandContext) throws {
        let (key, name) = try context.credentialItems.setPassword(target, username: username, password: password)
        context.output.result(["saved": PasswordView(key: key.view, username: name, password: mask)]) {
            "Saved the password item of \(key) (user \(name))"
        }
    }

    /// - Parameters:
    ///   - showName: print the `Name:` line (eapolcfg `getPasswordItem --name`).
    ///   - showPassword: print the masked `Password:` line (`--password`); the JSON shape is the same either way.
    static func getPassword(target: ProfileTarget, showName: Bool = true, showPassword: Bool = true,
                            context: CommandContext) throws {
        let (key, item) = try context.credentialItems.password(target)
        context.output.result(["item": PasswordView(key: key.view, username: item.username, password: mask)]) {
            ((showName ? ["Name: \(item.username)"] : []) + (showPassword ? ["Password: \(mask)"] : []))
                .joined(separator: "\n")
        }
    }

    static func listPasswords(context: CommandContext) throws {
        let items = try context.credentialItems.passwordKeys()
        let views = items.map { PasswordView(key: $0.key.view, username: $0.username, password: mask) }
        context.output.result(["items": views]) {
            items.isEmpty ? "No password items." : items.map { "\($0.key)\t\($0.username)" }.joined(separator: "\n")
        }
    }

    static func removePassword(target: ProfileTarget, context: CommandContext) throws {
        // The profile's EAP-FAST PAC goes with its password, in the same locked write.
        let (key, removedItem, pac) = try context.credentialItems.removePassword(target)
        context.output.result(RemovedPasswordView(removed: key.view, removedPAC: pac)) {
            (removedItem ? "Removed the password item" : "No password item; removed")
                + (pac ? " and the EAP-FAST PAC" : "") + " of \(key)"
        }
    }

    /// What `password remove` removed: the item's key and whether an EAP-FAST PAC went with it.
    struct RemovedPasswordView: Encodable {
        let removed: CredentialKeyView
        let removedPAC: Bool
    }

    struct IdentityView: Encodable {
        let key: CredentialKeyView
        let kind: String
        let certificate: CertificateSummary?
    }

    static func setIdentity(target: ProfileTarget, identity: IdentityItem, context: CommandContext) throws {
        let key = try context.credentialItems.setIdentity(target, identity: identity)
        context.output.result(["saved": IdentityView(key: key.view, kind: identity.kind.rawValue,
                                                     certificate: certificateSummary(identity))]) {
            "Saved the \(identity.kind.rawValue) identity of \(key)"
        }
    }

    static func getIdentity(target: ProfileTarget, context: CommandContext) throws {
        let (key, identity) = try context.credentialItems.identity(target)
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

    static func clearIdentity(target: ProfileTarget, context: CommandContext) throws {
        let key = try context.credentialItems.clearIdentity(target)
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
