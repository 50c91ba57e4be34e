import ArgumentParser
import ProfileModel
import ProfileStore
import StructuredErrors

/// How a command names one profile: by ID or name, or by the SSID it is bound to.
struct ProfileSelection: ParsableArguments {
    @Argument(help: "The profile's ID or name.")
    var profile: String?

    @Option(help: ArgumentHelp("The SSID the profile is bound to (text, or hex:... for any bytes).", valueName: "ssid"))
    var ssid: String?

    func validate() throws {
        try UsageError.requireExactlyOne([profile != nil, ssid != nil], "name exactly one profile: give its ID or name, or --ssid",
                                         hint: "eapolctl profile list shows the profiles' IDs, names and SSIDs.")
    }

    func resolve(in repository: ProfileRepository) throws -> Profile {
        try ProfileLookup(reference: profile, ssid: ssid).resolve(in: repository)
    }
}
