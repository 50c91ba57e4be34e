import ProfileModel

/// Checks and escapes the strings the exporters write (Docs/formats.md, "Export escaping").
///
/// The validator refuses dangerous characters in a profile's text fields, but a `Profile` can be built or loaded
/// without validation, so every exporter checks each value again: text fields (names, identities, paths, server
/// names) are refused with `import.unsupported-export` naming the field when they hold a control character or a
/// line break; secrets (passwords, passphrases) are escaped where the format can carry them and refused where it
/// cannot.
enum ExporterText {
    /// Refuses a text field holding a character the validator forbids; returns it unchanged otherwise.
    /// - Parameters:
    ///   - text: the value.
    ///   - field: the profile field it comes from, named in the error (`eap.username`).
    ///   - kind: the character rule (paths also refuse `"`).
    static func field(_ text: String, _ field: String, kind: ProfileValidator.TextFieldKind = .text,
                      profile: Profile, format: ProfileFormat) throws -> String {
        if let bad = ProfileValidator.forbiddenCharacter(in: text, kind: kind) {
            throw refusal(profile, format, field, "contains \(ProfileValidator.characterName(bad)), which would end the value in the exported file")
        }
        return text
    }

    /// A server name of a domain-match list: DNS syntax only (`;` separates the list in every format).
    static func serverName(_ name: String, index: Int, profile: Profile, format: ProfileFormat) throws -> String {
        guard ServerNameConstraint.isValidDNSName(name) else {
            throw refusal(profile, format, "trust.serverNames[\(index)]", "is not a DNS name")
        }
        return name
    }

    /// A SHA-256 pin as 64 lowercase hex digits.
    static func pinHex(_ pin: String, index: Int, profile: Profile, format: ProfileFormat) throws -> String {
        guard let normalized = TrustSettings.normalizedPin(pin) else {
            throw refusal(profile, format, "trust.serverCertificatePins[\(index)]", "is not a SHA-256 fingerprint")
        }
        return normalized.replacingOccurrences(of: ":", with: "")
    }

    /// A value for a GLib key file (NetworkManager) or an ell settings file (iwd), which share their escapes:
    /// `\\`, `\n`, `\t`, `\r`, and `\s` for a space. Leading and trailing spaces are written `\s` (both parsers drop
    /// leading blanks; other readers trim trailing ones). NUL and the other control characters have no escape and
    /// are refused.
    static func keyfileValue(_ text: String, _ field: String, profile: Profile, format: ProfileFormat) throws -> String {
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        let lastNonSpace = scalars.lastIndex { $0 != " " } ?? -1
        var leading = true
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "\\": out.append(contentsOf: #"\\"#.unicodeScalars)
            case "\n": out.append(contentsOf: #"\n"#.unicodeScalars)
            case "\t": out.append(contentsOf: #"\t"#.unicodeScalars)
            case "\r": out.append(contentsOf: #"\r"#.unicodeScalars)
            case " " where leading || index > lastNonSpace: out.append(contentsOf: #"\s"#.unicodeScalars)
            default:
                if scalar.properties.generalCategory == .control {
                    throw refusal(profile, format, field, "contains \(ProfileValidator.characterName(scalar)), which \(format == .iwd ? "an iwd settings file" : "a key file") cannot hold")
                }
                out.append(scalar)
            }
            if scalar != " " { leading = false }
        }
        return String(out)
    }

    static func refusal(_ profile: Profile, _ format: ProfileFormat, _ field: String, _ why: String) -> ImportError {
        ImportError(.unsupportedExport,
                    "profile \(profile.id) cannot be exported as \(format): \(field) \(why)",
                    details: ["profile": .string(profile.name), "id": .string(profile.id.description),
                              "format": .string(format.rawValue), "field": .string(field)])
    }
}
