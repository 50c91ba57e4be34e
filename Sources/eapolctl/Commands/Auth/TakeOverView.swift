import Orchestration

/// The `takeOver` object of `auth start`'s result: what `--take-over` took (absent when nothing was).
struct TakeOverView: Encodable, Equatable {
    struct NetworkManager: Encodable, Equatable {
        /// The device's object path (null when NetworkManager never answered).
        let device: String?
        /// Its state before, nmcli's name (`disconnected`, `activated`, …).
        let previousState: String?
        /// Its state after `Managed` was set to false (`unmanaged` once NetworkManager let go; null: no answer).
        let state: String?
    }
    /// NetworkManager's device set unmanaged (null when NetworkManager did not manage the interface).
    let networkManager: NetworkManager?
    /// Networks of others left on wpa_supplicant's interface (disabled by eapolctl's select).
    let foreignNetworks: Int

    init(_ t: TakeOver) {
        networkManager = t.networkManager.map {
            NetworkManager(device: $0.device, previousState: $0.previousState?.name, state: $0.state?.name)
        }
        foreignNetworks = t.foreignNetworks
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(networkManager, forKey: .networkManager)
        try c.encode(foreignNetworks, forKey: .foreignNetworks)
    }
    enum CodingKeys: String, CodingKey { case networkManager, foreignNetworks }

    /// The terminal line.
    var human: String {
        var parts: [String] = []
        if let nm = networkManager {
            parts.append(nm.device == nil ? "NetworkManager did not answer; interface used regardless"
                         : "NetworkManager's device set unmanaged (\(nm.previousState ?? "?") → \(nm.state ?? "no answer"))")
        }
        if foreignNetworks > 0 { parts.append("\(foreignNetworks) network(s) of others kept, disabled") }
        return "taken over: " + parts.joined(separator: "; ")
    }
}
