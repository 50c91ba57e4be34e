public import Foundation
public import ProfileModel
import StateFiles
import StructuredErrors

/// The login-window profiles of one interface: an ordered fallback list. `watch --system` on `interface` (when it has
/// no system profile of its own) tries them in this order until one authenticates — typically a machine-certificate
/// profile first, then a user profile.
public struct LoginWindowEntry: Sendable, Hashable, Codable {
    /// The kernel interface.
    public var interface: String
    /// The profiles, first tried first; never empty, no duplicates, at most ``LoginWindowProfiles/maximumCount``.
    public var profileIDs: [ProfileID]
    /// When the list was set.
    public var setAt: Date

    public init(interface: String, profileIDs: [ProfileID], setAt: Date = Date()) {
        self.interface = interface
        self.profileIDs = profileIDs
        self.setAt = setAt
    }
}

/// The login-window lists under `STATE/system/login-window/IF.json`, beside the system profiles
/// (``SystemProfiles``): written atomically (0600, directories 0700), interface names checked as Linux interface
/// names before any path is built, lists checked (not empty, no profile twice, at most ``maximumCount``) before they
/// are written and again when they are read.
///
/// Synchronous and blocking (file I/O): call from a command's thread or through `BlockingWork`.
public struct LoginWindowProfiles: Sendable {
    /// The longest list: every profile that fails costs a full authentication attempt (up to its timeout) before the
    /// next is tried, so a long list would keep a port unauthenticated for minutes.
    public static let maximumCount = 8

    /// `STATE/system/login-window`.
    public let directory: String
    private let systemDirectory: String

    public init(stateDirectory: String) {
        systemDirectory = stateDirectory + "/system"
        directory = systemDirectory + "/login-window"
    }

    /// The file of `interface`'s list.
    /// - Throws: `usage.invalid-argument` when `interface` cannot be a Linux interface name.
    public func path(interface: String) throws -> String {
        try SystemProfiles.checkInterface(interface)
        return directory + "/" + interface + ".json"
    }

    /// Throws `usage.invalid-argument` (details `interface`, `count` or `profileID`) unless `profileIDs` is a usable
    /// list: 1 to ``maximumCount`` profiles, none named twice.
    public static func checkList(_ profileIDs: [ProfileID], interface: String) throws {
        guard !profileIDs.isEmpty else {
            throw UsageError(.missingArgument, "name at least one profile for the login window of \(interface)",
                             hint: "Give them in order: `eapolctl setLoginWindowProfiles --interface \(interface) --profileID ID` (several IDs, first tried first) (`eapolctl profile list` shows the IDs).",
                             details: ["interface": .string(interface)])
        }
        guard profileIDs.count <= maximumCount else {
            throw UsageError(.invalidArgument,
                             "\(profileIDs.count) login-window profiles for \(interface); at most \(maximumCount) are tried (each failure costs a full authentication attempt)",
                             hint: "Keep the profiles that can work on this port: `eapolctl setLoginWindowProfiles --interface \(interface) --profileID ID` (several IDs, first tried first).",
                             details: ["interface": .string(interface), "count": .int(profileIDs.count),
                                       "maximum": .int(maximumCount)])
        }
        var seen: Set<ProfileID> = []
        for id in profileIDs where !seen.insert(id).inserted {
            throw UsageError(.invalidArgument,
                             "profile \(id) is named twice in the login-window list of \(interface) (an ID and a name or SSID can name the same profile)",
                             hint: "Name each profile once: `eapolctl setLoginWindowProfiles --interface \(interface) --profileID ID` (several IDs, first tried first).",
                             details: ["interface": .string(interface), "profileID": .string(id.description)])
        }
    }

    /// Records `interface`'s list; replaces an earlier one.
    @discardableResult
    public func set(interface: String, profileIDs: [ProfileID], now: Date = Date()) throws -> LoginWindowEntry {
        let path = try path(interface: interface)
        try Self.checkList(profileIDs, interface: interface)
        let entry = LoginWindowEntry(interface: interface, profileIDs: profileIDs, setAt: now)
        try SecureDirectory.ensure(systemDirectory)
        try SecureDirectory.ensure(directory)
        try SystemRecordFiles.write(entry, to: path)
        return entry
    }

    /// `interface`'s list, or nil when it has none.
    /// - Throws: `profile.invalid-json` when the file is not a list eapolctl could have written for `interface`.
    public func get(interface: String) throws -> LoginWindowEntry? {
        let path = try path(interface: interface)
        let entry: LoginWindowEntry
        do {
            guard let read = try SystemRecordFiles.read(LoginWindowEntry.self, at: path) else { return nil }
            entry = read
            guard entry.interface == interface else {
                throw ProfileError(.invalidJSON, "the login-window list \(path) names interface '\(entry.interface)', not '\(interface)'",
                                   hint: Self.repairHint(interface), details: ["path": .string(path)])
            }
            try Self.checkList(entry.profileIDs, interface: interface)
        } catch let error as ProfileError {
            throw error
        } catch let error as SystemError {
            throw error
        } catch let error as any StructuredError {
            throw ProfileError(.invalidJSON, "the login-window list \(path) is not valid: \(error.message)",
                               hint: Self.repairHint(interface), details: ["path": .string(path)])
        } catch {
            throw ProfileError(.invalidJSON, "the login-window list \(path) is not valid: \(error)",
                               hint: Self.repairHint(interface), details: ["path": .string(path)])
        }
        return entry
    }

    /// Removes `interface`'s list; returns whether there was one.
    @discardableResult
    public func clear(interface: String) throws -> Bool {
        try SystemRecordFiles.remove(try path(interface: interface))
    }

    /// Every interface with a list, sorted by name. Files whose name is not `IF.json` for a valid interface name are
    /// ignored (nothing eapolctl wrote).
    public func all() throws -> [LoginWindowEntry] {
        try SystemRecordFiles.interfaces(in: directory).compactMap { try get(interface: $0) }
    }

    private static func repairHint(_ interface: String) -> String {
        "Set it again with `eapolctl setLoginWindowProfiles --interface \(interface) --profileID ID` (several IDs, first tried first), or remove it with `eapolctl clearLoginWindowProfiles --interface \(interface)`."
    }
}
