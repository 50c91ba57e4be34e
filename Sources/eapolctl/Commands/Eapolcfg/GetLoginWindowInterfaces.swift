import ArgumentParser
import Orchestration
import StateFiles

extension Eapolcfg {
    /// eapolcfg `getLoginWindowInterfaces [--details]`: the interfaces that have login-window profiles.
    struct GetLoginWindowInterfaces: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getLoginWindowInterfaces",
            abstract: "List the interfaces that have login-window profiles (--details: the profiles and the watch unit's state).")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Show each interface's profiles in order and the state of its eapolctl-watch unit.") var details = false

        func run() async throws {
            let context = CommandContext(global)
            let statuses = try await BlockingWork.run { [setup = SystemProfileActions.setup(context)] in try setup.loginWindowInterfaces() }
            let views = statuses.map {
                LoginWindowActions.EntryView($0.entry, context: context, unit: $0.unit, unitState: $0.unitState,
                                             shadowedBySystemProfile: $0.shadowedBySystemProfile)
            }
            context.output.result(["interfaces": views]) {
                views.map { view in
                    guard details else { return view.interface }
                    let profiles = view.profiles.map { "\($0.profileName ?? "(missing profile)") (\($0.profileID))" }.joined(separator: ", ")
                    return [view.interface, profiles,
                            "\(view.unit ?? ""): \(view.unitState ?? "unknown (systemd not available)")"
                                + (view.shadowedBySystemProfile == true ? " (the system profile is used instead)" : "")]
                        .joined(separator: "\t")
                }.joined(separator: "\n")
            }
        }
    }
}
