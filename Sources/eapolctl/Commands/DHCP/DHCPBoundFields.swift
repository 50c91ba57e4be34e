import DHCPClient
import Foundation
import Orchestration

/// The one builder of the fields of `dhcp-bound` (and `lease-renewed`) events, for `auth start` and `watch`.
enum DHCPBoundFields {
    /// The lease: backend, address, prefix length, exchange; with `lease`, also the exchange's time, the lease end
    /// and the server (watch's lines; `auth start`'s result carries those in its `dhcp` object).
    static func fields(of r: DHCPResult, lease: Bool) -> [String: String] {
        var f = ["backend": r.backend.rawValue, "address": r.address.description, "prefixLength": String(r.prefixLength),
                 "exchange": r.exchange.rawValue]
        guard lease else { return f }
        f["exchangeMs"] = milliseconds(r.elapsed)
        f["leaseEndsAt"] = r.leaseEndsAt.formatted(.iso8601)
        if let s = r.serverIdentifier { f["server"] = s.description }
        return f
    }

    /// The lease and the times: `authenticatedToBoundMs`, `trigger`, and `linkUpToBoundMs` (a link-up cycle) or
    /// `triggerToBoundMs`.
    static func fields(of bound: DHCPBound, lease: Bool) -> [String: String] {
        var f = fields(of: bound.result, lease: lease)
        if let d = bound.authenticatedToBound { f["authenticatedToBoundMs"] = milliseconds(d) }
        if let trigger = bound.trigger {
            f["trigger"] = trigger.rawValue
            if let d = bound.sinceTrigger { f[trigger == .linkUp ? "linkUpToBoundMs" : "triggerToBoundMs"] = milliseconds(d) }
        }
        return f
    }

    /// Milliseconds with three decimals, as every `…Ms` field of these events.
    static func milliseconds(_ d: Duration) -> String { String(format: "%.3f", d.milliseconds) }
}
