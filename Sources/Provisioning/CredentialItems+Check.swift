public import CredentialStore
import ProfileModel
public import ProfileStore
public import Secrets
import StructuredErrors

/// What `password check` found: whether the stored password equals the one given. Carries no secret.
public struct PasswordCheck: Sendable, Equatable {
    /// The item's key.
    public let key: CredentialKey
    /// The stored item's user name (not secret).
    public let username: String
    /// True when the stored password and the given one are the same bytes.
    public let matches: Bool
}

/// What `identity check` found: whether the stored client identity is the one given. Carries no secret.
public struct IdentityCheck: Sendable, Equatable {
    /// The item's key.
    public let key: CredentialKey
    /// The stored identity's form.
    public let kind: IdentityKind
    /// The SHA-256 fingerprint of the stored certificate (a PEM identity; nil for a PKCS#12 bundle, whose
    /// certificate is not read without opening it).
    public let storedFingerprint: String?
    /// True when the stored identity is the one given.
    public let matches: Bool
}

/// What a stored identity is compared with.
public enum IdentityExpectation: Sendable {
    /// The SHA-256 fingerprint of the client certificate, normalised (``TrustSettings/parsePin(_:)``).
    case fingerprint(String)
    /// The bytes of a PKCS#12 bundle and, when given, its passphrase.
    case pkcs12(bundle: SecretBytes, passphrase: SecretBytes?)
}

extension CredentialItems {
    /// Compares `candidate` with the stored password of `target` (``SecretBytes/matchesInConstantTime(_:)``): the
    /// stored bytes never leave this function, and both copies are zeroed when released.
    /// - Throws: `StoreError` `item-not-found` when there is no such item (a missing item is not a mismatch), and
    ///   any error unlocking the store.
    public func checkPassword(_ target: ProfileTarget, candidate: SecretBytes) throws -> PasswordCheck {
        let (key, item) = try password(target)
        return PasswordCheck(key: key, username: item.username,
                             matches: item.password.matchesInConstantTime(candidate))
    }

    /// Compares the stored client identity of `target` with `expected`: a certificate fingerprint (PEM identities)
    /// or a PKCS#12 bundle's bytes (and passphrase, when given), in constant time.
    /// - Throws: `StoreError` `item-not-found` when there is no identity; `UsageError` `invalid-argument` when a
    ///   fingerprint is asked of a PKCS#12 bundle, or a bundle of a PEM identity (they cannot be compared).
    public func checkIdentity(_ target: ProfileTarget, expected: IdentityExpectation) throws -> IdentityCheck {
        let (key, identity) = try identity(target)
        switch (identity, expected) {
        case (.pem(let certificate, _, _), .fingerprint(let fingerprint)):
            let stored = try Self.fingerprint(ofPEM: certificate, key: key)
            return IdentityCheck(key: key, kind: .pem, storedFingerprint: stored, matches: stored == fingerprint)
        case (.pkcs12(let bundle, let passphrase), .pkcs12(let givenBundle, let givenPassphrase)):
            // Both comparisons always run, so the time does not say which one differed.
            let sameBundle = bundle.matchesInConstantTime(givenBundle)
            let samePassphrase = givenPassphrase.map { passphrase.matchesInConstantTime($0) } ?? true
            return IdentityCheck(key: key, kind: .pkcs12, storedFingerprint: nil, matches: sameBundle && samePassphrase)
        case (.pkcs12, .fingerprint):
            throw UsageError(.invalidArgument,
                             "the identity of \(key) is a PKCS#12 bundle: its certificate's fingerprint is not read without opening it",
                             hint: "Compare the bundle instead: `eapolctl identity check --profile PROFILE --pkcs12 FILE` (or --ssid SSID, --default).",
                             details: ["key": .string("\(key)"), "kind": .string(IdentityKind.pkcs12.rawValue)])
        case (.pem, .pkcs12):
            throw UsageError(.invalidArgument,
                             "the identity of \(key) is a PEM certificate and key, not a PKCS#12 bundle",
                             hint: "Compare the certificate's fingerprint instead: `eapolctl identity check --profile PROFILE "
                                 + "--fingerprint SHA256` (openssl x509 -fingerprint -sha256; or --ssid SSID, --default).",
                             details: ["key": .string("\(key)"), "kind": .string(IdentityKind.pem.rawValue)])
        }
    }

    /// The SHA-256 fingerprint of the first certificate of a stored PEM identity.
    private static func fingerprint(ofPEM certificate: String, key: CredentialKey) throws -> String {
        guard let summary = try? TrustedCertificate.parse(Array(certificate.utf8), source: "identity").first?.summary else {
            throw StoreError(.invalidInput, "the identity of \(key) holds no readable certificate",
                             hint: "Store it again with `eapolctl identity set --profile PROFILE --certificate FILE --private-key FILE`.",
                             details: ["key": .string("\(key)")])
        }
        return summary.sha256Fingerprint
    }
}
