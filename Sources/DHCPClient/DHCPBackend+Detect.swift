import Foundation
import HostOS

extension DHCPBackend {
    /// Chooses the backend from what already manages the interface.
    ///
    /// Looks for a running dhclient, dhcpcd or udhcpc whose arguments name the interface (a dhcpcd started without
    /// interface arguments manages every interface and also counts). Only trusted clients count (`ClientProcess`):
    /// owned by root, `/proc/PID/exe` the installed client program, in eapolctl's network namespace. A process
    /// merely named like a client (any user can start `exec -a dhclient sleep 1000`) is ignored.
    /// - Parameter interface: the interface name, e.g. `eth0`.
    /// - Returns: the external client found, or `.builtin` when none manages the interface.
    public static func detect(interface: String) -> DHCPBackend {
        detect(interface: interface, procRoot: "/proc")
    }

    /// Detection over a given proc root and set of client executables (tests pass a fake tree or their own set).
    static func detect(interface: String, procRoot: String, binaries: ClientBinaries = .installed()) -> DHCPBackend {
        runningClients(interface: interface, procRoot: procRoot, binaries: binaries).first?.backend ?? .builtin
    }

    /// Every trusted client managing `interface` in eapolctl's network namespace, lowest pid first, each with the
    /// identity to re-check before signalling it.
    ///
    /// A client in another namespace manages another interface that merely has the same name (and running it
    /// from here would apply its hooks, resolv.conf included, to the wrong system), so it does not count.
    /// - Parameter networkNamespace: the namespace eapolctl works in (`/run/netns/NAME`); nil for the calling
    ///   thread's.
    static func runningClients(interface: String, networkNamespace: String? = nil, procRoot: String = "/proc",
                               binaries: ClientBinaries = .installed()) -> [ClientProcess] {
        guard let namespace = ProcFS.ownNetworkNamespace(configured: networkNamespace, procRoot: procRoot) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: procRoot)) ?? []
        return names.compactMap { Int32($0) }.sorted().compactMap {
            ClientProcess.inspect(pid: $0, interface: interface, namespace: namespace, binaries: binaries, procRoot: procRoot)
        }
    }

    /// Decides from a command line alone whether it is a DHCP client managing `interface`.
    ///
    /// Only a first filter: a command line is whatever its author wrote. `ClientProcess.inspect` decides from the
    /// executable which program runs, then asks `backend(managing:argv:program:)` about the interface.
    static func backend(managing interface: String, argv: [String]) -> DHCPBackend? {
        guard let first = argv.first else { return nil }
        var program = (first as NSString).lastPathComponent
        var rest = argv
        if program == "busybox", argv.count > 1 {  // `busybox udhcpc -i eth0`
            program = argv[1]
            rest.removeFirst()
        }
        guard let backend = DHCPBackend(rawValue: program), backend.executableName != nil else { return nil }
        return Self.backend(managing: interface, argv: rest, program: backend)
    }

    /// Whether `argv` (argv[0] first), run by `program`, manages `interface`; returns `program` if so.
    static func backend(managing interface: String, argv: [String], program backend: DHCPBackend) -> DHCPBackend? {
        let args = Array(argv.dropFirst())
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
