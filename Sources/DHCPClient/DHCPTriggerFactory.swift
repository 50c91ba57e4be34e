public import Foundation
public import Logging

/// Builds the trigger for a backend; the CLI and `watch` use this instead of naming concrete types.
public enum DHCPTriggerFactory {
    /// Returns the trigger for `backend`, or nil for `.none` (no DHCP wanted).
    /// - Parameters:
    ///   - backend: the chosen backend (see `DHCPBackend.detect(interface:)`).
    ///   - stateDirectory: eapolctl's state directory (leases are recorded under it).
    ///   - networkNamespace: run inside this network namespace (`/run/netns/NAME`); nil for the current one.
    ///   - logger: where diagnostics go.
    ///   - scriptPath: a hook script for an external client instead of the system's (ignored by builtin and none).
    public static func make(backend: DHCPBackend, stateDirectory: URL, networkNamespace: String? = nil,
                            scriptPath: String? = nil,
                            logger: Logger = Logger(label: "eapolctl.dhcp")) -> (any DHCPTrigger)? {
        switch backend {
        case .none:
            return nil
        case .builtin:
            return BuiltinDHCPClient(configuration: .init(stateDirectory: stateDirectory, networkNamespace: networkNamespace, logger: logger))
        case .dhclient, .dhcpcd, .udhcpc:
            return ExternalDHCPClient(backend: backend, configuration: .init(
                stateDirectory: stateDirectory, networkNamespace: networkNamespace, scriptPath: scriptPath, logger: logger))
        }
    }
}
