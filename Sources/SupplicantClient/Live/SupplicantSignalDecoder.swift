public import DBusKit

/// Turns wpa_supplicant's interface signals into ``AuthenticationEvent``s; pure, so tests can feed recorded signals.
public enum SupplicantSignalDecoder {
    /// The match rule of everything an authentication watches on `interfacePath`: one rule for every signal of the
    /// interface object (EAP, Certification, NetworkRequest, PropertiesChanged, …), so they arrive in the order
    /// wpa_supplicant sent them (separate rules would be separate streams, and could interleave differently).
    /// `sender` is the verified owner's unique name; with the well-known name, DBusKit passes whoever owns it.
    public static func matchRule(interfacePath: String, sender: String = SupplicantNames.service) -> MatchRule {
        MatchRule(sender: sender, path: interfacePath)
    }

    /// The events one signal carries (empty for signals of no interest).
    public static func events(from signal: DBusSignal) -> [AuthenticationEvent] {
        let args = signal.arguments
        switch (signal.interface, signal.member) {
        case (SupplicantNames.interface, "EAP"):
            guard args.count >= 2, let status = args[0].stringValue, let parameter = args[1].stringValue else { return [] }
            return [.eapStatus(EAPStatus(rawValue: status), parameter)]
        case (SupplicantNames.interface, "Certification"):
            guard let dict = args.first?.dictionaryValue else { return [] }
            let depth = Int(dict["depth"]?.int64Value ?? 0)
            return [.certification(depth: depth, subject: dict["subject"]?.stringValue ?? "",
                                   altSubjects: dict["altsubject"]?.stringArrayValue ?? [],
                                   certHashHex: dict["cert_hash"]?.stringValue ?? "",
                                   der: dict["cert"]?.bytesValue ?? [])]
        case (SupplicantNames.interface, "NetworkRequest"):
            guard args.count >= 3, let field = args[1].stringValue else { return [] }
            return [.networkRequest(field: field, text: args[2].stringValue ?? "")]
        case (SupplicantNames.interface, "ScanDone"):
            guard let success = args.first?.boolValue else { return [] }
            return [.scanDone(success: success)]
        case (SupplicantNames.properties, "PropertiesChanged"):
            guard args.count >= 2, args[0].stringValue == SupplicantNames.interface,
                  let changed = args[1].dictionaryValue else { return [] }
            return propertyEvents(changed)
        default:
            return []
        }
    }

    /// Events for changed interface properties: the auth mode first, so a `completed` state finds it.
    public static func propertyEvents(_ changed: [String: DBusValue]) -> [AuthenticationEvent] {
        var out: [AuthenticationEvent] = []
        if let mode = changed["CurrentAuthMode"]?.stringValue { out.append(.currentAuthMode(mode)) }
        if let state = changed["State"]?.stringValue { out.append(.stateChanged(SupplicantState(rawValue: state))) }
        if let bss = changed["CurrentBSS"]?.objectPathValue { out.append(.currentBSS(bss == "/" ? nil : bss)) }
        return out
    }
}
