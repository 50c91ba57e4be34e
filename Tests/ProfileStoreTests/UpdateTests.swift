import Foundation
import ProfileModel
@testable import ProfileStore
import Testing

/// `ProfileRepository.update(_:from:)`, the write behind `profile edit`: in place, never over a concurrent change,
/// never taking (or removing) another profile's SSID, and undoable.
@Suite struct UpdateTests {
    let dir: String
    let repository: ProfileRepository

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("profile-update-\(UUID().uuidString)").path
        repository = ProfileRepository(stateDirectory: dir)
    }

    func profile(_ name: String, ssid: String) throws -> Profile {
        Profile(name: name, binding: .wifi(ssid: try SSID(parsing: ssid), security: .wpa2, hidden: false),
                eap: EAPSettings(outer: .peap), trust: TrustSettings(insecureNoServerValidation: true))
    }

    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    @Test func updatesInPlaceAndTheIndexFollows() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let old = try profile("Alpha", ssid: "alpha")
        try repository.save(old, replace: false)
        var new = old
        new.name = "Alpha 2"
        new.binding = .wifi(ssid: try SSID(parsing: "alpha-2"), security: .wpa3, hidden: false)
        let undo = try repository.update(new, from: old)
        #expect(try repository.load(old.id) == new)
        #expect(try repository.list().map(\.name) == ["Alpha 2"])
        #expect(try repository.find(ssid: SSID(parsing: "alpha-2"))?.id == old.id)
        #expect(try repository.find(ssid: SSID(parsing: "alpha")) == nil)
        try repository.revert(undo)
        #expect(try repository.load(old.id) == old)
        #expect(try repository.list().map(\.name) == ["Alpha"])
    }

    @Test func aConcurrentChangeIsNeverOverwritten() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let old = try profile("Alpha", ssid: "alpha")
        try repository.save(old, replace: false)
        var theirs = old
        theirs.name = "Changed elsewhere"
        try repository.save(theirs, replace: true)
        var mine = old
        mine.name = "Mine"
        let file = repository.file(for: old.id)
        let before = try bytes(file)
        #expect { try repository.update(mine, from: old) } throws: { ($0 as? ProfileError)?.code == .profileChanged }
        #expect(try bytes(file) == before)
        try repository.remove(old.id)
        #expect { try repository.update(mine, from: old) } throws: { ($0 as? ProfileError)?.code == .profileChanged }
        #expect(!FileManager.default.fileExists(atPath: file))
    }

    @Test func anotherProfilesSSIDIsRefusedAndThatProfileStays() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let alpha = try profile("Alpha", ssid: "alpha")
        let beta = try profile("Beta", ssid: "beta")
        try repository.save(alpha, replace: false)
        try repository.save(beta, replace: false)
        var taking = alpha
        taking.binding = beta.binding
        let index = try bytes(repository.indexPath)
        #expect { try repository.update(taking, from: alpha) } throws: { error in
            guard let error = error as? ProfileError, error.code == .duplicateSSID else { return false }
            return error.message.contains("Beta") && error.hint.contains("eapolctl profile remove \(beta.id)")
        }
        #expect(try repository.load(beta.id) == beta)
        #expect(try repository.load(alpha.id) == alpha)
        #expect(try bytes(repository.indexPath) == index)
    }
}
