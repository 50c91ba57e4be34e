import Foundation
import Orchestration

/// The one place that turns a `watch` event into the fields of its JSON line (strings here; the line writes the
/// `…Ms` fields and `prefixLength` as numbers). Docs/watch.md lists them.
extension WatchEvent.Kind {
    var fields: [String: String] {
        switch self {
        case .started(let interface, let dhcp, let pid, let profile):
            var f = ["interface": interface, "dhcp": dhcp?.rawValue ?? "none", "pid": String(pid)]
            if let profile { f["profile"] = profile }
            return f
        case .link(_, let s, let interface):
            return ["interface": interface, "carrier": s.carrier ? "1" : "0", "operstate": s.operstate,
                    "adminUp": s.adminUp ? "1" : "0"]
        case .linkMonitorFailed(let interface):
            return ["interface": interface,
                    "hint": "link changes are no longer followed; restart eapolctl watch (systemd restarts it)"]
        case .waiting(.notAuthenticated(let state)):
            return ["state": state.rawValue, "reason": "not authenticated yet; no --profile to start with"]
        case .waiting(.interfaceMissing(let interface)):
            return ["reason": "wpa_supplicant came back without \(interface); no --profile to re-add"]
        case .reauthenticating(let reason): return ["reason": reason.rawValue]
        case .eapolStart(let result): return ["result": "\(result)"]
        case .reauthenticationPending(let state): return ["state": state.rawValue]
        case .reauthenticationFailed(let error, let retryIn):
            var f = Self.fields(of: error)
            if let retryIn { f["retryInMs"] = DHCPBoundFields.milliseconds(retryIn) }
            return f
        case .stateChange(let state): return ["state": state.rawValue]
        case .stateUnconfirmed(let state, let authMode, let ours):
            return ["signalled": "completed", "state": state.rawValue, "authMode": authMode, "profileNetwork": ours ? "yes" : "no"]
        case .stateCheckFailed(let error): return Self.fields(of: error)
        case .eapStarted(let parameter): return ["result": parameter]
        case .eapCompleted(let result): return ["result": result]
        case .authenticating(let profile, let reason): return ["profile": profile, "reason": reason.rawValue]
        case .authenticated(let reason, let authMode, let resumed, let trigger, let sinceTrigger):
            var f = ["reason": reason.rawValue]
            if let authMode { f["authMode"] = authMode }
            if let resumed { f["resumed"] = resumed ? "true" : "false" }
            if let trigger { f["trigger"] = trigger.rawValue }
            if let sinceTrigger { f["sinceTriggerMs"] = DHCPBoundFields.milliseconds(sinceTrigger) }
            return f
        case .dhcpStarted(let backend): return ["backend": backend.rawValue]
        case .dhcpBound(let bound): return DHCPBoundFields.fields(of: bound, lease: true)
        case .dhcpFailed(let error, let next):
            var f = ["message": error.message]
            if let code = error.code { f["code"] = code.name }
            if let next { f["nextAttempt"] = next.formatted(.iso8601) }
            return f
        case .leaseRenewed(let result): return DHCPBoundFields.fields(of: result, lease: true)
        case .leaseRebinding(let ends): return ["leaseEndsAt": ends.formatted(.iso8601)]
        case .leaseExpired(let address): return ["address": address.description]
        case .loginWindow(let event): return event.fields
        case .supplicantVanished, .supplicantReturned, .stopping: return [:]
        case .roamed(let roam):
            return ["from": roam.from, "to": roam.to, "kind": roam.kind.rawValue, "ms": DHCPBoundFields.milliseconds(roam.duration)]
        }
    }

    /// A failure: `domain`, `code` and `message` of a structured error, else `message` alone.
    private static func fields(of error: EventError) -> [String: String] {
        guard let code = error.code else { return ["message": error.message] }
        return ["domain": code.domain.rawValue, "code": code.name, "message": error.message]
    }
}
