public import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A private system-type `dbus-daemon` with a permissive policy (any user may own any name and send anywhere),
/// listening on `bus.sock` in a fresh directory under /tmp. Started by the test that uses it and stopped by its pid.
///
/// Only the daemon: whether the bus is ready is the caller's test (DBusKitTests connects; IntegrationTests waits
/// for the socket), as each has its own client.
public struct PrivateDBusDaemon: Sendable {
    /// The fresh directory holding `bus.conf` and `bus.sock`.
    public let directory: String
    /// The socket path.
    public let socket: String
    /// `unix:path=SOCKET`.
    public var address: String { "unix:path=\(socket)" }
    /// The daemon (`--nofork`).
    public let process: Process

    /// Writes the configuration into `/tmp/PREFIX-XXXXXXXX` and starts the daemon; returns at once (the socket may
    /// not exist yet).
    /// - Parameters:
    ///   - prefix: names the directory after the tests that use it.
    ///   - directoryMode: the directory's permissions (0755 lets processes of other users reach the socket).
    public static func launch(prefix: String, directoryMode: Int? = nil) throws -> PrivateDBusDaemon {
        let directory = "/tmp/\(prefix)-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: directoryMode.map { [.posixPermissions: $0] })
        let socket = "\(directory)/bus.sock"
        let config = """
            <!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN"
             "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
            <busconfig>
              <type>system</type>
              <listen>unix:path=\(socket)</listen>
              <auth>EXTERNAL</auth>
              <policy context="default">
                <allow user="*"/>
                <allow own="*"/>
                <allow send_destination="*"/>
                <allow receive_sender="*"/>
              </policy>
            </busconfig>
            """
        let configPath = "\(directory)/bus.conf"
        try config.write(toFile: configPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/dbus-daemon")
        process.arguments = ["--config-file=\(configPath)", "--nofork", "--print-address"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return PrivateDBusDaemon(directory: directory, socket: socket, process: process)
    }

    /// SIGKILL to the daemon (by its pid), reaped, and the directory removed.
    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
