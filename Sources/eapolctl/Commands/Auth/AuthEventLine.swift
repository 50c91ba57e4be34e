import Foundation
import Orchestration
import SupplicantClient

/// `{"event":"<name>","elapsedMs":…, …fields}`: one JSON line per progress event of `auth start` (and `profile
/// probe`); ``human`` is its terminal line.
struct AuthEventLine: Encodable {
    let update: AuthenticationUpdate

    private typealias Key = DynamicCodingKey

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(update.kind.name, forKey: Key("event"))
        try c.encode(update.elapsed.milliseconds, forKey: Key("elapsedMs"))
        for (k, v) in update.kind.fields where k != "event" && k != "elapsedMs" { try c.encode(v, forKey: Key(k)) }
    }

    /// The terminal line, or nil for events only JSON shows.
    var human: String? {
        let ms = String(format: "%8.1f ms", update.elapsed.milliseconds)
        return Self.text(of: update.kind).map { "\(ms)  \($0)" }
    }

    /// The terminal text of an event, or nil for events only JSON shows.
    static func text(of kind: AuthenticationUpdate.Kind) -> String? {
        switch kind {
        case .supplicant(let peer):
            "wpa_supplicant \(peer.uniqueName) (uid \(peer.uid), pid \(peer.pid.map(String.init) ?? "?")) on \(peer.busAddress)"
                + (peer.busSource == .system ? "" : " (from \(peer.busSource.rawValue))")
        case .outcomeConfirmed(let state, let authMode, _): "confirmed by wpa_supplicant: \(state), \(authMode)"
        case .interfaceReady(let iface):
            "interface \(iface.name) ready (\(iface.created ? "created" : "existing"), driver \(iface.driver.rawValue))"
        case .networkManagerReleased(let interface, let release):
            release.device == nil
                ? "--take-over: NetworkManager did not answer; using \(interface) regardless"
                : "--take-over: NetworkManager told to leave \(interface) alone (device \(release.device ?? ""), "
                    + "\(release.previousState?.name ?? "?") → \(release.state?.name ?? "no answer"))"
        case .foreignNetworksKept(let interface, let count):
            "--take-over: \(count) network(s) of others on \(interface) stay configured, disabled by eapolctl's select"
        case .portUse(_, let interface, let profile, let ssid):
            "Wi-Fi profile '\(profile)' (SSID \(ssid?.displayText ?? "")) on wired port \(interface): "
                + "using its EAP settings only (key_mgmt IEEE8021X)"
        case .quietPeriod(_, let unanswered, let age):
            "no answer to \(unanswered) EAPOL-Starts: the authenticator is likely holding the port after the "
                + "failure \(seconds(AuthenticationUpdate.Kind.wholeMilliseconds(age))) ago (802.1X quiet period); still trying until the deadline"
        case .openPort(let interface):
            "no 802.1X authenticator on \(interface): port open, NOT authenticated (--accept-open-port)"
        case .networkSelected(_, let anchor): "network selected, trusting \(anchor)"
        case .eapolStart(let result, _): result == .sent ? "EAPOL-Start sent" : nil
        case .exchange(let progress): text(of: progress)
        case .probeCertificate(let depth, let subject, let sha256): "server certificate depth \(depth): \(subject) SHA-256 \(sha256)"
        case .caRetry(let anchor, _): "retrying with \(anchor)"
        case .fastPAC(.stored(let use)): "EAP-FAST PAC \(use.rawValue) and stored"
        case .fastPAC(.retryWithNewPAC(let quietPeriod)):
            "the PAC provisioning exchange ended in failure (by design): authenticating again with the new PAC"
                + (quietPeriod ? " once the authenticator's quiet period ends" : "")
        case .warning(let message): "warning: \(message)"
        case .dhcpStarted(let backend, _): "DHCP (\(backend.rawValue))"
        case .dhcpBound(let bound):
            "address \(bound.result.address)/\(bound.result.prefixLength) bound (\(bound.result.exchange.rawValue), "
                + "\(bound.authenticatedToBound.map(DHCPBoundFields.milliseconds) ?? "") ms after authentication)"
        case .scanHint(let hint):
            "scanning \(hint.frequencies.map(String.init).joined(separator: ",")) MHz first (\(hint.source == .given ? "--frequency" : "where the profile last associated"))"
        case .scanHintIgnored(let reason): "remembered association not used (\(reason)): scanning every channel"
        case .scanHintFallback(let reason, let after, _):
            "\(Self.hintFailure(reason)) (after \(seconds(AuthenticationUpdate.Kind.wholeMilliseconds(after)))): scanning every channel"
        case .staleRemoved, .networkReused, .networkReuseFailed, .probeStarted, .probeState, .networkRemoved: nil
        }
    }

    /// The terminal text of one of the tracker's events.
    private static func text(of progress: AuthenticationProgress) -> String? {
        switch progress {
        case .eapStarted: "EAP started"
        case .methodAccepted(let method): "method \(method) accepted"
        case .methodRefused(let method): "method \(method) refused"
        case .serverCertificate(let depth, let subject, let fingerprint, _):
            "server certificate depth \(depth): \(subject) SHA-256 \(fingerprint)"
        case .certificateVerified: "server certificate verified"
        case .certificateNotValidated: "INSECURE: server certificate NOT validated"
        case .verificationFailed(let reason): "server certificate verification failed: \(reason)"
        case .tlsAlert(let local, let description): "TLS alert (\(local ? "local" : "remote")): \(description)"
        case .parameterNeeded(let field): "supplicant asks for \(field)"
        case .eapCompleted(let success): "EAP completed: \(success ? "success" : "failure")"
        case .authenticationRestarted(let state): "authentication restarted (state \(state))"
        case .authenticated(let authMode): "authenticated (\(authMode))"
        case .stateChange, .linkDown: nil
        }
    }

    /// "4.2 s" from a millisecond field.
    /// Why a scan hint did not serve, in words.
    private static func hintFailure(_ reason: ScanHintMonitor.Reason) -> String {
        switch reason {
        case .noMatch: "no access point of the network on the hinted frequencies"
        case .timeout: "the hinted scan did not end in time"
        case .scanFailed: "wpa_supplicant refused or failed the hinted scan"
        }
    }

    private static func seconds(_ ms: String?) -> String {
        guard let ms, let value = Double(ms) else { return "?" }
        return String(format: "%.1f s", value / 1000)
    }
}

