import SupplicantClient

extension ScanHint {
    /// `hint` when `spec` is a Wi-Fi network (it has an SSID to probe for; a wired port scans nothing): what an
    /// attempt uses and a report names.
    static func usable(_ hint: ScanHint?, for spec: NetworkSpec) -> ScanHint? {
        guard case .wifi = spec.binding else { return nil }
        return hint
    }
}

extension Attempt {
    /// The scan hint this attempt uses (``ScanHint/usable(_:for:)``).
    var activeScanHint: ScanHint? { ScanHint.usable(options.scanHint, for: spec) }

    /// Asks wpa_supplicant for one active scan of the hinted channels (``ScanRequest``) and waits for its `ScanDone`,
    /// at most the hint's limit and never past the attempt's deadline. Called after AddNetwork (the network is still
    /// disabled, so the results connect nothing) and before SelectNetwork, which then associates from these results.
    /// - Returns: nil when the scan ended with results; otherwise why the hint did not serve (the attempt goes on,
    ///   and SelectNetwork scans every channel).
    func scanHinted(_ hint: ScanHint) async -> ScanHintMonitor.Reason? {
        guard case .wifi(let ssid, _, _) = spec.binding,
              let request = try? ScanRequest(frequencies: hint.frequencies, ssid: ssid) else { return .scanFailed }
        let events = supplicant.events(of: interface)   // subscribed before Scan
        do {
            try await supplicant.scan(request, on: interface)
        } catch {
            return .scanFailed
        }
        let limit = min(hint.limit, deadline - clock.now)
        return await withTaskGroup(of: ScanHintMonitor.Reason?.self) { group in
            group.addTask {
                do {
                    for try await event in events {
                        switch event {
                        case .scanDone(let success): return success ? nil : .scanFailed
                        case .supplicantVanished: return .scanFailed
                        default: continue
                        }
                    }
                } catch {}
                return .scanFailed
            }
            group.addTask {
                try? await Task.sleep(for: limit)
                return .timeout
            }
            let first: ScanHintMonitor.Reason? = await group.next() ?? .timeout
            group.cancelAll()
            return first
        }
    }
}
