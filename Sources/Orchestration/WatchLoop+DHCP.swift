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
            emit(.dhcpStarted(backend: trigger.backend))
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
            emit(.dhcpStarted(backend: .builtin))
            dhcpTask = Task {
                let r = await keeper.renewNow(timeout: timeout)
                continuation.yield(.dhcpDone(r, nil, cycle: c))
            }
        }
    }

    func dhcpDone(_ result: DHCPResult?, _ error: DHCPError?, cycle c: Int) {
        dhcpInFlight = false
        if let error {
            emit(.dhcpFailed(EventError(error), nextAttempt: nil))
            return
        }
        guard let result else { return }   // keeper: its `failed` event says why
        lastBound = result
        var bound = DHCPBound(result: result, authenticatedToBound: authenticatedAt.map { clock.now - $0 })
        if c == cycle, let start = cycleStart {
            bound.trigger = start.trigger
            bound.sinceTrigger = clock.now - start.at
        }
        cycleStart = nil
        emit(.dhcpBound(bound))
    }

    func leaseEvent(_ event: LeaseEvent) {
        switch event {
        case .bound(let r):
            guard r != lastBound, !dhcpInFlight else { return }
            // Acquired by the keeper on its own (after expiry or a NAK); renewNow results arrive as dhcpDone.
            lastBound = r
            emit(.dhcpBound(DHCPBound(result: r, trigger: .keeper)))
        case .renewed(let r):
            lastBound = r
            emit(.leaseRenewed(r))
        case .rebinding(_, let ends):
            emit(.leaseRebinding(leaseEndsAt: ends))
        case .expired(_, let address):
            emit(.leaseExpired(address: address))
        case .failed(let e, let next):
            emit(.dhcpFailed(EventError(e), nextAttempt: next))
        }
    }
}
