import DHCPClient
import Foundation
import StructuredErrors

/// watch's DHCP side: a renew after every authentication (trigger or the builtin keeper), and the keeper's own
/// lease events.
extension WatchLoop {
    func triggerDHCP() {
        let c = cycle
        let continuation = self.continuation
        let timeout = w.options.dhcpTimeout
        let interface = name
        dhcpTask?.cancel()
        dhcpInFlight = true
        switch w.dhcp {
        case .none:
            dhcpInFlight = false
            cycleStart = nil
            return
        case .trigger(let trigger):
            emit("dhcp-started", ["backend": trigger.backend.rawValue])
            dhcpTask = Task {
                do {
                    let r = try await trigger.renew(interface: interface, timeout: timeout)
                    continuation.yield(.dhcpDone(r, nil, cycle: c))
                } catch let e as DHCPError {
                    if !Task.isCancelled { continuation.yield(.dhcpDone(nil, e, cycle: c)) }
                } catch {
                    if !Task.isCancelled {
                        continuation.yield(.dhcpDone(nil, DHCPError(.backendFailed, "DHCP on \(interface) failed: \(error)",
                                                                    details: ["interface": .string(interface)]), cycle: c))
                    }
                }
            }
        case .keeper(let keeper):
            emit("dhcp-started", ["backend": DHCPBackend.builtin.rawValue])
            dhcpTask = Task {
                let r = await keeper.renewNow(timeout: timeout)
                continuation.yield(.dhcpDone(r, nil, cycle: c))
            }
        }
    }

    func dhcpDone(_ result: DHCPResult?, _ error: DHCPError?, cycle c: Int) {
        dhcpInFlight = false
        if let error {
            emit("dhcp-failed", ["code": error.code.name, "message": error.message])
            return
        }
        guard let result else { return }   // keeper: its `failed` event says why
        lastBound = result
        var fields = Self.fields(of: result)
        if let at = authenticatedAt { fields["authenticatedToBoundMs"] = ms(clock.now - at) }
        if c == cycle, let start = cycleStart {
            fields["trigger"] = start.reason
            fields[start.reason == "link-up" ? "linkUpToBoundMs" : "triggerToBoundMs"] = ms(clock.now - start.at)
        }
        cycleStart = nil
        emit("dhcp-bound", fields)
    }

    func leaseEvent(_ event: LeaseEvent) {
        switch event {
        case .bound(let r):
            guard r != lastBound, !dhcpInFlight else { return }
            // Acquired by the keeper on its own (after expiry or a NAK); renewNow results arrive as dhcpDone.
            lastBound = r
            var fields = Self.fields(of: r)
            fields["trigger"] = "keeper"
            emit("dhcp-bound", fields)
        case .renewed(let r):
            lastBound = r
            emit("lease-renewed", Self.fields(of: r))
        case .rebinding(_, let ends):
            emit("lease-rebinding", ["leaseEndsAt": ends.formatted(.iso8601)])
        case .expired(_, let address):
            emit("lease-expired", ["address": address.description])
        case .failed(let e, let next):
            var fields = ["code": e.code.name, "message": e.message]
            if let next { fields["nextAttempt"] = next.formatted(.iso8601) }
            emit("dhcp-failed", fields)
        }
    }

    static func fields(of r: DHCPResult) -> [String: String] {
        var f = ["backend": r.backend.rawValue, "address": r.address.description, "prefixLength": String(r.prefixLength),
                 "exchange": r.exchange.rawValue, "exchangeMs": String(format: "%.3f", r.elapsed.milliseconds),
                 "leaseEndsAt": r.leaseEndsAt.formatted(.iso8601)]
        if let s = r.serverIdentifier { f["server"] = s.description }
        return f
    }
}
