import Foundation
import ProfileModel
@testable import ProfileFormats
import Secrets
import StructuredErrors
import Testing

/// Text values no text field may hold: each has a character that ends a value in some format.
let hostileForbiddenText: [String] = [
    "a\nb", "a\rb", "a\tb", "a\u{0}b", "a\u{1B}[31mb", "a\u{7F}b", "a\u{85}b", "a\u{9B}b", "a\u{2028}b", "a\u{2029}b",
    "x\"\n}\nctrl_interface=DIR=/run/wpa_supplicant GROUP=users\nnetwork={\n\tssid=\"evil\"\n",
    "x\n[section]\nkey=value", "x\n[@pem@evil]\n-----BEGIN CERTIFICATE-----",
]

/// Printable values that mean something in some format: every exporter must carry them unchanged.
let hostilePrintableText: [String] = [
    "a\"b", "\"", "}", "{", "network={", "a=b", "#x", "a#b", "[section]", "a\\b", "\\n", "\\s", " lead", "trail ",
    "a;b", "a,b", "ü€😀", "a]]>&<b", "P\"x\"", "hash:00", "%s%n", "'q'",
]

/// Secrets may hold anything but NUL in wpa_supplicant; the key files carry line breaks, tabs and backslashes
/// escaped and refuse the other control characters.
let hostileSecrets: [String] = hostileForbiddenText + hostilePrintableText

/// SSIDs are bytes: quotes, line breaks, braces, NUL, invalid UTF-8, C1 controls.
let hostileSSIDs: [[UInt8]] = [
    Array("\"".utf8), Array("a\nb".utf8), Array("}\nnetwork={".utf8), [0xFF, 0xFE, 0x00, 0x41], Array("#x".utf8),
    Array("a=b".utf8), Array("[section]".utf8), Array("a\\b".utf8), Array(" lead".utf8), Array("trail ".utf8),
    Array("a;b".utf8), [0xC2, 0x85], Array("x\"y".utf8), Array("😀".utf8), [0x00], Array("1;2;".utf8), Array("hex:41".utf8),
    Array("P\"x\"".utf8), Array(String(repeating: "\"", count: 32).utf8),
]

/// The fields a hostile value is put in.
enum HostileField: String, CaseIterable, Sendable {
    case name, username, outerIdentity, systemCABundlePath, interface, serverName, pin
    case storedUsername, password, passphrase, ssid

    /// The field path an exporter must name when it refuses the value.
    var path: String {
        switch self {
        case .name: "name"
        case .username: "eap.username"
        case .outerIdentity: "eap.outerIdentity"
        case .systemCABundlePath: "trust.systemCABundlePath"
        case .interface: "binding.interface"
        case .serverName: "trust.serverNames[1]"
        case .pin: "trust.serverCertificatePins[0]"
        case .storedUsername: "the stored username"
        case .password: "the password"
        case .passphrase: "the PKCS#12 passphrase"
        case .ssid: "binding.ssid"
        }
    }

    var isSecret: Bool { [.password, .passphrase].contains(self) }
}

/// One export to try: a profile (built without validation) with one hostile value, its secrets, and the format.
struct HostileExport: CustomStringConvertible {
    var field: HostileField
    var value: [UInt8]
    var format: ProfileFormat
    var profile: Profile
    var secrets: ExportSecrets?

    var text: String { String(decoding: value, as: UTF8.self) }
    var description: String { "\(format) \(field.rawValue)=\(text.debugDescription) \(value.count < 40 ? value.description : "")" }

    /// Whether the validator's character rule forbids the value (for text fields).
    var isForbiddenText: Bool {
        ProfileValidator.forbiddenCharacter(in: text, kind: field == .systemCABundlePath ? .path : .text) != nil
    }
}

enum HostileProfiles {
    static let pki = TestPKI.shared
    static let created = Date(timeIntervalSince1970: 1_700_000_000)

    static func ca() throws -> TrustedCertificate { try TrustedCertificate(der: pki.ca1DER, source: "ca1") }

    /// A PEAP Wi-Fi profile with every identity set, an embedded CA and two server names.
    static func peap() throws -> Profile {
        Profile(id: ProfileID(string: "6A1F3C2E-0B7D-4E59-9C8A-1D2E3F405162")!, name: "Corp",
                binding: .wifi(ssid: try SSID(parsing: "corp"), security: .wpa2, hidden: false),
                eap: EAPSettings(outer: .peap, username: "alice", outerIdentity: "anon@example.org"),
                trust: TrustSettings(caCertificates: [try ca()], serverNames: [.suffix("example.org"), .exact("radius.example.org")]),
                createdAt: created)
    }

    /// An EAP-TLS Wi-Fi profile with an embedded CA.
    static func tls() throws -> Profile {
        var profile = try peap()
        profile.eap = EAPSettings(outer: .tls, username: "dev@example.org")
        return profile
    }

    /// A wired PEAP profile on eth1 trusting the system CAs.
    static func wired() throws -> Profile {
        var profile = try peap()
        profile.binding = .wired(interface: "eth1")
        profile.trust = TrustSettings(useSystemCAs: true, serverNames: [.suffix("example.org"), .exact("radius.example.org")])
        return profile
    }

    /// Every (field, value, format) combination.
    static func all() throws -> [HostileExport] {
        var out: [HostileExport] = []
        let texts = (hostileForbiddenText + hostilePrintableText).map { Array($0.utf8) }
        for field in HostileField.allCases {
            let values: [[UInt8]] = switch field {
            case .ssid: hostileSSIDs
            case .password, .passphrase: hostileSecrets.map { Array($0.utf8) }
            default: texts
            }
            for value in values {
                for format in ProfileFormat.exportable {
                    out.append(try make(field, value, format))
                }
            }
        }
        return out
    }

    static func make(_ field: HostileField, _ value: [UInt8], _ format: ProfileFormat) throws -> HostileExport {
        let text = String(decoding: value, as: UTF8.self)
        var profile = try peap()
        var secrets: ExportSecrets?
        switch field {
        case .name: profile.name = text
        case .username: profile.eap.username = text
        case .outerIdentity: profile.eap.outerIdentity = text
        case .systemCABundlePath:
            profile = try wired()
            if format == .iwd { profile.binding = try peap().binding }
            profile.trust.systemCABundlePath = "/etc/ssl/" + text
        case .interface: profile = try wired(); profile.binding = .wired(interface: text)
        case .serverName: profile.trust.serverNames[1] = .exact(text)
        case .pin:
            profile = try tls()
            profile.trust = TrustSettings(serverCertificatePins: [String(repeating: "ab", count: 32) + text])
        case .storedUsername:
            secrets = ExportSecrets(password: ImportedPassword(username: text, password: SecretBytes(utf8: "secret")))
        case .password:
            secrets = ExportSecrets(password: ImportedPassword(username: "alice", password: SecretBytes(value)))
        case .passphrase:
            profile = try tls()
            secrets = ExportSecrets(identity: ImportedIdentity(bundle: SecretBytes(pki.p12SHA256), passphrase: SecretBytes(value)))
        case .ssid: profile.binding = .wifi(ssid: try SSID(bytes: value), security: .wpa2, hidden: false)
        }
        return HostileExport(field: field, value: value, format: format, profile: profile, secrets: secrets)
    }

    /// The values of the written file that come from the hostile field, by the key the format writes them under
    /// (wpa_supplicant: network field; key files: `group.key`), as the exporter must have written them.
    static func expectedValues(_ c: HostileExport) -> [String: [UInt8]] {
        let v = c.value
        let path = Array("/etc/ssl/".utf8) + v
        switch (c.format, c.field) {
        case (.wpaSupplicant, .username), (.wpaSupplicant, .storedUsername): return ["identity": v]
        case (.wpaSupplicant, .outerIdentity): return ["anonymous_identity": v]
        case (.wpaSupplicant, .systemCABundlePath): return ["ca_cert": path]
        case (.wpaSupplicant, .serverName): return ["domain_match": v]
        case (.wpaSupplicant, .password): return ["password": v]
        case (.wpaSupplicant, .passphrase): return ["private_key_passwd": v]
        case (.wpaSupplicant, .ssid): return ["ssid": v]
        case (.iwd, .username), (.iwd, .storedUsername): return ["Security.EAP-PEAP-Phase2-Identity": v]
        case (.iwd, .outerIdentity): return ["Security.EAP-Identity": v]
        case (.iwd, .systemCABundlePath): return ["Security.EAP-PEAP-CACert": path]
        case (.iwd, .serverName): return ["Security.EAP-PEAP-ServerDomainMask": Array("example.org;*.example.org;".utf8) + v]
        case (.iwd, .password): return ["Security.EAP-PEAP-Phase2-Password": v]
        case (.iwd, .passphrase): return ["Security.EAP-TLS-ClientKeyPassphrase": v]
        case (.networkManager, .name): return ["connection.id": v]
        case (.networkManager, .interface): return ["connection.interface-name": v]
        case (.networkManager, .username), (.networkManager, .storedUsername): return ["802-1x.identity": v]
        case (.networkManager, .outerIdentity): return ["802-1x.anonymous-identity": v]
        case (.networkManager, .serverName): return ["802-1x.domain-match": v]
        case (.networkManager, .password): return ["802-1x.password": v]
        case (.networkManager, .passphrase): return ["802-1x.private-key-password": v]
        case (.networkManager, .ssid): return ["wifi.ssid": v]
        default: return [:]
        }
    }
}

/// Reads a wpa_supplicant configuration as hostap's `wpa_config_read` does (the real one is run in
/// RealParserExportTests): comments, blobs, network blocks, and `"text"` / hex string values.
struct WPAConfigReading {
    var globals: [String] = []
    var blobs: [String] = []
    var networks: [[(key: String, value: String)]] = []
    var errors: [String] = []

    init(_ text: String) {
        var current: [(String, String)]?
        var inBlob = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = Substring(raw).drop { $0 == " " || $0 == "\t" || $0 == "\r" }
            if line.isEmpty || line.hasPrefix("#") { continue }
            while let last = line.last, last == " " || last == "\t" || last == "\r" { line = line.dropLast() }
            if inBlob { if line == "}" { inBlob = false }; continue }
            if current != nil {
                if line == "}" { networks.append(current!); current = nil; continue }
                guard let eq = line.firstIndex(of: "=") else { errors.append(String(line)); continue }
                current!.append((String(line[..<eq]), String(line[line.index(after: eq)...])))
            } else if line == "network={" {
                current = []
            } else if line.hasPrefix("blob-base64-"), line.hasSuffix("={") {
                blobs.append(String(line)); inBlob = true
            } else {
                globals.append(String(line))
            }
        }
        if current != nil { errors.append("unterminated network block") }
    }

    /// hostap's `wpa_config_parse_string`: `"..."` up to the last quote, or hex.
    static func decode(_ value: String) -> [UInt8]? {
        if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { return Array(value.dropFirst().dropLast().utf8) }
        let digits = Array(value.utf8)
        guard digits.count % 2 == 0, digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else { return nil }
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }
}

/// Reads a GLib key file / ell settings file: groups, `key=value`, escapes `\s \n \t \r \\`; embedded `[@type@name]`
/// groups (iwd) swallow the rest of the file.
struct KeyfileReading {
    var groups: [String] = []
    var values: [String: [UInt8]] = [:]
    var embedded: [String] = []
    var errors: [String] = []

    init(_ text: String) {
        var group: String?
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("[@") { embedded.append(String(line)); break }
            if line.hasPrefix("[") {
                guard line.hasSuffix("]") else { errors.append("bad group line \(line)"); continue }
                let name = String(line.dropFirst().dropLast())
                if groups.contains(name) { errors.append("group \(name) twice") }
                groups.append(name); group = name; continue
            }
            guard let group, let eq = line.firstIndex(of: "=") else { errors.append("stray line \(line.debugDescription)"); continue }
            let key = group + "." + line[..<eq]
            let rawValue = line[line.index(after: eq)...].drop { $0 == " " || $0 == "\t" }
            guard let value = Self.unescape(String(rawValue)) else { errors.append("bad escape in \(key)"); continue }
            if values[key] != nil { errors.append("key \(key) twice") }
            values[key] = value
        }
    }

    static func unescape(_ text: String) -> [UInt8]? {
        var out: [UInt8] = []
        var bytes = Array(text.utf8).makeIterator()
        while let b = bytes.next() {
            guard b == UInt8(ascii: "\\") else { out.append(b); continue }
            switch bytes.next() {
            case UInt8(ascii: "s"): out.append(0x20)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "\\"): out.append(0x5C)
            default: return nil
            }
        }
        return out
    }

    /// NetworkManager's SSID: a `b1;b2;...;` byte list, or the text.
    static func nmSSID(_ value: [UInt8]) -> [UInt8] {
        let text = String(decoding: value, as: UTF8.self)
        let items = text.split(separator: ";", omittingEmptySubsequences: false)
        if text.hasSuffix(";"), items.dropLast().allSatisfy({ UInt8($0) != nil }) { return items.dropLast().map { UInt8($0)! } }
        return value
    }
}

/// The outcome of one hostile export: refused (naming the field) or written.
enum HostileOutcome {
    case refused(ImportError)
    case written(ExportOutput)

    init(_ c: HostileExport) throws {
        do {
            self = .written(try ProfileExporter.export(c.profile, as: c.format, secrets: c.secrets))
        } catch let error as ImportError {
            self = .refused(error)
        }
    }
}
