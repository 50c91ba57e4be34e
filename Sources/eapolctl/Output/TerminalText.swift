/// Makes text safe to write to a terminal: nothing in it can move the cursor, change the title, clear the screen,
/// reorder what follows it, or otherwise be interpreted by the terminal instead of shown.
///
/// Human output carries strings that come from the network or from files (certificate subjects and names, SSIDs,
/// DHCP server messages, profile and provider names from imported files, and error messages that embed them).
/// ``Output`` and ``ErrorReporter`` pass every human line through this type, so no view has to remember it; JSON
/// output is left alone (the JSON encoder already writes control characters as `\u001b` and so on).
///
/// Escaped, each as a visible sequence:
/// - C0 controls U+0000–U+001F: `\n`, `\r`, `\t`, else `\xNN` (e.g. ESC is `\x1b`, BEL `\x07`);
/// - DEL U+007F: `\x7f`;
/// - C1 controls U+0080–U+009F (e.g. CSI U+009B): `\u{9b}`;
/// - bidirectional overrides, embeddings and isolates U+202A–U+202E, U+2066–U+2069, the invisible direction marks
///   U+200E, U+200F, U+061C, and the line and paragraph separators U+2028, U+2029: `\u{202e}` and so on;
/// - the backslash itself: `\\`, so the output is unambiguous (a name that really contains the four characters
///   `\x1b` is shown as `\\x1b`).
///
/// Everything else, non-ASCII letters, symbols and emoji included, is unchanged.
enum TerminalText {
    /// `text` with every character listed above escaped, line feeds included: for one-line fields and messages.
    static func escaped(_ text: String) -> String {
        escape(text, keepingLayout: false)
    }

    /// `text` escaped as ``escaped(_:)`` except that line feeds (U+000A) and tabs (U+0009) stay: for multi-line,
    /// tab-separated text that eapolctl formatted itself (a command's result), whose own line breaks and column
    /// separators must stay what they are. A carriage return is still escaped, so no line can overwrite another.
    static func escapedKeepingLayout(_ text: String) -> String {
        escape(text, keepingLayout: true)
    }

    /// Whether `scalar` is escaped.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F: true
        case 0x5C: true  // backslash
        case 0x061C, 0x200E, 0x200F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    private static func escape(_ text: String, keepingLayout: Bool) -> String {
        func escapes(_ scalar: Unicode.Scalar) -> Bool {
            needsEscape(scalar) && !(keepingLayout && (scalar == "\n" || scalar == "\t"))
        }
        // Fast path: most text has nothing to escape.
        guard text.unicodeScalars.contains(where: escapes) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard escapes(scalar) else {
                out.append(scalar)
                continue
            }
            out.append(contentsOf: visible(scalar).unicodeScalars)
        }
        return String(out)
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\\": return #"\\"#
        case "\n": return #"\n"#
        case "\r": return #"\r"#
        case "\t": return #"\t"#
        default: break
        }
        let hex = String(scalar.value, radix: 16)
        if scalar.value < 0x80 {
            return #"\x"# + (hex.count < 2 ? "0" + hex : hex)
        }
        return #"\u{"# + hex + "}"
    }
}
