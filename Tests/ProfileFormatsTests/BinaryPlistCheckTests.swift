import Foundation
import ProfileModel
import Testing
@testable import ProfileFormats

/// Attacks on the binary-plist check that runs before Foundation's parser (which crashed on a set holding a
/// dictionary, found by the mobileconfig fuzzer).
@Suite struct BinaryPlistCheckTests {
    /// Builds a bplist00 file from encoded objects (1-byte offsets and references), top object 0.
    static func plist(_ objects: [[UInt8]], offsetSize: UInt8 = 1, tableOffsetDelta: Int = 0, extraOffsets: [UInt8] = []) -> [UInt8] {
        var bytes = Array("bplist00".utf8)
        var offsets: [UInt8] = []
        for object in objects {
            offsets.append(UInt8(bytes.count))
            bytes += object
        }
        let table = bytes.count
        bytes += offsets + extraOffsets
        func be64(_ value: Int) -> [UInt8] { (0..<8).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
        bytes += [0, 0, 0, 0, 0, 0, offsetSize, 1] + be64(objects.count + extraOffsets.count) + be64(0) + be64(table + tableOffsetDelta)
        return bytes
    }

    // {"a": <value>} with value at index 2.
    static func dictHolding(_ value: [UInt8], more: [[UInt8]] = []) -> [UInt8] {
        plist([[0xD1, 1, 2], [0x51, UInt8(ascii: "a")], value] + more)
    }

    @Test func aSetHoldingADictionaryIsRefusedBeforeFoundationSeesIt() throws {
        // The shape of the fuzzer's crash: a set whose element is a dictionary.
        let bytes = Self.dictHolding([0xC1, 3], more: [[0xD0]])
        let error = try #require(throws: ImportError.self) { try PlistSupport.dictionary(bytes, source: "evil.mobileconfig") }
        #expect(error.code == .unexpectedElement)
        #expect(error.message.contains("a set"), "\(error.message)")
        #expect(error.details["file"] == .string("evil.mobileconfig"))
        // And through the importers that read plists.
        #expect(throws: ImportError.self) { try ProfileImporter.parse(bytes, source: "evil.mobileconfig", format: .mobileconfig) }
        #expect(throws: ImportError.self) { try ProfileImporter.parse(bytes, source: "evil.plist", format: .eapolcfg) }
    }

    @Test(arguments: [(UInt8(0x80), "UID"), (0xB0, "ordered set"), (0xC0, "a set"), (0x70, "UTF-8"), (0xE0, "unknown kind 0xE"), (0xF0, "unknown kind 0xF")])
    func objectKindsNoProfileUsesAreRefused(marker: UInt8, name: String) throws {
        let error = try #require(throws: ImportError.self) { try BinaryPlistCheck.validate(Self.dictHolding([marker]), source: "p") }
        #expect(error.code == .unexpectedElement)
        #expect(error.message.contains(name), "\(error.message)")
    }

    @Test func everyKindAProfileUsesPassesAndFoundationsOwnOutputIsAccepted() throws {
        let plist: [String: Any] = ["s": "text", "u": "snowman ☃", "i": 42, "big": Int64.max, "r": 1.5, "b": true, "f": false,
                                    "d": Date(timeIntervalSince1970: 1_000_000), "data": Data([1, 2, 3]),
                                    "a": [1, "x", ["nested": [Data()]]], "empty": [String: Any]()]
        let bytes = Array(try PropertyListSerialization.data(fromPropertyList: plist, format: .binary, options: 0))
        try BinaryPlistCheck.validate(bytes, source: "ok")
        let parsed = try PlistSupport.dictionary(bytes, source: "ok")
        #expect(parsed["s"] as? String == "text")
        #expect(parsed.count == plist.count)
    }

    @Test func aTrailerOrOffsetTableThatDoesNotFitTheFileIsMalformed() throws {
        let good = Self.dictHolding([0x51, UInt8(ascii: "b")])
        try BinaryPlistCheck.validate(good, source: "p")
        let cases: [(String, [UInt8])] = [
            ("too short", Array("bplist00".utf8) + [0xD0]),
            ("offset size 0", Self.plist([[0xD0]], offsetSize: 0)),
            ("offset size 9", Self.plist([[0xD0]], offsetSize: 9)),
            ("table past the trailer", Self.plist([[0xD0]], tableOffsetDelta: 40)),
            ("table inside the header", Self.plist([[0xD0]], tableOffsetDelta: -9)),
            ("offset into the trailer", Self.plist([[0xD0]], extraOffsets: [200])),
            ("offset into the header", Self.plist([[0xD0]], extraOffsets: [2])),
        ]
        for (what, bytes) in cases {
            let error = try #require(throws: ImportError.self, "\(what)") { try BinaryPlistCheck.validate(bytes, source: "p") }
            #expect(error.code == .malformedFile, "\(what): \(error.message)")
        }
        // An object count near 2^64 must not overflow the bounds arithmetic.
        var huge = good
        for index in (huge.count - 24)..<(huge.count - 16) { huge[index] = 0xFF }
        #expect(throws: ImportError.self) { try BinaryPlistCheck.validate(huge, source: "p") }
    }

    @Test func theFuzzersCrashInputIsRefused() throws {
        let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("FuzzCorpus/regressions/mobileconfig")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("binary-plist-set") }
        #expect(!files.isEmpty)
        for file in files {
            let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(file)))
            let error = try #require(throws: ImportError.self) { try ProfileImporter.parse(bytes, source: file, format: .mobileconfig) }
            #expect(error.code == .unexpectedElement, "\(error.message)")
        }
    }
}
