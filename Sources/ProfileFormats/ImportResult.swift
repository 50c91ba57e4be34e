import Foundation
public import ProfileModel
public import Secrets

/// A password found in an imported file; it goes to the encrypted store, never into the profile.
public struct ImportedPassword: Sendable {
    /// The user name the password belongs to.
    public var username: String
    /// The password.
    public var password: SecretBytes

    /// Creates a password item.
    public init(username: String, password: SecretBytes) {
        self.username = username
        self.password = password
    }
}

/// A PKCS#12 client identity found in an imported file.
public struct ImportedIdentity: Sendable {
    /// The PKCS#12 bytes (they hold the private key).
    public var bundle: SecretBytes
    /// The passphrase, when the file carried one (it has then been checked against the bundle's MAC).
    public var passphrase: SecretBytes?

    /// Creates an identity.
    public init(bundle: SecretBytes, passphrase: SecretBytes?) {
        self.bundle = bundle
        self.passphrase = passphrase
    }
}

/// How to build the inner user name when the provider prescribes a realm (eap-config `InnerIdentitySuffix`).
public struct UsernameRule: Sendable, Hashable, Codable {
    /// Text put before the user's input (`InnerIdentityPrefix`).
    public var prefix: String?
    /// The realm appended after `@` (`InnerIdentitySuffix`).
    public var suffix: String?
    /// Whether the suffix is only a hint (`InnerIdentityHint` true) rather than a requirement.
    public var hintOnly: Bool

    /// Creates a rule.
    public init(prefix: String? = nil, suffix: String? = nil, hintOnly: Bool = false) {
        self.prefix = prefix
        self.suffix = suffix
        self.hintOnly = hintOnly
    }

    /// Builds the user name from what the user typed: adds the prefix and `@suffix` unless already present.
    /// - Returns: the full user name; when the suffix is required and the input carries another realm, the input
    ///   is returned unchanged and ``check(_:)`` reports the mismatch.
    public func apply(to input: String) -> String {
        var name = input
        if let prefix, !prefix.isEmpty, !name.hasPrefix(prefix) { name = prefix + name }
        if let suffix, !suffix.isEmpty, !name.contains("@") { name += "@" + suffix }
        return name
    }

    /// Returns a problem description when `username` does not end in the required realm, else nil.
    public func check(_ username: String) -> String? {
        guard let suffix, !suffix.isEmpty, !hintOnly else { return nil }
        let lowered = username.lowercased()
        let realm = suffix.lowercased()
        if lowered.hasSuffix("@" + realm) || lowered.hasSuffix("." + realm) { return nil }
        return "the user name must end in @\(suffix) (the provider's InnerIdentitySuffix)"
    }
}

/// One profile produced by an import, with the secrets and hints that came with it.
public struct ImportedProfile: Sendable {
    /// The profile (validated).
    public var profile: Profile
    /// The password found in the file.
    public var password: ImportedPassword?
    /// The client identity found in the file.
    public var identity: ImportedIdentity?
    /// Whether the method needs a client identity that the file did not include.
    public var needsIdentity: Bool { profile.eap.outer == .tls && identity == nil }
    /// How to form the user name, when the provider says.
    public var usernameRule: UsernameRule?

    /// Creates an imported profile.
    public init(profile: Profile, password: ImportedPassword? = nil, identity: ImportedIdentity? = nil,
                usernameRule: UsernameRule? = nil) {
        self.profile = profile
        self.password = password
        self.identity = identity
        self.usernameRule = usernameRule
    }
}

/// The provider's contact and description data (eap-config `ProviderInfo`), kept for display.
public struct ProviderInfo: Sendable, Hashable, Codable {
    /// The provider's identifier (`EAPIdentityProvider@ID`).
    public var id: String?
    /// `DisplayName`.
    public var displayName: String?
    /// `Description`.
    public var description: String?
    /// `TermsOfUse`.
    public var termsOfUse: String?
    /// `Helpdesk/EmailAddress` values.
    public var helpdeskEmails: [String]
    /// `Helpdesk/WebAddress` values.
    public var helpdeskWeb: [String]
    /// `Helpdesk/Phone` values.
    public var helpdeskPhones: [String]

    /// Creates provider info.
    public init(id: String? = nil, displayName: String? = nil, description: String? = nil, termsOfUse: String? = nil,
                helpdeskEmails: [String] = [], helpdeskWeb: [String] = [], helpdeskPhones: [String] = []) {
        self.id = id
        self.displayName = displayName
        self.description = description
        self.termsOfUse = termsOfUse
        self.helpdeskEmails = helpdeskEmails
        self.helpdeskWeb = helpdeskWeb
        self.helpdeskPhones = helpdeskPhones
    }

    /// Whether any helpdesk contact is known.
    public var hasHelpdesk: Bool { !(helpdeskEmails.isEmpty && helpdeskWeb.isEmpty && helpdeskPhones.isEmpty) }

    /// One line per contact, e.g. `e-mail: help@example.org`.
    public var helpdeskLines: [String] {
        helpdeskEmails.map { "e-mail: \($0)" } + helpdeskWeb.map { "web: \($0)" } + helpdeskPhones.map { "phone: \($0)" }
    }
}

/// What a configuration profile's signature proves (JSON: the raw values).
public enum SignatureStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// The signature matches the content and the signer's certificate chains to a CA of the system store, is
    /// valid now and may sign (key usage): the content is what that certificate's holder signed.
    case signedTrusted = "signed-trusted"
    /// The signature matches the content, but the signer is unknown: self-signed, issued by a CA the system store
    /// does not hold, expired, or not allowed to sign. Anyone can make such a signature; it proves nothing about
    /// who wrote the file (a warning is shown; `--require-signed` refuses it).
    case signedUntrusted = "signed-untrusted"
    /// The signature does not match the content (altered after signing) or the envelope is broken. Refused unless
    /// `--allow-invalid-signature` is given; the label stays.
    case signedInvalid = "signed-invalid"
    /// The file carries no signature.
    case unsigned
}

/// The signature of a signed configuration profile.
public struct SignatureInfo: Sendable, Hashable, Codable {
    /// What the signature proves.
    public var status: SignatureStatus
    /// The signer certificate's subject, when there is one.
    public var signer: String?
    /// The system CA the signer chains to (`signed-trusted` only).
    public var anchor: String?
    /// What was checked and, when not trusted or invalid, why.
    public var detail: String?

    /// Creates signature info.
    public init(status: SignatureStatus, signer: String? = nil, anchor: String? = nil, detail: String? = nil) {
        self.status = status
        self.signer = signer
        self.anchor = anchor
        self.detail = detail
    }
}

/// Everything one import produced: the profiles (all or nothing) and what the user should know about the choice.
public struct ImportResult: Sendable {
    /// The detected (or forced) format.
    public var format: ProfileFormat
    /// The profiles, in file order.
    public var profiles: [ImportedProfile]
    /// Human-readable notes: which method was chosen and why others were skipped, what was not supported.
    public var notes: [String]
    /// Provider information (eap-config).
    public var provider: ProviderInfo?
    /// Signature status (mobileconfig): set by ``ProfileImporter/parseVerifyingSignature(_:source:format:policy:now:)``,
    /// nil after the synchronous ``ProfileImporter/parse(_:source:format:now:)``.
    public var signature: SignatureInfo?
    /// The raw CMS envelope of a signed file, kept so the caller can verify the signature (async).
    public var signedEnvelope: [UInt8]?

    /// Creates a result.
    public init(format: ProfileFormat, profiles: [ImportedProfile], notes: [String] = [], provider: ProviderInfo? = nil,
                signature: SignatureInfo? = nil, signedEnvelope: [UInt8]? = nil) {
        self.format = format
        self.profiles = profiles
        self.notes = notes
        self.provider = provider
        self.signature = signature
        self.signedEnvelope = signedEnvelope
    }
}
