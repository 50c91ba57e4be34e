import ArgumentParser
import Orchestration
import StructuredErrors
import SupplicantClient

extension Eapolctl.Auth {
    /// `eapolctl auth roam --interface IF --bssid BSSID`
    struct Roam: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "roam",
            abstract: "Ask wpa_supplicant to roam an interface to another access point of its network.",
            discussion: """
                Calls wpa_supplicant's Roam on the interface and waits until it is completed on BSSID (which must be \
                in its scan results, with the same SSID). The network is not changed, so the roam can use FT or a \
                cached PMKSA (profile --roaming). A running `eapolctl watch` reports it as `roamed` and runs DHCP.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var connection: AuthConnectionOptions
        @Option(help: ArgumentHelp("The access point to roam to, aa:bb:cc:dd:ee:ff.", valueName: "bssid"))
        var bssid: String
        @Option(help: ArgumentHelp(helpText("Give up after this many seconds.", default: Seconds(15)), valueName: "seconds"),
                transform: Seconds.parser("--timeout", maximum: 300))
        var timeout = Seconds(15)

        func validate() throws {
            guard RoamRequest.isBSSID(bssid) else {
                throw UsageError(.invalidArgument, "--bssid \(String(bssid.prefix(32))): give six hex octets, aa:bb:cc:dd:ee:ff",
                                 hint: "For example `eapolctl auth roam --interface wlan0 --bssid 02:00:00:00:02:00`.")
            }
        }

        func run() async throws {
            try await AuthActions.roam(interface: connection.interface, bssid: bssid, timeout: timeout.duration,
                                       bus: connection.bus, context: CommandContext(global))
        }
    }
}

/// `{"roamed": {...}}` of `auth roam`.
struct AuthRoamEnvelope: Encodable {
    struct Roamed: Encodable {
        let interface: String
        let from: String?
        let to: String
        /// `full`, `pmksa` or `ft`; absent when the interface already was on the access point.
        let kind: String?
        let elapsedMs: Double
    }
    let roamed: Roamed
}
