import Foundation
import ProfileModel
import ProfileStore
import StructuredErrors
import Testing

/// ``ProfileTarget`` and ``ProfileLookup`` on a real profile directory: `--default` is the only wired profile, and
/// every way of naming none, several or a missing one is a usage or profile error naming the problem.
@Suite struct ProfileTargetTests {
    let repository: ProfileRepository

    init() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("profile-target-\(UUID().uuidString)").path
        repository = ProfileRepository(stateDirectory: dir)
    }

    private func save(_ name: String, ssid: String?) throws -> Profile {
        let binding: NetworkBinding = try ssid.map { .wifi(ssid: try SSID(parsing: $0), security: .wpa2, hidden: false) }
            ?? .wired(interface: nil)
        let profile = Profile(name: name, binding: binding, eap: EAPSettings(outer: .peap),
                              trust: TrustSettings(insecureNoServerValidation: true))
        _ = try repository.save(profile, replace: false)
        return profile
    }

    private func usageCode(_ body: () throws -> Void) -> UsageErrorCode? {
        do { try body(); return nil } catch let error as UsageError { return error.code } catch { return nil }
    }

    @Test func defaultIsTheOnlyWiredProfile() throws {
        #expect(usageCode { _ = try ProfileTarget(profile: nil, ssid: nil, isDefault: true).resolveProfile(in: repository) }
                == .missingArgument)
        _ = try save("corp", ssid: "corp")
        let wired = try save("lab", ssid: nil)
        #expect(try ProfileTarget(profile: nil, ssid: nil, isDefault: true).resolveProfile(in: repository).id == wired.id)
        _ = try save("lab2", ssid: nil)
        #expect(usageCode { _ = try ProfileTarget(profile: nil, ssid: nil, isDefault: true).resolveProfile(in: repository) }
                == .conflictingArguments)
    }

    @Test func aProfileIsNamedByReferenceOrSSID() throws {
        let corp = try save("corp", ssid: "corp")
        #expect(try ProfileTarget(profile: "corp", ssid: nil, isDefault: false).resolveProfile(in: repository).id == corp.id)
        #expect(try ProfileTarget(profile: nil, ssid: "corp", isDefault: false).resolveProfile(in: repository).id == corp.id)
        #expect(throws: ProfileError.self) { _ = try ProfileLookup(reference: nil, ssid: "other").resolve(in: repository) }
        #expect(usageCode { _ = try ProfileLookup(reference: nil, ssid: nil).resolve(in: repository) } == .missingArgument)
    }

    @Test func exactlyOneIsNamed() {
        let none = ProfileTarget(profile: nil, ssid: nil, isDefault: false)
        let two = ProfileTarget(profile: "a", ssid: "b", isDefault: false)
        #expect(usageCode { try none.checkNamesOneProfile() } == .missingArgument)
        #expect(usageCode { try two.checkNamesOneProfile() } == .conflictingArguments)
        #expect(usageCode { try none.checkNamesOneItem() } == .missingArgument)
        #expect(usageCode { try ProfileTarget(profile: "a", ssid: nil, isDefault: true).checkNamesOneItem() } == .conflictingArguments)
        #expect(usageCode { try ProfileTarget(profile: nil, ssid: nil, isDefault: true).checkNamesOneItem() } == nil)
    }
}
