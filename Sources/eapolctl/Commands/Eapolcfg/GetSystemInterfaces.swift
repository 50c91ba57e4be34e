import ArgumentParser
import Orchestration
import StateFiles

extension Eapolcfg {
    /// eapolcfg `getSystemInterfaces [--details]`: the interfaces that have a system profile.
    struct GetSystemInterfaces: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "getSystemInterfaces",
            abstract: "List the interfaces that have a system profile (--details: the profile and the watch unit's state).")

        @OptionGroup var global: GlobalOptions
        @Flag(help: "Show each interface's profile and the state of its eapolctl-watch unit.") var details = false

        func run() async throws {
            let context = CommandContext(global)
            let statuses = try await BlockingWork.run { [setup = SystemProfileActions.setup(context)] in try setup.interfaces() }
            let views = statuses.map {
                SystemProfileActions.EntryView($0.entry, profileName: SystemProfileActions.name(of: $0.entry.profileID, context: context),
                                               unit: $0.unit, unitState: $0.unitState)
            }
            context.output.result(["interfaces": views]) {
                views.map { view in
                    guard details else { return view.interface ?? "" }
                    return [view.interface ?? "", "\(view.profileName ?? "(missing profile)") (\(view.profileID))",
                            "\(view.unit ?? ""): \(view.unitState ?? "unknown (systemd not available)")"].joined(separator: "\t")
                }.joined(separator: "\n")
            }
        }
    }
}
