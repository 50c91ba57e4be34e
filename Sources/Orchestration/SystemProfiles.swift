public import Foundation
public import ProfileModel
import StateFiles
import StructuredErrors

/// One system profile: `interface` authenticates with `profileID` at boot and after every link change
/// (`eapolctl watch --interface IF --system`, run by `eapolctl-watch@IF.service`). `interface` is nil for the system
/// Ethernet profile, which serves every wired interface without a system profile of its own.
public struct SystemProfileEntry: Sendable, Hashable, Codable {
    /// The kernel interface; nil for the system Ethernet profile.
    public var interface: String?
    /// The profile to authenticate with.
    public var profileID: ProfileID
    /// When it was set.
    public var setAt: Date

    public init(interface: String?, profileID: ProfileID, setAt: Date = Date()) {
        self.interface = interface
        self.profileID = profileID
        self.setAt = setAt
    }
}

/// The system configuration under `STATE/system`: `interfaces/IF.json` per interface and `ethernet.json` for the
/// system Ethernet profile. Files are written atomically (0600, directories 0700); interface names are checked as
/// Linux interface names (which also makes them safe file names) before any path is built.
///
/// Synchronous and blocking (file I/O): call from a command's thread, not from a tight async loop.
public struct SystemProfiles: Sendable {
    /// `STATE/system`.
    public let directory: String
    /// The state directory `STATE`.
    public let stateDirectory: String

    public init(stateDirectory: String) {
        self.stateDirectory = stateDirectory
        directory = stateDirectory + "/system"
    }

    /// `STATE/system/interfaces`.
    public var interfacesDirectory: String { directory + "/interfaces" }
    /// `STATE/system/ethernet.json`.
    public var ethernetPath: String { directory + "/ethernet.json" }

    /// The file of `interface`'s system profile.
    /// - Throws: `usage.invalid-argument` when `interface` cannot be a Linux interface name.
    public func path(interface: String) throws -> String {
        try Self.checkInterface(interface)
        return interfacesDirectory + "/" + interface + ".json"
    }

    /// Throws `usage.invalid-argument` unless `name` can be a Linux interface name (1–15 bytes, no `/`, `:`,
    /// whitespace or control characters, not `.`/`..`) and does not start with a dot.
    public static func checkInterface(_ name: String) throws {
        guard ProfileValidator.isValidInterfaceName(name), !name.hasPrefix(".") else {
            throw UsageError(.invalidArgument,
                             "'\(name)' is not a Linux interface name (1 to 15 bytes, no '/', ':' or white space, no leading dot)",
                             hint: "Run `ip link` to see the interfaces' names.", details: ["interface": .string(name)])
        }
    }

    // MARK: Per-interface profiles

    /// Records that `interface` authenticates with `profileID`; replaces an earlier entry.
    @discardableResult
    public func set(interface: String, profileID: ProfileID, now: Date = Date()) throws -> SystemProfileEntry {
        let entry = SystemProfileEntry(interface: interface, profileID: profileID, setAt: now)
        let path = try path(interface: interface)
        try SecureDirectory.ensure(directory)
        try SecureDirectory.ensure(interfacesDirectory)
        try write(entry, to: path)
        return entry
    }

    /// The system profile of `interface`, or nil when it has none.
    public func get(interface: String) throws -> SystemProfileEntry? {
        try read(try path(interface: interface), expectedInterface: interface)
    }

    /// Removes the system profile of `interface`; returns whether there was one.
    @discardableResult
    public func clear(interface: String) throws -> Bool {
        try remove(try path(interface: interface))
    }

    /// Every interface with a system profile, sorted by name. Files whose name is not `IF.json` for a valid
    /// interface name are ignored (nothing eapolctl wrote).
    public func all() throws -> [SystemProfileEntry] {
        try SystemRecordFiles.interfaces(in: interfacesDirectory).compactMap { try get(interface: $0) }
    }

    // MARK: The system Ethernet profile

    /// Records the profile of every wired interface without a system profile of its own.
    @discardableResult
    public func setEthernet(profileID: ProfileID, now: Date = Date()) throws -> SystemProfileEntry {
        let entry = SystemProfileEntry(interface: nil, profileID: profileID, setAt: now)
        try SecureDirectory.ensure(directory)
        try write(entry, to: ethernetPath)
        return entry
    }

    /// The system Ethernet profile, or nil.
    public func ethernet() throws -> SystemProfileEntry? {
        try read(ethernetPath, expectedInterface: nil)
    }

    /// Removes the system Ethernet profile; returns whether there was one.
    @discardableResult
    public func clearEthernet() throws -> Bool { try remove(ethernetPath) }

    // MARK: Resolution (what `watch --system` authenticates with)

    /// Where a resolved profile comes from.
    public enum Source: String, Sendable, Hashable, Codable {
        /// `setSystemProfile --interface IF`.
        case interface
        /// `setSystemEthernetProfile` (a wired interface without its own).
        case ethernet
    }

    /// The profile `interface` authenticates with at boot: its own system profile, else — when it is wired — the
    /// system Ethernet profile; nil when neither applies.
    public func resolve(interface: String, isWired: Bool) throws -> (entry: SystemProfileEntry, source: Source)? {
        if let own = try get(interface: interface) { return (own, .interface) }
        if isWired, let ethernet = try ethernet() { return (ethernet, .ethernet) }
        return nil
    }

    // MARK: Files

    private func write(_ entry: SystemProfileEntry, to path: String) throws {
        try SystemRecordFiles.write(entry, to: path)
    }

    private func read(_ path: String, expectedInterface: String?) throws -> SystemProfileEntry? {
        let entry: SystemProfileEntry
        do {
            guard let read = try SystemRecordFiles.read(SystemProfileEntry.self, at: path) else { return nil }
            entry = read
        } catch let error as SystemError {
            throw error
        } catch {
            throw ProfileError(.invalidJSON, "the system configuration \(path) is not valid: \(error)",
                               hint: Self.repairHint(expectedInterface), details: ["path": .string(path)])
        }
        guard entry.interface == expectedInterface else {
            throw ProfileError(.invalidJSON,
                               "the system configuration \(path) names interface '\(entry.interface ?? "(none)")', not '\(expectedInterface ?? "(none)")'",
                               hint: Self.repairHint(expectedInterface), details: ["path": .string(path)])
        }
        return entry
    }

    private static func repairHint(_ interface: String?) -> String {
        if let interface {
            return "Set it again with `eapolctl setSystemProfile --interface \(interface) --profileID ID`, or remove it with `eapolctl clearSystemProfile --interface \(interface)`."
        }
        return "Set it again with `eapolctl setSystemEthernetProfile --profileID ID`, or remove it with `eapolctl clearSystemEthernetProfile`."
    }

    private func remove(_ path: String) throws -> Bool {
        try SystemRecordFiles.remove(path)
    }
}
