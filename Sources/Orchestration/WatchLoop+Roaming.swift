import SupplicantClient

/// watch's roaming side: which BSS the interface is on (read from wpa_supplicant at every confirmed `completed`) and
/// the `roamed` event when it changed. watch never changes the network to roam — no property `Set` on a selected
/// network, which would flush wpa_supplicant's PMKSA cache and TLS session — it only follows what wpa_supplicant did
/// (its own roaming, or `auth roam`'s `Roam` call).
extension WatchLoop {
    /// Records the interface's current BSS as the one it is on (watch start, after a full authentication).
    func noteBSS(of iface: SupplicantInterface) async {
        let bss = try? await w.supplicant.currentBSS(of: iface)
        roams.reset(bssid: bss?.checkedBSSIDText)
    }

    /// The roam that just ended in a confirmed `completed`, if the BSS changed since the last one.
    func roamed() async -> Roam? {
        guard let iface else { return nil }
        let bss = try? await w.supplicant.currentBSS(of: iface)
        return roams.completed(on: bss?.checkedBSSIDText, at: clock.now)
    }
}
