import Foundation
import ProfileModel
import Secrets
import StructuredErrors

/// Reads GEANT eap-metadata documents (eap-config, as eduroam CAT and geteduroam serve them).
///
/// The first `AuthenticationMethod` eapolctl supports is chosen (the file lists them by preference); every other
/// one is named in the notes with the reason it was not used. One profile is made per SSID, plus one wired profile
/// when `IEEE8023` applicability is present, plus one Passpoint profile holding every `ConsortiumOID` (see
/// EAPConfigImporter+Passpoint.swift).
enum EAPConfigImporter {
    static let rootName = "EAPIdentityProviderList"

    static let methodChildren: Set<String> = [
        "EAPMethod", "ServerSideCredential", "ClientSideCredential", "InnerAuthenticationMethod",
    ]
    static let serverChildren: Set<String> = ["CA", "ServerID"]
    static let clientChildren: Set<String> = [
        "OuterIdentity", "InnerIdentityPrefix", "InnerIdentitySuffix", "InnerIdentityHint", "UserName", "Password",
        "ClientCertificate", "Passphrase", "PAC", "ProvisionPAC", "IntermediateCACertificate",
    ]

    static func parse(_ bytes: [UInt8], source: String, now: Date) throws -> ImportResult {
        let root = try XMLElementNode.parse(bytes, source: source)
        guard root.localName == rootName || root.localName == "EAPIdentityProvider" else {
            throw ImportError(.unsupportedFormat, "\(source): root element <\(root.name)> is not <\(rootName)>",
                              details: ["file": .string(source), "line": .int(root.line), "column": .int(root.column)])
        }
        let providers = root.localName == "EAPIdentityProvider" ? [root] : root.all("EAPIdentityProvider")
        guard let provider = providers.first else {
            throw missing("EAPIdentityProvider", in: root, source: source)
        }
        var notes: [String] = []
        if providers.count > 1 {
            notes.append("the file lists \(providers.count) identity providers; only the first (\(provider.attributes["ID"] ?? "unnamed")) was imported")
        }
        let info = providerInfo(provider)
        guard let methodsNode = provider.first("AuthenticationMethods") else {
            throw missing("AuthenticationMethods", in: provider, source: source)
        }
        let methods = methodsNode.all("AuthenticationMethod")
        guard !methods.isEmpty else { throw missing("AuthenticationMethod", in: methodsNode, source: source) }

        // Choose the first supported method, in the file's order of preference.
        var chosen: (index: Int, node: XMLElementNode, outer: EAPMethod, inner: InnerMethod?)?
        var skipped: [String] = []
        for (index, node) in methods.enumerated() {
            let label = "method \(index + 1)"
            if let chosen {
                skipped.append("\(label) (\(try describeMethod(node, source: source))) not used: \(chosen.outer.displayName) (method \(chosen.index + 1)) is preferred by the file")
                continue
            }
            switch try classify(node, source: source) {
            case .supported(let outer, let inner):
                chosen = (index, node, outer, inner)
            case .unsupported(let why):
                skipped.append("\(label) skipped: \(why)")
            }
        }
        guard let chosen else {
            throw ImportError(.noSupportedMethod,
                              "\(source): none of the \(methods.count) authentication methods is supported: \(skipped.joined(separator: "; "))",
                              details: ["file": .string(source), "skipped": .list(skipped)])
        }
        notes.append("chose \(chosen.outer.displayName)\(chosen.inner.map { "/\($0.displayName)" } ?? "") (method \(chosen.index + 1) of \(methods.count), the first eapolctl supports)")
        notes += skipped
        for node in chosen.node.children where !methodChildren.contains(node.localName) {
            throw unexpected(node, parent: "AuthenticationMethod", source: source)
        }

        // Server side.
        var cas: [TrustedCertificate] = []
        var names: [ServerNameConstraint] = []
        if let server = chosen.node.first("ServerSideCredential") {
            for node in server.children {
                switch node.localName {
                case "CA":
                    if let format = node.attributes["format"], format.uppercased() != "X.509" {
                        throw unexpected(node, parent: "ServerSideCredential", source: source, why: "CA format '\(format)' is not X.509")
                    }
                    let der = try ImportSupport.base64(node.trimmedText, field: "CA \(cas.count + 1)", source: source, position: node.position)
                    let ca = try ImportSupport.caCertificate(der: der, field: "CA \(cas.count + 1) (\(node.position))", source: source, now: now)
                    if !cas.contains(ca) { cas.append(ca) }
                case "ServerID":
                    let name = try ServerNameConstraint(parsing: node.trimmedText)
                    if !names.contains(name) { names.append(name) }
                default:
                    throw unexpected(node, parent: "ServerSideCredential", source: source)
                }
            }
        }

        // Client side.
        var rule: UsernameRule?
        var username: String?
        var outerIdentity: String?
        var password: SecretBytes?
        var bundle: SecretBytes?
        var passphrase: SecretBytes?
        if let client = chosen.node.first("ClientSideCredential") {
            var prefix: String?
            var suffix: String?
            var hint = false
            for node in client.children {
                let text = node.trimmedText
                switch node.localName {
                case "OuterIdentity": outerIdentity = text.isEmpty ? nil : text
                case "InnerIdentityPrefix": prefix = text.isEmpty ? nil : text
                case "InnerIdentitySuffix": suffix = text.isEmpty ? nil : text
                case "InnerIdentityHint":
                    switch text.lowercased() {
                    case "true", "1": hint = true
                    case "false", "0", "": hint = false
                    default: throw unexpected(node, parent: "ClientSideCredential", source: source, why: "InnerIdentityHint must be true or false, not '\(text)'")
                    }
                case "UserName": username = text.isEmpty ? nil : text
                case "Password": password = SecretBytes(utf8: node.text)
                case "ClientCertificate":
                    if let format = node.attributes["format"], format.uppercased() != "PKCS12" {
                        throw unexpected(node, parent: "ClientSideCredential", source: source, why: "ClientCertificate format '\(format)' is not PKCS12")
                    }
                    var der = try ImportSupport.base64(node.text, field: "ClientCertificate", source: source, position: node.position)
                    bundle = SecretBytes(consumingAndZeroing: &der)
                case "Passphrase": passphrase = SecretBytes(utf8: node.text)
                default:
                    if !clientChildren.contains(node.localName) { throw unexpected(node, parent: "ClientSideCredential", source: source) }
                }
            }
            if prefix != nil || suffix != nil { rule = UsernameRule(prefix: prefix, suffix: suffix, hintOnly: hint) }
        }
        var identity: ImportedIdentity?
        if let bundle {
            if chosen.outer != .tls {
                notes.append("the ClientCertificate was ignored: \(chosen.outer.displayName) does not use a client certificate")
            } else {
                if let passphrase {
                    try PKCS12MAC.verify(bundle: bundle, passphrase: passphrase, source: "\(source): ClientCertificate")
                }
                identity = ImportedIdentity(bundle: bundle, passphrase: passphrase)
            }
        }
        let passwordItem = password.flatMap { secret in
            chosen.outer == .tls ? nil : username.map { ImportedPassword(username: $0, password: secret) }
        }
        if password != nil, username == nil, chosen.outer != .tls {
            notes.append("the file holds a password but no UserName; give --username to store it")
        }

        // Applicability: one profile per SSID, one wired profile.
        guard let applicability = provider.first("CredentialApplicability") else {
            throw missing("CredentialApplicability", in: provider, source: source)
        }
        var bindings: [(NetworkBinding, String)] = []
        var seen: Set<SSID> = []
        var consortiums: [RoamingConsortiumOI] = []
        for node in applicability.children {
            switch node.localName {
            case "IEEE80211":
                let ssidNode = node.first("SSID")
                for oid in node.children where oid.localName == "ConsortiumOID" {
                    let parsed = try consortiumOI(oid, source: source)
                    if !consortiums.contains(parsed) { consortiums.append(parsed) }
                }
                if ssidNode == nil, node.first("ConsortiumOID") != nil { continue }
                guard let ssidNode else { throw missing("SSID", in: node, source: source) }
                let ssid = try SSID(parsing: ssidNode.text)
                let security: SecurityType
                switch node.first("MinRSNProto")?.trimmedText.uppercased() {
                case nil, "", "CCMP", "TKIP": security = .wpa2
                case "GCMP": security = .wpa3
                case let other?:
                    throw unexpected(node.first("MinRSNProto")!, parent: "IEEE80211", source: source, why: "MinRSNProto '\(other)' is not CCMP, GCMP or TKIP")
                }
                if seen.insert(ssid).inserted { bindings.append((.wifi(ssid: ssid, security: security, hidden: false), ssid.displayText)) }
            case "IEEE8023":
                if !bindings.contains(where: { $0.0.isWired }) { bindings.append((.wired(interface: nil), "wired")) }
            default:
                throw unexpected(node, parent: "CredentialApplicability", source: source)
            }
        }
        if let passpoint = passpointBinding(consortiums, provider: provider, outerIdentity: outerIdentity, rule: rule,
                                            notes: &notes) {
            bindings.append((passpoint, "Passpoint"))
        }
        guard !bindings.isEmpty else {
            throw ImportError(.noApplicableNetwork, "\(source): CredentialApplicability names no SSID and no wired network eapolctl supports",
                              details: ["file": .string(source), "line": .int(applicability.line)])
        }

        let providerID = provider.attributes["ID"] ?? info.displayName ?? "eap-config"
        let baseName = info.displayName ?? providerID
        let eap = EAPSettings(outer: chosen.outer, inner: chosen.inner, username: username, outerIdentity: outerIdentity)
        let trust = TrustSettings(caCertificates: cas, serverNames: names)
        var profiles: [ImportedProfile] = []
        for (binding, label) in bindings {
            let profile = Profile(id: ImportSupport.stableID(["eap-config", providerID,
                                                              binding.ssid?.hexText ?? (binding.passpoint != nil ? "passpoint" : "wired")]),
                                  name: "\(baseName) (\(label))", binding: binding, eap: eap, trust: trust, createdAt: now)
            profiles.append(ImportedProfile(profile: try ImportSupport.validated(profile, now: now),
                                            password: passwordItem, identity: identity, usernameRule: rule))
        }
        var providerInfo = info
        providerInfo.id = provider.attributes["ID"]
        return ImportResult(format: .eapConfig, profiles: profiles, notes: notes, provider: providerInfo)
    }

    enum Classification {
        case supported(EAPMethod, InnerMethod?)
        case unsupported(String)
    }

    static let eapNames: [Int: String] = [
        4: "EAP-MD5", 6: "EAP-GTC", 13: "EAP-TLS", 17: "LEAP", 18: "EAP-SIM", 21: "EAP-TTLS", 23: "EAP-AKA", 25: "PEAP",
        26: "EAP-MSCHAPv2", 43: "EAP-FAST", 50: "EAP-AKA'", 52: "EAP-pwd", 55: "TEAP",
    ]
    static let nonEAPNames: [Int: String] = [1: "PAP", 2: "MSCHAP", 3: "MSCHAPv2"]

    static func eapType(_ node: XMLElementNode?, parent: XMLElementNode, source: String) throws -> Int {
        guard let node else { throw missing("EAPMethod", in: parent, source: source) }
        guard let typeNode = node.first("Type") else { throw missing("Type", in: node, source: source) }
        guard let number = Int(typeNode.trimmedText), number >= 0 else {
            throw unexpected(typeNode, parent: node.localName, source: source, why: "Type '\(typeNode.trimmedText)' is not a number")
        }
        return number
    }

    static func describeMethod(_ node: XMLElementNode, source: String) throws -> String {
        let number = try eapType(node.first("EAPMethod"), parent: node, source: source)
        return "\(eapNames[number] ?? "EAP type \(number)") (\(number))"
    }

    static func classify(_ node: XMLElementNode, source: String) throws -> Classification {
        let number = try eapType(node.first("EAPMethod"), parent: node, source: source)
        let outer: EAPMethod
        switch number {
        case 13: outer = .tls
        case 21: outer = .ttls
        case 25: outer = .peap
        default:
            return .unsupported("\(eapNames[number] ?? "EAP type \(number)") (type \(number)) is not supported by eapolctl (PEAP 25, TTLS 21 and TLS 13 are)")
        }
        guard outer.isTunneled else { return .supported(outer, nil) }
        guard let innerNode = node.first("InnerAuthenticationMethod") else { return .supported(outer, nil) }
        if let eapNode = innerNode.first("EAPMethod") {
            let inner = try eapType(eapNode, parent: innerNode, source: source)
            switch (outer, inner) {
            case (.peap, 26): return .supported(outer, .mschapv2)
            case (.peap, 6): return .supported(outer, .gtc)
            case (.ttls, 26): return .supported(outer, .eapMSCHAPv2)
            default:
                return .unsupported("\(outer.displayName) with inner \(eapNames[inner] ?? "EAP type \(inner)") (EAP type \(inner)) is not supported")
            }
        }
        if let nonEAP = innerNode.first("NonEAPAuthMethod") {
            guard let typeNode = nonEAP.first("Type") else { throw missing("Type", in: nonEAP, source: source) }
            guard let inner = Int(typeNode.trimmedText) else {
                throw unexpected(typeNode, parent: "NonEAPAuthMethod", source: source, why: "Type '\(typeNode.trimmedText)' is not a number")
            }
            guard outer == .ttls else {
                return .unsupported("\(outer.displayName) with a non-EAP inner method (\(nonEAPNames[inner] ?? "type \(inner)")) is not possible")
            }
            switch inner {
            case 1: return .supported(outer, .pap)
            case 2: return .supported(outer, .mschap)
            case 3: return .supported(outer, .mschapv2)
            default: return .unsupported("TTLS with non-EAP inner method type \(inner) is not supported (1 PAP, 2 MSCHAP, 3 MSCHAPv2 are)")
            }
        }
        throw missing("EAPMethod or NonEAPAuthMethod", in: innerNode, source: source)
    }

    static func providerInfo(_ provider: XMLElementNode) -> ProviderInfo {
        var info = ProviderInfo()
        guard let node = provider.first("ProviderInfo") else { return info }
        func localized(_ name: String) -> String? {
            let all = node.all(name)
            let english = all.first { ($0.attributes["lang"] ?? "").hasPrefix("en") } ?? all.first { $0.attributes["lang"] == nil } ?? all.first
            return english.map(\.trimmedText).flatMap { $0.isEmpty ? nil : $0 }
        }
        info.displayName = localized("DisplayName")
        info.description = localized("Description")
        info.termsOfUse = localized("TermsOfUse")
        if let helpdesk = node.first("Helpdesk") {
            info.helpdeskEmails = helpdesk.all("EmailAddress").map(\.trimmedText).filter { !$0.isEmpty }
            info.helpdeskWeb = helpdesk.all("WebAddress").map(\.trimmedText).filter { !$0.isEmpty }
            info.helpdeskPhones = helpdesk.all("Phone").map(\.trimmedText).filter { !$0.isEmpty }
        }
        return info
    }

    static func missing(_ name: String, in parent: XMLElementNode, source: String) -> ImportError {
        ImportError(.missingField, "\(source): <\(parent.localName)> at \(parent.position) has no <\(name)>",
                    details: ["file": .string(source), "field": .string(name), "line": .int(parent.line), "column": .int(parent.column)])
    }

    static func unexpected(_ node: XMLElementNode, parent: String, source: String, why: String? = nil) -> ImportError {
        ImportError(.unexpectedElement,
                    "\(source): \(why ?? "unknown element <\(node.localName)> in <\(parent)>") at \(node.position)",
                    details: ["file": .string(source), "field": .string(node.localName), "line": .int(node.line), "column": .int(node.column)])
    }
}
