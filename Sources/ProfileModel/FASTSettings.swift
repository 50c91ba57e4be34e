public import StructuredErrors
import Foundation

/// How an EAP-FAST profile may obtain a PAC (Protected Access Credential, RFC 5422) when it has none for the server;
/// wpa_supplicant's `phase1="fast_provisioning=N"`.
///
/// eapolcfg's two provisioning flags map onto it one to one: `EAPFASTProvisionPAC` allows authenticated (server
/// certificate) provisioning, `EAPFASTProvisionPACAnonymously` allows anonymous (unauthenticated Diffie-Hellman)
/// provisioning; both flags together are ``both``, neither is ``none``.
public enum PACProvisioning: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// No provisioning: only a PAC stored earlier is used.
    case none
    /// Server-unauthenticated provisioning (anonymous Diffie-Hellman). A weakening: the provisioning exchange does not
    /// authenticate the server, so the inner MSCHAPv2 runs to whoever answers (recorded, shown like an insecure switch).
    case anonymous
    /// Provisioning inside a TLS tunnel whose server certificate is validated as for PEAP.
    case authenticated
    /// Either, as the server offers (includes the anonymous weakening).
    case both

    /// Parses `none`, `anonymous`, `authenticated` or `both` (case-insensitive).
    /// - Throws: ``ProfileError`` `invalid-fast-provisioning` for anything else.
    public init(parsing text: String) throws {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let value = PACProvisioning(rawValue: key) else {
            throw ProfileError(
                .invalidFASTProvisioning,
                "unknown EAP-FAST PAC provisioning '\(text)'; accepted: none, anonymous, authenticated, both",
                details: ["fastProvisioning": .string(text)])
        }
        self = value
    }

    /// wpa_supplicant's `fast_provisioning=N` number (NetworkManager's `phase1-fast-provisioning` uses the same):
    /// 0 none, 1 anonymous, 2 authenticated, 3 both.
    public var phase1Number: Int {
        switch self {
        case .none: 0
        case .anonymous: 1
        case .authenticated: 2
        case .both: 3
        }
    }

    /// The provisioning eapolcfg's flags ask for.
    public init(provisionPAC: Bool, anonymously: Bool) {
        switch (provisionPAC, anonymously) {
        case (false, false): self = .none
        case (true, false): self = .authenticated
        case (false, true): self = .anonymous
        case (true, true): self = .both
        }
    }

    /// eapolcfg's `EAPFASTProvisionPAC`: authenticated provisioning is allowed.
    public var allowsAuthenticated: Bool { self == .authenticated || self == .both }
    /// eapolcfg's `EAPFASTProvisionPACAnonymously`: anonymous provisioning is allowed (a weakening).
    public var allowsAnonymous: Bool { self == .anonymous || self == .both }
    /// Whether a PAC may be provisioned at all.
    public var allowsProvisioning: Bool { self != .none }

    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = PACProvisioning(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "unknown PAC provisioning '\(text)'; accepted: none, anonymous, authenticated, both")
        }
        self = value
    }
}

/// The PAC settings of an EAP-FAST profile (eapolcfg's `EAPFASTUsePAC`, `EAPFASTProvisionPAC`,
/// `EAPFASTProvisionPACAnonymously`). The PAC itself is a secret: it lives in the credential store, never here.
public struct FASTSettings: Sendable, Hashable, Codable {
    /// eapolcfg's `EAPFASTUsePAC`. wpa_supplicant's EAP-FAST always needs a PAC, so a profile without it is invalid
    /// (kept as read so that validation can say so instead of an importer guessing).
    public var usePAC: Bool
    /// How a missing PAC may be provisioned.
    public var provisioning: PACProvisioning

    public init(usePAC: Bool = true, provisioning: PACProvisioning = .none) {
        self.usePAC = usePAC
        self.provisioning = provisioning
    }

    private enum CodingKeys: String, CodingKey { case usePAC, provisioning }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        usePAC = try c.decodeIfPresent(Bool.self, forKey: .usePAC) ?? true
        provisioning = try c.decodeIfPresent(PACProvisioning.self, forKey: .provisioning) ?? .none
    }
}

extension EAPSettings {
    /// Whether the profile allows anonymous (server-unauthenticated) EAP-FAST PAC provisioning.
    public var allowsAnonymousPACProvisioning: Bool { outer == .fast && (fast?.provisioning.allowsAnonymous ?? false) }
}

extension ProfileValidator {
    /// The EAP-FAST rules: PAC settings only on FAST, a PAC always used, provisioning only with a PAC.
    static func fastProblems(in eap: EAPSettings) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        func add(_ id: String, _ field: String, _ message: String, _ hint: String) {
            problems.append(ValidationProblem(id: id, field: field, message: message, hint: hint))
        }
        guard eap.outer == .fast else {
            if eap.fast != nil {
                add("unexpected-fast-settings", "eap.fast",
                    "EAP-FAST PAC settings are set, but the profile uses \(eap.outer.displayName)",
                    "Remove the PAC settings, or use the method fast.")
            }
            return problems
        }
        let fast = eap.fast ?? FASTSettings()
        if !fast.usePAC {
            if fast.provisioning.allowsProvisioning {
                add("fast-provisioning-without-pac", "eap.fast.usePAC",
                    "PAC provisioning (\(fast.provisioning.rawValue)) is allowed, but the profile does not use a PAC: "
                        + "a provisioned PAC would never be used",
                    "Use a PAC (eapolcfg: --EAPFASTUsePAC; profile JSON: eap.fast.usePAC true).")
            } else {
                add("fast-pac-required", "eap.fast.usePAC",
                    "the profile does not use a PAC, but wpa_supplicant's EAP-FAST authenticates only with a PAC",
                    "Use a PAC and allow provisioning: `eapolctl profile edit PROFILE --fast-provisioning authenticated` "
                        + "(eapolcfg: --EAPFASTUsePAC --EAPFASTProvisionPAC).")
            }
        }
        return problems
    }
}
