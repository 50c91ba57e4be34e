// swift-tools-version:6.1
import PackageDescription

// Layers, lowest first. Dependencies point downward only; the `eapolctl` executable alone wires the concrete
// pieces together. Docs/architecture.md is the long form (what each module owns, the data flows, where a change goes).
//
//   StructuredErrors, Secrets  shared vocabulary, no dependencies: error domains, codes and exit statuses, Duration in
//                              milliseconds/seconds;
//                              SecretBytes (zeroed on release) and process hardening
//   StateFiles                 atomic files, locks, 0700 directories, state paths, BlockingWork (blocking I/O off the pool)
//   HostOS                     OS plumbing, no domain of its own: rtnetlink link monitor, dedicated threads (setns),
//                              posix_spawn command runner, /proc process identity; failures are HostFailure
//   CDBus -> DBusKit           libdbus under a thin shim, safe Swift D-Bus (the only C); knows no service
//   ProfileModel               profiles (Wi-Fi, wired, Passpoint), EAP methods (incl. FAST, LEAP), trust, validation,
//                              profile JSON, edits
//   ProfileFormats             import/export: eap-config, mobileconfig, eapolcfg plist, JSON; wpa_supplicant, iwd, NM
//   ProfileStore               the profile directory, its index, trust hints, in-place update, profile targets
//   CredentialStore            the encrypted store: password and identity items, EAP-FAST PACs, key files, rekey
//   Provisioning               import / onboard / remove / edit transactions over both stores (all or nothing)
//   SupplicantClient           fi.w1.wpa_supplicant1 over DBusKit: verified peer, network configuration (incl.
//                              Passpoint credentials), outcome rules (AuthenticationTracker), TLS diagnosis, the
//                              supplicant's bus-error hints
//   NetworkManagerClient       org.freedesktop.NetworkManager over DBusKit: does it manage an interface, unmanage it
//   DHCPClient                 builtin DHCP client, external clients (dhclient, dhcpcd, udhcpc), renew trigger
//   Orchestration              the use cases, on protocols: auth start (Connector, Authenticator), watch (Watcher),
//                              watch-wired (hot-plug), profile probe, system and login-window profiles, EAP-FAST
//                              PAC handling, credential selection
//   eapolctl                   the command line: parsing, output (text and JSON), exit codes
// Test helpers (executables the tests run, never installed): store-stress (CredentialStore from many processes),
// fake-supplicant (claims fi.w1.wpa_supplicant1 on a bus and logs the calls it gets), eapolctl-fuzz (libFuzzer targets for
// the decoders of hostile input; without -DEAPOLCTL_LIBFUZZER it replays inputs, see scripts/fuzz), dhcp-bench
// (times the builtin DHCP client's exchanges inside one process, for scripts/bench-dhcp).
// TestSupport (Tests/TestSupport, a library only test targets link): SplitMix64, a private dbus-daemon, Recorder.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "eapolctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "eapolctl", targets: ["eapolctl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.10.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.3.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CDBus",
            pkgConfig: "dbus-1",
            providers: [.apt(["libdbus-1-dev"])]
        ),
        .target(name: "StructuredErrors", swiftSettings: swiftSettings),
        .target(name: "Secrets", swiftSettings: swiftSettings),
        .target(name: "StateFiles", dependencies: ["StructuredErrors"], swiftSettings: swiftSettings),
        .target(
            name: "DBusKit",
            dependencies: ["CDBus", "StructuredErrors"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ProfileModel",
            dependencies: [
                "StructuredErrors",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ProfileFormats",
            dependencies: [
                "ProfileModel", "StructuredErrors", "Secrets",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ProfileStore",
            dependencies: ["ProfileModel", "StateFiles", "StructuredErrors"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CredentialStore",
            dependencies: [
                "StructuredErrors", "Secrets", "StateFiles",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Provisioning",
            dependencies: ["CredentialStore", "ProfileFormats", "ProfileModel", "ProfileStore", "Secrets", "StructuredErrors"],
            swiftSettings: swiftSettings
        ),
        // Test helper: drives the store from separate processes (concurrency and crash-safety tests).
        .executableTarget(
            name: "store-stress",
            dependencies: ["CredentialStore", "Secrets", "StateFiles"],
            swiftSettings: swiftSettings
        ),
        // Test helper: claims fi.w1.wpa_supplicant1 on a bus and logs the calls it gets (trust-boundary tests).
        .executableTarget(
            name: "fake-supplicant",
            dependencies: ["DBusKit"],
            swiftSettings: swiftSettings
        ),
        // Test helper: libFuzzer targets (scripts/fuzz builds them with -sanitize=fuzzer); the normal build replays
        // Tests/FuzzCorpus through the same entry points (FuzzReplayTests).
        .executableTarget(
            name: "eapolctl-fuzz",
            dependencies: ["CredentialStore", "DBusKit", "DHCPClient", "ProfileFormats", "ProfileModel", "StructuredErrors", "SupplicantClient"],
            swiftSettings: swiftSettings
        ),
        // Benchmark helper: the builtin DHCP client's first lease / reconnect / renew timed in-process (scripts/bench-dhcp).
        .executableTarget(
            name: "dhcp-bench",
            dependencies: ["DHCPClient", "StructuredErrors"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SupplicantClient",
            dependencies: [
                "DBusKit", "ProfileModel", "Secrets", "StructuredErrors",
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "NetworkManagerClient",
            dependencies: ["DBusKit", "StructuredErrors"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "HostOS",
            dependencies: [
                "StructuredErrors",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DHCPClient",
            dependencies: [
                "HostOS", "StructuredErrors",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Orchestration",
            dependencies: [
                "CredentialStore", "ProfileModel", "ProfileStore", "Secrets", "StructuredErrors", "StateFiles", "SupplicantClient", "DHCPClient", "HostOS",
                "NetworkManagerClient", "DBusKit",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "eapolctl",
            dependencies: [
                "StructuredErrors", "Secrets", "ProfileModel", "ProfileFormats", "ProfileStore", "StateFiles", "CredentialStore", "DBusKit",
                "Provisioning",
                "SupplicantClient", "DHCPClient", "Orchestration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Shared test code (never shipped): SplitMix64 for seeded randomized tests, a private dbus-daemon.
        .target(name: "TestSupport", path: "Tests/TestSupport", swiftSettings: swiftSettings),
        .testTarget(name: "StructuredErrorsTests", dependencies: ["StructuredErrors"], swiftSettings: swiftSettings),
        .testTarget(name: "ProfileModelTests", dependencies: ["ProfileModel", "StructuredErrors"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ProfileFormatsTests",
            dependencies: ["ProfileFormats", "ProfileModel", "Secrets", "StructuredErrors", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "StateFilesTests", dependencies: ["StateFiles", "StructuredErrors"], swiftSettings: swiftSettings),
        .testTarget(name: "ProfileStoreTests", dependencies: ["ProfileStore", "ProfileModel", "StateFiles", "StructuredErrors"], swiftSettings: swiftSettings),
        .testTarget(
            name: "CredentialStoreTests",
            dependencies: ["CredentialStore", "Secrets", "StateFiles", "StructuredErrors", "TestSupport", "store-stress", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DBusKitTests", dependencies: ["DBusKit", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "SupplicantClientTests", dependencies: ["SupplicantClient", "ProfileModel", "DBusKit", "Secrets", "StructuredErrors"], swiftSettings: swiftSettings),
        .testTarget(name: "NetworkManagerClientTests", dependencies: ["NetworkManagerClient", "DBusKit", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "DHCPClientTests", dependencies: ["DHCPClient", "HostOS", "TestSupport", "StructuredErrors", .product(name: "Logging", package: "swift-log")], swiftSettings: swiftSettings),
        .testTarget(name: "OrchestrationTests", dependencies: ["Orchestration", "NetworkManagerClient", "ProfileFormats", "DBusKit", "DHCPClient", "HostOS", "SupplicantClient", "ProfileModel", "ProfileStore", "Secrets", "StructuredErrors", "TestSupport"], swiftSettings: swiftSettings),
        .testTarget(name: "EapolctlTests", dependencies: ["eapolctl", "DHCPClient", "HostOS", "NetworkManagerClient", "Orchestration", "ProfileModel", "StructuredErrors", "SupplicantClient", .product(name: "ArgumentParser", package: "swift-argument-parser")], swiftSettings: swiftSettings),
        .testTarget(name: "FuzzReplayTests", dependencies: ["eapolctl-fuzz"], swiftSettings: swiftSettings),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["eapolctl", "fake-supplicant", "CredentialStore", "DBusKit", "ProfileFormats", "ProfileModel", "Secrets",
                           "StateFiles", "SupplicantClient", "TestSupport"],
            swiftSettings: swiftSettings
        ),
    ]
)
