/// Checks every value before it reaches wpa_supplicant, which would answer only "invalid message format".
enum Validation {
    /// Keys whose `s` value wpa_supplicant parses as keywords, with the tokens each accepts.
    static let keywordValues: [String: Set<String>] = [
        "key_mgmt": ["IEEE8021X", "WPA-EAP", "WPA-EAP-SHA256", "WPA-EAP-SUITE-B-192", "FT-EAP"],
        "proto": ["RSN"],
        "pairwise": ["CCMP", "GCMP-256"],
        "group": ["CCMP", "GCMP-256"],
        "group_mgmt": ["BIP-GMAC-256", "BIP-CMAC-128"],
        "eap": ["PEAP", "TTLS", "TLS", "FAST", "LEAP"],
    ]
    static let phase2Values: Set<String> = [
        "auth=MSCHAPV2", "auth=GTC", "auth=PAP", "auth=CHAP", "auth=MSCHAP", "autheap=MSCHAPV2", "autheap=GTC",
    ]
    static let integerKeys: Set<String> = ["eapol_flags", "ieee80211w", "scan_ssid", "proactive_key_caching"]
    static let byteKeys: Set<String> = ["ssid", "identity", "anonymous_identity"]
    static let secretKeys: Set<String> = ["password", "private_key_passwd"]

    static func property(key: String, value: NetworkValue) throws(SupplicantError) {
        switch value {
        case .int32:
            guard integerKeys.contains(key) else { throw NetworkConfiguration.invalid(key, "must not be an integer") }
        case .bytes(let b):
            guard byteKeys.contains(key) else { throw NetworkConfiguration.invalid(key, "must not be bytes") }
            guard !b.isEmpty else { throw NetworkConfiguration.invalid(key, "is empty") }
        case .secretBytes(let s):
            guard secretKeys.contains(key) else { throw NetworkConfiguration.invalid(key, "must not be a secret") }
            guard !s.isEmpty else { throw NetworkConfiguration.invalid(key, "is empty") }
        case .string(let s):
            guard !s.isEmpty else { throw NetworkConfiguration.invalid(key, "is empty") }
            guard !byteKeys.contains(key), !secretKeys.contains(key) else {
                throw NetworkConfiguration.invalid(key, "must be sent as bytes, never as a string")
            }
            guard !integerKeys.contains(key) else { throw NetworkConfiguration.invalid(key, "must be an integer") }
            try plainText(s, key: key)
            if let allowed = keywordValues[key] {
                for token in s.split(separator: " ") where !allowed.contains(String(token)) {
                    throw NetworkConfiguration.invalid(key, "'\(token)' is not an accepted value")
                }
            } else if key == "phase2" {
                guard phase2Values.contains(s) else { throw NetworkConfiguration.invalid(key, "'\(s)' is not accepted") }
            }
        }
    }

    /// A string sent as `s`: no NUL, no line break, no double quote (it would end the quoted config value).
    static func plainText(_ s: String, key: String) throws(SupplicantError) {
        for scalar in s.unicodeScalars {
            if scalar == "\0" { throw NetworkConfiguration.invalid(key, "contains a NUL character") }
            if scalar == "\n" || scalar == "\r" { throw NetworkConfiguration.invalid(key, "contains a line break") }
            if scalar == "\"" { throw NetworkConfiguration.invalid(key, "contains a double quote") }
            if scalar.value < 0x20 || scalar.value == 0x7F {
                throw NetworkConfiguration.invalid(key, "contains a control character")
            }
        }
    }

    /// Bytes that wpa_supplicant stores as a C string: no NUL.
    static func cBytes(_ b: [UInt8], key: String) throws(SupplicantError) {
        if b.contains(0) { throw NetworkConfiguration.invalid(key, "contains a NUL byte") }
    }

    static func path(_ p: String, key: String) throws(SupplicantError) {
        guard p.hasPrefix("/") else { throw NetworkConfiguration.invalid(key, "path '\(p)' is not absolute") }
        try plainText(p, key: key)
    }

    /// A DNS name for domain matching: letters, digits, `-`, `.`, `_`; `;` would split the list.
    static func serverName(_ n: String) throws(SupplicantError) {
        let ok = !n.isEmpty && n.count <= 253 && n.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "." || $0 == "_"
        }
        guard ok else {
            throw NetworkConfiguration.invalid("domain_match", "server name '\(n.debugDescription.dropFirst().dropLast())' "
                                               + "is not a DNS name")
        }
    }

    static func blobPrefix(_ p: String) throws(SupplicantError) {
        let ok = !p.isEmpty && p.count <= 40 && p.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
        }
        guard ok else {
            throw NetworkConfiguration.invalid("blob", "blob prefix '\(p)' must be 1–40 letters, digits, '-' or '_'")
        }
    }
}
