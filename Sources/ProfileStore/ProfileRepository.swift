#if canImport(Glibc)
import Glibc
#endif
public import Foundation
public import ProfileModel
import StateFiles
import StructuredErrors

/// The profiles of one state directory: one readable JSON file per profile (`profiles/<ID>.json`, no secrets) and
/// an index of summaries (`profiles.index`) so that listing 10,000 profiles stays cheap.
///
/// Writers take an exclusive lock (`profiles.lock`) around read-modify-write; readers take none, because every file
/// is replaced atomically. The index records the profiles directory's modification time: whenever the directory
/// changed behind eapolctl's back (a file added, removed or renamed), the index is rebuilt from the files.
public struct ProfileRepository: Sendable {
    /// `STATE/profiles`.
    public let directory: String
    let indexPath: String
    let lockPath: String
    let stateDirectory: String

    /// Opens the repository under `stateDirectory` (nothing is created until the first write).
    public init(stateDirectory: String) {
        self.stateDirectory = stateDirectory
        directory = stateDirectory + "/profiles"
        indexPath = stateDirectory + "/profiles.index"
        lockPath = stateDirectory + "/profiles.lock"
    }

    // MARK: Reading

    /// Summaries of every profile, sorted by name then ID.
    public func list() throws -> [ProfileSummary] {
        try currentIndex().entries.sorted { ($0.name, $0.id) < ($1.name, $1.id) }
    }

    /// Loads one profile by ID.
    /// - Throws: `ProfileError.profileNotFound`, or the decoding errors of ``ProfileJSON``.
    public func load(_ id: ProfileID) throws -> Profile {
        let path = file(for: id)
        guard let bytes = try PosixIO.readFileIfPresent(path) else {
            throw ProfileError.profileNotFound(id.description)
        }
        return try ProfileJSON.decode(bytes, source: path)
    }

    /// The profile bound to `ssid`, if any (one profile per SSID).
    public func find(ssid: SSID) throws -> Profile? {
        guard let entry = try currentIndex().entries.first(where: { $0.ssid == ssid.displayText }) else { return nil }
        return try load(entry.id)
    }

    /// Resolves a user's reference: a profile ID, else a unique user-visible name.
    public func resolve(_ reference: String) throws -> Profile {
        if let id = ProfileID(string: reference) {
            return try load(id)
        }
        let matches = try currentIndex().entries.filter { $0.name == reference }
        switch matches.count {
        case 1: return try load(matches[0].id)
        case 0: throw ProfileError.profileNotFound(reference)
        default:
            throw ProfileError(.profileNotFound, "the name '\(reference)' matches \(matches.count) profiles",
                               hint: "Name the profile by its ID: \(matches.map(\.id.description).joined(separator: ", "))",
                               details: ["ids": .list(matches.map(\.id.description))])
        }
    }

    // MARK: Writing

    /// Saves `profile`, enforcing one profile per SSID.
    /// - Parameter replace: when true, a profile with the same ID or the same SSID is replaced (the other one is
    ///   removed); when false, either conflict is an error.
    /// - Returns: the IDs of profiles that were replaced.
    @discardableResult
    public func save(_ profile: Profile, replace: Bool) throws -> [ProfileID] {
        try withWriteLock {
            var index = try currentIndex()
            var replaced: [ProfileID] = []
            if let existing = index.entries.first(where: { $0.id == profile.id }) {
                guard replace else {
                    throw ProfileError(.duplicateSSID, "a profile with ID \(profile.id) already exists: \(existing.name)",
                                       hint: "Use --replace to overwrite it.")
                }
                replaced.append(existing.id)
            }
            if let ssid = profile.ssid,
               let clash = index.entries.first(where: { $0.ssid == ssid.displayText && $0.id != profile.id }) {
                guard replace else {
                    throw ProfileError.duplicateSSID(ssid, existingName: clash.name, existingID: clash.id)
                }
                try PosixIO.removeFile(file(for: clash.id))
                index.entries.removeAll { $0.id == clash.id }
                replaced.append(clash.id)
            }
            try AtomicFile.write(ProfileJSON.encode(profile), to: file(for: profile.id))
            index.entries.removeAll { $0.id == profile.id }
            index.entries.append(profile.summary)
            try writeIndex(&index)
            return replaced
        }
    }

    /// Removes a profile.
    /// - Throws: `ProfileError.profileNotFound` when there is none with that ID.
    public func remove(_ id: ProfileID) throws {
        try withWriteLock {
            var index = try currentIndex()
            let path = file(for: id)
            guard PosixIO.exists(path) else { throw ProfileError.profileNotFound(id.description) }
            try PosixIO.removeFile(path)
            try AtomicFile.syncDirectory(directory)
            try? PosixIO.removeFile(trustHintPath(for: id))
            index.entries.removeAll { $0.id == id }
            try writeIndex(&index)
        }
    }

    // MARK: Index

    /// The summaries of every profile; stored as `profiles.index` (format in ProfileRepository+IndexFormat.swift).
    struct Index {
        static let currentVersion = 2
        var version = Index.currentVersion
        /// The profiles directory's mtime (nanoseconds) when the index was last made consistent with it.
        var directoryMTime: Int64 = 0
        var entries: [ProfileSummary] = []
    }

    func file(for id: ProfileID) -> String { directory + "/" + id.description + ".json" }

    /// The index, rebuilt from the files when it is missing, unreadable, or older than the directory.
    func currentIndex() throws -> Index {
        guard let mtime = Self.mtime(of: directory) else { return Index() }
        if let bytes = try PosixIO.readFileIfPresent(indexPath),
           let index = Index.decode(bytes), index.directoryMTime == mtime {
            return index
        }
        return try rebuildIndex(mtime: mtime)
    }

    private func rebuildIndex(mtime: Int64) throws -> Index {
        var index = try indexFromFiles(mtime: mtime)
        // Best effort: a reader without write access still gets a correct listing.
        if access(stateDirectory, W_OK) == 0 {
            try? writeIndex(&index)
        }
        return index
    }

    /// An index read from the profile files themselves (nothing is written).
    func indexFromFiles(mtime: Int64) throws -> Index {
        var index = Index(directoryMTime: mtime)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        for name in names where name.hasSuffix(".json") {
            let path = directory + "/" + name
            guard let bytes = try PosixIO.readFileIfPresent(path) else { continue }
            index.entries.append(try ProfileJSON.decodeSummary(bytes, source: path))
        }
        return index
    }

    func writeIndex(_ index: inout Index) throws {
        index.directoryMTime = Self.mtime(of: directory) ?? 0
        // Stored in listing order, so that `list()`'s sort meets an already sorted array.
        index.entries.sort { ($0.name, $0.id) < ($1.name, $1.id) }
        try AtomicFile.write(index.encoded(), to: indexPath)
    }

    func withWriteLock<T>(_ body: () throws -> T) throws -> T {
        try SecureDirectory.ensure(stateDirectory)
        try SecureDirectory.ensure(directory)
        guard let lock = try FileLock.acquire(lockPath, kind: .exclusive, timeout: .seconds(10)) else {
            throw SystemError(.ioFailure, "timed out waiting for the profile lock \(lockPath)",
                              hint: "Another eapolctl process holds it; retry when it has finished.")
        }
        // The lock is released when `lock` goes out of scope (FileLock's deinit), also when `body` throws.
        let result = try body()
        lock.unlock()
        return result
    }

    static func mtime(of path: String) -> Int64? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }
}
