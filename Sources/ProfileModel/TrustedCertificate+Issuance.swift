import X509

extension TrustedCertificate {
    /// Whether this certificate issued `child`: the child's issuer is this certificate's subject and the child's
    /// signature verifies with this certificate's public key. (No validity period, key usage or path-length check:
    /// this only says which presented certificates belong to one chain.)
    public func issued(_ child: TrustedCertificate) -> Bool {
        guard let parent = try? Certificate(derEncoded: der), let certificate = try? Certificate(derEncoded: child.der)
        else { return false }
        return certificate.issuer == parent.subject
            && parent.publicKey.isValidSignature(certificate.signature, for: certificate)
    }

    /// Whether `chain` (leaf first) is one chain: each certificate issued by the next.
    public static func isChain(_ chain: [TrustedCertificate]) -> Bool {
        guard !chain.isEmpty else { return false }
        return zip(chain, chain.dropFirst()).allSatisfy { child, parent in parent.issued(child) }
    }
}
