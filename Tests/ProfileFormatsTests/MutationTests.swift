import Foundation
import ProfileModel
@testable import ProfileFormats
import StructuredErrors
import Testing
import TestSupport

/// Mutates a document: truncation, byte flips, or shuffling (swapping) two lines, i.e. elements.
func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
    var out = bytes
    switch rng.next() % 4 {
    case 0:
        out = Array(out.prefix(Int(rng.next() % UInt64(out.count))))
    case 1:
        for _ in 0..<(1 + Int(rng.next() % 4)) {
            let index = Int(rng.next() % UInt64(out.count))
            out[index] ^= UInt8(truncatingIfNeeded: 1 << (rng.next() % 8))
        }
    case 2:
        let index = Int(rng.next() % UInt64(out.count))
        out[index] = UInt8(truncatingIfNeeded: rng.next())
    default:
        var lines = out.split(separator: 0x0A, omittingEmptySubsequences: false)
        guard lines.count > 2 else { return out }
        let a = Int(rng.next() % UInt64(lines.count))
        let b = Int(rng.next() % UInt64(lines.count))
        lines.swapAt(a, b)
        out = Array(lines.joined(separator: [0x0A]))
    }
    return out
}

@Suite struct MutationTests {
    static let iterations = 1500

    /// Every mutation gives a structured error or valid profiles: never a crash, a hang or an unstructured error.
    func check(_ name: String, _ original: [UInt8], seed: UInt64, format: ProfileFormat? = nil) {
        var rng = SplitMix64(seed: seed)
        var errors = 0
        var accepted = 0
        let start = Date()
        for iteration in 0..<Self.iterations {
            let mutated = mutate(original, &rng)
            do {
                let result = try ProfileImporter.parse(mutated, source: name, format: format)
                for item in result.profiles {
                    #expect(ProfileValidator.problems(in: item.profile).isEmpty, "\(name) #\(iteration): invalid profile accepted")
                }
                #expect(!result.profiles.isEmpty)
                accepted += 1
            } catch is any StructuredError {
                errors += 1
            } catch {
                Issue.record("\(name) #\(iteration) (seed \(seed)): unstructured error \(type(of: error)): \(error)")
            }
        }
        #expect(errors > 0, "\(name): no mutation was refused")
        #expect(Date().timeIntervalSince(start) < 300, "\(name): too slow")
    }

    @Test func eapConfigMulti() { check("multi.eap-config", Array(Samples.eapConfigMulti(password: true).utf8), seed: 1) }
    @Test func eapConfigTLS() { check("tls.eap-config", Array(Samples.eapConfigTLS(passphrase: TestPKI.shared.p12Passphrase).utf8), seed: 2) }
    @Test func mobileconfigPlain() throws { check("plain.mobileconfig", try Samples.mobileconfig(), seed: 3) }
    @Test func mobileconfigSigned() throws { check("signed.mobileconfig", try TestPKI.shared.sign(try Samples.mobileconfig()), seed: 4) }
    @Test func eapolcfg() throws {
        for (index, profile) in try EapolcfgPlistTests().sampleProfiles().enumerated() {
            check("eapolcfg-\(index).plist", try ProfileExporter.export(profile, as: .eapolcfg).bytes, seed: 10 + UInt64(index))
        }
    }
    @Test func json() throws {
        let profile = try EapolcfgPlistTests().sampleProfiles()[0]
        check("profile.json", ProfileJSON.encode(profile), seed: 5)
    }
    @Test func forcedFormatsOnForeignContent() throws {
        // Each parser fed another format's content (and mutations of it) must refuse it cleanly.
        let inputs = [Array(Samples.eapConfigMulti().utf8), try Samples.mobileconfig()]
        for input in inputs {
            for format in ProfileFormat.importable {
                check("foreign.\(format)", input, seed: 99, format: format)
            }
        }
    }
}
