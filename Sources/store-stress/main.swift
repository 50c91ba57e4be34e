// store-stress: drives the credential store from separate processes for the concurrency and crash-safety tests.
//
//   store-stress write-many  --state-dir D --key-file K --prefix P --count N [--start S]
//   store-stress write-acked --state-dir D --key-file K --prefix P --count N [--start S]
//   store-stress write-bulk  --state-dir D --key-file K --prefix P --count N [--start S]
//   store-stress rekey-loop  --state-dir D --key-file K --prefix P --count N
//
// All set password items with SSID "P-i" (user "user-P-i", password "pw-P-i") for i in S..<N. write-acked prints
// "P-i" on its own line (flushed) after each write returns, the acknowledgement the crash test relies on.
// write-bulk stores the same items in one locked read–modify–write (setPasswords): how scripts/bench fills a
// store with 10,000 items in a second instead of 10,000 fsync'd rewrites.
// rekey-loop rotates the key in K N times (each keeps the previous key as K.old…) and prints "P-i" after each:
// what the rekey crash test kills at random moments.
// Test data only: the passwords are not secrets.
import CredentialStore
import Foundation
import Secrets
import StateFiles

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
guard let mode = args.first, ["write-many", "write-acked", "write-bulk", "rekey-loop"].contains(mode) else {
    fail("usage: store-stress write-many|write-acked|write-bulk|rekey-loop --state-dir D --key-file K --prefix P --count N [--start S]")
}
args.removeFirst()
var options = [String: String]()
while args.count >= 2 {
    options[args[0]] = args[1]
    args.removeFirst(2)
}
guard let stateDir = options["--state-dir"], let keyFile = options["--key-file"], let prefix = options["--prefix"],
      let count = options["--count"].flatMap(Int.init) else { fail("missing option") }
let start = options["--start"].flatMap(Int.init) ?? 0

do {
    var store = try CredentialStore.open(
        paths: StatePaths(stateDirectory: stateDir, keyFile: keyFile),
        unlock: .keyFile(keyFile, createIfMissing: false), lockTimeout: .seconds(60))
    if mode == "rekey-loop" {
        for i in start..<count {
            try store.rekey(to: .keyFile(keyFile, createIfMissing: false))
            FileHandle.standardOutput.write(Data("\(prefix)-\(i)\n".utf8))
        }
        exit(0)
    }
    if mode == "write-bulk" {
        try store.setPasswords((start..<count).map { i in
            let name = "\(prefix)-\(i)"
            return (key: .ssid(Array(name.utf8)),
                    item: PasswordItem(username: "user-\(name)", password: SecretBytes(utf8: "pw-\(name)")))
        })
        exit(0)
    }
    for i in start..<count {
        let name = "\(prefix)-\(i)"
        try store.setPassword(PasswordItem(username: "user-\(name)", password: SecretBytes(utf8: "pw-\(name)")),
                              for: .ssid(Array(name.utf8)))
        if mode == "write-acked" {
            // Unbuffered write(2) on fd 1: the line is out of the process before the next write starts.
            FileHandle.standardOutput.write(Data((name + "\n").utf8))
        }
    }
} catch {
    fail("store-stress: \(error)")
}
