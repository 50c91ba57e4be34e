import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `showProfile (--profileID ID | --SSID SSID)`; `--details` (eapolctl's) adds what applications keep
    /// in the profile (setProfileInformation).
    struct ShowProfile: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "showProfile", abstract: "Show a profile (eapolcfg form of `profile show`).")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var selection: EapolcfgSelection
        @Flag(name: .customLong("details"), help: "Also print the applications' information (setProfileInformation).")
        var details = false

        func validate() throws { try selection.check() }

        func run() async throws {
            let context = CommandContext(global)
            let profile = try selection.lookup.resolve(in: context.profiles)
            guard details else { return ProfileActions.show(profile, context: context) }
            context.output.result(["profile": ProfileActions.ProfileView(profile)]) {
                profile.rendered() + ProfileInformationActions.rendered(profile.information)
            }
        }
    }
}
