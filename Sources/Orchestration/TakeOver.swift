public import NetworkManagerClient

/// What `--take-over` took from another manager before eapolctl used an interface (the report's `takeOver`).
public struct TakeOver: Sendable, Equatable {
    /// NetworkManager's device, set unmanaged through its API; nil when NetworkManager did not manage the interface.
    public var networkManager: NetworkManagerRelease?
    /// Networks of others on wpa_supplicant's interface, left configured (selecting eapolctl's disables them).
    public var foreignNetworks: Int

    public init(networkManager: NetworkManagerRelease? = nil, foreignNetworks: Int = 0) {
        self.networkManager = networkManager
        self.foreignNetworks = foreignNetworks
    }

    /// Whether anything was taken.
    public var isEmpty: Bool { networkManager == nil && foreignNetworks == 0 }
}

/// One NetworkManager device made unmanaged (or that NetworkManager did not answer about).
public struct NetworkManagerRelease: Sendable, Equatable {
    /// The device's object path; nil when NetworkManager never answered.
    public var device: String?
    /// The state before (nil when NetworkManager never answered).
    public var previousState: NMDeviceState?
    /// The state read after `Managed` was set to false (`unmanaged` once NetworkManager let go); nil when it did not
    /// answer.
    public var state: NMDeviceState?

    public init(device: String?, previousState: NMDeviceState?, state: NMDeviceState?) {
        self.device = device
        self.previousState = previousState
        self.state = state
    }
}
