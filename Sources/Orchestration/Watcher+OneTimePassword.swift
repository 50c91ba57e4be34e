public import ProfileModel
import StructuredErrors

extension Watcher {
    /// `watch` re-authenticates on its own (after every link change or supplicant restart): a one-time-password
    /// profile (``EAPSettings/oneTimePassword``) has no password it could use then, so it is refused before anything
    /// starts. `usage.invalid-argument`, details `profile`, `oneTimePassword: true`.
    public static func checkUnattended(_ profile: Profile?) throws {
        guard let profile, profile.eap.oneTimePassword, profile.eap.outer.usesPassword else { return }
        throw UsageError(.invalidArgument,
                         "watch cannot use profile '\(profile.name)': it uses one-time passwords, and watch re-authenticates "
                             + "unattended (after every link change or supplicant restart) with no one to type the next password",
                         hint: "Authenticate once with `eapolctl auth start --interface IF --profile \(profile.id)` (it asks for the "
                             + "password), or stop using one-time passwords: `eapolctl profile edit \(profile.id) --no-one-time-password`.",
                         details: ["profile": .string(profile.id.description), "oneTimePassword": .bool(true)])
    }
}
