import Foundation

/// Looks at wpa_supplicant's D-Bus objects with plain `busctl` (independent of eapolctl's own client).
struct SupplicantInspector: Sendable {
    let testbed: Testbed

    private func busctl(_ arguments: [String]) async throws -> ProcessResult {
        try await ProcessRunner.run([systemProgram("busctl"), "--address=\(try testbed.busAddress)", "--json=short"]
                                        + arguments,
                                    environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"], timeout: .seconds(10))
    }

    private static func data(_ result: ProcessResult) -> Any? {
        (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["data"]
    }

    /// The object path of the testbed interface, or nil when wpa_supplicant does not control it.
    func interfacePath() async throws -> String? {
        let result = try await busctl(["call", "fi.w1.wpa_supplicant1", "/fi/w1/wpa_supplicant1", "fi.w1.wpa_supplicant1",
                                       "GetInterface", "s", try testbed.interface])
        guard result.status == 0 else { return nil }
        return (Self.data(result) as? [Any])?.first as? String
    }

    /// An array property of the interface (`Networks`, `Blobs`).
    private func arrayProperty(_ name: String, of path: String) async throws -> [String] {
        let result = try await busctl(["get-property", "fi.w1.wpa_supplicant1", path, "fi.w1.wpa_supplicant1.Interface", name])
        guard result.status == 0 else { throw TestbedUnavailable("cannot read \(name) of \(path):\n\(result)") }
        return (Self.data(result) as? [Any])?.map { "\($0)" } ?? []
    }

    /// What the supplicant still holds on the testbed interface: its networks and blobs (empty when the
    /// interface is not even there).
    func leftovers() async throws -> (networks: [String], blobs: [String]) {
        guard let path = try await interfacePath() else { return ([], []) }
        return (try await arrayProperty("Networks", of: path), try await arrayProperty("Blobs", of: path))
    }
}
