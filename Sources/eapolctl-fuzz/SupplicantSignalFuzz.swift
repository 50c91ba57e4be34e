import DBusKit
import SupplicantClient

/// A stream of wpa_supplicant interface signals (EAP, Certification, NetworkRequest, PropertiesChanged, and
/// anything else), built from the bytes as D-Bus values of any shape, decoded into events and fed to the
/// authentication tracker, as an authentication attempt does with what arrives from the verified owner.
enum SupplicantSignalFuzz {
    static let path = "/fi/w1/wpa_supplicant1/Interfaces/1"
    static let members: [(String, String)] = [
        (SupplicantNames.interface, "EAP"), (SupplicantNames.interface, "Certification"),
        (SupplicantNames.interface, "NetworkRequest"), (SupplicantNames.properties, "PropertiesChanged"),
        (SupplicantNames.interface, "PropertiesChanged"), (SupplicantNames.network, "PropertiesChanged"),
        (SupplicantNames.interface, "InterworkingAPAdded"), (SupplicantNames.interface, "InterworkingSelectDone"),
    ]
    /// Strings the decoder and the tracker compare against.
    static let words = [
        SupplicantNames.interface, "State", "CurrentAuthMode", "depth", "subject", "altsubject", "cert_hash", "cert",
        "completed", "associated", "authenticating", "disconnected", "interface_disabled", "inactive", "scanning",
        "started", "accept proposed method", "refuse proposed method", "remote certificate verification",
        "remote TLS alert", "local TLS alert", "eap parameter needed", "completion", "success", "failure",
        "identity", "password", "PASSPHRASE", "PIN", "EAP-PEAP", "EAP-TTLS", "EAP-TLS", "INACTIVE", "",
        "type", "excluded", "home", "roaming", path + "/BSSs/3", path + "/Credentials/0", "/fi/w1/wpa_supplicant1/Interfaces/2/BSSs/1",
    ]

    static func run(_ bytes: [UInt8]) {
        var input = FuzzBytes(bytes)
        let setup = input.byte()
        let anchors: [TrustAnchor] = [.none, .systemBundle(path: "/etc/ssl/certs/ca-certificates.crt"),
                                      .serverPin(sha256Hex: String(repeating: "ab", count: 32)),
                                      .embeddedCA(index: 0, subject: "CN=Fuzz CA", sha256Hex: String(repeating: "cd", count: 32))]
        var tracker = AuthenticationTracker(configuration: .init(
            isWired: setup & 1 == 1, outerMethod: NetworkSpec.OuterMethod.allCases[Int(setup >> 1) % 3],
            anchor: anchors[Int(setup >> 3) % anchors.count], settleWindow: .milliseconds(300),
            interfaceName: "fuzz0", profileName: "fuzz"))
        var now = Duration.zero
        var signals = 0
        while !input.isAtEnd && signals < 64 {
            signals += 1
            let choice = Int(input.byte())
            let (interface, member) = choice < members.count * 4
                ? members[choice % members.count] : (input.string(words), input.string(words))
            var arguments: [DBusValue] = []
            for _ in 0..<(input.byte() % 4) { arguments.append(value(&input, depth: 0)) }
            let signal = DBusSignal(sender: ":1.7", path: path, interface: interface, member: member, arguments: arguments)
            // Passpoint: the interworking decoder sees the same signals; whatever it accepts names this interface's objects.
            for case .accessPointMatched(let match) in InterworkingSignalDecoder.events(from: signal, interfacePath: path) {
                precondition(match.bssPath.hasPrefix(path + "/BSSs/") && match.credentialPath.hasPrefix(path + "/Credentials/"),
                             "a match outside the interface was accepted")
            }
            for event in SupplicantSignalDecoder.events(from: signal) {
                now += .milliseconds(Int64(input.byte()) * 10)
                _ = tracker.handle(event, at: now)
            }
            if let wake = tracker.nextWakeup, input.byte() & 1 == 1 { _ = tracker.handle(.tick, at: max(now, wake)) }
        }
        _ = tracker.handle(.deadlineReached, at: now + .seconds(60))
        precondition(tracker.outcome != nil, "the deadline did not decide the attempt")
    }

    /// A D-Bus value of any type, nested up to four containers deep.
    static func value(_ input: inout FuzzBytes, depth: Int) -> DBusValue {
        let kind = input.byte() % (depth < 4 ? 19 : 14)
        switch kind {
        case 0: return .byte(input.byte())
        case 1: return .bool(input.byte() & 1 == 1)
        case 2: return .int16(Int16(truncatingIfNeeded: input.uint32()))
        case 3: return .uint16(UInt16(truncatingIfNeeded: input.uint32()))
        case 4: return .int32(Int32(bitPattern: input.uint32()))
        case 5: return .uint32(input.uint32())
        case 6: return .int64(Int64(bitPattern: input.uint64()))
        case 7: return .uint64(input.uint64())
        case 8: return .double(Double(bitPattern: input.uint64()))
        case 9: return .string(input.string(words))
        case 10: return .objectPath(input.string(words))
        case 11: return .signature(input.string(["s", "v", "a{sv}", "ay"]))
        case 12: return .bytes(input.data())
        case 13: return .unixFD(Int32(bitPattern: input.uint32()))
        case 14: return .variant(value(&input, depth: depth + 1))
        case 15: return .structure((0..<max(1, input.byte() % 4)).map { _ in value(&input, depth: depth + 1) })
        case 16:
            let signature = input.string(["s", "o", "y", "v", "g"])
            return .array(elementSignature: signature, (0..<(input.byte() % 6)).map { _ in value(&input, depth: depth + 1) })
        default:
            // Mostly a{sv} with the keys the decoder reads; sometimes another key or value signature.
            let keySignature = input.byte() % 8 == 0 ? "o" : "s"
            let valueSignature = input.byte() % 8 == 0 ? "s" : "v"
            let entries = (0..<(input.byte() % 6)).map { _ in
                DBusValue.Entry(key: input.byte() % 16 == 0 ? value(&input, depth: depth + 1) : .string(input.string(words)),
                                value: input.byte() % 2 == 0 ? .variant(value(&input, depth: depth + 1)) : value(&input, depth: depth + 1))
            }
            return .dictionary(keySignature: keySignature, valueSignature: valueSignature, entries)
        }
    }
}
