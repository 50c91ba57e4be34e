import ArgumentParser
import ProfileFormats

/// The signature options of `profile import`, `importProfile` and `onboard` (see Docs/formats.md, "Signatures").
struct SignatureOptions: ParsableArguments {
    @Flag(help: "Refuse the file unless it is a mobileconfig whose signature verifies and whose signer chains to a system CA (signed-trusted).")
    var requireSigned = false
    @Flag(help: "Import a mobileconfig whose signature does not verify (it is reported signed-invalid).")
    var allowInvalidSignature = false
    @Option(help: ArgumentHelp("PEM bundle of the CAs a profile's signer must chain to (default: \(SignatureTrustStore.systemBundlePath)).",
                               valueName: "file"))
    var signatureCABundle: String?

    var policy: SignaturePolicy {
        SignaturePolicy(requireTrusted: requireSigned, allowInvalid: allowInvalidSignature,
                        trustStore: SignatureTrustStore(bundlePath: signatureCABundle ?? SignatureTrustStore.systemBundlePath))
    }
}
