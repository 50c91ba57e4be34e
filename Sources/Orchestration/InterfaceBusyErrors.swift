import NetworkManagerClient
import StructuredErrors
import SupplicantClient

/// The `supplicant.interface-busy` errors of ``InterfaceClaim``, each naming the other manager, what it said, and the
/// exact way out.
enum InterfaceBusyErrors {
    /// NetworkManager manages the interface.
    static func managed(_ device: NetworkManagerDevice, owner: NetworkManagerPeer, profile: String?) -> SupplicantError {
        let name = device.interfaceName
        let ref = profile ?? "PROFILE"  // the keyfile's uuid is the profile ID, lower case
        let pid = owner.pid.map { ", pid \($0)" } ?? ""
        var details: [String: ErrorDetail] = [
            "interface": .string(name), "manager": "NetworkManager", "device": .string(device.path),
            "state": .string(device.state.name), "stateCode": .int(Int(device.state.rawValue)),
            "owner": .string(owner.uniqueName),
        ]
        if let p = owner.pid { details["pid"] = .int(Int(p)) }
        return SupplicantError(
            .interfaceBusy,
            "NetworkManager\(pid) manages \(name) (device \(device.path), state \(device.state.name), \(device.state.rawValue)): "
                + "eapolctl would share the interface and its wpa_supplicant with it, and each would undo the other's network",
            hint: "Give \(name) to eapolctl: `nmcli device set \(name) managed no`, or run the command again with --take-over "
                + "(the same through NetworkManager's D-Bus API; neither lasts past a NetworkManager restart). Or let "
                + "NetworkManager run 802.1X with the profile: `eapolctl profile export \(ref) --format networkmanager "
                + "--include-secrets --output eapolctl.nmconnection`, then `install -m 0600 eapolctl.nmconnection "
                + "/etc/NetworkManager/system-connections/`, `nmcli connection load /etc/NetworkManager/system-connections/eapolctl.nmconnection` "
                + "and `nmcli connection up uuid \(profile?.lowercased() ?? "ID")`.",
            details: details)
    }

    /// NetworkManager owns its name but gave no answer.
    static func silent(interface: String, owner: NetworkManagerPeer?, reason: String) -> SupplicantError {
        var details: [String: ErrorDetail] = ["interface": .string(interface), "manager": "NetworkManager",
                                              "reason": .string(reason)]
        if let owner { details["owner"] = .string(owner.uniqueName) }
        if let p = owner?.pid { details["pid"] = .int(Int(p)) }
        return SupplicantError(
            .interfaceBusy,
            "NetworkManager is on the bus but did not say whether it manages \(interface) (\(reason)): eapolctl does not "
                + "share an interface NetworkManager may manage",
            hint: "Check it with `nmcli device status`; if NetworkManager must leave \(interface) alone, "
                + "`nmcli device set \(interface) managed no`, or run the command again with --take-over.",
            details: details)
    }

    /// wpa_supplicant's interface holds networks eapolctl did not add.
    static func foreignNetworks(_ count: Int, interface: String) -> SupplicantError {
        SupplicantError(
            .interfaceBusy,
            "wpa_supplicant's interface \(interface) holds \(count) network\(count == 1 ? "" : "s") eapolctl did not add "
                + "(another program configures it: NetworkManager, wpa_supplicant.conf, wpa_cli, connman): eapolctl's "
                + "network would compete with \(count == 1 ? "it" : "them")",
            hint: "List them with `wpa_cli -i \(interface) list_networks`; stop the program that configures \(interface), "
                + "or run the command again with --take-over (eapolctl's network is selected, which disables the others; "
                + "they stay configured).",
            details: ["interface": .string(interface), "manager": "wpa_supplicant", "foreignNetworks": .int(count)])
    }

    /// The warning for an owner of NetworkManager's name that eapolctl does not believe.
    static func untrustedNetworkManager(_ peer: NetworkManagerPeer, interface: String) -> String {
        let pid = peer.pid.map { "pid \($0)" } ?? "unknown pid"
        return "\(NetworkManagerNames.service) is owned by \(peer.uniqueName), a process of uid \(peer.uid) (\(pid)), "
            + "not NetworkManager run by root: its answer about \(interface) is not asked for; eapolctl goes on as if "
            + "NetworkManager were not running"
    }
}
