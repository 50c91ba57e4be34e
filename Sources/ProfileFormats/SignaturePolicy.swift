import Foundation
import ProfileModel
import StructuredErrors

/// What an import accepts, by signature (`--require-signed`, `--allow-invalid-signature`), and the CAs signers
/// are checked against.
///
/// | status | default | `--allow-invalid-signature` | `--require-signed` |
/// |---|---|---|---|
/// | `signed-trusted` | imported | imported | imported |
/// | `signed-untrusted` | imported, warning | imported, warning | refused (`untrusted-signature`) |
/// | `signed-invalid` | refused (`invalid-signature`) | imported, labelled invalid, warning | refused (`untrusted-signature`) |
/// | `unsigned` (any format without a signature) | imported | imported | refused (`untrusted-signature`) |
public struct SignaturePolicy: Sendable, Hashable {
    /// Refuse everything but `signed-trusted` (`--require-signed`).
    public var requireTrusted: Bool
    /// Import a file whose signature does not verify, still labelled `signed-invalid` (`--allow-invalid-signature`).
    public var allowInvalid: Bool
    /// The CAs a signer must chain to.
    public var trustStore: SignatureTrustStore

    /// Creates a policy; the default refuses invalid signatures, accepts unsigned and untrusted files, and
    /// checks signers against the system CA bundle.
    public init(requireTrusted: Bool = false, allowInvalid: Bool = false, trustStore: SignatureTrustStore = SignatureTrustStore()) {
        self.requireTrusted = requireTrusted
        self.allowInvalid = allowInvalid
        self.trustStore = trustStore
    }

    /// Throws when the policy refuses a file with this signature (nil: the format carries none — `unsigned`).
    /// - Throws: ``ImportError`` `untrusted-signature` (`--require-signed`) or `invalid-signature`.
    public func check(_ signature: SignatureInfo?, source: String) throws {
        let status = signature?.status ?? .unsigned
        let why = signature?.detail.map { ": \($0)" } ?? ""
        if requireTrusted, status != .signedTrusted {
            let what: String
            switch status {
            case .unsigned: what = "the file is not signed"
            case .signedUntrusted: what = "the file is signed, but not by a certificate that chains to a CA of \(trustStore.bundlePath)"
            case .signedInvalid: what = "the file's signature does not verify"
            case .signedTrusted: what = ""
            }
            throw ImportError(.untrustedSignature, "\(source): --require-signed: \(what) (\(status.rawValue))\(why)",
                              details: ["file": .string(source), "signature": .string(status.rawValue)])
        }
        if status == .signedInvalid, !allowInvalid {
            throw ImportError(.invalidSignature,
                              "\(source): the signature does not verify\(why); the content may have been altered after signing. Nothing was imported (--allow-invalid-signature imports it anyway, labelled signed-invalid)",
                              details: ["file": .string(source), "signature": .string(status.rawValue)])
        }
    }
}
