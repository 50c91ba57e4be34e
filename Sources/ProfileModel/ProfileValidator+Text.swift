import Foundation

/// The character rules for a profile's text fields (names, identities, paths, server names).
///
/// These values end up in configuration files of other programs (wpa_supplicant.conf, iwd and NetworkManager
/// keyfiles, eapolcfg plists), where a line break or a control character can end a value and start a new
/// setting or section. The validator refuses them where the profile is loaded, imported or created, and the
/// exporters check them again (Docs/formats.md, "Export escaping"). SSIDs are bytes and are not text fields.
extension ProfileValidator {
    /// What a text field may hold besides ordinary printable text.
    public enum TextFieldKind: Sendable {
        /// A name or identity: no control characters (C0, DEL, C1) and no line or paragraph separators.
        case text
        /// A file path: as ``text``, and no double quote (wpa_supplicant and the live D-Bus path cannot carry one
        /// in a path, and no legitimate path needs it).
        case path
    }

    /// The first character of `text` that a field of `kind` must not hold, or nil when there is none.
    public static func forbiddenCharacter(in text: String, kind: TextFieldKind = .text) -> Unicode.Scalar? {
        text.unicodeScalars.first { scalar in
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: return true
            default: return kind == .path && scalar == "\""
            }
        }
    }

    /// Names a forbidden character for a message: `a line feed (U+000A)`, `a double quote (U+0022)`.
    public static func characterName(_ scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        let name: String = switch scalar.value {
        case 0x0A: "a line feed"
        case 0x0D: "a carriage return"
        case 0x09: "a tab"
        case 0x00: "a NUL character"
        case 0x22: "a double quote"
        case 0x7F: "a DEL control character"
        case 0x85: "a next-line (NEL) control character"
        case 0x80...0x9F: "a C1 control character"
        case 0x2028: "a line separator"
        case 0x2029: "a paragraph separator"
        default: "a control character"
        }
        return "\(name) (\(code))"
    }

    /// The problems of one text field: `invalid-<what>` naming the character and its position.
    /// - Parameters:
    ///   - text: the value.
    ///   - field: the JSON field path, e.g. `eap.username`.
    ///   - id: the problem id, e.g. `invalid-username`.
    ///   - what: the field in words, e.g. `the username`.
    ///   - kind: the character rule.
    static func textProblem(_ text: String, field: String, id: String, what: String,
                            kind: TextFieldKind = .text) -> ValidationProblem? {
        guard let bad = forbiddenCharacter(in: text, kind: kind) else { return nil }
        let position = text.unicodeScalars.prefix { $0 != bad }.count + 1
        let hint = kind == .path
            ? "Give a plain absolute path without control characters, line breaks or double quotes."
            : "Remove the control characters and line breaks (tabs included) from the value."
        return ValidationProblem(
            id: id, field: field,
            message: "\(what) contains \(characterName(bad)) at character \(position); "
                + "such characters could end the value in exported configuration files",
            hint: hint)
    }

    /// Character problems of every text field of `profile` except the name and interface (checked with their
    /// other rules), in field order.
    static func textFieldProblems(in profile: Profile) -> [ValidationProblem] {
        var problems: [ValidationProblem] = []
        if let username = profile.eap.username,
           let problem = textProblem(username, field: "eap.username", id: "invalid-username", what: "the username") {
            problems.append(problem)
        }
        if let outer = profile.eap.outerIdentity,
           let problem = textProblem(outer, field: "eap.outerIdentity", id: "invalid-outer-identity",
                                     what: "the outer identity") {
            problems.append(problem)
        }
        if let problem = textProblem(profile.trust.systemCABundlePath, field: "trust.systemCABundlePath",
                                     id: "invalid-system-ca-path", what: "the system CA bundle path", kind: .path) {
            problems.append(problem)
        }
        for (index, constraint) in profile.trust.serverNames.enumerated()
        where !ServerNameConstraint.isValidDNSName(constraint.name) {
            problems.append(ValidationProblem(
                id: "invalid-server-name", field: "trust.serverNames[\(index)]",
                message: "'\(constraint.name.debugDescription.dropFirst().dropLast())' is not a DNS name "
                    + "(labels of letters, digits, '-' or '_' joined by dots)",
                hint: "Give the RADIUS server's DNS name, e.g. radius.example.org."))
        }
        return problems
    }
}
