import Foundation
import ProfileModel
import Secrets
import StructuredErrors

/// Reads and writes eapolcfg `exportProfile` plists.
///
/// Written: `ProfileID`, `UserDefinedName`, `AuthenticationProperties` (`AcceptEAPTypes`, `UserName`,
/// `OuterIdentity`, `TTLSInnerAuthentication`, `TLSTrustedCertificates`, `TLSTrustedServerNames`,
/// `TLSMinimumVersion`/`TLSMaximumVersion`, `TLSVerifyServerCertificate`, `OneTimeUserPassword`, the `EAPFAST*` PAC
/// flags), `WLAN` (`SSID` data,
/// `SecurityType`), and under `Information` → `org.eapolctl` what eapolcfg has no key for (exact security type,
/// hidden, inner method, server-name match kinds, pins, system CAs, legacy TLS, wired interface, creation time,
/// the LEAP switch, the roaming mode: macOS has no per-profile roaming setting),
/// so that JSON → eapolcfg → JSON is lossless. The other keys of `Information` are the applications' own
/// dictionaries (eapolcfg `setProfileInformation`), read into and written from ``Profile/information`` as typed
/// values.
enum EapolcfgPlist {
    static let informationKey = "org.eapolctl"

    // MARK: Export

    static func encode(_ profile: Profile) throws -> [UInt8] {
        try checkText(profile)
        var auth: [String: Any] = ["AcceptEAPTypes": [profile.eap.outer.eapTypeNumber]]
        if let username = profile.eap.username { auth["UserName"] = username }
        if let outer = profile.eap.outerIdentity { auth["OuterIdentity"] = outer }
        if profile.eap.outer == .ttls, let inner = profile.eap.inner {
            switch inner {
            case .pap: auth["TTLSInnerAuthentication"] = "PAP"
            case .chap: auth["TTLSInnerAuthentication"] = "CHAP"
            case .mschap: auth["TTLSInnerAuthentication"] = "MSCHAP"
            case .mschapv2: auth["TTLSInnerAuthentication"] = "MSCHAPv2"
            case .eapMSCHAPv2, .gtc: auth["TTLSInnerAuthentication"] = "EAP"
            }
        }
        let trust = profile.trust
        if !trust.caCertificates.isEmpty { auth["TLSTrustedCertificates"] = trust.caCertificates.map { Data($0.der) } }
        if !trust.serverNames.isEmpty {
            auth["TLSTrustedServerNames"] = trust.serverNames.flatMap { constraint -> [String] in
                switch constraint {
                case .exact(let name): [name]
                case .suffix(let name): [name, "*." + name]
                }
            }
        }
        if let min = trust.tlsMinVersion { auth["TLSMinimumVersion"] = min.rawValue }
        if let max = trust.tlsMaxVersion { auth["TLSMaximumVersion"] = max.rawValue }
        if trust.insecureNoServerValidation { auth["TLSVerifyServerCertificate"] = false }
        if profile.eap.oneTimePassword { auth["OneTimeUserPassword"] = true }
        auth.merge(AuthenticationProperties.fastKeys(for: profile.eap)) { _, new in new }

        var extra: [String: Any] = [
            "Version": 1,
            "CreatedAt": ISO8601DateFormatter().string(from: profile.createdAt),
            "ServerNames": trust.serverNames.map(\.description),
            "ServerCertificatePins": trust.serverCertificatePins,
            "UseSystemCAs": trust.useSystemCAs,
            "SystemCABundlePath": trust.systemCABundlePath,
            "AllowLegacyTLS": trust.allowLegacyTLS,
            "InsecureNoServerValidation": trust.insecureNoServerValidation,
        ]
        if let inner = profile.eap.inner { extra["InnerMethod"] = inner.rawValue }
        if profile.eap.insecureAllowLEAP { extra["InsecureAllowLEAP"] = true }
        if let roaming = profile.roaming { extra["Roaming"] = roaming.rawValue }
        var plist: [String: Any] = [
            "ProfileID": profile.id.description,
            "UserDefinedName": profile.name,
            "AuthenticationProperties": auth,
        ]
        switch profile.binding {
        case .wifi(let ssid, let security, let hidden):
            let appleSecurity: String = switch security {
            case .wpa2: "WPA2"
            case .wpa3, .wpa3_192: "WPA3"
            case .wpa2_wpa3, .wired: "Any"
            }
            plist["WLAN"] = ["SSID": Data(ssid.bytes), "SecurityType": appleSecurity]
            extra["SecurityType"] = security.rawValue
            extra["Hidden"] = hidden
        case .wired(let interface):
            extra["Wired"] = true
            if let interface { extra["Interface"] = interface }
        case .passpoint(let settings):
            let keys = passpointKeys(settings)
            plist["WLAN"] = keys.wlan
            extra.merge(keys.extra) { _, new in new }
        }
        var information: [String: Any] = [informationKey: extra]
        for application in profile.information.applicationIDs {
            information[application.rawValue] = PropertyListBridge.foundationObject(.dictionary(profile.information[application]!))
        }
        plist["Information"] = information
        do {
            return Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .xml, options: 0))
        } catch {
            throw ImportError(.unsupportedExport, "profile \(profile.name): cannot write an eapolcfg plist (\(error))")
        }
    }

    /// XML 1.0 cannot carry most control characters (and turns a carriage return into a line feed): every text
    /// field is checked as the validator checks it, so the plist reads back to the same profile.
    private static func checkText(_ profile: Profile) throws {
        let format = ProfileFormat.eapolcfg
        if let problem = profile.information.problems().first {
            throw ImportError(.unsupportedExport, "profile \(profile.name): its information cannot be written as an eapolcfg plist: \(problem)",
                              details: ["profile": .string(profile.name), "field": "information"])
        }
        _ = try ExporterText.field(profile.name, "name", profile: profile, format: format)
        if case .wired(let interface?) = profile.binding {
            _ = try ExporterText.field(interface, "binding.interface", profile: profile, format: format)
        }
        if let username = profile.eap.username { _ = try ExporterText.field(username, "eap.username", profile: profile, format: format) }
        if let outer = profile.eap.outerIdentity {
            _ = try ExporterText.field(outer, "eap.outerIdentity", profile: profile, format: format)
        }
        _ = try ExporterText.field(profile.trust.systemCABundlePath, "trust.systemCABundlePath", kind: .path,
                                   profile: profile, format: format)
        for (index, constraint) in profile.trust.serverNames.enumerated() {
            _ = try ExporterText.serverName(constraint.name, index: index, profile: profile, format: format)
        }
        for (index, pin) in profile.trust.serverCertificatePins.enumerated() {
            _ = try ExporterText.pinHex(pin, index: index, profile: profile, format: format)
        }
    }

    // MARK: Import

    /// The applications' own dictionaries under `Information` (every key but eapolctl's), typed; the limits are
    /// checked with the rest of the profile (`invalid-information`).
    private static func applicationInformation(_ root: [String: Any], source: String) throws -> ProfileInformation {
        var entries: [ApplicationID: [String: PropertyListValue]] = [:]
        for (key, value) in root where key != informationKey {
            if let problem = ApplicationID.problem(key) {
                throw ImportError(.unexpectedElement, "\(source): key 'Information.\(key)' is not an application ID: \(problem)",
                                  details: ["file": .string(source), "field": .string("Information.\(key)")])
            }
            let dictionary = try PlistSupport.dict(value, field: "Information.\(key)", source: source)
            entries[try ApplicationID(parsing: key)] = try PropertyListBridge.dictionary(dictionary, field: "Information.\(key)", source: source)
        }
        return ProfileInformation(entries)
    }

    static func parse(_ bytes: [UInt8], source: String, now: Date) throws -> ImportResult {
        let root = try PlistSupport.dictionary(bytes, source: source)
        guard let authAny = root["AuthenticationProperties"] else {
            throw ImportError(.missingField, "\(source): key 'AuthenticationProperties' is missing",
                              details: ["file": .string(source), "field": "AuthenticationProperties"])
        }
        let auth = try PlistSupport.dict(authAny, field: "AuthenticationProperties", source: source)
        let informationRoot = try root["Information"].map { try PlistSupport.dict($0, field: "Information", source: source) } ?? [:]
        let extra = try informationRoot[informationKey].map { try PlistSupport.dict($0, field: "Information.\(informationKey)", source: source) }
            ?? [:]
        let information = try applicationInformation(informationRoot, source: source)
        var notes: [String] = []
        let allowLEAP = try extra["InsecureAllowLEAP"].map { try PlistSupport.bool($0, field: "InsecureAllowLEAP", source: source) } ?? false
        var (eap, trust, password) = try AuthenticationProperties.read(auth, field: "AuthenticationProperties", source: source,
                                                                     now: now, allowLEAP: allowLEAP, notes: &notes)
        // eapolctl's own extras, when present, restore what eapolcfg's keys cannot say.
        if let raw = extra["InnerMethod"] {
            let text = try PlistSupport.string(raw, field: "Information.\(informationKey).InnerMethod", source: source)
            eap.inner = try InnerMethod(parsing: text)
        }
        if let names = extra["ServerNames"] {
            trust.serverNames = try PlistSupport.strings(names, field: "ServerNames", source: source).map(ServerNameConstraint.init(parsing:))
        }
        if let pins = extra["ServerCertificatePins"] {
            trust.serverCertificatePins = try PlistSupport.strings(pins, field: "ServerCertificatePins", source: source)
                .map { TrustSettings.normalizedPin($0) ?? $0 }
        }
        if let value = extra["UseSystemCAs"] { trust.useSystemCAs = try PlistSupport.bool(value, field: "UseSystemCAs", source: source) }
        if let value = extra["SystemCABundlePath"] {
            trust.systemCABundlePath = try PlistSupport.string(value, field: "SystemCABundlePath", source: source)
        }
        if let value = extra["AllowLegacyTLS"] { trust.allowLegacyTLS = try PlistSupport.bool(value, field: "AllowLegacyTLS", source: source) }
        if let value = extra["InsecureNoServerValidation"] {
            trust.insecureNoServerValidation = try PlistSupport.bool(value, field: "InsecureNoServerValidation", source: source)
        }

        let binding: NetworkBinding
        if let wlanAny = root["WLAN"] {
            let wlan = try PlistSupport.dict(wlanAny, field: "WLAN", source: source)
            if wlan["SSID"] == nil, wlan["Domain"] != nil {
                binding = try passpointBinding(wlan: wlan, extra: extra, source: source)
            } else {
            guard let ssidAny = wlan["SSID"] else {
                throw ImportError(.missingField, "\(source): key 'WLAN.SSID' is missing", details: ["file": .string(source), "field": "WLAN.SSID"])
            }
            let ssid: SSID
            if let data = ssidAny as? Data {
                ssid = try SSID(bytes: Array(data))
            } else {
                ssid = try SSID(parsing: try PlistSupport.string(ssidAny, field: "WLAN.SSID", source: source))
            }
            var security = SecurityType.wpa2
            if let raw = extra["SecurityType"] {
                security = try SecurityType(parsing: try PlistSupport.string(raw, field: "SecurityType", source: source))
            } else if let raw = wlan["SecurityType"] {
                security = try SecurityType(parsing: try PlistSupport.string(raw, field: "WLAN.SecurityType", source: source))
            }
            let hidden = try extra["Hidden"].map { try PlistSupport.bool($0, field: "Hidden", source: source) } ?? false
            binding = .wifi(ssid: ssid, security: security, hidden: hidden)
            }
        } else {
            let interface = try extra["Interface"].map { try PlistSupport.string($0, field: "Interface", source: source) }
            binding = .wired(interface: interface)
            if extra["Wired"] == nil { notes.append("the profile has no WLAN key, so it was imported as a wired profile") }
        }

        let id: ProfileID
        if let raw = root["ProfileID"] {
            let text = try PlistSupport.string(raw, field: "ProfileID", source: source)
            guard let parsed = ProfileID(string: text) else {
                throw ImportError(.unexpectedElement, "\(source): ProfileID '\(text)' is not a UUID",
                                  details: ["file": .string(source), "field": "ProfileID"])
            }
            id = parsed
        } else {
            id = ImportSupport.stableID(["eapolcfg", binding.ssid?.hexText
                                              ?? binding.passpoint.map { "passpoint:" + $0.homeDomains.joined(separator: ",") } ?? "wired"])
        }
        let name = try root["UserDefinedName"].map { try PlistSupport.string($0, field: "UserDefinedName", source: source) }
            ?? binding.ssid?.displayText ?? "wired"
        var created = now
        if let raw = extra["CreatedAt"], let text = raw as? String, let date = ISO8601DateFormatter().date(from: text) { created = date }
        var built = Profile(id: id, name: name, binding: binding, eap: eap, trust: trust, createdAt: created,
                            information: information)
        built.roaming = try roaming(extra, binding: binding, source: source, notes: &notes)
        let profile = try built.validated(now: now)
        let passwordItem = try password.map { secret -> ImportedPassword in
            guard let username = eap.username else {
                throw ImportError(.missingField, "\(source): a UserPassword is present but no UserName", details: ["file": .string(source), "field": "UserName"])
            }
            return ImportedPassword(username: username, password: secret)
        }
        return ImportResult(format: .eapolcfg, profiles: [ImportedProfile(profile: profile, password: passwordItem)], notes: notes)
    }

    /// eapolctl's `Roaming` extra: one of auto, ft, okc, none, kept for a Wi-Fi profile (`--roaming` applies to Wi-Fi
    /// only); on another binding it is left out with a note.
    private static func roaming(_ extra: [String: Any], binding: NetworkBinding, source: String,
                                notes: inout [String]) throws -> RoamingMode? {
        guard let raw = extra["Roaming"] else { return nil }
        let field = "Information.\(informationKey).Roaming"
        let text = try PlistSupport.string(raw, field: field, source: source)
        guard let mode = RoamingMode(rawValue: text) else {
            throw ImportError(.unexpectedElement, "\(source): key '\(field)' is '\(String(text.prefix(32)))', not one of auto, ft, okc, none",
                              details: ["file": .string(source), "field": .string(field)])
        }
        guard case .wifi = binding else {
            notes.append("\(field) (\(mode.rawValue)) was left out: roaming applies to Wi-Fi profiles only")
            return nil
        }
        return mode
    }
}
