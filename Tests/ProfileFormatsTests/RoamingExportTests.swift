import Foundation
import ProfileModel
@testable import ProfileFormats
import Testing

/// `--roaming` in every export format (Docs/formats.md, "Roaming in exports"): wpa_supplicant gets the live
/// connection's `key_mgmt` and `proactive_key_caching`; NetworkManager and iwd, which cannot set it per network, get
/// a note for every mode they would roam differently in; eapolcfg and JSON carry it back to eapolctl.
@Suite struct RoamingExportTests {
    /// Every mode the tests run, nil (not set) first.
    static let modes: [RoamingMode?] = [nil] + RoamingMode.allCases.map(Optional.some)

    static func profile(_ security: SecurityType, _ roaming: RoamingMode?) throws -> Profile {
        var profile = Profile(id: ProfileID(string: "7A2B0F4E-0000-4000-8000-00000000000A")!, name: "Roam \(security.rawValue)",
                              binding: .wifi(ssid: try SSID(parsing: "corp"), security: security, hidden: false),
                              eap: security == .wpa3_192 ? EAPSettings(outer: .tls, username: "dev@example.org")
                                  : EAPSettings(outer: .peap, inner: .mschapv2, username: "alice"),
                              trust: TrustSettings(useSystemCAs: true, serverNames: [.suffix("example.org")]),
                              createdAt: Date(timeIntervalSince1970: 1_700_000_000))
        profile.roaming = roaming
        return profile
    }

    /// The network block's lines, without the tab.
    static func networkLines(_ output: ExportOutput) -> [String] {
        output.text.split(separator: "\n").filter { $0.hasPrefix("\t") }.map { String($0.dropFirst()) }
    }

    /// The exact `key_mgmt` per security type and mode: the table of Docs/watch.md, "Roaming", written out.
    static let expectedKeyManagement: [SecurityType: [RoamingMode?: String]] = [
        .wpa2: [nil: "WPA-EAP", RoamingMode.none: "WPA-EAP", .okc: "WPA-EAP", .ft: "FT-EAP", .auto: "WPA-EAP FT-EAP"],
        .wpa2_wpa3: [nil: "WPA-EAP WPA-EAP-SHA256", RoamingMode.none: "WPA-EAP WPA-EAP-SHA256", .okc: "WPA-EAP WPA-EAP-SHA256",
                     .ft: "FT-EAP", .auto: "WPA-EAP WPA-EAP-SHA256 FT-EAP"],
        .wpa3: [nil: "WPA-EAP-SHA256", RoamingMode.none: "WPA-EAP-SHA256", .okc: "WPA-EAP-SHA256", .ft: "FT-EAP",
                .auto: "WPA-EAP-SHA256 FT-EAP"],
        .wpa3_192: [nil: "WPA-EAP-SUITE-B-192", RoamingMode.none: "WPA-EAP-SUITE-B-192", .okc: "WPA-EAP-SUITE-B-192",
                    .ft: "WPA-EAP-SUITE-B-192", .auto: "WPA-EAP-SUITE-B-192"],
    ]

    @Test(arguments: [SecurityType.wpa2, .wpa2_wpa3, .wpa3, .wpa3_192])
    func wpaSupplicantWritesTheLiveKeyManagementAndKeyCaching(security: SecurityType) throws {
        for mode in Self.modes {
            let lines = Self.networkLines(try ProfileExporter.export(try Self.profile(security, mode), as: .wpaSupplicant))
            let keyManagement = lines.filter { $0.hasPrefix("key_mgmt=") }
            #expect(keyManagement == ["key_mgmt=" + Self.expectedKeyManagement[security]![mode]!], "\(security) \(String(describing: mode))")
            let caching = lines.filter { $0.hasPrefix("proactive_key_caching") }
            #expect(caching == (mode == .auto || mode == .okc ? ["proactive_key_caching=1"] : []), "\(security) \(String(describing: mode))")
        }
    }

    @Test func wpaSupplicantLinesSitInTheNetworkBlock() throws {
        let text = try ProfileExporter.export(try Self.profile(.wpa2_wpa3, .auto), as: .wpaSupplicant).text
        #expect(text.contains("\tssid=\"corp\"\n\tkey_mgmt=WPA-EAP WPA-EAP-SHA256 FT-EAP\n\tieee80211w=1\n\tproto=RSN\n\tproactive_key_caching=1\n\teap=PEAP\n"))
    }

    @Test func wiredExportsWriteNoRoaming() throws {
        let wired = Profile(name: "lab", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "a"),
                            trust: TrustSettings(useSystemCAs: true, serverNames: [.suffix("example.org")]))
        let text = try ProfileExporter.export(wired, as: .wpaSupplicant).text
        #expect(text.contains("\tkey_mgmt=IEEE8021X\n") && !text.contains("proactive_key_caching") && !text.contains("FT-EAP"))
        #expect(try ProfileExporter.export(wired, as: .networkManager).notes.allSatisfy { !$0.contains("roaming") })
    }

    /// NetworkManager 1.42 always offers FT-EAP (when wpa_supplicant has 802.11r) and OKC for wpa-eap: `auto` is what
    /// it does; every other mode is noted, naming what NetworkManager does instead. The key file itself is unchanged.
    @Test func networkManagerNotesEveryModeItCannotExpress() throws {
        let plain = try ProfileExporter.export(try Self.profile(.wpa2, .auto), as: .networkManager)
        #expect(plain.notes.allSatisfy { !$0.contains("roaming") })
        for mode in Self.modes {
            let output = try ProfileExporter.export(try Self.profile(.wpa2, mode), as: .networkManager)
            #expect(output.text == plain.text)
            let notes = output.notes.filter { $0.contains("roaming") }
            switch mode {
            case .auto:
                #expect(notes.isEmpty)
            case .ft:
                #expect(notes == ["roaming ft cannot be expressed for NetworkManager: its key file has no roaming setting, and for "
                    + "key-mgmt=wpa-eap NetworkManager keeps WPA-EAP beside FT-EAP, so access points without 802.11r are joined too "
                    + "and turns on opportunistic key caching (proactive_key_caching=1)"])
            case .okc:
                #expect(notes == ["roaming okc cannot be expressed for NetworkManager: its key file has no roaming setting, and for "
                    + "key-mgmt=wpa-eap NetworkManager adds FT-EAP (802.11r) when wpa_supplicant supports it"])
            case nil:
                #expect(notes.isEmpty, "no setting, no note: NetworkManager's own default applies")
            case .some(.none):
                #expect(notes == ["roaming none cannot be expressed for NetworkManager: its key file has no roaming setting, and for "
                    + "key-mgmt=wpa-eap NetworkManager adds FT-EAP (802.11r) when wpa_supplicant supports it and turns on "
                    + "opportunistic key caching (proactive_key_caching=1)"])
            }
        }
    }

    @Test func networkManagerSuiteBNotesFTEAPSHA384() throws {
        let output = try ProfileExporter.export(try Self.profile(.wpa3_192, .auto), as: .networkManager)
        #expect(output.text.contains("key-mgmt=wpa-eap-suite-b-192\n"))
        #expect(output.notes.filter { $0.contains("roaming") } == ["roaming auto cannot be expressed for NetworkManager: its key "
            + "file has no roaming setting, and for key-mgmt=wpa-eap-suite-b-192 NetworkManager adds FT-EAP-SHA384 (802.11r) "
            + "when wpa_supplicant supports it"])
    }

    /// iwd picks FT by itself whenever the access point offers it and has no OKC: no mode matches exactly, and each
    /// note says what iwd does instead. The network file itself is unchanged.
    @Test func iwdNotesWhatItDoesForEveryMode() throws {
        let unset = try ProfileExporter.export(try Self.profile(.wpa2, nil), as: .iwd)
        let expected: [RoamingMode?: String] = [
            RoamingMode.none: "roaming none cannot be expressed for iwd: a network file has no roaming setting, and iwd uses FT (802.11r) whenever the access point offers it",
            .okc: "roaming okc cannot be expressed for iwd: a network file has no roaming setting, and iwd uses FT (802.11r) whenever the access point offers it and has no opportunistic key caching (a roam without FT runs full EAP)",
            .ft: "roaming ft cannot be expressed for iwd: a network file has no roaming setting, and iwd joins access points without 802.11r too",
            .auto: "roaming auto cannot be expressed for iwd: a network file has no roaming setting, and iwd has no opportunistic key caching (a roam without FT runs full EAP)",
        ]
        for mode in Self.modes {
            let output = try ProfileExporter.export(try Self.profile(.wpa2, mode), as: .iwd)
            #expect(output.text == unset.text)
            #expect(output.notes.filter { $0.contains("roaming") } == expected[mode].map { [$0] } ?? [], "\(String(describing: mode))")
        }
        // 192-bit: no FT on either side; only the missing OKC is noted.
        #expect(try ProfileExporter.export(try Self.profile(.wpa3_192, .ft), as: .iwd).notes.allSatisfy { !$0.contains("roaming") })
        #expect(try ProfileExporter.export(try Self.profile(.wpa3_192, .okc), as: .iwd).notes.contains {
            $0.hasPrefix("roaming okc cannot be expressed for iwd") && $0.hasSuffix("iwd has no opportunistic key caching (a roam without FT runs full EAP)")
        })
    }

    @Test func jsonRoundTripsEveryMode() throws {
        for mode in Self.modes {
            let profile = try Self.profile(.wpa2, mode)
            let exported = try ProfileExporter.export(profile, as: .json)
            #expect(exported.text.contains("\"roaming\"") == (mode != nil))
            let imported = try #require(try ProfileImporter.parse(exported.bytes, source: "r.json").profiles.first).profile
            #expect(imported.roaming == mode)
            let again = try ProfileExporter.export(imported, as: .json)
            #expect(again.bytes == exported.bytes)
        }
    }

    /// macOS eapolcfg has no roaming key: the mode is kept where eapolctl keeps every setting eapolcfg cannot say
    /// (`Information` → `org.eapolctl`), so eapolctl → eapolcfg → eapolctl keeps it.
    @Test func eapolcfgKeepsTheModeInEapolctlsInformation() throws {
        for mode in Self.modes {
            let exported = try ProfileExporter.export(try Self.profile(.wpa3, mode), as: .eapolcfg)
            let plist = try #require(try PropertyListSerialization.propertyList(from: Data(exported.bytes), format: nil) as? [String: Any])
            let extra = try #require((plist["Information"] as? [String: Any])?["org.eapolctl"] as? [String: Any])
            #expect(extra["Roaming"] as? String == mode?.rawValue)
            #expect(plist["WLAN"].map { ($0 as? [String: Any])?["Roaming"] == nil } == true)
            let imported = try #require(try ProfileImporter.parse(exported.bytes, source: "r.plist", format: .eapolcfg).profiles.first)
            #expect(imported.profile.roaming == mode)
        }
    }

    @Test func eapolcfgRefusesAnUnknownModeAndLeavesOutAWiredOne() throws {
        let exported = try ProfileExporter.export(try Self.profile(.wpa2, .auto), as: .eapolcfg)
        let bad = exported.text.replacingOccurrences(of: "<string>auto</string>", with: "<string>fast</string>")
        #expect(bad != exported.text)
        let error = try #require(throws: ImportError.self) { try ProfileImporter.parse(Array(bad.utf8), source: "r.plist", format: .eapolcfg) }
        #expect(error.code == .unexpectedElement && error.message.contains("Information.org.eapolctl.Roaming"))

        var wired = Profile(name: "lab", binding: .wired(interface: nil), eap: EAPSettings(outer: .peap, inner: .mschapv2, username: "a"),
                            trust: TrustSettings(useSystemCAs: true, serverNames: [.suffix("example.org")]))
        wired.roaming = .okc
        let result = try ProfileImporter.parse(try ProfileExporter.export(wired, as: .eapolcfg).bytes, source: "w.plist", format: .eapolcfg)
        #expect(result.profiles.first?.profile.roaming == nil)
        #expect(result.notes.contains { $0.contains("Roaming (okc) was left out") })
    }
}
