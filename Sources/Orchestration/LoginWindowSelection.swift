public import ProfileModel
import SupplicantClient

/// Which login-window profile `watch` tries next: the list in order, remembering the one that authenticated.
///
/// - A round that begins fresh (watch starting, a link change) tries the profiles from the first: a port that now
///   accepts the machine certificate gets it back even if the user profile was used before.
/// - A round that repeats what was there (wpa_supplicant restarted, a retry) tries the profile that worked first,
///   then the others in list order.
/// - When every profile failed nothing is remembered, so the next round starts from the first again.
public struct LoginWindowSelection: Sendable, Equatable {
    /// Why a round of attempts starts.
    public enum Start: Sendable, Equatable {
        /// watch starts or the link came back: from the first profile.
        case fromFirst
        /// wpa_supplicant came back or a retry: the profile that worked last, then the others.
        case fromWorking
    }

    /// The profiles, first tried first (never empty).
    public let profiles: [Profile]
    /// The index of the profile that authenticated last; nil before any did and after a round where all failed.
    public private(set) var working: Int?

    /// - Precondition: `profiles` is not empty.
    public init(profiles: [Profile]) {
        precondition(!profiles.isEmpty, "a login-window list has at least one profile")
        self.profiles = profiles
    }

    /// The order of the next round, as indexes into ``profiles``.
    public func order(_ start: Start) -> [Int] {
        guard start == .fromWorking, let working else { return Array(profiles.indices) }
        return [working] + profiles.indices.filter { $0 != working }
    }

    /// The round for the reason watch gives (`start`, `link-up`: from the first; anything else: from the working one).
    public static func start(for reason: WatchAuthenticationReason) -> Start {
        switch reason {
        case .start, .linkUp: .fromFirst
        case .alreadyAuthenticated, .stateCompleted, .supplicantReturned, .retry: .fromWorking
        }
    }

    /// The profile at `index` authenticated.
    public mutating func succeeded(_ index: Int) { working = index }

    /// Every profile of a round failed.
    public mutating func exhausted() { working = nil }

    /// The index of the listed profile whose wpa_supplicant network has `idString` (`eapolctl:<ID>`), if any.
    public func index(ofNetworkIDString idString: String?) -> Int? {
        guard let idString else { return nil }
        return profiles.firstIndex { SupplicantNames.idString(profileID: $0.id.description) == idString }
    }

    /// Whether the profile that authenticated is not the first (a link change then starts over from the first).
    public var isOnFallback: Bool { working != 0 }
}
