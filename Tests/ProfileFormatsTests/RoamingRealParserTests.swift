import Foundation
import ProfileModel
@testable import ProfileFormats
import Testing

/// The roaming lines of the wpa_supplicant export as the real wpa_supplicant reads them (`-dd -K`, as
/// RealParserExportTests): the `key_mgmt` bits (IEEE8021X 0x1, FT-IEEE8021X 0x20, IEEE8021X-SHA256 0x80,
/// SUITE-B-192 0x20000, hostap `defs.h`) and `proactive_key_caching`, for every security type and mode.
@Suite(.serialized) struct RoamingRealParserTests {
    static let expectedBits: [SecurityType: [RoamingMode?: String]] = [
        .wpa2: [nil: "0x1", RoamingMode.none: "0x1", .okc: "0x1", .ft: "0x20", .auto: "0x21"],
        .wpa2_wpa3: [nil: "0x81", RoamingMode.none: "0x81", .okc: "0x81", .ft: "0x20", .auto: "0xa1"],
        .wpa3: [nil: "0x80", RoamingMode.none: "0x80", .okc: "0x80", .ft: "0x20", .auto: "0xa0"],
        .wpa3_192: [nil: "0x20000", RoamingMode.none: "0x20000", .okc: "0x20000", .ft: "0x20000", .auto: "0x20000"],
    ]

    @Test(.enabled(if: RealParsers.shouldRun))
    func wpaSupplicantReadsTheRoamingAKMsAndKeyCaching() throws {
        let namespace = try SupplicantNamespace()
        var parsed = 0
        for security in [SecurityType.wpa2, .wpa2_wpa3, .wpa3, .wpa3_192] {
            for mode in RoamingExportTests.modes {
                let label = "\(security.rawValue)-\(mode?.rawValue ?? "unset")"
                let output = try ProfileExporter.export(try RoamingExportTests.profile(security, mode), as: .wpaSupplicant)
                let parse = SupplicantParse(log: try namespace.parse(output.text, label: label))
                #expect(!parse.readFailed && parse.errors.isEmpty, "\(label): \(parse.errors)")
                #expect(parse.networkBlocks == 1 && parse.listedNetworks == 1, "\(label)")
                #expect(parse.flags.filter { $0.hasPrefix("key_mgmt:") } == ["key_mgmt: \(Self.expectedBits[security]![mode]!)"],
                        "\(label): \(parse.flags)")
                let caching = parse.flags.filter { $0.hasPrefix("proactive_key_caching") }
                #expect(caching == (mode == .auto || mode == .okc ? ["proactive_key_caching=1 (0x1)"] : []), "\(label): \(parse.flags)")
                parsed += 1
            }
        }
        #expect(parsed == 20)
    }
}
