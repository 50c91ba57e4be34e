import Foundation
import ProfileModel
import Secrets
import StructuredErrors

/// Reads Apple configuration profiles (.mobileconfig), plain XML plists or CMS-signed.
enum MobileconfigImporter {
    static let wifiType = "com.apple.wifi.managed"
    static let wiredTypes: Set<String> = [
        "com.apple.firstactiveethernet.managed", "com.apple.secondactiveethernet.managed",
        "com.apple.thirdactiveethernet.managed", "com.apple.globalethernet.managed", "com.apple.firstethernet.managed",
        "com.apple.secondethernet.managed", "com.apple.thirdethernet.managed",
    ]
    static let certificateTypes: Set<String> = ["com.apple.security.root", "com.apple.security.pem", "com.apple.security.pkcs1"]
    static let identityType = "com.apple.security.pkcs12"

    static func parse(_ bytes: [UInt8], source: String, now: Date) throws -> ImportResult {
        var plistBytes = bytes
        var envelope: [UInt8]?
        if CMSEnvelope.looksSigned(bytes) {
            // The signature is checked (async, against the system CAs) by ProfileImporter.parseVerifyingSignature.
            plistBytes = try CMSEnvelope.unwrap(bytes, source: source).content
            envelope = bytes
        }
        let root = try PlistSupport.dictionary(plistBytes, source: source)
        if let type = root["PayloadType"], (type as? String) != "Configuration" {
            throw ImportError(.unsupportedFormat, "\(source): PayloadType is '\(type)', not 'Configuration'",
                              details: ["file": .string(source), "field": "PayloadType"])
        }
        guard let contentAny = root["PayloadContent"] else {
            throw ImportError(.missingField, "\(source): key 'PayloadContent' is missing", details: ["file": .string(source), "field": "PayloadContent"])
        }
        guard let contentList = contentAny as? [Any] else {
            throw PlistSupport.wrongType("PayloadContent", "an array of payloads", source: source)
        }
        let payloads = try contentList.enumerated().map { try PlistSupport.dict($0.element, field: "PayloadContent[\($0.offset)]", source: source) }
        var notes: [String] = []
        var certificates: [String: (index: Int, payload: [String: Any])] = [:]
        var identities: [String: (index: Int, payload: [String: Any])] = [:]
        for (index, payload) in payloads.enumerated() {
            let type = try payload["PayloadType"].map { try PlistSupport.string($0, field: "PayloadContent[\(index)].PayloadType", source: source) } ?? ""
            let uuid = try payload["PayloadUUID"].map { try PlistSupport.string($0, field: "PayloadContent[\(index)].PayloadUUID", source: source) }
            if certificateTypes.contains(type), let uuid { certificates[uuid.uppercased()] = (index, payload) }
            if type == identityType, let uuid { identities[uuid.uppercased()] = (index, payload) }
        }
        let topName = try root["PayloadDisplayName"].map { try PlistSupport.string($0, field: "PayloadDisplayName", source: source) }
        var results: [ImportedProfile] = []
        // Identity payloads already read (and their passphrase checked), by UUID: the MAC is checked once per
        // bundle however many network payloads name it.
        var checkedIdentities: [String: ImportedIdentity] = [:]
        for (index, payload) in payloads.enumerated() {
            let field = "PayloadContent[\(index)]"
            let type = (payload["PayloadType"] as? String) ?? ""
            let isWifi = type == wifiType
            let isWired = wiredTypes.contains(type)
            guard isWifi || isWired else {
                if !certificateTypes.contains(type), type != identityType {
                    notes.append("\(field): payload type '\(type)' is not a network payload and was ignored")
                }
                continue
            }
            guard let eapAny = payload["EAPClientConfiguration"] else {
                notes.append("\(field): \(type) payload without EAPClientConfiguration (not 802.1X) was skipped")
                continue
            }
            let eapDict = try PlistSupport.dict(eapAny, field: "\(field).EAPClientConfiguration", source: source)
            var (eap, trust, password) = try AuthenticationProperties.read(eapDict, field: "\(field).EAPClientConfiguration",
                                                                           source: source, now: now, notes: &notes)
            // Trust anchors: referenced certificate payloads.
            var anchorUUIDs: [String] = []
            for container in [eapDict, payload] {
                if let raw = container["PayloadCertificateAnchorUUID"] {
                    anchorUUIDs += try PlistSupport.strings(raw, field: "\(field).PayloadCertificateAnchorUUID", source: source)
                }
            }
            for uuid in anchorUUIDs {
                guard let (certIndex, certPayload) = certificates[uuid.uppercased()] else {
                    throw ImportError(.missingField, "\(source): \(field) names certificate payload \(uuid), which the profile does not contain",
                                      details: ["file": .string(source), "field": .string("\(field).PayloadCertificateAnchorUUID")])
                }
                let certField = "PayloadContent[\(certIndex)].PayloadContent"
                guard let raw = certPayload["PayloadContent"] else {
                    throw ImportError(.missingField, "\(source): key '\(certField)' is missing", details: ["file": .string(source), "field": .string(certField)])
                }
                let bytes = try PlistSupport.data(raw, field: certField, source: source)
                let parsed: [TrustedCertificate]
                do {
                    parsed = try TrustedCertificate.parse(bytes, source: "\(source): \(certField)")
                } catch let error as ProfileError {
                    throw ImportError(.unusableCA, error.message, details: ["file": .string(source), "field": .string(certField)])
                }
                for certificate in parsed {
                    let checked = try ImportSupport.caCertificate(der: certificate.der, field: certField, source: source, now: now)
                    if !trust.caCertificates.contains(checked) { trust.caCertificates.append(checked) }
                }
            }
            // Identity.
            var identity: ImportedIdentity?
            if let raw = payload["PayloadCertificateUUID"] ?? eapDict["PayloadCertificateUUID"] {
                let uuid = try PlistSupport.string(raw, field: "\(field).PayloadCertificateUUID", source: source)
                guard let (idIndex, idPayload) = identities[uuid.uppercased()] else {
                    throw ImportError(.missingField, "\(source): \(field) names identity payload \(uuid), which the profile does not contain",
                                      details: ["file": .string(source), "field": .string("\(field).PayloadCertificateUUID")])
                }
                let checked: ImportedIdentity
                if let known = checkedIdentities[uuid.uppercased()] {
                    checked = known
                } else {
                    checked = try readIdentity(idPayload, field: "PayloadContent[\(idIndex)]", source: source)
                    checkedIdentities[uuid.uppercased()] = checked
                }
                if eap.outer == .tls {
                    identity = checked
                } else {
                    notes.append("\(field): the identity payload was ignored: \(eap.outer.displayName) uses no client certificate")
                }
            }
            let binding: NetworkBinding
            let label: String
            if isWifi {
                guard let ssidRaw = payload["SSID_STR"] else {
                    throw ImportError(.missingField, "\(source): key '\(field).SSID_STR' is missing", details: ["file": .string(source), "field": .string("\(field).SSID_STR")])
                }
                let ssid = try SSID(parsing: try PlistSupport.string(ssidRaw, field: "\(field).SSID_STR", source: source))
                let encryption = try payload["EncryptionType"].map { try PlistSupport.string($0, field: "\(field).EncryptionType", source: source) } ?? "WPA2"
                let security = try SecurityType(parsing: encryption)
                guard security.isWiFi else {
                    throw ImportError(.unexpectedElement, "\(source): \(field).EncryptionType '\(encryption)' is not a Wi-Fi security type",
                                      details: ["file": .string(source), "field": .string("\(field).EncryptionType")])
                }
                let hidden = try payload["HIDDEN_NETWORK"].map { try PlistSupport.bool($0, field: "\(field).HIDDEN_NETWORK", source: source) } ?? false
                binding = .wifi(ssid: ssid, security: security, hidden: hidden)
                label = ssid.displayText
            } else {
                binding = .wired(interface: nil)
                label = "wired"
                if type != "com.apple.firstactiveethernet.managed", type != "com.apple.globalethernet.managed" {
                    notes.append("\(field): \(type) applies to a particular Ethernet port on macOS; imported as a wired profile for any interface")
                }
            }
            let payloadUUID = payload["PayloadUUID"] as? String
            let id = payloadUUID.flatMap(ProfileID.init(string:)) ?? ImportSupport.stableID(["mobileconfig", payloadUUID ?? "", binding.ssid?.hexText ?? "wired"])
            let name = (payload["PayloadDisplayName"] as? String) ?? topName.map { "\($0) (\(label))" } ?? label
            let profile = try Profile(id: id, name: name, binding: binding, eap: eap, trust: trust, createdAt: now).validated(now: now)
            let passwordItem = password.flatMap { secret in eap.username.map { ImportedPassword(username: $0, password: secret) } }
            if password != nil, eap.username == nil { notes.append("\(field): a UserPassword without UserName was not stored") }
            results.append(ImportedProfile(profile: profile, password: passwordItem, identity: identity))
        }
        guard !results.isEmpty else {
            throw ImportError(.noApplicableNetwork, "\(source): the configuration profile has no 802.1X Wi-Fi or wired payload",
                              details: ["file": .string(source)])
        }
        return ImportResult(format: .mobileconfig, profiles: results, notes: notes, signedEnvelope: envelope)
    }

    /// Reads a `com.apple.security.pkcs12` payload and checks its `Password` against the bundle's MAC.
    static func readIdentity(_ payload: [String: Any], field: String, source: String) throws -> ImportedIdentity {
        guard let content = payload["PayloadContent"] else {
            throw ImportError(.missingField, "\(source): key '\(field).PayloadContent' is missing",
                              details: ["file": .string(source), "field": .string("\(field).PayloadContent")])
        }
        var bundleBytes = try PlistSupport.data(content, field: "\(field).PayloadContent", source: source)
        let bundle = SecretBytes(consumingAndZeroing: &bundleBytes)
        let passphrase = try payload["Password"].map { SecretBytes(utf8: try PlistSupport.string($0, field: "\(field).Password", source: source)) }
        if let passphrase {
            try PKCS12MAC.verify(bundle: bundle, passphrase: passphrase, source: "\(source): \(field)")
        }
        return ImportedIdentity(bundle: bundle, passphrase: passphrase)
    }
}
