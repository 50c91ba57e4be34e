import ArgumentParser

/// The root command: a small configuration listing the subcommands, each defined in its own file.
struct Eapolctl: AsyncParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "eapolctl",
        abstract: "Manage 802.1X enterprise network profiles and authenticate through wpa_supplicant.",
        discussion: """
            Profiles live as readable JSON under the state directory; passwords and client identities live in an \
            encrypted store. Every command accepts --json, --state-dir, --key-file, --version and --help after its \
            name. Failures print a domain, a stable code, a message and a hint; `eapolctl errors` lists them all.

            Examples:
              eapolctl profile create --name Corp --ssid corp --security wpa2 --method peap \\
                  --ca-cert ca.pem --server-name radius.example.org
              echo "$PASSWORD" | eapolctl password set --ssid corp --username alice --password -
              eapolctl profile list --json
            """,
        version: Eapolctl.version,
        groupedSubcommands: [
            CommandGroup(name: "Commands", subcommands: [
                Profile.self, Password.self, Identity.self, Store.self, Auth.self, DHCP.self, Watch.self, WatchWired.self, Onboard.self,
                Errors.self,
            ]),
            CommandGroup(name: "eapolcfg-compatible commands (same names and options as macOS eapolcfg)", subcommands: [
                Eapolcfg.ListProfiles.self, Eapolcfg.ShowProfile.self, Eapolcfg.ExportProfile.self,
                Eapolcfg.ImportProfile.self, Eapolcfg.RemoveProfile.self, Eapolcfg.CreateProfile.self,
                Eapolcfg.SetProfileInformation.self, Eapolcfg.GetProfileInformation.self, Eapolcfg.ClearProfileInformation.self,
                Eapolcfg.SetPasswordItem.self, Eapolcfg.GetPasswordItem.self, Eapolcfg.RemovePasswordItem.self,
                Eapolcfg.SetIdentity.self, Eapolcfg.GetIdentity.self, Eapolcfg.ClearIdentity.self,
                Eapolcfg.StartAuthentication.self, Eapolcfg.StopAuthentication.self, Eapolcfg.GetState.self,
                Eapolcfg.SetSystemProfile.self, Eapolcfg.GetSystemProfile.self, Eapolcfg.ClearSystemProfile.self, Eapolcfg.GetSystemInterfaces.self, Eapolcfg.SetSystemEthernetProfile.self, Eapolcfg.GetSystemEthernetProfile.self, Eapolcfg.ClearSystemEthernetProfile.self,
                Eapolcfg.SetLoginWindowProfiles.self, Eapolcfg.GetLoginWindowProfiles.self, Eapolcfg.ClearLoginWindowProfiles.self, Eapolcfg.GetLoginWindowInterfaces.self,
            ]),
        ]
    )
}

