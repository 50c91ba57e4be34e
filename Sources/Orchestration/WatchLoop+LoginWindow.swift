import Foundation
import ProfileModel
import SupplicantClient

/// watch with a login-window list: the profiles are tried in order until one authenticates (``LoginWindowSelection``
/// says from where), each failure reported; when all fail, the failures are reported together and the round is
/// tried again after `retryDelay`.
extension WatchLoop {
    /// A round over the list (watch's `authenticate` when the options carry fallback profiles). Returns normally
    /// when every profile failed: the failures are events and a retry is scheduled, so watch keeps running.
    func authenticateInOrder(reason: WatchAuthenticationReason) async {
        guard var selection = loginWindow else { return }
        var failures: [LoginWindowEvent.Failure] = []
        for index in selection.order(LoginWindowSelection.start(for: reason)) {
            let profile = selection.profiles[index]
            let attempt = LoginWindowEvent.Try(profile: profile.name, profileID: profile.id, position: index + 1,
                                               count: selection.profiles.count)
            do {
                try await authenticateOne(profile, reason: reason)
                selection.succeeded(index)
                loginWindow = selection
                emit(.loginWindow(.profileSelected(attempt)))
                return
            } catch {
                let failure = EventError(error)
                failures.append(.init(attempt, failure))
                emit(.loginWindow(.profileFailed(attempt, failure)))
                // The supplicant went away mid-round: its return starts a new round.
                if !present { break }
            }
        }
        selection.exhausted()
        loginWindow = selection
        emit(.loginWindow(.exhausted(failures: failures.sorted { $0.attempt.position < $1.attempt.position },
                                     retryIn: w.options.retryDelay)))
        later(w.options.retryDelay, .retry)
    }

    /// Whether the network with `idString` belongs to the list; remembers which profile holds it.
    func loginWindowHolds(idString: String?) -> Bool {
        guard var selection = loginWindow, let index = selection.index(ofNetworkIDString: idString) else { return false }
        if selection.working != index {
            selection.succeeded(index)
            loginWindow = selection
        }
        return true
    }

    /// After a link-up: when the profile in use is not the list's first, a fresh round from the first (instead of
    /// Reassociate on the fallback's network). Returns whether it ran.
    func restartLoginWindowAfterLinkUp() async -> Bool {
        guard present, let selection = loginWindow, selection.profiles.count > 1, selection.isOnFallback else { return false }
        emit(.reauthenticating(reason: .linkUp))
        reauthPending = false
        await authenticateInOrder(reason: .linkUp)
        return true
    }
}
