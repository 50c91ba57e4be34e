import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import DHCPClient
import Testing

/// A DHCP client that manages a same-named interface in another network namespace is not "the client managing
/// this interface": choosing it would run its hooks (resolv.conf included) against this system.
@Suite(.serialized) struct DetectNamespaceTests {
    /// Waits until `pid`'s command line reads `dhcpcd … text`; returns whether it did.
    private func waitForCommandLine(_ pid: Int32, containing text: String) -> Bool {
        let deadline = Date().addingTimeInterval(5)
        while Date() < deadline {
            if let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") {
                let argv = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
                if argv.first == "dhcpcd" && argv.contains(text) { return true }
            }
            usleep(20_000)
        }
        return false
    }

    /// The fakes here run python3 under the name dhcpcd; trusting python3 as dhcpcd's executable isolates the
    /// namespace rule from the executable rule (tested in ClientTrustTests).
    private var binaries: ClientBinaries {
        ClientBinaries(paths: [.dhcpcd: [ClientBinaries.realPath("/usr/bin/python3")!]])
    }

    @Test func clientInThisNamespaceIsDetected() throws {
        guard geteuid() == 0 else { return }   // only root-owned clients count
        let interface = "dtn\(Int.random(in: 100...999))"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = ["-c", "import os,time; os.execv('/usr/bin/python3', ['dhcpcd', '-c', 'import time; time.sleep(30)', '\(interface)'])"]
        try process.run()
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        try #require(waitForCommandLine(process.processIdentifier, containing: interface))
        #expect(DHCPBackend.detect(interface: interface, procRoot: "/proc", binaries: binaries) == .dhcpcd)
        #expect(DHCPBackend.detect(interface: interface) == .builtin)   // python3 is not the installed dhcpcd
    }

    @Test func clientInAnotherNamespaceIsIgnored() throws {
        guard geteuid() == 0 else { return }   // needs `ip netns add`; the suite runs as root in scripts/test
        let interface = "dtn\(Int.random(in: 100...999))"
        let namespace = "dtn-detect-\(Int.random(in: 1000...9999))"
        let add = Process()
        add.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        add.arguments = ["netns", "add", namespace]
        try add.run()
        add.waitUntilExit()
        try #require(add.terminationStatus == 0)
        defer {
            let del = Process()
            del.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
            del.arguments = ["netns", "del", namespace]
            try? del.run()
            del.waitUntilExit()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
        process.arguments = ["netns", "exec", namespace, "/usr/bin/python3", "-c",
                             "import os; os.execv('/usr/bin/python3', ['dhcpcd', '-c', 'import time; time.sleep(30)', '\(interface)'])"]
        try process.run()
        defer { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() }
        // The same command line as in the test above, so only the namespace differs.
        try #require(waitForCommandLine(process.processIdentifier, containing: interface))
        #expect(DHCPBackend.detect(interface: interface, procRoot: "/proc", binaries: binaries) == .builtin)
    }
}
