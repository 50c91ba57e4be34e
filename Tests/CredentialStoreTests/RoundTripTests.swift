import CredentialStore
import Foundation
import Secrets
import StateFiles
import Testing

@Suite struct RoundTripTests {
    @Test func passwordItemsOfEveryKeyKind() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        let profile = UUID()
        let binarySSID: CredentialKey = .ssid([0x00, 0xff, 0x80, 0x41])
        try store.setPassword(item("alice", "pa55-profile"), for: .profile(profile))
        try store.setPassword(item("bob", "pa55-ssid"), for: ssid("CorpNet"))
        try store.setPassword(item("carol", "pa55-bin"), for: binarySSID)
        try store.setPassword(item("dave", "pa55-default"), for: .default)

        // A second handle, as another process would open it.
        let other = try CredentialStore.open(paths: f.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: false))
        #expect(try other.password(for: .profile(profile)) == item("alice", "pa55-profile"))
        #expect(try other.password(for: ssid("CorpNet")) == item("bob", "pa55-ssid"))
        #expect(try other.password(for: binarySSID) == item("carol", "pa55-bin"))
        #expect(try other.password(for: .default) == item("dave", "pa55-default"))
        #expect(try other.password(for: ssid("Other")) == nil)

        try store.setPassword(item("bob2", "changed"), for: ssid("CorpNet"))
        #expect(try other.password(for: ssid("CorpNet")) == item("bob2", "changed"))
        let listed = try other.listPasswordKeys()
        #expect(listed.count == 4)
        #expect(Set(listed.map(\.username)) == ["alice", "bob2", "carol", "dave"])
        #expect(try other.removePassword(for: ssid("CorpNet")))
        #expect(try !other.removePassword(for: ssid("CorpNet")))
        #expect(try store.password(for: ssid("CorpNet")) == nil)
        #expect(try store.status().passwordCount == 3)
    }

    @Test func identityItemsOfBothForms() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        let bundle = SecretBytes((0..<3000).map { UInt8($0 % 251) })
        let p12 = IdentityItem.pkcs12(bundle: bundle, passphrase: SecretBytes(utf8: "p12-pass"))
        let cert = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"
        let pemEncrypted = IdentityItem.pem(certificate: cert, privateKey: SecretBytes(utf8: "-----BEGIN ENCRYPTED PRIVATE KEY-----\nxyz\n"),
                                            keyPassphrase: SecretBytes(utf8: "keypass"))
        let pemPlain = IdentityItem.pem(certificate: cert, privateKey: SecretBytes(utf8: "-----BEGIN PRIVATE KEY-----\nabc\n"),
                                        keyPassphrase: nil)
        let id = UUID()
        try store.setIdentity(p12, for: .profile(id))
        try store.setIdentity(pemEncrypted, for: ssid("TLSNet"))
        try store.setIdentity(pemPlain, for: .default)
        // Identities and passwords live side by side under the same key without clashing.
        try store.setPassword(item("u", "p"), for: .profile(id))
        #expect(try store.identity(for: .profile(id)) == p12)
        #expect(try store.identity(for: ssid("TLSNet")) == pemEncrypted)
        #expect(try store.identity(for: .default) == pemPlain)
        #expect(try store.password(for: .profile(id)) == item("u", "p"))
        let kinds = Dictionary(uniqueKeysWithValues: try store.listIdentityKeys().map { ($0.key, $0.kind) })
        #expect(kinds == [.profile(id): .pkcs12, ssid("TLSNet"): .pem, .default: .pem])
        #expect(try store.lookupIdentity(profileID: UUID(), ssid: Array("TLSNet".utf8))?.key == ssid("TLSNet"))
        #expect(try store.removeIdentity(for: .profile(id)))
        #expect(try store.identity(for: .profile(id)) == nil)
        #expect(try store.password(for: .profile(id)) == item("u", "p"))
        let status = try store.status()
        #expect(status.identityCount == 2)
        #expect(status.passwordCount == 1)
    }

    @Test func lookupOrderIsProfileThenSSIDThenDefault() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        let id = UUID()
        let net = Array("Lab".utf8)
        #expect(try store.lookupPassword(profileID: id, ssid: net) == nil)
        try store.setPassword(item("d", "default"), for: .default)
        #expect(try store.lookupPassword(profileID: id, ssid: net)?.key == .default)
        try store.setPassword(item("s", "ssid"), for: .ssid(net))
        #expect(try store.lookupPassword(profileID: id, ssid: net)?.key == .ssid(net))
        #expect(try store.lookupPassword(profileID: id, ssid: nil)?.key == .default)
        try store.setPassword(item("p", "profile"), for: .profile(id))
        let found = try #require(try store.lookupPassword(profileID: id, ssid: net))
        #expect(found.key == .profile(id))
        #expect(found.item == item("p", "profile"))
        #expect(try store.lookupPassword(profileID: UUID(), ssid: net)?.item == item("s", "ssid"))
    }

    @Test func rekeyKeyFileToPassphraseToKeyFileKeepsEverything() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        var store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        for i in 0..<20 { try store.setPassword(item("user\(i)", "secret\(i)"), for: ssid("net\(i)")) }
        try store.setIdentity(.pkcs12(bundle: SecretBytes([1, 2, 3]), passphrase: SecretBytes(utf8: "x")), for: .default)
        let oldKey = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))

        let pass = SecretBytes(utf8: "correct horse battery staple")
        try store.rekey(to: .passphrase(pass), scrypt: StoreFixture.fastScrypt)
        #expect(try store.status().mode == .passphrase)
        #expect(try CredentialStore.existingMode(paths: f.paths) == .passphrase)
        #expect(throws: StoreError(.passphraseRequired, "")) {
            try CredentialStore.open(paths: f.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: false))
        }
        var reopened = try CredentialStore.open(paths: f.paths, unlock: .passphrase(pass))
        #expect(try reopened.status().scrypt == StoreFixture.fastScrypt)
        for i in 0..<20 { #expect(try reopened.password(for: ssid("net\(i)")) == item("user\(i)", "secret\(i)")) }

        let result = try reopened.rekey(to: .keyFile(f.paths.keyFile, createIfMissing: true))
        let newKey = try #require(try PosixIO.readFileIfPresent(f.paths.keyFile))
        #expect(newKey != oldKey)
        // The stale key in the key file was not this store's current key; it is kept, not overwritten.
        #expect(result.previousKeyKeptAt == f.paths.keyFile + ".old" && result.previousKeyWasThisStores == false)
        #expect(try PosixIO.readFileIfPresent(f.paths.keyFile + ".old") == oldKey)
        #expect(!PosixIO.exists(f.paths.keyFile + ".new"))
        let last = try CredentialStore.open(paths: f.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: false))
        for i in 0..<20 { #expect(try last.password(for: ssid("net\(i)")) == item("user\(i)", "secret\(i)")) }
        #expect(try last.identity(for: .default) == .pkcs12(bundle: SecretBytes([1, 2, 3]), passphrase: SecretBytes(utf8: "x")))
        #expect(try last.status().passwordCount == 20)
        // The old passphrase no longer opens it.
        #expect(throws: StoreError(.wrongKey, "")) { try CredentialStore.open(paths: f.paths, unlock: .passphrase(pass)) }
    }

    @Test func passwordNeverAppearsInClearOnDisk() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let password = "Sup3r-Secret-Pässword!"
        let username = "visible-user-name"
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        for round in 0..<5 {
            try store.setPassword(item(username, password), for: ssid("net\(round)"))
            try store.setPassword(item(username, password), for: .default)
            try store.setIdentity(.pem(certificate: "c", privateKey: SecretBytes(utf8: password), keyPassphrase: SecretBytes(utf8: password)),
                                  for: ssid("tls\(round)"))
        }
        _ = try store.removePassword(for: ssid("net0"))
        let utf8 = Array(password.utf8)
        let utf16le = password.utf16.flatMap { [UInt8($0 & 0xff), UInt8($0 >> 8)] }
        let utf16be = password.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
        let files = try f.allFiles()
        #expect(files.count >= 3)  // store, lock, key
        for (path, bytes) in files {
            #expect(!contains(bytes, utf8), "password in clear in \(path)")
            #expect(!contains(bytes, utf16le), "UTF-16LE password in \(path)")
            #expect(!contains(bytes, utf16be), "UTF-16BE password in \(path)")
            #expect(!contains(bytes, Array(username.utf8)), "user name in clear in \(path)")
        }
        // The scan itself can find things: the SSID keys are stored in clear by design.
        #expect(contains(try f.storeBytes(), Array("tls3".utf8)))
    }
}
