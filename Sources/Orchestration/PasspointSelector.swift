import Foundation
public import ProfileModel
import StructuredErrors
public import SupplicantClient

/// Finds the access point a Passpoint profile applies to, with wpa_supplicant's own interworking selection:
/// interworking and Hotspot 2.0 on (`Interworking`, `Hs20`), automatic interworking connects off (`AutoInterworking`
/// 0: wpa_supplicant never connects with the credential by itself), the credential (`AddCred`, its CA as a blob),
/// `InterworkingSelect` (scan + ANQP), then every `InterworkingAPAdded` for this credential until
/// `InterworkingSelectDone`. Afterwards — match or not, error or cancellation — the credential and its blobs are
/// removed and the three settings get their old values back.
///
/// The caller then connects to the chosen SSID with a network of its own built from the same profile, so the
/// attempt has exactly the validation, signals and cleanup of any Wi-Fi profile.
public struct PasspointSelector: Sendable {
    public let supplicant: any SupplicantControlling
    public let interworking: any InterworkingControlling

    public init(supplicant: any SupplicantControlling, interworking: any InterworkingControlling) {
        self.supplicant = supplicant
        self.interworking = interworking
    }

    /// The interworking settings changed for the selection, with the values they get.
    static let settings: [(name: String, value: String)] = [("Interworking", "1"), ("Hs20", "1"), ("AutoInterworking", "0")]

    /// The credential of `profile`; `supplicant.invalid-network-config` naming the key when it cannot be one.
    public static func credential(for profile: Profile, settings: PasspointSettings,
                                  credentials: ResolvedCredentials) -> PasspointCredential {
        PasspointCredential(homeDomains: settings.homeDomains, realm: settings.realm,
                            roamingConsortiums: settings.roamingConsortiums.map(\.bytes),
                            network: NetworkSpec(profile: profile, credentials: credentials))
    }

    /// Runs one selection on `interface` and returns the best match (home before roaming before unknown, then the
    /// first reported).
    /// - Throws: ``EAPError`` `no-passpoint-match` when the selection ends without a match for this credential,
    ///   `timeout` when `deadline` passes first; ``SupplicantError`` `interworking-unsupported`, `vanished`.
    public func select(profile: Profile, settings: PasspointSettings, credentials: ResolvedCredentials,
                       interface: SupplicantInterface, deadline: ContinuousClock.Instant) async throws -> PasspointSelection {
        let plan = try CredentialConfiguration.make(
            from: Self.credential(for: profile, settings: settings, credentials: credentials), blobPrefix: SupplicantNames.blobPrefix)
        var saved: [(String, String)] = []
        var blobsAdded: [String] = []
        var credentialPath: String?
        do {
            for (name, value) in Self.settings {
                saved.append((name, try await interworking.globalSetting(name, of: interface) ?? "0"))
                try await interworking.setGlobalSetting(name, to: value, on: interface)
            }
            for blob in plan.blobs {
                try await supplicant.addBlob(blob, to: interface)
                blobsAdded.append(blob.name)
            }
            let events = interworking.interworkingEvents(of: interface)
            let path = try await interworking.addCred(plan, to: interface)
            credentialPath = path
            try await interworking.interworkingSelect(on: interface)
            let matches = try await Self.collect(events, credential: path, deadline: deadline, profile: profile,
                                                 interfaceName: interface.name)
            guard let best = matches.first(where: { $0.kind == .home }) ?? matches.first(where: { $0.kind == .roaming })
                    ?? matches.first else {
                throw Self.noMatch(profile: profile, settings: settings, interfaceName: interface.name)
            }
            let bss = try await interworking.describeBSS(best.bssPath, of: interface)
            await cleanUp(credential: credentialPath, blobs: blobsAdded, settings: saved, interface: interface)
            // What wpa_supplicant says of the BSS is checked before eapolctl connects to it: never a cut or empty SSID
            // (SSID(bytes:) refuses any length outside 1…32).
            guard bss.bssid.count == 6, let ssid = try? SSID(bytes: bss.ssid) else {
                throw SupplicantError(.unexpectedState,
                                      "wpa_supplicant described the matched BSS with a \(bss.ssid.count)-byte SSID and a "
                                          + "\(bss.bssid.count)-byte BSSID on \(interface.name)",
                                      hint: "Scan again (`eapolctl auth start` repeats the selection); report it if it persists.",
                                      details: ["interface": .string(interface.name), "bss": .string(best.bssPath)])
            }
            return PasspointSelection(
                ssid: ssid.displayText, ssidHex: ssid.hexText, bssid: bss.bssidText, frequency: bss.frequency,
                match: best.kind, roamingConsortium: bss.firstAdvertised(of: settings.roamingConsortiums.map(\.bytes))
                    .map(PasspointCredential.hex),
                candidates: matches.count)
        } catch {
            await cleanUp(credential: credentialPath, blobs: blobsAdded, settings: saved, interface: interface)
            throw error
        }
    }

    /// How the wait for the selection ended.
    enum CollectOutcome: Sendable {
        case done([InterworkingMatch])
        case streamEnded
        case deadline
    }

    /// The non-excluded matches for `credential`, in arrival order, once the selection is done.
    /// - Throws: ``EAPError`` `timeout` when `deadline` passes first; ``SupplicantError`` `vanished` when wpa_supplicant
    ///   leaves the bus, `unexpected-state` when the signal stream ends before `InterworkingSelectDone` (not a timeout:
    ///   nothing more can arrive, and waiting out the deadline would only hide why).
    static func collect(_ events: AsyncThrowingStream<InterworkingEvent, any Error>, credential: String,
                        deadline: ContinuousClock.Instant, profile: Profile, interfaceName: String) async throws -> [InterworkingMatch] {
        let outcome = try await withThrowingTaskGroup(of: CollectOutcome.self) { group in
            group.addTask {
                var matches: [InterworkingMatch] = []
                for try await event in events {
                    switch event {
                    case .accessPointMatched(let match) where match.credentialPath == credential && !match.excluded:
                        matches.append(match)
                    case .accessPointMatched: continue
                    case .selectDone: return .done(matches)
                    case .supplicantVanished:
                        throw SupplicantError(.vanished, "wpa_supplicant left the bus during the Passpoint selection on \(interfaceName)",
                                              details: ["interface": .string(interfaceName)])
                    }
                }
                // A stream ended by cancellation is the caller's cancellation, not wpa_supplicant's doing.
                try Task.checkCancellation()
                return .streamEnded
            }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return .deadline
            }
            let first = try await group.next() ?? .deadline
            group.cancelAll()
            return first
        }
        switch outcome {
        case .done(let matches):
            return matches
        case .streamEnded:
            throw SupplicantError(.unexpectedState,
                                  "wpa_supplicant's signals for \(interfaceName) ended before its Passpoint selection for profile "
                                      + "'\(profile.name)' was done (no InterworkingSelectDone)",
                                  details: ["profile": .string(profile.id.description), "interface": .string(interfaceName),
                                            "phase": "interworking-select"])
        case .deadline:
            throw EAPError(.timeout, "the Passpoint selection for profile '\(profile.name)' on \(interfaceName) did not finish in time",
                           details: ["profile": .string(profile.id.description), "interface": .string(interfaceName),
                                     "phase": "interworking-select"])
        }
    }

    static func noMatch(profile: Profile, settings: PasspointSettings, interfaceName: String) -> EAPError {
        let ois = settings.roamingConsortiums.map(\.hex)
        var wanted: [String] = []
        if !ois.isEmpty { wanted.append("roaming consortium \(ois.joined(separator: ", "))") }
        if let realm = settings.realm { wanted.append("realm \(realm)") }
        var details: [String: ErrorDetail] = ["profile": .string(profile.id.description), "interface": .string(interfaceName),
                                              "roamingConsortiums": .list(ois), "homeDomains": .list(settings.homeDomains)]
        if let realm = settings.realm { details["realm"] = .string(realm) }
        return EAPError(.noPasspointMatch,
                        "no matching Passpoint network for profile '\(profile.name)' on \(interfaceName): no access point in range "
                            + "advertises \(wanted.joined(separator: " or "))",
                        details: details)
    }

    /// Removes the credential and blobs and restores the settings; failures here are not the caller's outcome.
    func cleanUp(credential: String?, blobs: [String], settings: [(String, String)], interface: SupplicantInterface) async {
        if let credential { try? await interworking.removeCred(credential, from: interface) }
        for name in blobs { try? await supplicant.removeBlob(named: name, from: interface) }
        for (name, value) in settings.reversed() { try? await interworking.setGlobalSetting(name, to: value, on: interface) }
    }
}
