import CredentialStore
import ProfileStore
import StructuredErrors

/// Undoes what a transaction wrote so far, newest first, and reports a rollback that failed with the error that
/// caused it.
struct TransactionRollback {
    let profiles: ProfileRepository
    var profileUndo: ProfileUndo?
    var store: CredentialStore?
    var secretUndo: CredentialUndo?

    init(profiles: ProfileRepository) { self.profiles = profiles }

    /// Puts everything back and returns the error to throw: `cause`, or a `SystemError` naming both the cause and
    /// what could not be put back.
    func rollBack(after cause: any Error) -> any Error {
        var failures: [String] = []
        if let store, let secretUndo {
            do { try store.revert(secretUndo) } catch { failures.append("the credential store: \(Self.describe(error))") }
        }
        if let profileUndo {
            do { try profiles.revert(profileUndo) } catch { failures.append("the profiles: \(Self.describe(error))") }
        }
        guard !failures.isEmpty else { return cause }
        return SystemError(.ioFailure, "\(Self.describe(cause)); putting back the earlier state failed too, for "
                               + failures.joined(separator: "; "),
                           hint: "Free the resource named above, then check with `eapolctl profile list` and `eapolctl password list`.",
                           details: ["rollbackFailures": .list(failures)])
    }

    static func describe(_ error: any Error) -> String {
        (error as? any StructuredError)?.message ?? String(describing: error)
    }
}
