import ArgumentParser

extension Eapolcfg {
    /// eapolcfg `setProfileInformation --applicationID A --information PLIST (--profileID | --SSID | --domain)`:
    /// keeps an application's own dictionary in the profile, replacing what that application kept.
    struct SetProfileInformation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setProfileInformation",
            abstract: "Keep an application's own data (a plist dictionary) in a profile.",
            discussion: """
                The plist's top level must be a dictionary (XML or binary, up to 64 KiB kept per application). It is \
                stored with its types (integer, real, date, data, ...), shown by `showProfile --details` and \
                exported under Information in the eapolcfg plist.

                Example:
                  eapolctl setProfileInformation --SSID corp --applicationID com.example.vpn --information info.plist
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var options: ProfileInformationOptions
        @Option(name: .customLong("information"), help: "The plist file whose dictionary to keep.") var information: String

        func run() async throws {
            try ProfileInformationActions.set(lookup: options.selection.lookup, application: options.application,
                                              file: information, context: CommandContext(global))
        }
    }
}
