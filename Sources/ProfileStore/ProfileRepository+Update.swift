public import ProfileModel
import StateFiles
import StructuredErrors

extension ProfileRepository {
    /// Replaces a stored profile by an edited version of itself (same ID), under the write lock: `profile edit`.
    ///
    /// Unlike ``save(_:replace:)`` with `replace`, this never removes another profile: an SSID that another profile
    /// is bound to is refused. The stored profile must still be `previous` (what the edit started from), so that an
    /// edit made by another process in between is never overwritten. The profile file is replaced atomically
    /// (``AtomicFile``): a failure leaves the old file, or puts it back when the index write fails after it.
    /// - Returns: what to hand to ``revert(_:)`` to put the old profile back (an enclosing transaction's rollback).
    /// - Throws: `ProfileError` `profile-changed` (the stored profile is gone or no longer `previous`),
    ///   `duplicate-ssid` (another profile has the SSID), before anything is written; `SystemError` for a failed
    ///   write or a lock timeout.
    public func update(_ profile: Profile, from previous: Profile) throws -> ProfileUndo {
        precondition(profile.id == previous.id, "update keeps the profile's ID")
        return try withWriteLock {
            var index = try currentIndex()
            let stored = try? load(profile.id)
            guard let stored, stored == previous else {
                throw ProfileError(
                    .profileChanged,
                    stored == nil ? "profile \(previous.name) (\(previous.id)) was removed while it was being edited"
                        : "profile \(previous.name) (\(previous.id)) was changed by another process while it was being edited",
                    details: ["profile": .string(previous.name), "id": .string(previous.id.description)])
            }
            if let ssid = profile.ssid,
               let clash = index.entries.first(where: { $0.ssid == ssid.displayText && $0.id != profile.id }) {
                throw ProfileError(
                    .duplicateSSID,
                    "a profile for SSID \(ssid.displayText) already exists: \(clash.name) \(clash.id)",
                    hint: "Choose another SSID, or remove that profile first (`eapolctl profile remove \(clash.id)`).",
                    details: ["ssid": .string(ssid.displayText), "profile": .string(clash.name),
                              "id": .string(clash.id.description)])
            }
            let before = try [file(for: profile.id), indexPath].map(Self.fileState)
            let directoryTime = Self.mtime(of: directory)
            try AtomicFile.write(ProfileJSON.encode(profile), to: file(for: profile.id))
            do {
                index.entries.removeAll { $0.id == profile.id }
                index.entries.append(profile.summary)
                try writeIndex(&index)
            } catch {
                // The old file back; the directory's new mtime makes readers rebuild the index from the files.
                try? Self.put(before[0])
                throw error
            }
            var after: [String: FileIdentity?] = [:]
            for state in before { after[state.path] = try FileIdentity.of(state.path) }
            return ProfileUndo(before: before, after: after, directoryMTime: directoryTime,
                               directoryMTimeAfter: Self.mtime(of: directory))
        }
    }
}
