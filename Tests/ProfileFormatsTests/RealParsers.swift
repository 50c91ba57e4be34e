import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

/// The real parsers the exports are fed to: wpa_supplicant (in a throwaway network namespace) and GLib's key file
/// reader plus Python's configparser (through /usr/bin/python3 with python3-gi).
enum RealParsers {
    static let python = "/usr/bin/python3"

    /// Why the real-parser tests cannot run here, or nil when they can.
    static let missingPrerequisite: String? = {
        if getuid() != 0 { return "the wpa_supplicant parse test needs root (network namespaces)" }
        for tool in ["ip", "wpa_supplicant"] where locate(tool) == nil {
            return "`\(tool)` is not installed (apt-get install \(tool == "ip" ? "iproute2" : "wpasupplicant"))"
        }
        guard let probe = try? run(python, ["-c", "import gi; gi.require_version('GLib', '2.0'); from gi.repository import GLib"]),
              probe.status == 0 else { return "python3-gi is not installed (apt-get install python3-gi gir1.2-glib-2.0)" }
        return nil
    }()

    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }
    /// Run when the prerequisites hold, and under CI=true so that a missing one fails loudly.
    static var shouldRun: Bool { missingPrerequisite == nil || isCI }

    static func requirePrerequisites() throws {
        if let missing = missingPrerequisite {
            Issue.record("real-parser prerequisites missing under CI=true: \(missing)")
            throw Failure(message: missing)
        }
    }

    struct Failure: Error, CustomStringConvertible { var message: String; var description: String { message } }

    static func locate(_ tool: String) -> String? {
        for dir in ["/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/sbin", "/usr/local/bin"]
        where FileManager.default.isExecutableFile(atPath: dir + "/" + tool) {
            return dir + "/" + tool
        }
        return nil
    }

    /// Runs a program to completion; output and errors go through files (no pipe can fill up).
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}

/// A network namespace with one link for wpa_supplicant's wired driver; deleted on deinit.
final class SupplicantNamespace {
    let name = "exptest-\(String(format: "%08x", UInt32.random(in: 0 ... .max)))"
    let interface = "exp0"
    let directory: URL

    init() throws {
        try RealParsers.requirePrerequisites()
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-files")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        do {
            try ip(["netns", "add", name])
            // A dummy link when the kernel has the module, else a veth pair (both ends stay in the namespace).
            if (try? ip(["-n", name, "link", "add", interface, "type", "dummy"])) == nil {
                try ip(["-n", name, "link", "add", interface, "type", "veth", "peer", "name", "exp1"])
                try ip(["-n", name, "link", "set", "exp1", "up"])
            }
            try ip(["-n", name, "link", "set", interface, "up"])
        } catch {
            tearDown()
            throw error
        }
    }

    deinit { tearDown() }

    private func tearDown() {
        _ = try? RealParsers.run(RealParsers.locate("ip")!, ["netns", "del", name])
        try? FileManager.default.removeItem(at: directory)
    }

    private func ip(_ arguments: [String]) throws {
        let result = try RealParsers.run(RealParsers.locate("ip")!, arguments)
        guard result.status == 0 else { throw RealParsers.Failure(message: "ip \(arguments.joined(separator: " ")): \(result.errors)") }
    }

    /// Runs `wpa_supplicant -c FILE -dd -K` on the namespace's link until it has read the configuration and either
    /// added the interface or given up, then kills it by pid; returns its log.
    func parse(_ config: String, label: String) throws -> String {
        let file = directory.appendingPathComponent("\(label).conf")
        let log = directory.appendingPathComponent("\(label).log")
        try Data(config.utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: RealParsers.locate("ip")!)
        process.arguments = ["netns", "exec", name, RealParsers.locate("wpa_supplicant")!, "-c", file.path,
                             "-i", interface, "-D", "wired", "-dd", "-K", "-f", log.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            // Foundation starts children with signals blocked, so only SIGKILL is sure to arrive; by pid.
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if text.contains("Added interface") || text.contains("Failed to add interface") || !process.isRunning { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }
}

/// What wpa_supplicant's `-dd -K` log says it read from the configuration file.
struct SupplicantParse {
    var networkBlocks = 0
    var blobs = 0
    /// Network string fields in order, with the bytes wpa_supplicant stored.
    var fields: [(key: String, value: [UInt8])] = []
    /// Integer and flag fields (`scan_ssid=1 (0x1)`, `key_mgmt: 0x8`).
    var flags: [String] = []
    /// `Line N: ...` complaints and lines of the configuration section that match no known form.
    var errors: [String] = []
    /// The `id=N ssid=...` lines of the network list printed after a successful read.
    var listedNetworks = 0
    var readFailed = false

    init(log: String) {
        let lines = log.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Reading configuration file") }) else {
            errors.append("no 'Reading configuration file' line in the log")
            return
        }
        var index = start + 1
        var inList = false
        while index < lines.count {
            let line = lines[index]
            index += 1
            if line.hasPrefix("Failed to read or parse configuration") { readFailed = true; break }
            if line.hasPrefix("Priority group") { inList = true; continue }
            if inList {
                if line.hasPrefix("   id=") { listedNetworks += 1; continue }
                break
            }
            if line.range(of: #"^Line: \d+ - start of a new network block$"#, options: .regularExpression) != nil {
                networkBlocks += 1
            } else if line.range(of: #"^Line: \d+ - start of a new named blob '[a-z0-9_]+'$"#, options: .regularExpression) != nil {
                blobs += 1
            } else if let match = line.firstMatch(of: /^([a-z0-9_]+) - hexdump_ascii\(len=(\d+)\):( \[REMOVED\])?$/) {
                var remaining = Int(match.2)!
                var bytes: [UInt8] = []
                while remaining > 0, index < lines.count, lines[index].hasPrefix("     ") {
                    let tokens = lines[index].split(separator: " ").prefix(min(16, remaining))
                    bytes += tokens.compactMap { UInt8($0, radix: 16) }
                    remaining -= tokens.count
                    index += 1
                }
                if remaining != 0 || match.3 != nil { errors.append("could not read the bytes of \(match.1)") }
                fields.append((String(match.1), bytes))
            } else if line.range(of: #"^[a-z0-9_]+=-?\d+ \(0x[0-9a-f]+\)$"#, options: .regularExpression) != nil
                        || line.range(of: #"^[a-z0-9_]+: 0x[0-9a-f]+$"#, options: .regularExpression) != nil
                        || line.hasPrefix("eap methods - hexdump(") {
                flags.append(line)
            } else if line.hasPrefix("Line ") {
                errors.append(line)
            } else if !line.isEmpty {
                errors.append("unexpected: \(line)")
            }
        }
    }
}

/// Parses key files with GLib's GKeyFile and Python's configparser (strict, no interpolation), in one python run.
enum KeyfileParsers {
    /// Per file: GLib's groups with their keys and unescaped values (UTF-8 bytes), configparser's sections and raw
    /// values, and the error of either parser. iwd's embedded `[@pem@...]` groups (last in the file) are cut off
    /// first: neither parser knows them.
    static let script = #"""
import configparser, json, sys
import gi
gi.require_version('GLib', '2.0')
from gi.repository import GLib
out = {}
for path in sys.argv[1:]:
    text = open(path, encoding='utf-8', newline='').read()
    lines = text.split('\n')
    cut = next((i for i, l in enumerate(lines) if l.startswith('[@')), None)
    if cut is not None:
        text = '\n'.join(lines[:cut])
    entry = {}
    kf = GLib.KeyFile.new()
    try:
        kf.load_from_data(text, len(text.encode('utf-8')), GLib.KeyFileFlags.NONE)
        groups = kf.get_groups()[0]
        entry['glib'] = [[g, [[k, list(kf.get_string(g, k).encode('utf-8'))] for k in kf.get_keys(g)[0]]] for g in groups]
    except GLib.Error as e:
        entry['glibError'] = e.message
    cp = configparser.ConfigParser(strict=True, interpolation=None, delimiters=('=',), comment_prefixes=('#',),
                                   inline_comment_prefixes=None, empty_lines_in_values=False, default_section='\x00none')
    cp.optionxform = str
    try:
        cp.read_string(text)
        entry['configparser'] = [[s, [[k, v] for k, v in cp.items(s, raw=True)]] for s in cp.sections()]
    except configparser.Error as e:
        entry['configparserError'] = str(e)
    out[path] = entry
json.dump(out, sys.stdout)
"""#

    struct Result {
        var glibGroups: [String] = []
        var glib: [String: [UInt8]] = [:]
        var configparserSections: [String] = []
        var configparser: [String: String] = [:]
        var errors: [String] = []
    }

    static func parse(_ files: [URL]) throws -> [String: Result] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("export-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let scriptFile = dir.appendingPathComponent("parse.py")
        try Data(script.utf8).write(to: scriptFile)
        let run = try RealParsers.run(RealParsers.python, [scriptFile.path] + files.map(\.path))
        guard run.status == 0, let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: [String: Any]] else {
            throw RealParsers.Failure(message: "the key file parser script failed: \(run.errors)")
        }
        var results: [String: Result] = [:]
        for (path, entry) in json {
            var result = Result()
            if let error = entry["glibError"] as? String { result.errors.append("GLib: \(error)") }
            if let error = entry["configparserError"] as? String { result.errors.append("configparser: \(error)") }
            for case let group as [Any] in entry["glib"] as? [Any] ?? [] {
                let name = group[0] as! String
                result.glibGroups.append(name)
                for case let pair as [Any] in group[1] as! [Any] {
                    let key = "\(name).\(pair[0] as! String)"
                    if result.glib[key] != nil { result.errors.append("GLib: \(key) twice") }
                    result.glib[key] = (pair[1] as! [Any]).map { UInt8(($0 as! NSNumber).intValue) }
                }
            }
            for case let section as [Any] in entry["configparser"] as? [Any] ?? [] {
                let name = section[0] as! String
                result.configparserSections.append(name)
                for case let pair as [Any] in section[1] as! [Any] {
                    result.configparser["\(name).\(pair[0] as! String)"] = pair[1] as? String
                }
            }
            results[path] = result
        }
        return results
    }
}
