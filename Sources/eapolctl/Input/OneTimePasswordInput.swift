#if canImport(Glibc)
import Glibc
#endif
import Orchestration
import ProfileModel
import Secrets
import StructuredErrors

/// The password of a one-time-password profile for one `auth start` / `startAuthentication`: read from standard
/// input (`--password-stdin`) or typed on the terminal (echo off), never from argv or a file, never stored.
enum OneTimePasswordInput {
    /// - Returns: nil for a profile that does not use one-time passwords (its password comes from the store).
    /// - Throws: `usage.invalid-argument` for `--password-stdin` with such a profile; `eap.credentials-missing`
    ///   (naming `--password-stdin`) when the profile needs a one-time password, `--password-stdin` is not given
    ///   and standard input is not a terminal to prompt on: at once, before anything is connected.
    static func read(for profile: Profile, passwordStdin: Bool) throws -> SecretBytes? {
        guard profile.eap.oneTimePassword, profile.eap.outer.usesPassword else {
            if passwordStdin {
                throw UsageError(.invalidArgument,
                                 "--password-stdin: profile '\(profile.name)' does not use one-time passwords (its password comes from the store)",
                                 hint: "Store its password with `eapolctl password set --profile \(profile.id) --username NAME`, or make "
                                     + "it one-time: `eapolctl profile edit \(profile.id) --one-time-password`.",
                                 details: ["profile": .string(profile.id.description), "option": "--password-stdin"])
            }
            return nil
        }
        // The username is checked before a password is asked for.
        if profile.eap.username?.isEmpty ?? true {
            _ = try Authenticator.oneTimeCredentials(for: profile, password: nil)
        }
        let secret: SecretBytes?
        if passwordStdin {
            secret = try SecretInput.fromStandardInput(what: "--password-stdin")
        } else if isatty(STDIN_FILENO) == 1 {
            secret = try SecretInput.promptTerminal("One-time password for \(profile.eap.username ?? "") (\(profile.name)): ")
        } else {
            secret = nil
        }
        // Throws credentials-missing naming --password-stdin when nothing (or nothing but a newline) was given.
        _ = try Authenticator.oneTimeCredentials(for: profile, password: secret)
        return secret
    }
}
