import StructuredErrors
import SupplicantClient

/// `--frequency MHZ[,MHZ...]`: Wi-Fi channel centre frequencies to scan first (2.4, 5 or 6 GHz; checked with
/// ``ChannelFrequency``).
struct FrequencyList: Sendable, Equatable {
    var frequencies: [Int]

    static let help = "Scan these channel frequencies (MHz, comma-separated) first, e.g. 2412,5180; "
        + "default: where the profile last associated. Every channel is scanned when they find nothing."

    /// The parser of `option`, for `@Option(transform:)`.
    static func parser(_ option: String) -> @Sendable (String) throws -> FrequencyList {
        { text in try parse(text, option: option) }
    }

    static func parse(_ text: String, option: String) throws(UsageError) -> FrequencyList {
        switch ChannelFrequency.parseList(text) {
        case .success(let list): return FrequencyList(frequencies: list)
        case .failure(let failure):
            throw UsageError(.invalidArgument, "\(option) \(String(text.prefix(64))): \(failure.message)",
                             hint: "Give 20 MHz channel centre frequencies, e.g. `eapolctl auth start --interface wlan0 "
                                 + "--profile NAME --frequency 2412,5180`.")
        }
    }
}
