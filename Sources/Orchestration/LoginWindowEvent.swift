public import ProfileModel

/// What `watch` reports while it goes through a login-window list (``WatchEvent/Kind/loginWindow(_:)``).
public enum LoginWindowEvent: Sendable, Equatable {
    /// One listed profile, with its place in the list (`position` 1-based, of `count`).
    public struct Try: Sendable, Equatable {
        public var profile: String
        public var profileID: ProfileID
        public var position: Int
        public var count: Int

        public init(profile: String, profileID: ProfileID, position: Int, count: Int) {
            self.profile = profile
            self.profileID = profileID
            self.position = position
            self.count = count
        }
    }

    /// The profile failed; the next one is tried (if any).
    case profileFailed(Try, EventError)
    /// The profile authenticated; it is remembered (tried first after a supplicant restart or a retry; a link change
    /// starts again from the first).
    case profileSelected(Try)
    /// Every profile failed (each with its error, in list order); the list is tried again from the first after
    /// `retryIn`.
    case exhausted(failures: [Failure], retryIn: Duration)

    /// One profile's failure in an exhausted round.
    public struct Failure: Sendable, Equatable {
        public var attempt: Try
        public var error: EventError

        public init(_ attempt: Try, _ error: EventError) {
            self.attempt = attempt
            self.error = error
        }
    }

    /// The event's stable kebab-case name.
    public var name: String {
        switch self {
        case .profileFailed: "login-window-profile-failed"
        case .profileSelected: "login-window-profile-selected"
        case .exhausted: "login-window-exhausted"
        }
    }
}
