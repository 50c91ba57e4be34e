import ArgumentParser
import Orchestration
import StateFiles

extension Eapolcfg {
    /// eapolcfg `getLoginWindowProfiles --interface IF`: the list, in the order it is tried.
    struct GetLoginWindowProfiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getLoginWindowProfiles",
            abstract: "Show the login-window profiles of an interface, in the order they are tried.")

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The network interface, e.g. eth0.", valueName: "name")) var interface: String

        func validate() throws { try SystemProfiles.checkInterface(interface) }

        func run() async throws {
            let context = CommandContext(global)
            guard let entry = try LoginWindowProfiles(stateDirectory: context.paths.stateDirectory).get(interface: interface) else {
                throw LoginWindowActions.noList(interface)
            }
            let view = LoginWindowActions.EntryView(entry, context: context)
            context.output.result(["loginWindowProfiles": view]) { view.humanLines.joined(separator: "\n") }
        }
    }

    /// eapolcfg `clearLoginWindowProfiles --interface IF`: removes the list and disables the watch unit (unless IF's
    /// system profile still needs it).
    struct ClearLoginWindowProfiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "clearLoginWindowProfiles",
            abstract: "Remove the login-window profiles of an interface (disables eapolctl-watch@IF.service unless a system profile needs it).",
            discussion: """
                Removes STATE/system/login-window/IF.json and, where systemd runs, runs `systemctl disable --now \
                eapolctl-watch@IF.service`, unless IF has a system profile (setSystemProfile), which the unit then \
                keeps serving. Without systemd it prints the command to run instead.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The network interface, e.g. eth0.", valueName: "name")) var interface: String

        func validate() throws { try SystemProfiles.checkInterface(interface) }

        func run() async throws {
            let context = CommandContext(global)
            let (removed, service) = try await BlockingWork.run { [setup = SystemProfileActions.setup(context), interface] in
                try setup.clearLoginWindow(interface: interface)
            }
            let view = removed.map { LoginWindowActions.EntryView($0, context: context) }
            context.output.result(LoginWindowActions.ClearResult(interface: interface, removed: view, service: service)) {
                (removed == nil ? "\(interface) had no login-window profiles" : "\(interface): login-window profiles removed")
                    + "\n" + SystemProfileActions.serviceLine(service)
            }
        }
    }
}
