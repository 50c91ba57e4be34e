/// Compares distinguished names written in different text forms (OpenSSL `/C=FI/CN=x`, RFC 4514 `CN=x,C=FI`).
enum DistinguishedName {
    private static let aliases: [String: String] = [
        "commonname": "cn", "organizationname": "o", "organizationalunitname": "ou", "countryname": "c",
        "localityname": "l", "stateorprovincename": "st", "emailaddress": "emailaddress", "e": "emailaddress",
        "domaincomponent": "dc",
    ]

    /// The attributes as a sorted list of `type=value`, types and values lowercased, spaces trimmed.
    static func normalized(_ text: String) -> [String] {
        attributes(text).map { "\($0.type)=\($0.value.lowercased())" }.sorted()
    }

    /// The attributes in written order, types lowercased and de-aliased.
    static func attributes(_ text: String) -> [(type: String, value: String)] {
        let t = text.trimmingSpaces
        var parts: [String] = []
        if t.hasPrefix("/") {
            parts = t.split(separator: "/").map(String.init)
        } else {
            var current = ""
            var escaped = false
            for ch in t {
                if escaped { current.append(ch); escaped = false; continue }
                if ch == "\\" { escaped = true; continue }
                if ch == "," || ch == "+" { parts.append(current); current = ""; continue }
                current.append(ch)
            }
            parts.append(current)
        }
        return parts.compactMap { part in
            guard let eq = part.firstIndex(of: "=") else { return nil }
            let rawType = part[..<eq].trimmingSpaces.lowercased()
            let value = part[part.index(after: eq)...].trimmingSpaces
            return (aliases[rawType] ?? rawType, value)
        }
    }

    /// True when both texts name the same distinguished name.
    static func equal(_ a: String, _ b: String) -> Bool {
        let na = normalized(a)
        return !na.isEmpty && na == normalized(b)
    }

    /// The common name(s) of a distinguished name.
    static func commonNames(_ text: String) -> [String] {
        attributes(text).filter { $0.type == "cn" }.map(\.value)
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
