import Foundation
import ProfileModel
@testable import ProfileStore
import Testing

@Suite struct ProfileRepositoryTests {
    let dir: String
    let repository: ProfileRepository

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("profile-repo-\(UUID().uuidString)").path
        repository = ProfileRepository(stateDirectory: dir)
    }

    func profile(_ name: String, ssid: String?) throws -> Profile {
        let binding: NetworkBinding = try ssid.map { .wifi(ssid: try SSID(parsing: $0), security: .wpa2, hidden: false) }
            ?? .wired(interface: nil)
        return Profile(name: name, binding: binding, eap: EAPSettings(outer: .peap),
                       trust: TrustSettings(insecureNoServerValidation: true))
    }

    @Test func emptyRepositoryListsNothing() throws {
        #expect(try repository.list().isEmpty)
        #expect(try repository.find(ssid: SSID(parsing: "x")) == nil)
    }

    @Test func saveLoadFindResolveRemove() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try profile("Alpha", ssid: "alpha")
        let b = try profile("Beta", ssid: nil)
        try repository.save(a, replace: false)
        try repository.save(b, replace: false)
        #expect(try repository.list().map(\.name) == ["Alpha", "Beta"])
        #expect(try repository.load(a.id) == a)
        #expect(try repository.find(ssid: SSID(parsing: "alpha"))?.id == a.id)
        #expect(try repository.resolve("Beta").id == b.id)
        #expect(try repository.resolve(a.id.description).id == a.id)
        try repository.remove(a.id)
        #expect(try repository.list().map(\.name) == ["Beta"])
        #expect(throws: ProfileError.profileNotFound("x")) { try repository.load(a.id) }
        #expect(throws: ProfileError.profileNotFound("x")) { try repository.remove(a.id) }
    }

    @Test func oneProfilePerSSIDUnlessReplacing() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let first = try profile("First", ssid: "same")
        let second = try profile("Second", ssid: "same")
        try repository.save(first, replace: false)
        #expect(throws: ProfileError(.duplicateSSID, "")) { try repository.save(second, replace: false) }
        let replaced = try repository.save(second, replace: true)
        #expect(replaced == [first.id])
        #expect(try repository.list().map(\.id) == [second.id])
    }

    @Test func ambiguousNamesAskForAnID() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try repository.save(try profile("Twin", ssid: "one"), replace: false)
        try repository.save(try profile("Twin", ssid: "two"), replace: false)
        #expect(throws: ProfileError(.profileNotFound, "")) { try repository.resolve("Twin") }
    }

    @Test func indexIsRebuiltWhenFilesChangeBehindItsBack() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try profile("Alpha", ssid: "alpha")
        try repository.save(a, replace: false)
        // Another tool drops a profile file in (an atomic rename, as editors and eapolctl do).
        let b = try profile("Dropped", ssid: "dropped")
        let temp = repository.directory + "/.tmp"
        try Data(ProfileJSON.encode(b)).write(to: URL(fileURLWithPath: temp))
        try FileManager.default.moveItem(atPath: temp, toPath: repository.file(for: b.id))
        #expect(Set(try repository.list().map(\.name)) == ["Alpha", "Dropped"])
        // And removes one.
        try FileManager.default.removeItem(atPath: repository.file(for: a.id))
        #expect(try repository.list().map(\.name) == ["Dropped"])
    }

    @Test func corruptIndexIsIgnoredAndRebuilt() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try repository.save(try profile("Alpha", ssid: "alpha"), replace: false)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: repository.indexPath))
        #expect(try repository.list().map(\.name) == ["Alpha"])
    }

    @Test func filesArePrivate() throws {
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = try profile("Alpha", ssid: "alpha")
        try repository.save(a, replace: false)
        let fileMode = try FileManager.default.attributesOfItem(atPath: repository.file(for: a.id))[.posixPermissions] as? Int
        let dirMode = try FileManager.default.attributesOfItem(atPath: repository.directory)[.posixPermissions] as? Int
        #expect(fileMode == 0o600)
        #expect(dirMode == 0o700)
    }
}
