// dhcp-bench: times the builtin DHCP client inside one running process (scripts/bench-dhcp). Not installed.
//
// Usage: dhcp-bench --namespace NAME --interface IF --state DIR [--runs N]
//
// For each configuration (applying the lease with `ip`, and negotiating + recording only) it runs one warm-up and
// then N rounds of three scenarios against the DHCP server on IF (inside /run/netns/NAME):
//   first      no recorded lease, no IPv4 address            → `renew` (DISCOVER → OFFER → REQUEST → ACK)
//   reconnect  recorded lease, no IPv4 address                → `renew` (INIT-REBOOT: REQUEST → ACK)
//   renew      recorded lease, address on the interface       → `extend` (RENEW: unicast REQUEST → ACK)
// Each number is the wall time of that one call (ContinuousClock around the `await`): its I/O thread, socket,
// the exchange, `ip -batch` (when applying) and the lease record's fsynced write. Setup between calls (removing
// the record, flushing the address with `ip -n NAME`) is not timed. Output: one JSON object per line,
// {"config": "apply"|"record-only", "scenario": …, "run": i, "ms": …, "exchange": …}; warm-ups have "run": 0.
import DHCPClient
import Foundation
import StructuredErrors

struct Options {
    var namespace = ""
    var interface = ""
    var state = ""
    var runs = 15

    init(_ args: [String]) {
        var i = 1
        func value() -> String {
            guard i + 1 < args.count else { fail("\(args[i]) needs a value") }
            i += 1
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--namespace": namespace = value()
            case "--interface": interface = value()
            case "--state": state = value()
            case "--runs": runs = Int(value()) ?? 0
            default: fail("unknown argument \(args[i])")
            }
            i += 1
        }
        if namespace.isEmpty || interface.isEmpty || state.isEmpty || runs < 1 {
            fail("usage: dhcp-bench --namespace NAME --interface IF --state DIR [--runs N ≥ 1]")
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("dhcp-bench: \(message)\n".utf8))
    exit(2)
}

/// Runs `ip ARGS` (setup, not timed) and fails the benchmark when it fails.
func ip(_ args: [String]) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/sbin/ip")
    p.arguments = args
    do { try p.run() } catch { fail("ip \(args.joined(separator: " ")): \(error)") }
    p.waitUntilExit()
    if p.terminationStatus != 0 { fail("ip \(args.joined(separator: " ")) exited with \(p.terminationStatus)") }
}

func emit(_ config: String, _ scenario: String, _ run: Int, _ elapsed: Duration, _ exchange: DHCPExchange) {
    let ms = elapsed.milliseconds
    let line = #"{"config":"\#(config)","scenario":"\#(scenario)","run":\#(run),"ms":\#(String(format: "%.3f", ms)),"exchange":"\#(exchange.rawValue)"}"#
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

let options = Options(CommandLine.arguments)
let timeout = Duration.seconds(15)
let recordFile = URL(fileURLWithPath: options.state).appendingPathComponent("leases/\(options.interface).json")

for (config, apply) in [("apply", true), ("record-only", false)] {
    let client = BuiltinDHCPClient(configuration: .init(
        stateDirectory: URL(fileURLWithPath: options.state), applyToInterface: apply,
        networkNamespace: "/run/netns/\(options.namespace)"))
    for run in 0 ... options.runs {
        do {
            // first lease
            try? FileManager.default.removeItem(at: recordFile)
            ip(["-n", options.namespace, "-4", "address", "flush", "dev", options.interface])
            var start = ContinuousClock.now
            var r = try await client.renew(interface: options.interface, timeout: timeout)
            emit(config, "first", run, start.duration(to: .now), r.exchange)
            // reconnect with the remembered lease
            ip(["-n", options.namespace, "-4", "address", "flush", "dev", options.interface])
            start = ContinuousClock.now
            r = try await client.renew(interface: options.interface, timeout: timeout)
            emit(config, "reconnect", run, start.duration(to: .now), r.exchange)
            // renew while bound
            guard let lease = try client.recordedLease(interface: options.interface) else { fail("no lease recorded after renew") }
            if !apply {  // RENEW is unicast from the leased address: put it there (untimed), as a bound client has it
                ip(["-n", options.namespace, "address", "replace", "\(lease.address)/\(lease.prefixLength)", "dev", options.interface])
            }
            start = ContinuousClock.now
            r = try await client.extend(lease, rebinding: false, timeout: timeout)
            emit(config, "renew", run, start.duration(to: .now), r.exchange)
        } catch {
            fail("\(config) run \(run): \(error)")
        }
    }
}
ip(["-n", options.namespace, "-4", "address", "flush", "dev", options.interface])
