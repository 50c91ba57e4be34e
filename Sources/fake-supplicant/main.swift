// fake-supplicant: a stand-in that claims fi.w1.wpa_supplicant1 on a bus, for the trust-boundary tests.
//
//   fake-supplicant --address BUS --log FILE [--interface-path PATH]
//
// It answers just enough of wpa_supplicant's API for eapolctl to go as far as it would with a real one (GetInterface,
// the interface's properties, AddBlob, AddNetwork, SelectNetwork, RemoveNetwork, RemoveBlob) and appends one line
// per method call it receives to FILE: `MEMBER SIGNATURE` plus, for string and byte-array arguments, their lengths
// only (never their content). Run as `nobody` it shows that a root eapolctl sends it nothing; run as root, that the
// same test would see AddNetwork and AddBlob. Prints `ready UNIQUE-NAME` once it owns the name. Test helper only.
import DBusKit
import Foundation

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

var options = [String: String]()
var rest = Array(CommandLine.arguments.dropFirst())
while rest.count >= 2 {
    options[rest[0]] = rest[1]
    rest.removeFirst(2)
}
guard let address = options["--address"], let logPath = options["--log"] else {
    fail("usage: fake-supplicant --address BUS --log FILE [--interface-path PATH]")
}
let interfacePath = options["--interface-path"] ?? "/fi/w1/wpa_supplicant1/Interfaces/0"
let root = "/fi/w1/wpa_supplicant1"

/// The call log; `@unchecked Sendable`: the handle is only written under `lock`.
final class CallLog: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init(path: String) {
        // open(2), not FileManager: the file may be one the test made for us in a directory we cannot write.
        let fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else { fail("fake-supplicant: cannot write \(path): errno \(errno)") }
        self.handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
    }

    func record(_ invocation: DBusMethodInvocation) {
        let shapes = invocation.arguments.map { value -> String in
            switch value {
            case .string(let s): "s(\(s.utf8.count))"
            case .bytes(let b): "ay(\(b.count))"
            default: value.signature
            }
        }
        let line = "\(invocation.interface).\(invocation.member) \(shapes.joined(separator: " "))\n"
        lock.withLock { handle.write(Data(line.utf8)) }
    }
}
let log = CallLog(path: logPath)

let connection: DBusConnection
do {
    connection = try await DBusConnection.connect(address: address)
} catch {
    fail("fake-supplicant: \(error)")
}

try connection.exportObject(at: root) { invocation in
    log.record(invocation)
    switch invocation.member {
    case "GetInterface", "CreateInterface": return [.objectPath(interfacePath)]
    case "Get": return [.variant(.string("fake"))]
    default: return []
    }
}
try connection.exportObject(at: interfacePath) { invocation in
    log.record(invocation)
    switch (invocation.member, invocation.arguments.last?.stringValue) {
    case ("Get", "State"?): return [.variant(.string("disconnected"))]
    case ("Get", "Driver"?): return [.variant(.string("wired"))]
    case ("Get", "CurrentAuthMode"?): return [.variant(.string("INACTIVE"))]
    case ("Get", "CurrentNetwork"?): return [.variant(.objectPath("/"))]
    case ("Get", "Networks"?): return [.variant(.objectPathArray([]))]
    case ("Get", "Blobs"?): return [.variant(.stringVariantDictionary([:]))]
    case ("AddNetwork", _): return [.objectPath(interfacePath + "/Networks/0")]
    default: return []
    }
}
guard (try? await connection.requestName("fi.w1.wpa_supplicant1")) == .primaryOwner else {
    fail("fake-supplicant: could not own fi.w1.wpa_supplicant1 on \(address)")
}
FileHandle.standardOutput.write(Data("ready \(connection.uniqueName)\n".utf8))
while true { try await Task.sleep(for: .seconds(3600)) }
