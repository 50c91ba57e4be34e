/// Syntax checks for everything handed to libdbus, which aborts the process on invalid input.
enum DBusNames {
    static let basicTypeCodes: Set<UInt8> = Set("ybnqiuxtdsogh".utf8)
    private static let maxNameLength = 255

    static func checkString(_ text: String) throws(DBusError) {
        if text.utf8.contains(0) {
            throw DBusError(.invalidArgument, "a D-Bus string contains a NUL character; send such data as bytes (ay)")
        }
    }

    static func isValidObjectPath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.first == UInt8(ascii: "/") else { return false }
        if bytes.count == 1 { return true }
        if bytes.last == UInt8(ascii: "/") { return false }
        var previousSlash = true
        for byte in bytes.dropFirst() {
            if byte == UInt8(ascii: "/") {
                if previousSlash { return false }
                previousSlash = true
            } else if isAlnumUnderscore(byte) {
                previousSlash = false
            } else {
                return false
            }
        }
        return true
    }

    static func checkObjectPath(_ path: String) throws(DBusError) {
        guard isValidObjectPath(path) else {
            throw DBusError(.invalidArgument, "'\(path)' is not a valid D-Bus object path",
                            hint: "Object paths look like /a/b_c/d1: elements of letters, digits and _ after slashes.",
                            details: ["dbus.path": .string(path)])
        }
    }

    static func checkInterfaceName(_ name: String, what: String = "interface name") throws(DBusError) {
        guard isValidDottedName(name, allowDigitFirst: false, allowHyphen: false) else {
            throw DBusError(.invalidArgument, "'\(name)' is not a valid D-Bus \(what)",
                            hint: "Use at least two dot-separated elements of letters, digits and _ (not starting with a digit).")
        }
    }

    static func checkErrorName(_ name: String) throws(DBusError) {
        try checkInterfaceName(name, what: "error name")
    }

    static func checkMemberName(_ name: String) throws(DBusError) {
        let bytes = Array(name.utf8)
        let ok = !bytes.isEmpty && bytes.count <= maxNameLength && !isDigit(bytes[0])
            && bytes.allSatisfy(isAlnumUnderscore)
        guard ok else {
            throw DBusError(.invalidArgument, "'\(name)' is not a valid D-Bus member name",
                            hint: "Member names are letters, digits and _, not starting with a digit.")
        }
    }

    static func checkBusName(_ name: String) throws(DBusError) {
        let ok: Bool
        if name.hasPrefix(":") {
            ok = isValidDottedName(String(name.dropFirst()), allowDigitFirst: true, allowHyphen: true)
                && name.utf8.count <= maxNameLength
        } else {
            ok = isValidDottedName(name, allowDigitFirst: false, allowHyphen: true)
        }
        guard ok else {
            throw DBusError(.invalidArgument, "'\(name)' is not a valid D-Bus bus name",
                            hint: "Bus names look like org.example.Service or :1.42.")
        }
    }

    static func checkSignature(_ signature: String) throws(DBusError) {
        let bytes = Array(signature.utf8)
        guard bytes.count <= 255 else {
            throw DBusError(.invalidArgument, "D-Bus signature '\(signature.prefix(40))…' is longer than 255 bytes")
        }
        var index = 0
        while index < bytes.count {
            guard let next = parseSingle(bytes, index, arrayDepth: 0, structDepth: 0) else {
                throw DBusError(.invalidArgument, "'\(signature)' is not a valid D-Bus signature")
            }
            index = next
        }
    }

    static func checkSingleCompleteType(_ signature: String, what: String) throws(DBusError) {
        let bytes = Array(signature.utf8)
        guard bytes.count <= 255, !bytes.isEmpty,
              let end = parseSingle(bytes, 0, arrayDepth: 0, structDepth: 0), end == bytes.count
        else {
            throw DBusError(.invalidArgument, "\(what) '\(signature)' is not a single complete D-Bus type")
        }
    }

    /// Parses one complete type starting at `index`; returns the index after it, or nil when invalid.
    private static func parseSingle(_ sig: [UInt8], _ index: Int, arrayDepth: Int, structDepth: Int) -> Int? {
        guard index < sig.count else { return nil }
        let code = sig[index]
        if basicTypeCodes.contains(code) || code == UInt8(ascii: "v") { return index + 1 }
        switch code {
        case UInt8(ascii: "a"):
            guard arrayDepth < 32, index + 1 < sig.count else { return nil }
            if sig[index + 1] == UInt8(ascii: "{") {
                guard structDepth < 32, index + 2 < sig.count, basicTypeCodes.contains(sig[index + 2]),
                      let valueEnd = parseSingle(sig, index + 3, arrayDepth: arrayDepth + 1, structDepth: structDepth + 1),
                      valueEnd < sig.count, sig[valueEnd] == UInt8(ascii: "}")
                else { return nil }
                return valueEnd + 1
            }
            return parseSingle(sig, index + 1, arrayDepth: arrayDepth + 1, structDepth: structDepth)
        case UInt8(ascii: "("):
            guard structDepth < 32 else { return nil }
            var position = index + 1
            var fields = 0
            while position < sig.count, sig[position] != UInt8(ascii: ")") {
                guard let next = parseSingle(sig, position, arrayDepth: arrayDepth, structDepth: structDepth + 1)
                else { return nil }
                position = next
                fields += 1
            }
            guard position < sig.count, fields > 0 else { return nil }
            return position + 1
        default:
            return nil
        }
    }

    private static func isValidDottedName(_ name: String, allowDigitFirst: Bool, allowHyphen: Bool) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= maxNameLength else { return false }
        let elements = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard elements.count >= 2 else { return false }
        for element in elements {
            guard let first = element.first else { return false }
            if !allowDigitFirst && isDigit(first) { return false }
            for byte in element where !(isAlnumUnderscore(byte) || (allowHyphen && byte == UInt8(ascii: "-"))) {
                return false
            }
        }
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isAlnumUnderscore(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x5F
    }
}
