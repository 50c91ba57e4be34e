import DBusKit
public import Secrets
import StructuredErrors

extension Supplicant {
    /// Reads a blob back (`GetBlob`): wpa_supplicant 2.10 writes a provisioned or refreshed EAP-FAST PAC into the blob
    /// its `pac_file="blob://NAME"` names (in memory; no signal announces it).
    /// - Returns: the blob's bytes, or nil when wpa_supplicant has no blob of that name.
    /// - Throws: ``SupplicantError`` `blob-failed` naming the blob when the call fails otherwise or the reply is not bytes.
    public func getBlob(named name: String, from interface: SupplicantInterface) async throws -> SecretBytes? {
        let reply: [DBusValue]
        do {
            reply = try await interfaceCall(interface, "GetBlob", [.string(name)])
        } catch let error as DBusError where error.remoteErrorName == "fi.w1.wpa_supplicant1.BlobUnknown" {
            return nil
        } catch let error as DBusError {
            throw SupplicantError(.blobFailed, "wpa_supplicant did not return blob \(name) on \(interface.name): \(error.remoteErrorName ?? error.message)",
                                  details: ["blob": .string(name), "interface": .string(interface.name)])
        }
        guard let bytes = reply.first?.bytesValue else {
            throw SupplicantError(.blobFailed, "wpa_supplicant answered GetBlob \(name) on \(interface.name) with no byte array",
                                  details: ["blob": .string(name), "interface": .string(interface.name)])
        }
        var copy = bytes
        return SecretBytes(consumingAndZeroing: &copy)
    }
}
