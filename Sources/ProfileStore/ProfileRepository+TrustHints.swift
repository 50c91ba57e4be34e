import Foundation
public import ProfileModel
import StateFiles

extension ProfileRepository {
    /// `STATE/trust-hints/<profile ID>`: the SHA-256 fingerprint of the profile's CA that verified the server last
    /// time (public data, no secret). A profile with several CAs tries that one first next time.
    func trustHintPath(for id: ProfileID) -> String { stateDirectory + "/trust-hints/" + id.description }

    /// The recorded CA fingerprint for `id`, if any.
    public func trustHint(for id: ProfileID) -> String? {
        guard let bytes = try? PosixIO.readFileIfPresent(trustHintPath(for: id)) else { return nil }
        let text = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }

    /// Records the CA fingerprint that verified the server for `id` (skipped when unchanged).
    public func recordTrustHint(_ fingerprint: String, for id: ProfileID) throws {
        guard trustHint(for: id) != fingerprint else { return }
        try SecureDirectory.ensure(stateDirectory)
        try SecureDirectory.ensure(stateDirectory + "/trust-hints")
        try AtomicFile.write(Array((fingerprint + "\n").utf8), to: trustHintPath(for: id))
    }
}
