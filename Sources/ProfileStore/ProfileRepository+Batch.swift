#if canImport(Glibc)
import Glibc
#endif
public import ProfileModel
import StateFiles
import StructuredErrors

/// What a profile batch replaced, to put it back with ``ProfileRepository/revert(_:)``: the bytes and mode of every
/// file it touched (profile files, trust hints, the index) and the profiles directory's modification time.
/// Profiles hold no secret, so neither does this.
public struct ProfileUndo: Sendable {
    struct FileState: Sendable, Equatable {
        let path: String
        /// nil when the file did not exist.
        let bytes: [UInt8]?
        let mode: UInt32
    }

    let before: [FileState]
    /// The identity of each touched file after the batch (nil: absent), to see whether anyone changed it since.
    let after: [String: FileIdentity?]
    /// The profiles directory's modification time (ns) before the batch, and after it.
    let directoryMTime: Int64?
    let directoryMTimeAfter: Int64?

    /// Whether the batch changed nothing.
    public var isEmpty: Bool { before.isEmpty }
}

/// The outcome of ``ProfileRepository/apply(saving:removing:replace:)``.
public struct ProfileBatchResult: Sendable {
    /// For each saved profile, the IDs of the profiles it replaced (its own ID when it existed, an SSID clash).
    public let replaced: [ProfileID: [ProfileID]]
    /// Every profile the batch removed or replaced, as it was.
    public let previous: [Profile]
    public let undo: ProfileUndo
}

extension ProfileRepository {
    /// Saves and removes profiles under ONE hold of the write lock, all or nothing: when any write fails, every
    /// file the batch touched (profile files, the trust hints of removed profiles, the index) is restored byte for
    /// byte before the error is rethrown.
    ///
    /// The rules of ``save(_:replace:)`` apply to each saved profile (one profile per SSID; with `replace`, a
    /// profile with the same ID or SSID is replaced, else either conflict is an error). A removed profile loses its
    /// file and its trust hint.
    /// - Throws: `ProfileError` (`.profileNotFound` for a removal, `.duplicateSSID`) before anything is written;
    ///   `SystemError` for a failed write (ENOSPC, EROFS…) or a lock timeout, after restoring.
    public func apply(saving profiles: [Profile], removing ids: [ProfileID] = [], replace: Bool) throws -> ProfileBatchResult {
        try withWriteLock {
            var index = try currentIndex()
            var entries = index.entries
            var replaced: [ProfileID: [ProfileID]] = [:]
            var writes: [(id: ProfileID, bytes: [UInt8])] = []
            var deletes: [ProfileID] = []
            for id in ids {
                guard entries.contains(where: { $0.id == id }) else { throw ProfileError.profileNotFound(id.description) }
                entries.removeAll { $0.id == id }
                deletes.append(id)
            }
            for profile in profiles {
                var gone: [ProfileID] = []
                if let existing = entries.first(where: { $0.id == profile.id }) {
                    guard replace else {
                        throw ProfileError(.duplicateSSID, "a profile with ID \(profile.id) already exists: \(existing.name)",
                                           hint: "Use --replace to overwrite it.")
                    }
                    gone.append(existing.id)
                }
                if let ssid = profile.ssid,
                   let clash = entries.first(where: { $0.ssid == ssid.displayText && $0.id != profile.id }) {
                    guard replace else { throw ProfileError.duplicateSSID(ssid, existingName: clash.name, existingID: clash.id) }
                    entries.removeAll { $0.id == clash.id }
                    writes.removeAll { $0.id == clash.id }
                    deletes.append(clash.id)
                    gone.append(clash.id)
                }
                entries.removeAll { $0.id == profile.id }
                entries.append(profile.summary)
                writes.removeAll { $0.id == profile.id }
                writes.append((profile.id, ProfileJSON.encode(profile)))
                deletes.removeAll { $0 == profile.id }
                replaced[profile.id] = gone
            }
            var previous: [Profile] = []
            for id in Set(replaced.values.joined()).union(ids) {
                if let old = try? load(id) { previous.append(old) }
            }
            var paths = writes.map { file(for: $0.id) }
            for id in deletes { paths += [file(for: id), trustHintPath(for: id)] }
            paths.append(indexPath)
            let before = try paths.map(Self.fileState)
            let dirTime = Self.mtime(of: directory)
            do {
                for (id, bytes) in writes { try AtomicFile.write(bytes, to: file(for: id)) }
                for id in deletes {
                    if PosixIO.exists(file(for: id)) { try PosixIO.removeFile(file(for: id)) }
                    if PosixIO.exists(trustHintPath(for: id)) { try PosixIO.removeFile(trustHintPath(for: id)) }
                }
                try AtomicFile.syncDirectory(directory)
                index.entries = entries
                try writeIndex(&index)
            } catch {
                try? restore(before, directoryMTime: dirTime, unlessChangedSince: nil)
                throw error
            }
            var after: [String: FileIdentity?] = [:]
            for state in before { after[state.path] = try FileIdentity.of(state.path) }
            let undo = ProfileUndo(before: before, after: after, directoryMTime: dirTime,
                                   directoryMTimeAfter: Self.mtime(of: directory))
            return ProfileBatchResult(replaced: replaced, previous: previous, undo: undo)
        }
    }

    /// Undoes a batch under the write lock: every file it touched gets its earlier bytes and mode back, and the
    /// index is restored byte for byte. A file that another process changed since the batch is left as that
    /// process wrote it (and the index is then rebuilt from the files).
    public func revert(_ undo: ProfileUndo) throws {
        guard !undo.isEmpty else { return }
        try withWriteLock {
            try restore(undo.before, directoryMTime: undo.directoryMTime,
                        unlessChangedSince: (undo.after, undo.directoryMTimeAfter))
        }
    }

    /// Puts files back as they were; the caller holds the write lock.
    private func restore(_ states: [ProfileUndo.FileState], directoryMTime: Int64?,
                         unlessChangedSince after: (files: [String: FileIdentity?], directoryMTime: Int64?)?) throws {
        var untouchedSince = after.map { $0.directoryMTime == Self.mtime(of: directory) } ?? true
        var firstError: (any Error)?
        for state in states where state.path != indexPath {
            if let after, let identity = after.files[state.path], try FileIdentity.of(state.path) != identity {
                untouchedSince = false
                continue
            }
            do { try Self.put(state) } catch { firstError = firstError ?? error }
        }
        if let firstError { throw firstError }
        if PosixIO.exists(directory) { try AtomicFile.syncDirectory(directory) }
        let trustHints = stateDirectory + "/trust-hints"
        if PosixIO.exists(trustHints) { try AtomicFile.syncDirectory(trustHints) }
        // The index is exact again once the directory has its old modification time (the index records it).
        if untouchedSince, let indexState = states.first(where: { $0.path == indexPath }) {
            try Self.put(indexState)
            if let time = directoryMTime {
                let times = [timespec(tv_sec: 0, tv_nsec: (1 << 30) - 2),  // UTIME_OMIT: the access time stays
                             timespec(tv_sec: Int(time / 1_000_000_000), tv_nsec: Int(time % 1_000_000_000))]
                if utimensat(AT_FDCWD, directory, times, 0) != 0 {
                    throw SystemError.fromErrno(errno, operation: "utimensat", path: directory)
                }
            }
        } else if let mtime = Self.mtime(of: directory) {
            var index = try indexFromFiles(mtime: mtime)
            try writeIndex(&index)
        }
    }

    static func fileState(_ path: String) throws -> ProfileUndo.FileState {
        let bytes = try PosixIO.readFileIfPresent(path)
        return .init(path: path, bytes: bytes, mode: try PosixIO.fileMode(path)?.mode ?? 0o600)
    }

    /// Writes (or removes) one file as `state` says, when it differs.
    static func put(_ state: ProfileUndo.FileState) throws {
        if let bytes = state.bytes {
            if try fileState(state.path) != state { try AtomicFile.write(bytes, to: state.path, mode: state.mode) }
        } else if PosixIO.exists(state.path) {
            try PosixIO.removeFile(state.path)
        }
    }
}
