/// An input of ``AuthenticationTracker``: a wpa_supplicant signal or something the caller observed.
public enum AuthenticationEvent: Sendable, Equatable {
    /// The `EAP(status, parameter)` signal.
    case eapStatus(EAPStatus, String)
    /// One `Certification` signal.
    case certification(depth: Int, subject: String, altSubjects: [String], certHashHex: String, der: [UInt8])
    /// The interface `State` property changed.
    case stateChanged(SupplicantState)
    /// The interface `CurrentAuthMode` property changed.
    case currentAuthMode(String)
    /// A `NetworkRequest(network, field, text)` signal.
    case networkRequest(field: String, text: String)
    /// The caller answered a request with `NetworkReply`.
    case networkRequestAnswered(field: String)
    /// The caller cannot answer a request; `storeKey` names the credential-store item it looked for.
    case networkRequestDeclined(field: String, storeKey: String?)
    /// wpa_supplicant lost its bus name.
    case supplicantVanished
    /// The caller's overall deadline passed.
    case deadlineReached
    /// The caller saw the link (carrier) go down.
    case linkDown
    /// Time passed; the caller sends this at ``AuthenticationTracker/nextWakeup``.
    case tick
    /// The `ScanDone(success)` signal: a scan wpa_supplicant asked for ended (results are processed right after).
    case scanDone(success: Bool)
    /// The interface `CurrentBSS` property changed: the BSS object path, nil when none (`/`).
    case currentBSS(String?)
}
