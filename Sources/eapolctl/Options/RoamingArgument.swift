import ProfileModel
import StructuredErrors

/// `--roaming auto|ft|okc|none` of `profile create` and `profile edit`.
enum RoamingArgument {
    static let help = "Fast roaming between access points of the SSID: auto (FT-EAP when the AP offers 802.11r, "
        + "else OKC), ft, okc, none (default: none)."

    static func parse(_ text: String) throws(UsageError) -> RoamingMode {
        guard let mode = RoamingMode(rawValue: text.lowercased()) else {
            throw UsageError(.invalidArgument, "--roaming \(String(text.prefix(32))): not one of auto, ft, okc, none",
                             hint: "For example `eapolctl profile edit NAME --roaming auto`.")
        }
        return mode
    }
}
