import Foundation

extension DHCPBackend {
    /// Chooses the backend from what already manages the interface.
    ///
    /// Scans `/proc/<pid>/cmdline` for a running dhclient, dhcpcd or udhcpc whose arguments name the interface
    /// (a dhcpcd started without interface arguments manages every interface and also counts).
    /// - Parameter interface: the interface name, e.g. `eth0`.
    /// - Returns: the external client found, or `.builtin` when none manages the interface.
    public static func detect(interface: String) -> DHCPBackend {
        detect(interface: interface, procRoot: "/proc")
    }

    /// Detection over a given proc root (tests pass a fake tree).
    static func detect(interface: String, procRoot: String) -> DHCPBackend {
        runningClients(interface: interface, procRoot: procRoot).first?.backend ?? .builtin
    }

    /// Every running external client managing `interface` in this process's network namespace, lowest pid first.
    ///
    /// A client in another namespace manages another interface that merely has the same name (and running it
    /// from here would apply its hooks, resolv.conf included, to the wrong system), so it does not count.
    static func runningClients(interface: String, procRoot: String = "/proc") -> [(pid: Int32, backend: DHCPBackend)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: procRoot)) ?? []
        let ownNamespace = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(procRoot)/self/ns/net")
        var found: [(Int32, DHCPBackend)] = []
        for name in names {
            if let ownNamespace,
               let namespace = try? FileManager.default.destinationOfSymbolicLink(atPath: "\(procRoot)/\(name)/ns/net"),
               namespace != ownNamespace { continue }
            guard let pid = Int32(name), pid > 0,
                  let data = FileManager.default.contents(atPath: "\(procRoot)/\(name)/cmdline"), !data.isEmpty
            else { continue }
            let argv = data.split(separator: 0, omittingEmptySubsequences: true).map { String(decoding: $0, as: UTF8.self) }
            if let backend = backend(managing: interface, argv: argv) { found.append((pid, backend)) }
        }
        return found.sorted { $0.0 < $1.0 }.map { (pid: $0.0, backend: $0.1) }
    }

    /// Decides whether a command line is a DHCP client managing `interface`.
    static func backend(managing interface: String, argv: [String]) -> DHCPBackend? {
        guard var program = argv.first.map({ ($0 as NSString).lastPathComponent }) else { return nil }
        var args = Array(argv.dropFirst())
        if program == "busybox", let applet = args.first {  // `busybox udhcpc -i eth0`
            program = applet
            args.removeFirst()
        }
        let backend: DHCPBackend
        switch program {
        case "dhclient": backend = .dhclient
        case "dhcpcd": backend = .dhcpcd
        case "udhcpc": backend = .udhcpc
        default: return nil
        }
        var i = 0
        var positional: [String] = []
        while i < args.count {
            let a = args[i]
            if a == interface { return backend }
            if backend == .udhcpc {
                if a == "-i" || a == "--interface", i + 1 < args.count, args[i + 1] == interface { return backend }
                if a == "-i\(interface)" || a == "--interface=\(interface)" { return backend }
            }
            if !a.hasPrefix("-") { positional.append(a) }
            i += 1
        }
        // dhcpcd in manager mode (no interface named) handles all interfaces.
        if backend == .dhcpcd && positional.isEmpty && !args.contains(where: { $0 == "-k" || $0 == "-x" }) { return backend }
        return nil
    }
}
