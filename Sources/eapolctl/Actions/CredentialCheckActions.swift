import ProfileStore
import Provisioning
import Secrets

/// The command-line half of `password check` and `identity check`: the comparison is ``CredentialItems``'; this
/// prints whether it matched (never a secret) and ends with ``CredentialMismatch`` when it did not.
enum CredentialCheckActions {
    struct PasswordCheckView: Encodable {
        let matches: Bool
        let key: CredentialKeyView
        let username: String
    }

    struct IdentityCheckView: Encodable {
        let matches: Bool
        let key: CredentialKeyView
        let kind: String
        /// The stored certificate's fingerprint (PEM identities; a certificate is public).
        let fingerprint: String?
    }

    static func checkPassword(target: ProfileTarget, candidate: SecretBytes, context: CommandContext) throws {
        let check = try context.credentialItems.checkPassword(target, candidate: candidate)
        context.output.result(PasswordCheckView(matches: check.matches, key: check.key.view, username: check.username)) {
            "The password of \(check.key) (user \(check.username)) " + (check.matches ? "matches" : "does not match")
        }
        if !check.matches { throw CredentialMismatch() }
    }

    static func checkIdentity(target: ProfileTarget, expected: IdentityExpectation, context: CommandContext) throws {
        let check = try context.credentialItems.checkIdentity(target, expected: expected)
        context.output.result(IdentityCheckView(matches: check.matches, key: check.key.view, kind: check.kind.rawValue,
                                                fingerprint: check.storedFingerprint)) {
            "The \(check.kind.rawValue) identity of \(check.key) " + (check.matches ? "matches" : "does not match")
        }
        if !check.matches { throw CredentialMismatch() }
    }
}

/// Ends `password check` / `identity check` with ``exitStatus`` after the result was printed: a credential that
/// differs is an answer, not an error, so nothing goes to stderr.
struct CredentialMismatch: Error {
    /// Not one of the domains' statuses (64…72, Docs/errors.md), as `cmp` and `diff` use 1 for "different".
    static let exitStatus: Int32 = 1
}
