import CredentialStore
import Foundation
import Secrets
import StateFiles
import Testing

@Suite(.serialized) struct PerformanceTests {
    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }

    /// In-process timing with 10,000 password items. The bounds are loose (debug build, shared 2-core machine);
    /// the printed numbers are the measurement.
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
        #expect(openGet.min()! < 250)
        #expect(set < 500)
        #expect(try store.status().passwordCount == 10_000)
    }

    /// Measures the default scrypt parameters: unlocking should take 50–300 ms.
    @Test func defaultScryptUnlockTime() throws {
        let f = try StoreFixture()
        defer { f.remove() }
        let pass = SecretBytes(utf8: "a passphrase for timing")
        _ = try CredentialStore.initialize(paths: f.paths, unlock: .passphrase(pass))
        let clock = ContinuousClock()
        let times = try (0..<3).map { _ in
            Self.milliseconds(try clock.measure { _ = try CredentialStore.open(paths: f.paths, unlock: .passphrase(pass)) })
        }
        print("store perf: scrypt \(ScryptParameters.default) unlock ms: \(times.map { String(format: "%.0f", $0) })")
        #expect(times.min()! >= 20 && times.min()! <= 600)
    }
}
