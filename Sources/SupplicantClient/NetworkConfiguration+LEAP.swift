import StructuredErrors

extension NetworkConfiguration {
    /// The warning every LEAP plan carries.
    public static let leapWarning = "INSECURE: LEAP (MS-CHAPv1 challenge/response in the clear, offline dictionary attacks); "
        + "the server is not authenticated by any certificate"

    /// The rest of a LEAP plan once the link layer, `eap=LEAP`, `identity` and `password` are in `properties`:
    /// nothing else (no anonymous identity, phase 1/2, CA, server names or client certificate: wpa_supplicant's LEAP
    /// uses none of them). The plan's anchor is ``TrustAnchor/none`` and it counts as insecure.
    static func leapPlan(_ spec: NetworkSpec, properties: [(key: String, value: NetworkValue)],
                         warnings: [String]) throws(SupplicantError) -> NetworkPlan {
        if let anon = spec.anonymousIdentity, !anon.isEmpty {
            throw invalid("anonymous_identity", "LEAP has no outer (anonymous) identity")
        }
        if let inner = spec.inner { throw invalid("phase2", "LEAP has no inner method, but \(inner.rawValue) was given") }
        if spec.clientIdentity != nil { throw invalid("private_key", "LEAP uses a password, not a client certificate") }
        if !spec.serverPins.isEmpty || !spec.caCertificates.isEmpty || spec.useSystemCAs || !spec.serverNames.isEmpty {
            throw invalid("ca_cert", "LEAP has no server certificate: CAs, pins and server names cannot apply")
        }
        for (key, value) in properties { try Validation.property(key: key, value: value) }
        return NetworkPlan(properties: properties, blobs: [], anchor: .none, trustCandidates: [.none],
                           insecureNoServerValidation: true, warnings: warnings + [leapWarning])
    }
}
