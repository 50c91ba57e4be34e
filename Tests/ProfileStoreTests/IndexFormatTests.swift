import Foundation
import ProfileModel
@testable import ProfileStore
import Testing

/// The version-2 summary index (`profiles.index`): exact round trips, and anything malformed rebuilt from the files.
@Suite struct IndexFormatTests {
    static let awkwardNames = ["plain", "tab\there", "new\nline", "back\\slash", "\\t literal", "cr\rlf", "é – ✓ 日本",
                               "", "=leading equals", "trailing\\"]

    static func summary(_ name: String, ssid: String?, inner: InnerMethod? = .mschapv2, insecure: Bool = false) -> ProfileSummary {
        ProfileSummary(id: .new(), name: name, ssid: ssid, security: ssid == nil ? .wired : .wpa2_wpa3, method: .peap,
                       inner: inner, insecure: insecure)
    }

    @Test func encodedIndexDecodesToTheSameSummaries() throws {
        var index = ProfileRepository.Index(directoryMTime: 1_234_567_890_123_456_789)
        for (i, name) in Self.awkwardNames.enumerated() {
            index.entries.append(Self.summary(name, ssid: i % 3 == 0 ? nil : "ssid\t\(name)", inner: i % 2 == 0 ? nil : .mschapv2,
                                              insecure: i == 4))
        }
        let decoded = try #require(ProfileRepository.Index.decode(index.encoded()))
        #expect(decoded.directoryMTime == index.directoryMTime)
        #expect(decoded.entries == index.entries)
    }

    @Test func emptySSIDIsNotWired() throws {
        var index = ProfileRepository.Index(directoryMTime: 1)
        index.entries = [Self.summary("empty ssid", ssid: ""), Self.summary("wired", ssid: nil)]
        let decoded = try #require(ProfileRepository.Index.decode(index.encoded()))
        #expect(decoded.entries.map(\.ssid) == ["", nil])
    }

    @Test(arguments: [
        "", "{\"version\":1,\"directoryMTime\":1,\"entries\":[]}", "eapolctl-profiles-index 1 5 0\n",
        "eapolctl-profiles-index 2 5 0", "eapolctl-profiles-index 2 x 0\n", "eapolctl-profiles-index 2 5\n",
        "eapolctl-profiles-index 2 5 1\n",
    ])
    func malformedHeadersAreRejected(_ text: String) {
        #expect(ProfileRepository.Index.decode(Array(text.utf8)) == nil)
    }

    @Test func malformedEntriesAreRejected() throws {
        var index = ProfileRepository.Index(directoryMTime: 7)
        index.entries = [Self.summary("a", ssid: "s")]
        let good = String(decoding: index.encoded(), as: UTF8.self)
        let line = String(good.split(separator: "\n")[1])
        let header = "eapolctl-profiles-index 2 7 1\n"
        let variants = [
            line.replacingOccurrences(of: "\tpeap\t", with: "\tmd5\t"),           // unknown method
            line.replacingOccurrences(of: "\t0", with: "\t2"),                   // bad flag
            String(line.dropFirst()),                                            // short ID
            "Z" + String(line.dropFirst()),                                      // non-hex ID
            line.replacingOccurrences(of: "\t=s\t", with: "\ts\t"),              // SSID without marker
            line.replacingOccurrences(of: "\ta\t", with: "\ta\\q\t"),            // unknown escape
            line + "\textra",                                                    // extra field
        ]
        for variant in variants {
            #expect(ProfileRepository.Index.decode(Array((header + variant + "\n").utf8)) == nil, "accepted: \(variant)")
        }
        #expect(ProfileRepository.Index.decode(Array((header + line).utf8)) == nil, "accepted a missing final newline")
        #expect(ProfileRepository.Index.decode(Array((header + line + "\n").utf8)) != nil)
        #expect(ProfileRepository.Index.decode(Array((header + line + "\n" + line + "\n").utf8)) == nil,
                "accepted more entries than the header counts")
    }

    // MARK: Through the repository

    /// A state directory holding profile files made from Profiles/wired-peap.json with the given names.
    static func stateDirectory(names: [String]) throws -> (String, [ProfileID]) {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let template = try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("Profiles/wired-peap.json"))) as! [String: Any]
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("profile-index-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: state + "/profiles", withIntermediateDirectories: true)
        var ids = [ProfileID]()
        for name in names {
            var profile = template
            let id = ProfileID.new()
            profile["id"] = id.description
            profile["name"] = name
            try JSONSerialization.data(withJSONObject: profile).write(to: URL(fileURLWithPath: "\(state)/profiles/\(id).json"))
            ids.append(id)
        }
        return (state, ids)
    }

    @Test func listReadsBackTheIndexItWrote() throws {
        let (state, ids) = try Self.stateDirectory(names: Self.awkwardNames)
        defer { try? FileManager.default.removeItem(atPath: state) }
        let repository = ProfileRepository(stateDirectory: state)
        let rebuilt = try repository.list()  // no index yet: built from the files
        #expect(Set(rebuilt.map(\.id)) == Set(ids))
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: state + "/profiles.index")))
        #expect(String(decoding: bytes.prefix(26), as: UTF8.self) == "eapolctl-profiles-index 2 ")
        let fromIndex = try repository.list()
        #expect(fromIndex == rebuilt)
        #expect(fromIndex.map(\.name) == Self.awkwardNames.sorted())
    }

    @Test(arguments: ["{\"version\":1}", "garbage\n", ""])
    func unreadableIndexIsRebuilt(_ content: String) throws {
        let (state, ids) = try Self.stateDirectory(names: ["one", "two", "three"])
        defer { try? FileManager.default.removeItem(atPath: state) }
        let repository = ProfileRepository(stateDirectory: state)
        let expected = try repository.list()
        try Data(content.utf8).write(to: URL(fileURLWithPath: state + "/profiles.index"))
        #expect(try repository.list() == expected)
        #expect(Set(expected.map(\.id)) == Set(ids))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: state + "/profiles.index"))
        #expect(ProfileRepository.Index.decode([UInt8](bytes)) != nil, "the rebuilt index was not written back")
    }

    @Test func truncatedIndexIsRebuilt() throws {
        let (state, _) = try Self.stateDirectory(names: (0..<50).map { "p\($0)" })
        defer { try? FileManager.default.removeItem(atPath: state) }
        let repository = ProfileRepository(stateDirectory: state)
        let expected = try repository.list()
        let path = state + "/profiles.index"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        // Cut right after a line: every remaining line is well-formed, only the count shows the loss.
        let cut = bytes.prefix(bytes.count / 2).lastIndex(of: UInt8(ascii: "\n"))! + 1
        try bytes.prefix(cut).write(to: URL(fileURLWithPath: path))
        #expect(try repository.list() == expected)
    }
}
