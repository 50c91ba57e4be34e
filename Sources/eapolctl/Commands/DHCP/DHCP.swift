import ArgumentParser

extension Eapolctl {
    /// `eapolctl dhcp ...`
    struct DHCP: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dhcp",
            abstract: "Obtain or refresh an IPv4 lease with the builtin client or the one managing the interface.",
            subcommands: [Renew.self]
        )
    }
}
