import Foundation
public import ProfileModel
import StateFiles
public import SupplicantClient

/// `STATE/associations/<profile UUID>.json`: where a Wi-Fi profile last associated — the channel frequencies and
/// BSSIDs of its last successful associations, newest first, with the profile's SSID and the time. No secret; the
/// next `auth start` of the profile scans those frequencies first (``ScanHint``).
///
/// The file is checked on every read and used only when it passes: at most 4 KiB of JSON, the SSID equal to the
/// profile's current one (an edited profile forgets its old channels), every frequency a channel centre
/// (``ChannelFrequency``), at most ``maximumEntries`` of each, BSSIDs in `aa:bb:cc:dd:ee:ff` form, recorded in the
/// last ``maximumAge`` and not in the future. Anything else is ignored (the connection then scans every channel) and
/// reported as the reason.
public struct AssociationMemory: Sendable {
    /// The directory holding one file per profile.
    public let directory: String
    private let now: @Sendable () -> Int64

    /// How many frequencies and BSSIDs are kept (the newest).
    public static let maximumEntries = 4
    /// Older records are ignored.
    public static let maximumAge: Int64 = 30 * 86_400
    static let maximumFileSize = 4096

    /// What is stored (the JSON members).
    struct Record: Codable, Equatable {
        var ssidHex: String
        var frequencies: [Int]
        var bssids: [String]
        /// Unix time of the last association.
        var recordedAt: Int64
    }

    /// The outcome of a read.
    public enum Lookup: Sendable, Equatable {
        /// Nothing recorded (or not a Wi-Fi profile).
        case none
        case hint(ScanHint)
        /// A record exists and was refused.
        case ignored(AssociationRefusal)
    }

    /// - Parameters:
    ///   - stateDirectory: eapolctl's state directory; records live in its `associations` subdirectory.
    ///   - now: Unix time in seconds.
    public init(stateDirectory: String, now: @escaping @Sendable () -> Int64 = AssociationMemory.unixTime) {
        directory = stateDirectory + "/associations"
        self.now = now
    }

    /// The wall clock in whole seconds.
    public static let unixTime: @Sendable () -> Int64 = { Int64(Date().timeIntervalSince1970) }

    func path(for profile: Profile) -> String { directory + "/" + profile.id.uuid.uuidString.uppercased() + ".json" }

    /// The remembered frequencies of `profile`, validated (blocking file I/O: call through `BlockingWork`).
    public func lookup(for profile: Profile) -> Lookup {
        guard let ssid = profile.binding.ssid else { return .none }
        let bytes: [UInt8]
        do {
            // Bounded: a planted huge file, /dev/zero link or FIFO is neither read to its end nor waited on.
            guard let read = try PosixIO.readFileIfPresent(path(for: profile), atMost: Self.maximumFileSize) else {
                return .none
            }
            guard read.isWhole else { return .ignored(.tooLarge(limit: Self.maximumFileSize)) }
            bytes = read.bytes
        } catch {
            return .ignored(.unreadable("\(error)"))
        }
        guard let record = try? JSONDecoder().decode(Record.self, from: Data(bytes)) else { return .ignored(.notARecord) }
        if let problem = Self.problem(with: record, ssid: ssid.bytes, now: now()) { return .ignored(problem) }
        return .hint(ScanHint(frequencies: record.frequencies, bssids: record.bssids, source: .remembered))
    }

    /// Why `record` cannot be used for a profile with SSID `ssid` at `now`; nil when it can.
    static func problem(with record: Record, ssid: [UInt8], now: Int64) -> AssociationRefusal? {
        guard record.ssidHex == hex(ssid) else { return .otherSSID }
        guard (1...maximumEntries).contains(record.frequencies.count),
              record.frequencies.allSatisfy(ChannelFrequency.isChannelCentre) else { return .frequenciesOutOfRange }
        guard record.bssids.count <= maximumEntries, record.bssids.allSatisfy(isBSSID) else { return .malformedBSSID }
        guard record.recordedAt <= now + 86_400 else { return .recordedInTheFuture }
        guard now - record.recordedAt <= maximumAge else { return .tooOld }
        return nil
    }

    /// Records that `profile` associated with `bss` now: its frequency and BSSID go first, older ones follow (at most
    /// ``maximumEntries`` each). A BSS whose frequency is not a channel centre or whose BSSID is not 6 bytes is not
    /// recorded. Blocking file I/O.
    public func record(_ bss: BSSDescription, for profile: Profile) throws {
        guard let ssid = profile.binding.ssid, ChannelFrequency.isChannelCentre(bss.frequency),
              let bssid = bss.checkedBSSIDText else { return }
        var record = Record(ssidHex: Self.hex(ssid.bytes), frequencies: [], bssids: [], recordedAt: now())
        if case .hint(let old) = lookup(for: profile) {
            record.frequencies = old.frequencies
            record.bssids = old.bssids
        }
        record.frequencies = Array(([bss.frequency] + record.frequencies.filter { $0 != bss.frequency })
            .prefix(Self.maximumEntries))
        record.bssids = Array(([bssid] + record.bssids.filter { $0 != bssid }).prefix(Self.maximumEntries))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try SecureDirectory.ensure(directory)
        try AtomicFile.write(Array(try encoder.encode(record)) + [0x0A], to: path(for: profile))
    }

    /// Forgets `profile`'s record (`profile remove`). Best effort.
    public func forget(_ profile: Profile) {
        _ = try? PosixIO.removeFile(path(for: profile))
    }

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    /// `aa:bb:cc:dd:ee:ff` (hex digits in either case).
    static func isBSSID(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
    }
}
