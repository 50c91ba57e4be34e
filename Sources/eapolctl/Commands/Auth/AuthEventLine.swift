import Orchestration

/// `{"event":"<name>","elapsedMs":…, …fields}`: one JSON line per progress event of `auth start`.
struct AuthEventLine: Encodable {
    let update: AuthenticationUpdate

    private typealias Key = DynamicCodingKey

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(update.name, forKey: Key("event"))
        try c.encode(update.elapsed.milliseconds, forKey: Key("elapsedMs"))
        for (k, v) in update.fields where k != "event" && k != "elapsedMs" { try c.encode(v, forKey: Key(k)) }
    }

    /// The terminal line, or nil for events only JSON shows.
    var human: String? {
        let ms = String(format: "%8.1f ms", update.elapsed.milliseconds)
        let f = update.fields
        let text: String? = switch update.name {
        case "supplicant":
            "wpa_supplicant \(f["owner"] ?? "") (uid \(f["uid"] ?? "?"), pid \(f["pid"] ?? "?")) on \(f["bus"] ?? "")"
                + (f["busSource"] == "system" ? "" : " (from \(f["busSource"] ?? ""))")
        case "outcome-confirmed": "confirmed by wpa_supplicant: \(f["state"] ?? ""), \(f["authMode"] ?? "")"
        case "interface-ready": "interface \(f["interface"] ?? "") ready (\(f["created"] == "true" ? "created" : "existing"), driver \(f["driver"] ?? ""))"
        case "port-use":
            "Wi-Fi profile '\(f["profile"] ?? "")' (SSID \(f["ssid"] ?? "")) on wired port \(f["interface"] ?? ""): "
                + "using its EAP settings only (key_mgmt IEEE8021X)"
        case "quiet-period":
            "no answer to \(f["unanswered"] ?? "?") EAPOL-Starts: the authenticator is likely holding the port after the "
                + "failure \(Self.seconds(f["failureAgeMs"])) ago (802.1X quiet period); still trying until the deadline"
        case "open-port":
            "no 802.1X authenticator on \(f["interface"] ?? ""): port open, NOT authenticated (--accept-open-port)"
        case "network-selected": "network selected, trusting \(f["anchor"] ?? "")"
        case "eapol-start": f["result"] == "sent" ? "EAPOL-Start sent" : nil
        case "eap-started": "EAP started"
        case "method-accepted": "method \(f["method"] ?? "") accepted"
        case "method-refused": "method \(f["method"] ?? "") refused"
        case "server-certificate": "server certificate depth \(f["depth"] ?? ""): \(f["subject"] ?? "") SHA-256 \(f["sha256"] ?? "")"
        case "certificate-verified": "server certificate verified"
        case "certificate-not-validated": "INSECURE: server certificate NOT validated"
        case "verification-failed": "server certificate verification failed: \(f["reason"] ?? "")"
        case "tls-alert": "TLS alert (\(f["origin"] ?? "")): \(f["description"] ?? "")"
        case "parameter-needed": "supplicant asks for \(f["field"] ?? "")"
        case "eap-completed": "EAP completed: \(f["result"] ?? "")"
        case "authentication-restarted": "authentication restarted (state \(f["state"] ?? ""))"
        case "authenticated": "authenticated (\(f["authMode"] ?? ""))"
        case "ca-retry": "retrying with \(f["anchor"] ?? "")"
        case "warning": "warning: \(f["message"] ?? "")"
        case "dhcp-started": "DHCP (\(f["backend"] ?? ""))"
        case "dhcp-bound": "address \(f["address"] ?? "")/\(f["prefixLength"] ?? "") bound (\(f["exchange"] ?? ""), \(f["authenticatedToBoundMs"] ?? "") ms after authentication)"
        default: nil
        }
        return text.map { "\(ms)  \($0)" }
    }

    /// "4.2 s" from a millisecond field.
    private static func seconds(_ ms: String?) -> String {
        guard let ms, let value = Double(ms) else { return "?" }
        return String(format: "%.1f s", value / 1000)
    }
}
