import Secrets
import SupplicantClient

/// EAP-FAST's PAC blob in an attempt: wpa_supplicant 2.10 writes a provisioned or refreshed PAC into the blob the
/// plan's `pac_file="blob://NAME"` names, in memory and without a signal, so it is read back (`GetBlob`) when the
/// attempt ends, before a failure's clean-up removes the blob.
extension Attempt {
    /// The PAC wpa_supplicant holds now, or nil (not EAP-FAST, no PAC, or the supplicant did not answer: then the
    /// stored PAC simply stays as it was).
    func readBackPAC() async -> SecretBytes? {
        guard let name = plan.pacBlobName else { return nil }
        return try? await supplicant.getBlob(named: name, from: interface)
    }

    /// `blobs` plus the PAC blob, which wpa_supplicant creates itself when it provisions a PAC that was not sent: a
    /// failure must leave no PAC behind in the supplicant.
    func withPACBlob(_ blobs: [String]) -> [String] {
        guard let name = plan.pacBlobName, !blobs.contains(name) else { return blobs }
        return blobs + [name]
    }
}
