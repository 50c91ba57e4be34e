import ArgumentParser
import DHCPClient
import Foundation
import StructuredErrors

extension Eapolctl.DHCP {
    /// `eapolctl dhcp renew --interface IF [--dhcp BACKEND] [--timeout S]`
    struct Renew: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "renew",
            abstract: "Obtain or refresh the lease on an interface now.",
            discussion: """
                builtin: INIT-REBOOT with the recorded lease (a fraction of a millisecond on the wire), else \
                DISCOVER; applies address, prefix and default route, records the lease under the state directory. \
                Used alone it says when the lease ends: nothing renews it unless `eapolctl watch` runs. dhclient, \
                dhcpcd, udhcpc: pokes the client managing the interface and waits for the address.
                """)

        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp("The network interface, e.g. eth0.", valueName: "name")) var interface: String
        @Option(help: ArgumentHelp(helpText(DHCPBackendChoice.help, default: DHCPChoice.auto), valueName: "backend"),
                transform: DHCPChoice.parse)
        var dhcp: DHCPChoice = .auto
        @Option(help: ArgumentHelp(helpText("Give up after this many seconds.", default: Seconds(15)), valueName: "seconds"),
                transform: Seconds.parser("--timeout", maximum: 600))
        var timeout = Seconds(15)
        @Option(help: ArgumentHelp(DHCPBackendChoice.scriptHelp, valueName: "path")) var dhcpScript: String?

        func run() async throws {
            let context = CommandContext(global)
            let budget = timeout.duration
            let backend = dhcp.resolve(interface: interface)
            guard let trigger = try DHCPBackendChoice.trigger(backend, stateDirectory: context.paths.stateDirectory, script: dhcpScript) else {
                throw UsageError(.invalidArgument, "--dhcp none: dhcp renew needs a backend",
                                 hint: "Use --dhcp auto, builtin, dhclient, dhcpcd or udhcpc.")
            }
            let result = try await trigger.renew(interface: interface, timeout: budget)
            let view = DHCPResultView(result: result, authenticatedToBoundMs: nil)
            context.output.result(DHCPRenewEnvelope(dhcp: view)) { view.human.joined(separator: "\n") }
        }
    }
}
