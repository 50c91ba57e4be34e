import Foundation
import Orchestration
import SupplicantClient

/// The one place that turns a progress event of `auth start` / `profile probe` into the fields of its JSON line
/// (strings; `event` is ``AuthenticationUpdate/Kind/name``). Docs/authentication.md lists them.
extension AuthenticationUpdate.Kind {
    var fields: [String: String] {
        switch self {
        case .supplicant(let peer):
            var f = ["bus": peer.busAddress, "busSource": peer.busSource.rawValue, "owner": peer.uniqueName,
                     "uid": String(peer.uid)]
            if let pid = peer.pid { f["pid"] = String(pid) }
            return f
        case .interfaceReady(let iface):
            return ["interface": iface.name, "path": iface.path, "driver": iface.driver.rawValue,
                    "created": String(iface.created)]
        case .networkManagerReleased(let interface, let release):
            return ["interface": interface, "device": release.device ?? "", "previousState": release.previousState?.name ?? "",
                    "state": release.state?.name ?? ""]
        case .foreignNetworksKept(let interface, let count): return ["interface": interface, "count": String(count)]
        case .portUse(let use, let interface, let profile, let ssid):
            return ["use": use.rawValue, "interface": interface, "profile": profile, "ssid": ssid?.displayText ?? ""]
        case .warning(let message): return ["message": message]
        case .staleRemoved(let networks, let blobs): return ["networks": String(networks), "blobs": String(blobs)]
        case .networkSelected(let network, let anchor): return ["network": network, "anchor": anchor.description]
        case .networkReused(let network, let state): return ["network": network, "state": state.rawValue]
        case .networkReuseFailed(let network, let error):
            var f = ["network": network, "message": error.message]
            if let code = error.code { f["code"] = code.name }
            return f
        case .eapolStart(let result, let count): return ["result": "\(result)", "count": String(count)]
        case .quietPeriod(let interface, let unanswered, let age):
            return ["interface": interface, "unanswered": String(unanswered), "failureAgeMs": Self.wholeMilliseconds(age)]
        case .openPort(let interface): return ["interface": interface]
        case .exchange(let progress): return progress.fields
        case .outcomeConfirmed(let state, let authMode, let network):
            return ["state": state.rawValue, "authMode": authMode, "network": network]
        case .caRetry(let anchor, let reason): return ["anchor": anchor.description, "reason": reason]
        case .fastPAC(.stored(let use)): return ["pac": use.rawValue]
        case .fastPAC(.retryWithNewPAC(let quietPeriod)): return ["quietPeriod": String(quietPeriod)]
        case .dhcpStarted(let backend, let interface): return ["backend": backend.rawValue, "interface": interface]
        case .dhcpBound(let bound): return DHCPBoundFields.fields(of: bound, lease: false)
        case .probeStarted(let network, let identity, let methods):
            return ["network": network, "identity": identity, "methods": methods.map(\.rawValue).joined(separator: " ")]
        case .probeCertificate(let depth, let subject, let sha256):
            return ["depth": String(depth), "subject": subject, "sha256": sha256]
        case .probeState(let state): return ["state": state.rawValue]
        case .networkRemoved(let network): return ["network": network]
        case .scanHint(let hint):
            var fields = ["source": hint.source.rawValue, "frequencies": hint.frequencies.map(String.init).joined(separator: ","),
                          "limitMs": Self.wholeMilliseconds(hint.limit)]
            // Checked `aa:bb:cc:dd:ee:ff` (AssociationMemory); none with --frequency.
            if !hint.bssids.isEmpty { fields["bssids"] = hint.bssids.joined(separator: ",") }
            return fields
        case .scanHintIgnored(let reason): return ["reason": reason.code, "message": reason.description]
        case .scanHintFallback(let reason, let after, let network):
            return ["reason": reason.rawValue, "afterMs": Self.wholeMilliseconds(after), "network": network]
        }
    }

    /// `failureAgeMs`: whole milliseconds.
    static func wholeMilliseconds(_ d: Duration) -> String { String(format: "%.0f", d.milliseconds) }
}

extension AuthenticationProgress {
    /// The fields of the tracker's events.
    var fields: [String: String] {
        switch self {
        case .eapStarted, .certificateVerified, .certificateNotValidated, .linkDown: [:]
        case .methodAccepted(let m), .methodRefused(let m): ["method": m]
        case .serverCertificate(let depth, let subject, let fp, let sans):
            ["depth": String(depth), "subject": subject, "sha256": fp, "subjectAltNames": sans.joined(separator: ", ")]
        case .verificationFailed(let reason): ["reason": reason]
        case .tlsAlert(let local, let d): ["origin": local ? "local" : "remote", "description": d]
        case .parameterNeeded(let f): ["field": f]
        case .eapCompleted(let s): ["result": s ? "success" : "failure"]
        case .authenticationRestarted(let s), .stateChange(let s): ["state": s.rawValue]
        case .authenticated(let m): ["authMode": m]
        }
    }
}
