/// Why a remembered association (``AssociationMemory``) was not used as a scan hint: the `scan-hint-ignored` event's
/// `reason` (``code``, stable) and its text (``description``).
public enum AssociationRefusal: Sendable, Equatable, CustomStringConvertible {
    /// The file holds more than the bound read of it (a planted huge file, an endless device).
    case tooLarge(limit: Int)
    /// It could not be read (the error's text).
    case unreadable(String)
    /// It is not a record's JSON.
    case notARecord
    /// It was recorded for another SSID (the profile was edited since).
    case otherSSID
    /// No frequency, too many, or one that is not a channel centre.
    case frequenciesOutOfRange
    /// A BSSID that is not `aa:bb:cc:dd:ee:ff`, or too many.
    case malformedBSSID
    /// Its time lies more than a day ahead.
    case recordedInTheFuture
    /// It is older than 30 days.
    case tooOld

    /// Stable, for JSON.
    public var code: String {
        switch self {
        case .tooLarge: "too-large"
        case .unreadable: "unreadable"
        case .notARecord: "not-a-record"
        case .otherSSID: "other-ssid"
        case .frequenciesOutOfRange: "frequencies-out-of-range"
        case .malformedBSSID: "malformed-bssid"
        case .recordedInTheFuture: "recorded-in-the-future"
        case .tooOld: "too-old"
        }
    }

    public var description: String {
        switch self {
        case .tooLarge(let limit): "larger than \(limit) bytes"
        case .unreadable(let error): "unreadable: \(error)"
        case .notARecord: "not a record"
        case .otherSSID: "recorded for another SSID"
        case .frequenciesOutOfRange: "frequencies out of range"
        case .malformedBSSID: "malformed BSSID"
        case .recordedInTheFuture: "recorded in the future"
        case .tooOld: "older than 30 days"
        }
    }
}
