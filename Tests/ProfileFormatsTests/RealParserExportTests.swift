import Foundation
import ProfileModel
@testable import ProfileFormats
import Testing

/// The hostile exports of HostileExportTests that were written (not refused), read back by the real parsers:
/// wpa_supplicant itself, GLib's key file reader and Python's strict configparser.
@Suite(.serialized) struct RealParserExportTests {
    static func written(_ formats: Set<ProfileFormat>) throws -> [(HostileExport, ExportOutput)] {
        try HostileProfiles.all().filter { formats.contains($0.format) }.compactMap { c in
            if case .written(let output) = try HostileOutcome(c) { return (c, output) }
            return nil
        }
    }

    @Test(.enabled(if: RealParsers.shouldRun))
    func wpaSupplicantReadsExactlyOneNetworkWithTheSameValues() throws {
        let namespace = try SupplicantNamespace()
        let cases = try Self.written([.wpaSupplicant])
        let started = Date()
        for (index, (c, output)) in cases.enumerated() {
            let parse = SupplicantParse(log: try namespace.parse(output.text, label: "case\(index)"))
            #expect(!parse.readFailed && parse.errors.isEmpty, "\(c): \(parse.errors)")
            #expect(parse.networkBlocks == 1 && parse.listedNetworks == 1, "\(c): \(parse.networkBlocks) blocks, \(parse.listedNetworks) listed")
            #expect(Set(parse.fields.map(\.key)).count == parse.fields.count, "\(c): a field was read twice")
            for field in parse.fields { #expect(wpaNetworkFields.contains(field.key), "\(c): injected field \(field.key)") }
            for flag in parse.flags {
                let key = String(flag.prefix { $0 != "=" && $0 != ":" && $0 != " " })
                #expect(wpaNetworkFields.contains(key) || flag.hasPrefix("eap methods"), "\(c): injected setting \(flag)")
            }
            for (key, value) in HostileProfiles.expectedValues(c) {
                let read = parse.fields.first { $0.key == key }?.value
                #expect(read == value, "\(c): wpa_supplicant read \(key) as \(read.map { String(decoding: $0, as: UTF8.self).debugDescription } ?? "nothing")")
            }
        }
        #expect(cases.count > 150, "only \(cases.count) wpa_supplicant exports were written")
        print("wpa_supplicant parsed \(cases.count) exported files in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// The checks above can fail: the block the old exporter wrote for the issue's profile is read by
    /// wpa_supplicant as an injected global setting and a second network.
    @Test(.enabled(if: RealParsers.shouldRun))
    func theCheckSeesTheIssuesInjection() throws {
        let namespace = try SupplicantNamespace()
        let injected = "/x\"\n}\nap_scan=2\nnetwork={\n\tssid=\"evil\"\n\tkey_mgmt=IEEE8021X\n"
        let old = "network={\n\tkey_mgmt=IEEE8021X\n\teap=PEAP\n\tca_cert=\"\(injected)\"\n}\n"
        let parse = SupplicantParse(log: try namespace.parse(old, label: "old"))
        #expect(parse.networkBlocks == 2 || !parse.errors.isEmpty || parse.readFailed)
        #expect(parse.errors.contains { $0.contains("ap_scan") } || parse.networkBlocks == 2, "\(parse.errors)")
    }

    @Test(.enabled(if: RealParsers.shouldRun))
    func glibAndConfigparserReadOneSetOfSectionsWithTheSameValues() throws {
        try RealParsers.requirePrerequisites()
        let cases = try Self.written([.iwd, .networkManager])
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-keyfiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: dir) }
        var files: [URL] = []
        for (index, (_, output)) in cases.enumerated() {
            let file = dir.appendingPathComponent("case\(index).keyfile")
            try Data(output.bytes).write(to: file)
            files.append(file)
        }
        // A negative control: an unescaped backslash and an injected section are seen.
        let control = dir.appendingPathComponent("control.keyfile")
        try Data("[Security]\nEAP-Identity=a\\b\n[Security]\nEAP-Method=TLS\n".utf8).write(to: control)
        let results = try KeyfileParsers.parse(files + [control])
        let controlResult = try #require(results[control.path])
        #expect(controlResult.errors.contains { $0.hasPrefix("GLib") } && controlResult.errors.contains { $0.hasPrefix("configparser") },
                "\(controlResult.errors)")

        for ((c, _), file) in zip(cases, files) {
            let result = try #require(results[file.path], "\(c): not parsed")
            #expect(result.errors.isEmpty, "\(c): \(result.errors)")
            let groups: [String] = c.format == .iwd
                ? ["Security"]
                : (c.profile.isWired ? ["connection", "ethernet", "802-1x", "ipv4", "ipv6"]
                    : ["connection", "wifi", "wifi-security", "802-1x", "ipv4", "ipv6"])
            #expect(result.glibGroups == groups, "\(c): GLib groups \(result.glibGroups)")
            #expect(result.configparserSections == groups, "\(c): configparser sections \(result.configparserSections)")
            #expect(Set(result.glib.keys) == Set(result.configparser.keys), "\(c): the parsers disagree on the keys")
            for (key, value) in result.glib {
                #expect(result.configparser[key].flatMap(KeyfileReading.unescape) == value, "\(c): configparser and GLib disagree on \(key)")
            }
            for (key, value) in HostileProfiles.expectedValues(c) {
                let read = result.glib[key].map { key == "wifi.ssid" ? KeyfileReading.nmSSID($0) : $0 }
                #expect(read == value, "\(c): GLib read \(key) as \(read.map { String(decoding: $0, as: UTF8.self).debugDescription } ?? "nothing")")
            }
        }
        #expect(cases.count > 200, "only \(cases.count) key files were written")
        print("GLib and configparser read \(cases.count) exported key files")
    }
}
