public import StructuredErrors

extension NetworkConfiguration {
    /// Verification failures that mean "the issuer of this chain is not the configured anchor" (worth one retry).
    static let issuerUnknownReasons: Set<String> = [
        "unable to get local issuer certificate",
        "unable to get issuer certificate",
        "self-signed certificate in certificate chain",
        "self signed certificate in certificate chain",
        "self-signed certificate",
        "self signed certificate",
        "unable to verify the first certificate",
        "Server certificate mismatch",
    ]

    /// Chooses the trust anchor for one retry after an untrusted-server failure, or nil when retrying is pointless.
    ///
    /// A retry is proposed only when the failure is `server-certificate-untrusted` or `incomplete-chain` (whose missing
    /// issuer may be another CA of the profile) with an issuer-unknown reason, and:
    /// - for pins: the leaf certificate's fingerprint equals another, untried pin;
    /// - for CAs: another untried CA is the chain's issuer (its subject equals the top certificate's issuer, or the
    ///   subject or fingerprint of a chain certificate above the leaf); failing that, the untried system bundle.
    /// Anchors never loosen: every candidate is one the profile trusts, so a retry cannot accept a rogue server.
    /// - Parameters:
    ///   - outcome: the failed attempt's error.
    ///   - chain: the server certificates seen in `Certification` signals.
    ///   - candidates: ``NetworkPlan/trustCandidates``.
    ///   - tried: the anchors already used (at least the failed attempt's).
    /// - Returns: the anchor to pass to ``make(from:blobPrefix:anchor:preferredFingerprint:)``, or nil.
    public static func nextCACandidate(
        after outcome: EAPError, chain: [ServerCertificate], candidates: [TrustAnchor], tried: [TrustAnchor]
    ) -> TrustAnchor? {
        guard outcome.code == .serverCertificateUntrusted || outcome.code == .incompleteChain,
              case .string(let reason)? = outcome.details["reason"], issuerUnknownReasons.contains(reason)
        else { return nil }
        let untried = candidates.filter { !tried.contains($0) }
        guard !untried.isEmpty else { return nil }

        if let leaf = chain.first(where: { $0.depth == 0 }),
           let pin = untried.first(where: { if case .serverPin(let fp) = $0 { fp == leaf.sha256Hex } else { false } }) {
            return pin
        }
        let sorted = chain.sorted { $0.depth < $1.depth }
        let top = sorted.last
        var issuerSubjects: [String] = []
        if let issuer = top?.issuer { issuerSubjects.append(issuer) }
        issuerSubjects += sorted.filter { $0.depth > 0 }.map(\.subject)
        let chainHashes = Set(sorted.filter { $0.depth > 0 }.map(\.sha256Hex))
        for case .embeddedCA(let i, let subject, let fp) in untried
        where chainHashes.contains(fp) || issuerSubjects.contains(where: { DistinguishedName.equal($0, subject) }) {
            return .embeddedCA(index: i, subject: subject, sha256Hex: fp)
        }
        if let system = untried.first(where: { if case .systemBundle = $0 { true } else { false } }),
           !candidates.contains(where: { if case .serverPin = $0 { true } else { false } }) {
            return system
        }
        return nil
    }
}
