import Foundation
import Testing

/// One EAP method of the RADIUS matrix: how to create its profile and what a success reports.
struct MatrixMethod: Sendable, CustomTestStringConvertible {
    let label: String
    let method: String
    let inner: String?
    /// testbed.env names of the user and password (EAP-TLS: the user only; the identity is the testbed p12).
    let userVariable: String
    let passwordVariable: String?
    let authMode: String

    var testDescription: String { label }

    static let all: [MatrixMethod] = [
        MatrixMethod(label: "PEAP-MSCHAPv2", method: "peap", inner: "mschapv2", userVariable: "TESTBED_PEAP_USER",
                     passwordVariable: "TESTBED_PEAP_PASS", authMode: "EAP-PEAP"),
        MatrixMethod(label: "PEAP-GTC", method: "peap", inner: "gtc", userVariable: "TESTBED_PEAP_GTC_USER",
                     passwordVariable: "TESTBED_PEAP_GTC_PASS", authMode: "EAP-PEAP"),
        MatrixMethod(label: "TTLS-PAP", method: "ttls", inner: "pap", userVariable: "TESTBED_TTLS_PAP_USER",
                     passwordVariable: "TESTBED_TTLS_PAP_PASS", authMode: "EAP-TTLS"),
        MatrixMethod(label: "TTLS-MSCHAPv2", method: "ttls", inner: "mschapv2", userVariable: "TESTBED_TTLS_MSCHAP_USER",
                     passwordVariable: "TESTBED_TTLS_MSCHAP_PASS", authMode: "EAP-TTLS"),
        MatrixMethod(label: "TTLS-EAP-MSCHAPv2", method: "ttls", inner: "eap-mschapv2", userVariable: "TESTBED_TTLS_EAP_USER",
                     passwordVariable: "TESTBED_TTLS_EAP_PASS", authMode: "EAP-TTLS"),
        MatrixMethod(label: "EAP-TLS", method: "tls", inner: nil, userVariable: "TESTBED_TLS_USER",
                     passwordVariable: nil, authMode: "EAP-TLS"),
    ]
}

/// The matrix's use of a scenario: profiles with TLS bounds, `auth start` without DHCP, and the supplicant log.
extension Scenario {
    /// Whether the testbed runs FreeRADIUS (else hostapd's internal EAP server).
    var isFreeRADIUS: Bool { testbed.radiusBackend == "freeradius" }

    /// Creates a profile for `m` with `--tls-max tlsMax`, trusting only the testbed root CA, and stores its secret:
    /// the password (or `password`), or the PKCS#12 identity `p12` (default: the testbed client's).
    func matrixProfile(_ m: MatrixMethod, tlsMax: String, user: String? = nil, password: String? = nil,
                       p12: String? = nil, p12PassFile: String? = nil) async throws -> String {
        let username = try user ?? testbed.value(m.userVariable)
        var arguments = ["profile", "create", "--name", "\(m.label)-\(tlsMax)", "--method", m.method,
                         "--outer-identity", try testbed.value("TESTBED_ANON_IDENTITY"),
                         "--ca-cert", try testbed.value("TESTBED_CA"),
                         "--server-name", try testbed.value("TESTBED_SERVER_NAME"),
                         "--username", username, "--tls-max", tlsMax]
        if let inner = m.inner { arguments += ["--inner", inner] }
        let id = try NamespacedCLI.profileID(in: try await cli.succeed(arguments))
        if let passwordVariable = m.passwordVariable {
            try await cli.setPassword(profile: id, username: username,
                                      password: try password ?? testbed.value(passwordVariable))
        } else {
            try await cli.succeed(["identity", "set", "--profile", id,
                                   "--pkcs12", try p12 ?? testbed.value("TESTBED_CLIENT_P12"),
                                   "--passphrase-file", try p12PassFile ?? testbed.value("TESTBED_CLIENT_P12_PASS_FILE")])
        }
        return id
    }

    /// `auth start --json --dhcp none` (the matrix is about EAP; DHCP has its own suites).
    func authStartNoDHCP(profile: String, timeout seconds: Int = 15) async throws -> ProcessResult {
        try await cli.run(["auth", "start", "--interface", try testbed.interface, "--profile", profile,
                           "--timeout", String(seconds), "--dhcp", "none", "--json"], timeout: .seconds(seconds + 15))
    }

    /// Runs `body` and returns what wpa_supplicant wrote to its debug log meanwhile (the testbed runs it with -d).
    func supplicantLog(during body: () async throws -> Void) async throws -> String {
        try await logText("TESTBED_SUPP_LOG", during: body)
    }

    /// Runs `body` and returns what the EAP server wrote to its log meanwhile: FreeRADIUS's (-xx) or hostapd's (-d).
    func serverLog(during body: () async throws -> Void) async throws -> String {
        try await logText(isFreeRADIUS ? "TESTBED_RADIUS_LOG" : "TESTBED_HOSTAPD_LOG", during: body)
    }

    /// Runs `body` and returns what was appended meanwhile to the log file testbed.env names `variable`.
    func logText(_ variable: String, during body: () async throws -> Void) async throws -> String {
        let path = try testbed.value(variable)
        let start = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? UInt64) ?? 0
        try await body()
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TestbedUnavailable("cannot read the wpa_supplicant log \(path)")
        }
        defer { try? handle.close() }
        try handle.seek(toOffset: start)
        return String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
    }

    /// The error object of a failed `auth` command (details included).
    func errorObject(_ result: ProcessResult) -> [String: Any] { AuthOutput(result).error ?? [:] }
}
