import Foundation
import StateFiles
import StructuredErrors

/// `STATE/ports/<interface>`: when the last EAP failure on each port happened, as CLOCK_BOOTTIME seconds (no secret,
/// nothing from the network). After a failure the authenticator holds the port in its quiet period and ignores
/// EAPOL-Starts; the next run reads the age of that failure so it neither mistakes the silence for a port without
/// 802.1X nor leaves the user guessing why it waits.
public struct PortHistory: Sendable {
    /// The directory holding one file per interface.
    public let directory: String
    private let now: @Sendable () -> Duration

    /// - Parameters:
    ///   - stateDirectory: eapolctl's state directory; the history lives in its `ports` subdirectory.
    ///   - now: the clock (CLOCK_BOOTTIME: keeps counting through suspend, restarts at boot like the port itself).
    public init(stateDirectory: String, now: @escaping @Sendable () -> Duration = PortHistory.bootTime) {
        directory = stateDirectory + "/ports"
        self.now = now
    }

    /// CLOCK_BOOTTIME.
    public static let bootTime: @Sendable () -> Duration = {
        var ts = timespec()
        clock_gettime(CLOCK_BOOTTIME, &ts)
        return .seconds(ts.tv_sec) + .nanoseconds(ts.tv_nsec)
    }

    /// A kernel interface name that is safe as a file name (IFNAMSIZ, no `/`, no leading dot); nil otherwise.
    static func fileName(_ interface: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.:@")
        guard (1...15).contains(interface.utf8.count), !interface.hasPrefix("."),
              interface.allSatisfy({ allowed.contains($0) }) else { return nil }
        return interface
    }

    /// How long ago the last EAP failure on `interface` was; nil when none is recorded, the record is unreadable, or
    /// it is from before this boot.
    public func lastFailureAge(interface: String) -> Duration? {
        guard let name = Self.fileName(interface),
              let bytes = try? PosixIO.readFileIfPresent(directory + "/" + name),
              let seconds = Double(String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
              seconds.isFinite, seconds >= 0 else { return nil }
        let age = now() - .milliseconds(Int64(seconds * 1000))
        return age >= .zero ? age : nil
    }

    /// Records an EAP failure on `interface` now. Best effort for the caller: a read-only state directory must not
    /// turn the report of a failure into another failure.
    public func recordFailure(interface: String) throws {
        guard let name = Self.fileName(interface) else { return }
        let t = now()
        let seconds = t.seconds
        try SecureDirectory.ensure(directory)
        try AtomicFile.write(Array(String(format: "%.3f\n", seconds).utf8), to: directory + "/" + name)
    }

    /// Forgets the failure on `interface` (after a success).
    public func clear(interface: String) {
        guard let name = Self.fileName(interface) else { return }
        _ = unlink(directory + "/" + name)
    }
}
