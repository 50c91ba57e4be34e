import ArgumentParser
import Orchestration
import StateFiles

extension Eapolcfg {
    /// eapolcfg `setLoginWindowProfiles --interface IF (--profileID A B ... | --SSID S T ...)`: the profiles IF tries in
    /// order at boot until one authenticates.
    struct SetLoginWindowProfiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "setLoginWindowProfiles",
            abstract: "Set the profiles an interface tries in order at boot until one authenticates (enables eapolctl-watch@IF.service).",
            discussion: """
                Writes STATE/system/login-window/IF.json (1 to 8 profiles, each once; every one must exist) and, where \
                systemd runs, runs `systemctl enable --now eapolctl-watch@IF.service`; without systemd (or with \
                EAPOLCTL_NO_SYSTEMD set) it prints the command to run instead. `eapolctl watch --interface IF \
                --system` then tries the profiles in this order until one authenticates (a machine certificate \
                first, then a user profile, is the usual list), starting again from the first after every link \
                change. A system profile of IF (setSystemProfile) takes precedence over the list. See Docs/watch.md, \
                "Login-window profiles".
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The network interface, e.g. eth0.", valueName: "name")) var interface: String
        @OptionGroup var selection: LoginWindowListOptions

        func validate() throws {
            try SystemProfiles.checkInterface(interface)
            try selection.check()
        }

        func run() async throws {
            let context = CommandContext(global)
            let profiles = try selection.resolve(in: context)
            let (entry, service) = try await BlockingWork.run { [setup = SystemProfileActions.setup(context), interface, ids = profiles.map(\.id)] in
                try setup.setLoginWindow(interface: interface, profileIDs: ids)
            }
            let view = LoginWindowActions.EntryView(entry, context: context)
            context.output.result(LoginWindowActions.SetResult(loginWindowProfiles: view, service: service)) {
                "\(interface): login-window profiles, tried in this order:\n" + view.humanLines.joined(separator: "\n")
                    + "\n" + SystemProfileActions.serviceLine(service)
            }
        }
    }
}
