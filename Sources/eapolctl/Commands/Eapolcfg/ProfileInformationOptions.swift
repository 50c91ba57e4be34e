import ArgumentParser
import ProfileModel

/// What the three eapolcfg profile-information commands share: the profile (`--profileID`, `--SSID`, `--domain`)
/// and `--applicationID`.
struct ProfileInformationOptions: ParsableArguments {
    @OptionGroup var selection: EapolcfgSelection
    @Option(name: [.customLong("applicationID"), .customLong("applicationid")], help: "The application's reverse-DNS ID (com.example.app).")
    var applicationID: String

    func validate() throws {
        try selection.check()
        _ = try ApplicationID(parsing: applicationID)
    }

    var application: ApplicationID { get throws { try ApplicationID(parsing: applicationID) } }
}
