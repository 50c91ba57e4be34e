public import Secrets

/// A stored client identity for EAP-TLS: a PKCS#12 bundle, or a PEM certificate with its PEM private key.
public enum IdentityItem: Sendable, Equatable {
    /// A PKCS#12 bundle (it holds the private key, so its bytes are secret) and the passphrase that opens it.
    case pkcs12(bundle: SecretBytes, passphrase: SecretBytes)
    /// A PEM certificate (chain), its PEM private key and the key's passphrase when the key is encrypted.
    case pem(certificate: String, privateKey: SecretBytes, keyPassphrase: SecretBytes?)

    /// The form of the identity, without any of its content.
    public var kind: IdentityKind {
        switch self {
        case .pkcs12: .pkcs12
        case .pem: .pem
        }
    }
}

/// The form of a stored identity.
public enum IdentityKind: String, Sendable, Hashable, Codable {
    case pkcs12
    case pem
}
