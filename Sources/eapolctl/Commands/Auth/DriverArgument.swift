import StructuredErrors
import SupplicantClient

/// `--driver wired|nl80211` (any case), checked when the command line is parsed (`@Option(transform:
/// DriverArgument.parse)`); `usage.invalid-argument` otherwise.
enum DriverArgument {
    static let help = "wpa_supplicant driver when creating the interface: wired or nl80211."

    @Sendable static func parse(_ text: String) throws -> InterfaceDriver {
        guard let driver = InterfaceDriver(rawValue: text.lowercased()) else {
            throw UsageError(.invalidArgument, "--driver \(text): use wired or nl80211")
        }
        return driver
    }
}
