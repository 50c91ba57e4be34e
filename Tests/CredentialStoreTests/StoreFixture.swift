import CredentialStore
import Foundation
import Secrets
import StateFiles

/// A private state directory and key directory under /tmp for one test, removed by `remove()`.
struct StoreFixture {
    let root: String
    let paths: StatePaths

    /// Cheap scrypt parameters so passphrase tests stay fast (the default is measured in its own test).
    static let fastScrypt = ScryptParameters(log2N: 10, r: 8, p: 1)

    init() throws {
        var template = Array("/tmp/credstore-test-XXXXXX".utf8CString)
        guard let p = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        root = String(cString: p)
        paths = StatePaths(stateDirectory: root + "/state", keyFile: root + "/keys/store.key")
    }

    var storeFile: String { paths.file(CredentialStore.storeFileName) }
    var keyUnlock: UnlockMethod { .keyFile(paths.keyFile, createIfMissing: true) }

    func remove() { try? FileManager.default.removeItem(atPath: root) }

    func storeBytes() throws -> [UInt8] { try PosixIO.readFileIfPresent(storeFile) ?? [] }

    func writeStoreBytes(_ bytes: [UInt8]) throws { try AtomicFile.write(bytes, to: storeFile) }

    /// Every regular file under the fixture (state and key directories), with its bytes.
    func allFiles() throws -> [(String, [UInt8])] {
        var out = [(String, [UInt8])]()
        let e = FileManager.default.enumerator(atPath: root)
        while let rel = e?.nextObject() as? String {
            let full = root + "/" + rel
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                out.append((full, try PosixIO.readFileIfPresent(full) ?? []))
            }
        }
        return out
    }
}

func item(_ user: String, _ password: String) -> PasswordItem {
    PasswordItem(username: user, password: SecretBytes(utf8: password))
}

func ssid(_ s: String) -> CredentialKey { .ssid(Array(s.utf8)) }

/// Whether `needle` occurs in `haystack`.
func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, haystack.count >= needle.count else { return false }
    let first = needle[0]
    var i = 0
    while i <= haystack.count - needle.count {
        if haystack[i] == first && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
        i += 1
    }
    return false
}

/// The path of the store-stress helper built next to the test bundle.
func storeStressBinary() throws -> String {
    var candidates = [String]()
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        var dir = (exe as NSString).deletingLastPathComponent
        // On Linux the test bundle is an executable inside .build/<triple>/debug (or inside an .xctest dir).
        for _ in 0..<3 {
            candidates.append(dir + "/store-stress")
            dir = (dir as NSString).deletingLastPathComponent
        }
    }
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
    candidates.append(packageRoot + "/.build/debug/store-stress")
    for c in candidates where FileManager.default.isExecutableFile(atPath: c) { return c }
    throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "store-stress (run `swift build` first); looked in \(candidates)"])
}
