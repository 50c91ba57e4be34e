import CredentialStore
import Foundation
import Secrets
import StateFiles
import Testing

/// Scale checks: the store stays correct with 10,000 items. Timings are printed for information only; the
/// performance targets are checked by `scripts/bench store` on a release build, not by unit tests.
@Suite(.serialized) struct ScaleTests {
    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// Open + get and set with 10,000 password items return the right items.
    @Test func openAndGetWithTenThousandItems() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let store = try CredentialStore.open(paths: f.paths, unlock: f.keyUnlock)
        let items = (0..<10_000).map { i in (key: ssid("net-\(i)"), item: item("user-\(i)", "password-\(i)")) }
        try store.setPasswords(items)
        let clock = ContinuousClock()
        var openGet = [Double]()
        for i in [17, 5000, 9999] {
            let t = clock.measure {
                let s = try! CredentialStore.open(paths: f.paths, unlock: .keyFile(f.paths.keyFile, createIfMissing: false))
                #expect(try! s.password(for: ssid("net-\(i)")) == item("user-\(i)", "password-\(i)"))
            }
            openGet.append(Self.milliseconds(t))
        }
        let set = Self.milliseconds(clock.measure { try! store.setPassword(item("new", "pw"), for: ssid("net-42")) })
        let size = try f.storeBytes().count
        print("store perf: 10k items, \(size) bytes; open+get ms: \(openGet.map { String(format: "%.1f", $0) }); set ms: \(String(format: "%.1f", set))")
        #expect(try store.password(for: ssid("net-42")) == item("new", "pw"))
        #expect(try store.status().passwordCount == 10_000)
    }

    /// A passphrase store records the default scrypt parameters in its header and reopens with them.
    @Test func defaultScryptParametersAreRecorded() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let pass = SecretBytes(utf8: "a passphrase")
        _ = try CredentialStore.initialize(paths: f.paths, unlock: .passphrase(pass))
        let clock = ContinuousClock()
        var reopened: CredentialStore?
        let time = Self.milliseconds(try clock.measure { reopened = try CredentialStore.open(paths: f.paths, unlock: .passphrase(pass)) })
        print("store scale: scrypt \(ScryptParameters.default) unlock (debug build) ms: \(String(format: "%.0f", time))")
        #expect(try reopened?.status().scrypt == .default)
        #expect(ScryptParameters.default.memoryBytes == 32 << 20)
    }
}
