public import StructuredErrors

/// Semantic failures of profiles: invalid settings, unknown profiles, conflicts (exit status 65).
public typealias ProfileError = DomainError<ProfileErrorCode>

/// The stable codes of the profile domain (201...).
public struct ProfileErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case invalidProfile = 201
        case missingTrustAnchor = 202
        case missingServerName = 203
        case unsupportedSecurityType = 204
        case unsupportedEAPMethod = 205
        case invalidInnerMethod = 206
        case invalidSSID = 207
        case invalidCertificate = 208
        case profileNotFound = 209
        case duplicateSSID = 210
        case invalidServerName = 211
        case invalidTLSVersion = 212
        case invalidJSON = 213
        case invalidProfileID = 214
        case wrongPortKind = 215
        case wrongInterface = 216
        case notInProfile = 217
        case profileChanged = 218
        case fingerprintMismatch = 219
        case rootNotPresented = 220
        case noSystemProfile = 221
        case noProfileInformation = 222
        case invalidFASTProvisioning = 223
        case noLoginWindowProfiles = 224
        case invalidPasspoint = 225
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    public static let invalidProfile = Self(.invalidProfile)
    public static let missingTrustAnchor = Self(.missingTrustAnchor)
    public static let missingServerName = Self(.missingServerName)
    public static let unsupportedSecurityType = Self(.unsupportedSecurityType)
    public static let unsupportedEAPMethod = Self(.unsupportedEAPMethod)
    public static let invalidInnerMethod = Self(.invalidInnerMethod)
    public static let invalidSSID = Self(.invalidSSID)
    public static let invalidCertificate = Self(.invalidCertificate)
    public static let profileNotFound = Self(.profileNotFound)
    public static let duplicateSSID = Self(.duplicateSSID)
    public static let invalidServerName = Self(.invalidServerName)
    public static let invalidTLSVersion = Self(.invalidTLSVersion)
    public static let invalidJSON = Self(.invalidJSON)
    public static let invalidProfileID = Self(.invalidProfileID)
    public static let notInProfile = Self(.notInProfile)
    public static let profileChanged = Self(.profileChanged)
    public static let wrongPortKind = Self(.wrongPortKind)
    public static let wrongInterface = Self(.wrongInterface)

    /// `profile probe --adopt`: the presented certificates do not have the expected fingerprint.
    public static let fingerprintMismatch = Self(.fingerprintMismatch)
    /// `profile probe --adopt`/`--save-ca`: the server did not present its root CA.
    public static let rootNotPresented = Self(.rootNotPresented)
    /// `watch --system`, `getSystemProfile`: the interface has no system profile (nor, if wired, a system Ethernet profile).
    public static let noSystemProfile = Self(.noSystemProfile)
    /// `getProfileInformation`, `clearProfileInformation`: the profile keeps no information for the application.
    public static let noProfileInformation = Self(.noProfileInformation)
    /// `--fast-provisioning`: not one of none, anonymous, authenticated, both.
    public static let invalidFASTProvisioning = Self(.invalidFASTProvisioning)
    /// `getLoginWindowProfiles`: the interface has no login-window profiles.
    public static let noLoginWindowProfiles = Self(.noLoginWindowProfiles)
    /// A Passpoint setting (roaming consortium OI, realm, home domain) is malformed, or the profile kind does not fit.
    public static let invalidPasspoint = Self(.invalidPasspoint)

    public static let domain = ErrorDomain.profile
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .invalidProfile:
            info("invalid-profile", "The profile breaks one or more validation rules.",
                 "Fix every problem listed in the message (see Docs/profile-format.md for the rules).")
        case .missingTrustAnchor:
            info("missing-trust-anchor", "The profile has no way to validate the server certificate.",
                 "Add the RADIUS server's CA certificate (--ca-cert FILE), enable the system CAs, or pin the server certificate.")
        case .missingServerName:
            info("missing-server-name", "The profile does not restrict which server name the certificate must carry.",
                 "Add the RADIUS server's name (--server-name radius.example.org) so another server signed by the same CA is refused.")
        case .unsupportedSecurityType:
            info("unsupported-security-type", "The Wi-Fi security type is not supported for 802.1X profiles.",
                 "Use wpa2, wpa3, wpa3-192 or wpa2-wpa3; WEP and open networks cannot carry WPA2/WPA3-Enterprise.")
        case .unsupportedEAPMethod:
            info("unsupported-eap-method", "The EAP method is unknown or not supported by eapolctl.",
                 "Use PEAP, TTLS or TLS.")
        case .invalidInnerMethod:
            info("invalid-inner-method", "The inner (phase 2) authentication method is unknown or does not fit the outer EAP method.",
                 "PEAP takes mschapv2 or gtc; TTLS takes pap, chap, mschap, mschapv2 or eap-mschapv2; TLS takes none.")
        case .invalidSSID:
            info("invalid-ssid", "The SSID is empty, longer than 32 bytes, or its hex: form is malformed.",
                 "Give the SSID as text, or as hex:4142... for arbitrary bytes (1 to 32 bytes).")
        case .invalidCertificate:
            info("invalid-certificate", "A certificate could not be parsed as DER or PEM X.509.",
                 "Check that the file named in the message holds an X.509 certificate (openssl x509 -in FILE -noout -text).")
        case .profileNotFound:
            info("profile-not-found", "No profile matches the given name, SSID or ID.",
                 "Run `eapolctl profile list` to see the existing profiles.")
        case .duplicateSSID:
            info("duplicate-ssid", "A profile for this SSID already exists; there is one profile per SSID.",
                 "Change the existing profile with `eapolctl profile edit PROFILE`, replace it with "
                     + "`eapolctl profile import FILE --replace`, or remove it with `eapolctl profile remove PROFILE`.")
        case .invalidServerName:
            info("invalid-server-name", "A server-name constraint is not a valid DNS name.",
                 "Give a DNS name such as radius.example.org, or =radius.example.org for an exact match.")
        case .invalidTLSVersion:
            info("invalid-tls-version", "A TLS version is unknown or the version bounds are inconsistent.",
                 "Use 1.0, 1.1, 1.2 or 1.3, with the minimum not above the maximum.")
        case .invalidJSON:
            info("invalid-json", "A field of a profile file has a value that is not accepted.",
                 "Fix the field named in the message (see Docs/profile-format.md).")
        case .invalidProfileID:
            info("invalid-profile-id", "A profile ID is not a UUID.",
                 "Give the ID as printed by `eapolctl profile list`, e.g. 3F2504E0-4F89-11D3-9A0C-0305E82C3301.")
        case .wrongPortKind:
            info("wrong-port-kind", "A wired profile was used on a Wi-Fi interface: it names no network to join.",
                 "Use a Wi-Fi profile on this interface (`eapolctl profile list`), or the wired profile on an Ethernet port.")
        case .wrongInterface:
            info("wrong-interface", "The wired profile is restricted to another interface.",
                 "Authenticate on the interface the profile names, or lift the restriction with `eapolctl profile edit PROFILE --no-wired-interface`.")
        case .notInProfile:
            info("not-in-profile", "A CA certificate, server name or pin that an edit removes is not in the profile.",
                 "Run `eapolctl profile show PROFILE` to see the profile's certificates (with their SHA-256), server names and pins.")
        case .profileChanged:
            info("profile-changed", "The profile was changed or removed by another process while it was being edited; nothing was written.",
                 "Run the edit again (`eapolctl profile show PROFILE` shows the profile as it is now).")
        case .fingerprintMismatch:
            info("fingerprint-mismatch", "The CA or server certificate the network presented does not have the expected SHA-256 fingerprint; nothing was adopted.",
                 "Get the fingerprint from your network administrator, then adopt with it: `eapolctl profile probe --interface IF --profile PROFILE --adopt --expect-fingerprint SHA256`.")
        case .rootNotPresented:
            info("root-not-presented", "The server did not present a root CA that issued its certificate, so there is no CA certificate to save or adopt.",
                 "Get the root CA certificate (the issuer named in the message) from your administrator and add it with `eapolctl profile edit PROFILE --add-ca-cert FILE`.")
        case .noSystemProfile:
            info("no-system-profile", "The interface has no system profile (and, if it is wired, there is no system Ethernet profile).",
                 "Set one with `eapolctl setSystemProfile --interface IF --profileID ID`; `eapolctl getSystemInterfaces` lists the interfaces that have one.")
        case .noProfileInformation:
            info("no-profile-information", "The profile keeps no information for this application ID.",
                 "Store some with `eapolctl setProfileInformation --profileID ID --applicationID APP --information FILE`; `eapolctl showProfile --profileID ID --details` lists the application IDs the profile has.")
        case .invalidFASTProvisioning:
            info("invalid-fast-provisioning", "The EAP-FAST PAC provisioning mode is not one of none, anonymous, authenticated, both.",
                 "Use `eapolctl profile create --method fast --fast-provisioning authenticated` (or none, anonymous, both).")
        case .noLoginWindowProfiles:
            info("no-login-window-profiles", "The interface has no login-window profiles.",
                 "Set them with `eapolctl setLoginWindowProfiles --interface IF --profileID ID` (several IDs, first tried first); `eapolctl getLoginWindowInterfaces` lists the interfaces that have some.")
        case .invalidPasspoint:
            info("invalid-passpoint", "A Passpoint (Hotspot 2.0) setting is malformed, or does not fit the profile.",
                 "Roaming consortium OIs are 6 or 10 hex digits, realms and home domains are domain names: "
                     + "`eapolctl profile create --passpoint --domain example.edu --realm example.edu --roaming-consortium 001bc50460 ...`.")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}

extension ProfileError {
    /// Builds the error raised when a second profile for an SSID is created, naming the existing profile.
    /// - Parameters:
    ///   - ssid: the SSID both profiles are for.
    ///   - existingName: the user-visible name of the profile that already exists.
    ///   - existingID: the ID of the profile that already exists.
    public static func duplicateSSID(
        _ ssid: SSID, existingName: String, existingID: ProfileID, file: String = #fileID, line: UInt = #line
    ) -> ProfileError {
        ProfileError(
            .duplicateSSID,
            "a profile for SSID \(ssid.displayText) already exists: \(existingName) \(existingID)",
            details: ["ssid": .string(ssid.displayText), "profile": .string(existingName), "id": .string(existingID.description)],
            file: file, line: line)
    }

    /// Builds the error raised when no profile matches a reference (name, SSID or ID) given by the user.
    public static func profileNotFound(_ reference: String, file: String = #fileID, line: UInt = #line) -> ProfileError {
        ProfileError(.profileNotFound, "no profile matches '\(reference)'", details: ["reference": .string(reference)],
                     file: file, line: line)
    }
}
