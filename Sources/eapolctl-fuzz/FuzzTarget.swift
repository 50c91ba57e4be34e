import StructuredErrors

/// The fuzz targets: each feeds one input, as a hostile file or datagram would arrive, to a decoder of eapolctl.
///
/// A target returns normally for any input (rejections are fine); it traps — which libFuzzer reports as a crash
/// and the replay as a failure — when the code under test traps, or when one of the target's invariants breaks
/// (for example an import error that is not a ``StructuredError``).
enum FuzzTarget: String, CaseIterable, Sendable {
    /// DHCPOFFER/ACK/NAK datagrams: decode, the reply filter, lease construction, codec round trip.
    case dhcp
    /// eap-config (GEANT eap-metadata) documents.
    case eapConfig = "eap-config"
    /// Plain .mobileconfig plists.
    case mobileconfig
    /// CMS-signed .mobileconfig files: envelope, signature check, then the plist.
    case mobileconfigSigned = "mobileconfig-signed"
    /// eapolcfg exportProfile plists.
    case eapolcfg
    /// eapolctl JSON profiles.
    case json
    /// wpa_supplicant interface signals built from the bytes, through the decoder and the authentication tracker.
    case supplicantSignal = "supplicant-signal"
    /// Credential store files: header, records, identity fields.
    case store

    /// Runs one input.
    func run(_ bytes: [UInt8]) {
        switch self {
        case .dhcp: DHCPReplyFuzz.run(bytes)
        case .eapConfig: EAPConfigFuzz.run(bytes)
        case .mobileconfig: MobileconfigFuzz.run(bytes)
        case .mobileconfigSigned: SignedMobileconfigFuzz.run(bytes)
        case .eapolcfg: EapolcfgFuzz.run(bytes)
        case .json: JSONProfileFuzz.run(bytes)
        case .supplicantSignal: SupplicantSignalFuzz.run(bytes)
        case .store: StoreFileFuzz.run(bytes)
        }
    }

    static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// Traps unless `error` is one of eapolctl's structured errors: bad input must never surface as a bare Foundation,
/// decoding or library error.
func requireStructured(_ error: any Error, _ what: String) {
    guard error is any StructuredError else {
        fatalError("\(what) threw an unstructured error: \(type(of: error)): \(error)")
    }
}
