import SupplicantClient

extension ScanHint {
    /// `hint` when `plan` carries it as `scan_freq` (a Wi-Fi network; a wired plan has none): what an attempt uses
    /// and a report names.
    static func carried(_ hint: ScanHint?, by plan: NetworkPlan) -> ScanHint? {
        plan.properties.contains { $0.key == "scan_freq" } ? hint : nil
    }
}

extension Attempt {
    /// The scan hint this attempt uses (``ScanHint/carried(_:by:)``).
    var activeScanHint: ScanHint? { ScanHint.carried(options.scanHint, by: plan) }

    /// The hinted scan found nothing: the network is removed and added again without `scan_freq`, then selected, so
    /// wpa_supplicant's next scan covers every channel. Nothing is lost: the network never associated (no PMKSA, no
    /// TLS session belongs to it yet), and a fresh object drops the property without relying on how wpa_supplicant
    /// parses an empty `scan_freq`. Blobs stay.
    /// - Returns: the new network's path.
    func fallBackToFullScan(replacing network: String) async throws -> String {
        try await supplicant.removeNetwork(network, from: interface)
        let properties = plan.properties.filter { $0.key != "scan_freq" }
        let path = try await supplicant.addNetwork(
            properties, idString: SupplicantNames.idString(profileID: profile.id.description), to: interface)
        try await supplicant.selectNetwork(path, on: interface)
        return path
    }
}
