import Foundation
import ProfileModel
import Secrets
import StructuredErrors

/// Reads Apple's EAP client configuration dictionary (eapolcfg `AuthenticationProperties`, mobileconfig
/// `EAPClientConfiguration`).
enum AuthenticationProperties {
    /// - Parameter allowLEAP: LEAP (17) may be chosen: only for eapolctl's own export of a profile that allowed it
    ///   (`Information` → `org.eapolctl` → `InsecureAllowLEAP`); otherwise LEAP is skipped like an unsupported type.
    static func read(_ auth: [String: Any], field: String, source: String, now: Date, allowLEAP: Bool = false,
                     notes: inout [String]) throws -> (EAPSettings, TrustSettings, SecretBytes?) {
        guard let typesAny = auth["AcceptEAPTypes"] else {
            throw ImportError(.missingField, "\(source): key '\(field).AcceptEAPTypes' is missing",
                              details: ["file": .string(source), "field": .string("\(field).AcceptEAPTypes")])
        }
        guard let typesArray = typesAny as? [Any] else {
            throw PlistSupport.wrongType("\(field).AcceptEAPTypes", "an array of EAP type numbers", source: source)
        }
        let types = try typesArray.enumerated().map {
            try PlistSupport.int($0.element, field: "\(field).AcceptEAPTypes[\($0.offset)]", source: source)
        }
        let chosen: (method: EAPMethod, skipped: [String])
        do {
            chosen = try EAPMethod.firstSupported(in: types.map(String.init), allowLEAP: allowLEAP)
        } catch let error as ProfileError {
            throw ImportError(.noSupportedMethod, "\(source): \(field).AcceptEAPTypes: \(error.message)",
                              details: ["file": .string(source), "field": .string("\(field).AcceptEAPTypes")])
        }
        if types.count > 1 {
            notes.append("chose \(chosen.method.displayName) (the first supported of AcceptEAPTypes \(types.map(String.init).joined(separator: ", ")))"
                + (chosen.skipped.isEmpty ? "" : "; not used: \(chosen.skipped.joined(separator: ", "))"))
        }
        var inner: InnerMethod?
        if let raw = auth["TTLSInnerAuthentication"] {
            let text = try PlistSupport.string(raw, field: "\(field).TTLSInnerAuthentication", source: source)
            if chosen.method == .ttls {
                inner = text.uppercased() == "EAP" ? .eapMSCHAPv2 : try InnerMethod(parsing: text)
            }
        }
        let username = try auth["UserName"].map { try PlistSupport.string($0, field: "\(field).UserName", source: source) }
        let outer = try auth["OuterIdentity"].map { try PlistSupport.string($0, field: "\(field).OuterIdentity", source: source) }
        var trust = TrustSettings()
        if let raw = auth["TLSTrustedCertificates"] {
            guard let list = raw as? [Any] else { throw PlistSupport.wrongType("\(field).TLSTrustedCertificates", "an array of data", source: source) }
            for (index, item) in list.enumerated() {
                let itemField = "\(field).TLSTrustedCertificates[\(index)]"
                let der = try PlistSupport.data(item, field: itemField, source: source)
                let ca = try ImportSupport.caCertificate(der: der, field: itemField, source: source, now: now)
                if !trust.caCertificates.contains(ca) { trust.caCertificates.append(ca) }
            }
        }
        if let raw = auth["TLSTrustedServerNames"] {
            var names: [ServerNameConstraint] = []
            for text in try PlistSupport.strings(raw, field: "\(field).TLSTrustedServerNames", source: source) {
                let constraint: ServerNameConstraint = text.hasPrefix("*.")
                    ? try ServerNameConstraint(parsing: String(text.dropFirst(2)))
                    : try ServerNameConstraint(parsing: "exact:" + text)
                if !names.contains(constraint) { names.append(constraint) }
            }
            // `name` next to `*.name` is one suffix constraint.
            let all = names
            names.removeAll { constraint in
                if case .exact(let name) = constraint { return all.contains(.suffix(name)) }
                return false
            }
            trust.serverNames = names
        }
        if let raw = auth["TLSMinimumVersion"] {
            trust.tlsMinVersion = try TLSVersion(parsing: try PlistSupport.string(raw, field: "\(field).TLSMinimumVersion", source: source))
        }
        if let raw = auth["TLSMaximumVersion"] {
            trust.tlsMaxVersion = try TLSVersion(parsing: try PlistSupport.string(raw, field: "\(field).TLSMaximumVersion", source: source))
        }
        if let legacy = [trust.tlsMinVersion, trust.tlsMaxVersion].compactMap({ $0 }).first(where: \.isLegacy) {
            trust.allowLegacyTLS = true
            notes.append("the file allows TLS \(legacy.rawValue), deprecated by RFC 8996; allowLegacyTLS was set to keep it")
        }
        if let raw = auth["TLSVerifyServerCertificate"], try !PlistSupport.bool(raw, field: "\(field).TLSVerifyServerCertificate", source: source) {
            trust.insecureNoServerValidation = true
            notes.append("the file turns server certificate validation off (TLSVerifyServerCertificate false)")
        }
        var password = try auth["UserPassword"].map { SecretBytes(utf8: try PlistSupport.string($0, field: "\(field).UserPassword", source: source)) }
        let oneTime = try auth["OneTimeUserPassword"].map { try PlistSupport.bool($0, field: "\(field).OneTimeUserPassword", source: source) } ?? false
        if oneTime, password != nil {
            // A one-time password is never stored: the one in the file was good for one use at most.
            password = nil
            notes.append("the file asks for one-time passwords (OneTimeUserPassword): its UserPassword was not imported")
        }
        let fast = try fastSettings(auth, method: chosen.method, field: field, source: source, notes: &notes)
        return (EAPSettings(outer: chosen.method, inner: inner, username: username, outerIdentity: outer, oneTimePassword: oneTime,
                            insecureAllowLEAP: allowLEAP && chosen.method == .leap, fast: fast),
                trust, password)
    }
}
