public import DBusKit

/// Turns wpa_supplicant's `InterworkingAPAdded` and `InterworkingSelectDone` signals into ``InterworkingEvent``s;
/// pure, so tests and the fuzz target feed it signals of any shape. Anything malformed decodes to nothing.
public enum InterworkingSignalDecoder {
    /// The events one signal carries (empty for other signals and for malformed ones).
    public static func events(from signal: DBusSignal, interfacePath: String) -> [InterworkingEvent] {
        guard signal.interface == SupplicantNames.interface, signal.path == interfacePath else { return [] }
        switch signal.member {
        case "InterworkingSelectDone":
            return signal.arguments.isEmpty ? [.selectDone] : []
        case "InterworkingAPAdded":
            let args = signal.arguments
            guard args.count == 3, let bss = args[0].objectPathValue, let cred = args[1].objectPathValue,
                  isChild(bss, of: interfacePath, part: "BSSs"), isChild(cred, of: interfacePath, part: "Credentials"),
                  let info = args[2].dictionaryValue else { return [] }
            let kind = info["type"]?.stringValue.flatMap(InterworkingMatch.Kind.init(rawValue:)) ?? .unknown
            let excluded = (info["excluded"]?.int64Value ?? 0) != 0
            return [.accessPointMatched(InterworkingMatch(bssPath: bss, credentialPath: cred, kind: kind, excluded: excluded))]
        default:
            return []
        }
    }

    /// Whether `path` is `INTERFACE/PART/N` with N decimal digits.
    static func isChild(_ path: String, of interfacePath: String, part: String) -> Bool {
        let prefix = interfacePath + "/" + part + "/"
        guard path.hasPrefix(prefix) else { return false }
        let tail = path.dropFirst(prefix.count)
        return !tail.isEmpty && tail.count <= 10 && tail.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
