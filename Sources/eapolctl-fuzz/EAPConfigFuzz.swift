/// An eap-config document, as eduroam CAT or a captive portal serves it.
enum EAPConfigFuzz {
    static func run(_ bytes: [UInt8]) { ImportFuzzSupport.parse(bytes, as: .eapConfig) }
}
