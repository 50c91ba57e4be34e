public import Foundation
public import Logging
import HostOS
import StructuredErrors
#if canImport(Glibc)
import Glibc
#endif

/// Drives an installed DHCP client program (dhclient, dhcpcd, udhcpc) and confirms that an address arrived.
///
/// How each is made to renew:
/// - dhclient: no "renew now" signal exists. eapolctl runs `dhclient -1 -v -pf RUNTIME/dhcp/IF.dhclient.pid
///   -lf RUNTIME/dhcp/IF.dhclient.leases IF` (RUNTIME: `/run/eapolctl` for root) after stopping a dhclient it
///   started earlier with that pid file (SIGTERM through a pidfd and waiting for its exit, as `dhclient -x` does
///   minus its fixed one-second sleep; `stopDhclientDaemon`). The lease file is kept, so the new dhclient
///   reconfirms the remembered lease (INIT-REBOOT). dhclient returns once bound and leaves a daemon that renews it.
///   A dhclient started by someone else (ifupdown) is left alone; its owner renews it with `dhclient -r IF;
///   dhclient IF` or `ifdown/ifup`. The pid file is honoured only when it names a verified dhclient
///   (`DhclientPIDFile`); otherwise it is removed before dhclient runs, since `-x`/`-r` kill whatever pid it holds.
/// - dhcpcd: a running dhcpcd managing IF is told `dhcpcd -n IF` (rebind); otherwise `dhcpcd -1 -4 -t SECONDS IF`
///   runs once (oneshot) and exits after configuring.
/// - udhcpc: a running udhcpc for IF gets SIGUSR1 (renew), through `ClientProcess.signal`; otherwise `udhcpc -i IF -n -q -f -t N -T 1 -s SCRIPT`
///   runs once. The script applies the address (Debian's `udhcpc` package ships `/etc/udhcpc/default.script`).
///
/// The lease is confirmed on the interface: after a successful run, the address the program reports having bound
/// (new or already there, as in a renew of the same lease); without a report (a signalled daemon), a new address
/// or one whose valid lifetime grew. See Docs/dhcp.md, "External clients: confirming the lease".
///
/// Only trusted clients (`ClientProcess`: root-owned, the real client executable, this network namespace) are
/// detected or signalled, and each is re-identified (pid, executable, start time) right before a signal.
///
/// Children are spawned with `posix_spawn` and waited for on a dedicated thread.
public struct ExternalDHCPClient: DHCPTrigger {
    /// Settings of an external backend.
    public struct Configuration: Sendable {
        /// eapolctl's state directory (a non-root run without `XDG_RUNTIME_DIR` keeps dhclient's files in `STATE/run/`).
        public var stateDirectory: URL
        /// The runtime directory for dhclient's pid and lease files (`RUNTIME/dhcp/`); nil for the default:
        /// `/run/eapolctl` for root, else `$XDG_RUNTIME_DIR/eapolctl`, else `STATE/run`.
        public var runtimeDirectory: URL?
        /// Run inside this network namespace (`/run/netns/NAME`); nil for the current one.
        public var networkNamespace: String?
        /// The hook script passed to the program (`-sf`, `-c`, `-s`); nil for the program's default.
        public var scriptPath: String?
        /// Extra arguments placed before the interface name (e.g. `--noarp` for dhcpcd).
        public var extraArguments: [String]
        /// Where diagnostics go.
        public var logger: Logger

        /// Creates a configuration.
        public init(stateDirectory: URL, runtimeDirectory: URL? = nil, networkNamespace: String? = nil, scriptPath: String? = nil,
                    extraArguments: [String] = [], logger: Logger = Logger(label: "eapolctl.dhcp")) {
            self.stateDirectory = stateDirectory
            self.runtimeDirectory = runtimeDirectory
            self.networkNamespace = networkNamespace
            self.scriptPath = scriptPath
            self.extraArguments = extraArguments
            self.logger = logger
        }
    }

    public let backend: DHCPBackend
    /// The configuration in use.
    public let configuration: Configuration

    /// Creates a trigger for `backend`, which must be `.dhclient`, `.dhcpcd` or `.udhcpc`.
    public init(backend: DHCPBackend, configuration: Configuration) {
        precondition(backend.executableName != nil, "ExternalDHCPClient needs an external backend, not \(backend)")
        self.backend = backend
        self.configuration = configuration
    }

    var runtime: DHCPRuntimeDirectory {
        DHCPRuntimeDirectory(root: configuration.runtimeDirectory ?? DHCPRuntimeDirectory.defaultRoot(stateDirectory: configuration.stateDirectory))
    }
    var dhcpDirectory: URL { runtime.dhcp }
    func dhclientPIDFile(_ interface: String) -> String { dhcpDirectory.appendingPathComponent("\(interface).dhclient.pid").path }
    func dhclientLeaseFile(_ interface: String) -> String { dhcpDirectory.appendingPathComponent("\(interface).dhclient.leases").path }

    /// The pid of the dhclient eapolctl left running for `interface`, when its pid file names a verified dhclient
    /// (root-owned, the dhclient executable, managing `interface`, in the configured network namespace).
    public func dhclientDaemonPID(interface: String) -> Int32? {
        let namespace = ProcFS.ownNetworkNamespace(configured: configuration.networkNamespace)
        guard case .daemon(let process) = DhclientPIDFile(path: dhclientPIDFile(interface)).check(interface: interface, namespace: namespace)
        else { return nil }
        return process.pid
    }

    /// Checks the dhclient pid file before dhclient reads it: returns the verified daemon, or removes a stale file
    /// (so that `dhclient -x`/`-r` never kill the pid it names) and returns nil. Call on the I/O thread.
    func verifiedDhclientDaemon(interface: String) throws -> ClientProcess? {
        let file = DhclientPIDFile(path: dhclientPIDFile(interface))
        switch file.check(interface: interface, namespace: ProcFS.ownNetworkNamespace(configured: configuration.networkNamespace)) {
        case .absent:
            return nil
        case .daemon(let process):
            return process
        case .stale(let reason):
            configuration.logger.warning("removing stale dhclient pid file", metadata: [
                "dhcp.interface": "\(interface)", "path": "\(file.path)", "reason": "\(reason)"])
            try file.remove()
            return nil
        }
    }

    /// Stops the dhclient eapolctl left running for `interface` (verified through its pid file), as `dhclient -x`
    /// would but without its fixed one-second sleep: SIGTERM through `ClientProcess.terminate` (identity re-checked,
    /// sent through a pidfd, exit awaited on it), then the pid file is removed. dhclient does not handle SIGTERM:
    /// it dies at once without releasing the lease or running its hook, so the address stays and the lease file
    /// lets the next `dhclient -1` reconfirm it with INIT-REBOOT. Call on the I/O thread.
    /// - Throws: `backend-failed` when it is still running after `timeout` (no second dhclient is started).
    func stopDhclientDaemon(_ daemon: ClientProcess, interface: String, timeout: Duration) throws {
        let started = ContinuousClock.now
        let outcome = try daemon.terminate(timeout: max(timeout, .milliseconds(100)))
        configuration.logger.debug("stopped the previous dhclient", metadata: [
            "dhcp.interface": "\(interface)", "pid": "\(daemon.pid)", "outcome": "\(outcome)",
            "elapsedMs": "\(Int(started.duration(to: .now).seconds * 1000))"])
        try DhclientPIDFile(path: dhclientPIDFile(interface)).remove()
    }

    /// The command line to run for `interface` (without the program path), given the running clients found.
    /// A running dhcpcd started for one address family listens on `IF-4.sock` / `IF-6.sock`: commands to it must name
    /// that family, or `dhcpcd -n IF` reports success to a socket nobody serves and nothing is rebound.
    /// - Parameter runningArgv: the running client's command line, when one runs.
    func plan(interface: String, timeout: Duration, runningPID: Int32?, runningArgv: [String]? = nil)
        -> (arguments: [String], signal: Int32?, keepsRenewing: Bool) {
        let secs = max(1, Int(timeout.seconds.rounded(.down)))
        let script = configuration.scriptPath
        let extra = configuration.extraArguments
        switch backend {
        case .dhclient:
            return (["-1", "-v", "-pf", dhclientPIDFile(interface), "-lf", dhclientLeaseFile(interface)]
                    + (script.map { ["-sf", $0] } ?? []) + extra + [interface], nil, true)
        case .dhcpcd:
            if runningPID != nil { return (Self.dhcpcdFamily(runningArgv ?? []) + ["-n", interface], nil, true) }
            return (["-1", "-4", "-t", String(secs)] + (script.map { ["-c", $0] } ?? []) + extra + [interface], nil, false)
        case .udhcpc:
            if runningPID != nil { return ([], SIGUSR1, true) }
            return (["-i", interface, "-n", "-q", "-f", "-t", String(max(1, secs)), "-T", "1"]
                    + ["-s", script ?? "/etc/udhcpc/default.script"] + extra, nil, false)
        case .builtin, .none:
            return ([], nil, false)
        }
    }

    /// `-4` or `-6` when the dhcpcd command line `argv` runs for one family only (`-4`/`--ipv4only`, `-6`/`--ipv6only`).
    static func dhcpcdFamily(_ argv: [String]) -> [String] {
        let args = argv.dropFirst()
        if args.contains(where: { $0 == "-4" || $0 == "--ipv4only" }) { return ["-4"] }
        if args.contains(where: { $0 == "-6" || $0 == "--ipv6only" }) { return ["-6"] }
        return []
    }

    /// Runs the program (or signals the running one) and waits until an address is on the interface.
    /// - Throws: `DHCPError.backendMissing`, `.backendFailed` (exit status and last output lines in details),
    ///   `.interfaceGone`, `.noServer` (the program ran but no address arrived in time).
    public func renew(interface: String, timeout: Duration) async throws -> DHCPResult {
        let me = self
        return try await DedicatedThread.runDHCP(name: "dhcp-\(backend)-\(interface)", networkNamespace: configuration.networkNamespace) { flag in
            try me.renewBlocking(interface: interface, timeout: timeout, flag: flag)
        }
    }

    private func binary() throws -> String {
        let name = backend.executableName!
        guard let path = CommandRunner.locate(name) else {
            throw DHCPError(.backendMissing, "The \(backend) backend needs `\(name)`, which is not installed.",
                            hint: "Install it with `apt-get install \(backend.debianPackage!)`, or use --dhcp builtin.",
                            details: ["binary": .string(name), "package": .string(backend.debianPackage!)])
        }
        return path
    }

    private func renewBlocking(interface: String, timeout: Duration, flag: CancellationFlag) throws -> DHCPResult {
        let start = ContinuousClock.now
        let deadline = start + timeout
        let path = try binary()
        if backend == .udhcpc, configuration.scriptPath == nil, !FileManager.default.fileExists(atPath: "/etc/udhcpc/default.script") {
            throw DHCPError(.backendMissing, "udhcpc needs a script to apply the address; /etc/udhcpc/default.script is missing.",
                            hint: "Reinstall the Debian package `udhcpc`, which ships it.",
                            details: ["binary": "udhcpc", "package": "udhcpc", "path": "/etc/udhcpc/default.script"])
        }
        let before = try InterfaceConfigurator.addresses(on: interface)
        var running: ClientProcess?
        if backend == .dhclient {
            try runtime.ensure()
            if let daemon = try verifiedDhclientDaemon(interface: interface) {
                try stopDhclientDaemon(daemon, interface: interface, timeout: min(.seconds(5), ContinuousClock.now.duration(to: deadline)))
            }
        } else {
            running = DHCPBackend.runningClients(interface: interface, networkNamespace: configuration.networkNamespace)
                .first { $0.backend == backend }
        }
        let plan = plan(interface: interface, timeout: timeout, runningPID: running?.pid, runningArgv: running?.argv)
        var outcome: CommandRunner.Outcome?
        if let sig = plan.signal, let running {
            try running.signal(sig)
        } else {
            let o = try CommandRunner.run(path, plan.arguments, timeout: ContinuousClock.now.duration(to: deadline))
            outcome = o
            if o.timedOut || o.status != 0 {
                let what = o.timedOut ? "did not finish within \(DHCPSession.format(timeout))" : "exited with status \(o.status)"
                throw DHCPError(o.timedOut ? .noServer : .backendFailed,
                                "\(backend) on \(interface) \(what).",
                                details: ["interface": .string(interface), "backend": .string(backend.rawValue),
                                          "command": .string(([path] + plan.arguments).joined(separator: " ")),
                                          "status": .int(Int(o.status)), "output": .list(o.lastLines())])
            }
        }
        // Confirm the address. A program that exited successfully names the address it bound in its output
        // (`reported`): that address must be on the interface, whether it is new or was already there (a renew
        // of the same lease is the normal case) and whatever lifetime its hook gave it. Without such a report
        // (a signalled daemon, unknown output) only a new address, or one whose valid lifetime grew (the lease
        // was refreshed), counts: an address merely still present proves nothing.
        let reported = outcome.flatMap { Self.reportedLease(in: $0.output, backend: backend) }
        var pause: UInt32 = 2_000
        while true {
            let now = try InterfaceConfigurator.addresses(on: interface)
            let found: InterfaceConfigurator.AddressInfo?
            if let reported {
                found = now.first { $0.address == reported.address }
            } else {
                found = now.first { Self.isFresh($0, before: before) }
            }
            if let a = found {
                let router = try InterfaceConfigurator.defaultRouter(on: interface)
                let life = reported?.leaseSeconds ?? a.validLifetime
                return DHCPResult(
                    backend: backend, interface: interface, exchange: .external, address: a.address, prefixLength: a.prefixLength,
                    router: router, serverIdentifier: reported?.server, leaseTime: life.map { .seconds($0) }, renewalTime: nil,
                    rebindingTime: nil, leaseEndsAt: life.map { Date() + TimeInterval($0) } ?? .distantFuture,
                    elapsed: start.duration(to: .now), renewedAutomatically: plan.keepsRenewing)
            }
            if ContinuousClock.now >= deadline || flag.isCancelled {
                var details: [String: ErrorDetail] = ["interface": .string(interface), "backend": .string(backend.rawValue),
                                                      "output": .list(outcome?.lastLines() ?? [])]
                let message: String
                if let reported {
                    details["reportedAddress"] = .string(reported.address.description)
                    message = "\(backend) on \(interface) reported binding \(reported.address), but that address is not on the interface "
                        + "(does its hook script apply it?)."
                } else {
                    message = "\(backend) on \(interface) finished but no new or refreshed IPv4 address appeared."
                }
                throw DHCPError(.backendFailed, message, details: details)
            }
            usleep(pause)
            pause = min(pause * 2, 50_000)
        }
    }

    /// Whether `a` is new compared with `before`, or the same address with a longer valid lifetime left (renewed).
    ///
    /// Lifetimes are whole seconds, so a renewal within a second of the previous one cannot be told apart from
    /// nothing happening; that only matters when no program output names the address (a signalled daemon).
    static func isFresh(_ a: InterfaceConfigurator.AddressInfo, before: [InterfaceConfigurator.AddressInfo]) -> Bool {
        guard let old = before.first(where: { $0.address == a.address }) else { return true }
        guard let n = a.validLifetime, let o = old.validLifetime else { return false }
        return n > o
    }

    /// What a client program said it bound, parsed from its output.
    struct ReportedLease: Sendable, Equatable {
        var address: IPv4Address
        var server: IPv4Address?
        var leaseSeconds: UInt32?
    }

    /// The lease a client program reports in its output (the last report wins):
    /// - udhcpc: `udhcpc: lease of 198.18.0.178 obtained from 198.18.0.1, lease time 120`
    /// - dhcpcd: `dtc0: leased 198.18.0.179 for 120 seconds`
    /// - dhclient (`-v`): `bound to 198.18.0.150 -- renewal in 54 seconds.`
    static func reportedLease(in output: String, backend: DHCPBackend) -> ReportedLease? {
        var found: ReportedLease?
        for line in output.split(separator: "\n") {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            func word(after marker: String) -> String? {
                guard let i = words.firstIndex(of: marker), i + 1 < words.count else { return nil }
                return words[i + 1]
            }
            switch backend {
            case .udhcpc:
                guard line.contains("lease of "), line.contains(" obtained"), let a = word(after: "of").flatMap(IPv4Address.init)
                else { continue }
                found = ReportedLease(address: a, server: word(after: "from").flatMap(IPv4Address.init),
                                      leaseSeconds: word(after: "time").flatMap { UInt32($0) })
            case .dhcpcd:
                guard let a = word(after: "leased").flatMap(IPv4Address.init) else { continue }
                found = ReportedLease(address: a, server: nil, leaseSeconds: word(after: "for").flatMap { UInt32($0) })
            case .dhclient:
                guard line.hasPrefix("bound to "), let a = word(after: "to").flatMap(IPv4Address.init) else { continue }
                found = ReportedLease(address: a, server: nil, leaseSeconds: nil)
            case .builtin, .none:
                return nil
            }
        }
        return found
    }

    /// Releases the lease: `dhclient -r` (after the pid file check), `dhcpcd -k IF`, or SIGUSR2 to each trusted
    /// udhcpc for the interface (re-identified right before the signal).
    public func release(interface: String) async throws {
        let me = self
        try await DedicatedThread.runDHCP(name: "dhcp-\(backend)-\(interface)", networkNamespace: configuration.networkNamespace) { _ in
            let path = try me.binary()
            switch me.backend {
            case .dhclient:
                try me.runtime.ensure()
                // Stopped here rather than by `dhclient -r` itself, which sleeps one second after its SIGTERM;
                // `-r` then finds no pid file and only releases (from the lease file) and runs the hook.
                if let daemon = try me.verifiedDhclientDaemon(interface: interface) {
                    try me.stopDhclientDaemon(daemon, interface: interface, timeout: .seconds(5))
                }
                _ = try CommandRunner.run(path, ["-r", "-pf", me.dhclientPIDFile(interface), "-lf", me.dhclientLeaseFile(interface)]
                                          + (me.configuration.scriptPath.map { ["-sf", $0] } ?? []) + [interface], timeout: .seconds(10))
            case .dhcpcd:
                let running = DHCPBackend.runningClients(interface: interface, networkNamespace: me.configuration.networkNamespace)
                    .first { $0.backend == .dhcpcd }
                _ = try CommandRunner.run(path, Self.dhcpcdFamily(running?.argv ?? []) + ["-k", interface], timeout: .seconds(10))
            case .udhcpc:
                var firstError: (any Error)?
                for c in DHCPBackend.runningClients(interface: interface, networkNamespace: me.configuration.networkNamespace)
                where c.backend == .udhcpc {
                    do { try c.signal(SIGUSR2) } catch { firstError = firstError ?? error }
                }
                if let firstError { throw firstError }
            case .builtin, .none:
                break
            }
        }
    }
}
