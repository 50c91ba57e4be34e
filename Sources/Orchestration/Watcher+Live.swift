public import CredentialStore

extension Watcher {
    /// The watcher of one interface on the real system, as `watch` and `watch-wired` run it: credentials from
    /// `store`, the link from rtnetlink, DHCP per `dhcp` (the builtin client under a keeper that starts from the
    /// lease recorded in `stateDirectory`).
    /// - Parameters:
    ///   - options: the interface, the profiles and the budgets; its `dhcpTimeout` is replaced by `dhcp.timeout`.
    ///   - unreadableLease: told when the recorded lease cannot be read (the keeper then starts with a fresh
    ///     DISCOVER).
    /// - Throws: `usage.invalid-argument` when the profile or a fallback uses one-time passwords, which nobody is
    ///   there to type (``checkUnattended(_:)``).
    public static func live(supplicant: any ReconnectingSupplicant, store: CredentialStore?, dhcp: DHCPSettings,
                            stateDirectory: String, options: WatchOptions,
                            unreadableLease: (any Error) -> Void) throws -> Watcher {
        try checkUnattended(options.profile)
        for fallback in options.fallbackProfiles { try checkUnattended(fallback) }
        var options = options
        options.dhcpTimeout = dhcp.timeout
        let watchDHCP = WatchDHCP.make(dhcp, interface: options.interfaceName, stateDirectory: stateDirectory,
                                       unreadableLease: unreadableLease)
        return Watcher(supplicant: supplicant, credentials: StoreCredentialProvider(store: store),
                       link: NetlinkLinkMonitor(), dhcp: watchDHCP, options: options)
    }
}
