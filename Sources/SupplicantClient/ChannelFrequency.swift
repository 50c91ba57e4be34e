/// Wi-Fi channel centre frequencies (20 MHz channels) that eapolctl accepts as scan hints: what `--frequency` takes
/// and what a remembered association may hold. Anything else is refused, so a hint never asks the driver to scan a
/// frequency that is not a channel.
public enum ChannelFrequency {
    /// The largest number of frequencies one hint may hold (a hint is meant to be short; 2.4 GHz has 14 channels).
    public static let maximumCount = 16

    /// Whether `mhz` is the centre of a 20 MHz channel: 2.4 GHz channels 1–14 (2412–2472 in 5 MHz steps, 2484),
    /// 5 GHz channels 36–64, 100–144 and 149–177 (5180–5885), 6 GHz channels 1–233 (5955–7115, every 4th) and 2 (5935).
    public static func isChannelCentre(_ mhz: Int) -> Bool {
        switch mhz {
        case 2412...2472: return (mhz - 2407) % 5 == 0
        case 2484: return true
        case 5180...5885:
            let channel = (mhz - 5000) / 5
            guard (mhz - 5000) % 5 == 0 else { return false }
            return (36...64).contains(channel) && channel % 4 == 0
                || (100...144).contains(channel) && channel % 4 == 0
                || (149...177).contains(channel) && (channel - 149) % 4 == 0
        case 5935: return true
        case 5955...7115: return (mhz - 5950) % 20 == 5
        default: return false
        }
    }

    /// The band of a channel centre frequency, for messages (`2.4 GHz`, `5 GHz`, `6 GHz`).
    public static func band(of mhz: Int) -> String {
        mhz < 3000 ? "2.4 GHz" : mhz < 5925 ? "5 GHz" : "6 GHz"
    }

    /// Parses `MHZ[,MHZ...]` (as given to `--frequency`): each a channel centre frequency, duplicates dropped, order
    /// kept.
    /// - Returns: the frequencies, or a message naming the first bad item.
    public static func parseList(_ text: String) -> Result<[Int], ParseFailure> {
        var out: [Int] = []
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        for item in items {
            let trimmed = String(item.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
            guard !trimmed.isEmpty, trimmed.count <= 5, trimmed.allSatisfy(\.isASCIIDigit), let mhz = Int(trimmed) else {
                return .failure(ParseFailure(message: "'\(trimmed.prefix(16))' is not a frequency in MHz"))
            }
            guard isChannelCentre(mhz) else {
                return .failure(ParseFailure(message: "\(mhz) MHz is not the centre of a 2.4, 5 or 6 GHz channel"))
            }
            if !out.contains(mhz) { out.append(mhz) }
        }
        guard out.count <= maximumCount else {
            return .failure(ParseFailure(message: "\(out.count) frequencies given; at most \(maximumCount)"))
        }
        return .success(out)
    }

    /// Why a frequency list was refused.
    public struct ParseFailure: Error, Equatable, Sendable {
        public var message: String
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
