import Foundation
public import SupplicantClient

/// `auth roam`: asks wpa_supplicant to move the interface to another access point of its current network and waits
/// until it is `completed` there. The network is not touched (no property is changed, nothing re-added): the roam
/// keeps wpa_supplicant's PMKSA cache and FT keys, so it can be a fast one.
public struct RoamRequest: Sendable {
    public let supplicant: any SupplicantControlling

    public init(supplicant: any SupplicantControlling) { self.supplicant = supplicant }

    /// What a roam did.
    public struct Result: Sendable, Equatable {
        public var interface: String
        /// The BSSID before (nil when the interface was on none).
        public var from: String?
        public var to: String
        /// How the new access point was joined (nil when the interface already was on it).
        public var kind: Roam.Kind?
        /// From the `Roam` call to `completed` on the new BSS.
        public var elapsed: Duration
    }

    /// Whether `text` is a BSSID as `auth roam --bssid` takes it (`aa:bb:cc:dd:ee:ff`, hex in either case).
    public static func isBSSID(_ text: String) -> Bool { AssociationMemory.isBSSID(text) }

    /// Roams `interfaceName` to `bssid` and waits at most `timeout` for `completed` there.
    /// - Throws: ``SupplicantError`` `interface-unknown` when wpa_supplicant does not control the interface,
    ///   `roam-failed` when it refuses the roam or does not complete it on `bssid` in time.
    public func roam(interfaceName: String, to bssid: String, timeout: Duration) async throws -> Result {
        let target = bssid.lowercased()
        guard let iface = try await supplicant.existingInterface(named: interfaceName) else {
            throw SupplicantError(.interfaceUnknown, "wpa_supplicant does not control \(interfaceName): nothing to roam",
                                  hint: "Connect first: `eapolctl auth start --interface \(interfaceName) --profile NAME`.",
                                  details: ["interface": .string(interfaceName)])
        }
        let clock = ContinuousClock()
        let before = try await supplicant.currentBSS(of: iface)?.bssidText
        if before == target {
            return Result(interface: interfaceName, from: before, to: target, kind: nil, elapsed: .zero)
        }
        let events = supplicant.events(of: iface)   // subscribed before Roam
        let start = clock.now
        do {
            try await supplicant.roam(iface, to: target)
        } catch let error as SupplicantError where error.code == .vanished {
            throw error
        } catch {
            throw failure(interfaceName, target, "wpa_supplicant refused the roam: \(error)")
        }
        let deadline = start + timeout
        // One stream of signals and the deadline (SignalPump), read here: no child task to wait for at the end.
        let pump = SignalPump(events: events, clock: clock, deadline: deadline, event: RoamInput.event, ended: .ended,
                              deadlineReached: .deadline)
        defer { pump.stop() }
        var tracker = RoamTracker(bssid: before)
        var outcome: Roam?
        loop: for await input in pump.inputs {
            switch input {
            case .deadline:
                break loop
            case .ended, .event(.supplicantVanished):
                throw SupplicantError(.vanished, "wpa_supplicant went away while \(interfaceName) roamed")
            case .event(let event):
                tracker.observe(event, at: clock.now)
                guard case .stateChanged(.completed) = event else { continue }
                let now = try await supplicant.currentBSS(of: iface)?.bssidText
                if now == target, let roam = tracker.completed(on: now, at: clock.now) {
                    outcome = roam
                    break loop
                }
            }
        }
        guard var roam = outcome else {
            let state = (try? await supplicant.state(of: iface))?.rawValue ?? "unknown"
            let now = (try? await supplicant.currentBSS(of: iface))?.bssidText ?? "none"
            throw failure(interfaceName, target, "not completed on \(target) within \(timeout) (state \(state), BSS \(now))")
        }
        roam.duration = clock.now - start
        return Result(interface: interfaceName, from: before, to: target, kind: roam.kind, elapsed: roam.duration)
    }

    private enum RoamInput: Sendable {
        case event(AuthenticationEvent)
        case ended
        case deadline
    }

    private func failure(_ interface: String, _ bssid: String, _ why: String) -> SupplicantError {
        SupplicantError(.roamFailed, "\(interface) did not roam to \(bssid): \(why)",
                        details: ["interface": .string(interface), "bssid": .string(bssid)])
    }
}
