import Foundation
import ProfileModel

/// The on-disk form of the summary index, `profiles.index` (version 2).
///
/// A line-oriented text format that `profile list` reads without a JSON decoder: at 10,000 profiles decoding the
/// version-1 JSON index through `Codable` took ~45 ms of the command's ~80 ms CPU time (generic containers, and a
/// string trim plus `UUID(uuidString:)` per ID); this parser takes a few milliseconds.
///
/// ```
/// eapolctl-profiles-index 2 <directory mtime ns> <entry count>
/// <32 hex digits ID>\t<name>\t<ssid>\t<security>\t<method>\t<inner>\t<insecure 0|1>
/// ```
/// `ssid` is empty for a wired profile and `=` followed by the SSID's display text otherwise; `inner` is empty
/// when there is none. In `name` and `ssid`, `\` is written `\\`, a tab `\t`, a newline `\n`, a carriage return
/// `\r`. The count in the header catches an index cut at a line boundary. Entries are written sorted by name then
/// ID, the order `list()` returns. Anything unexpected (an older JSON index, a truncated line, an unknown method)
/// makes ``decode(_:)`` return nil and the index is rebuilt from
/// the profile files.
extension ProfileRepository.Index {
    static let magic = "eapolctl-profiles-index"

    /// The index as file bytes.
    func encoded() -> [UInt8] {
        var out = "\(Self.magic) \(version) \(directoryMTime) \(entries.count)\n"
        out.reserveCapacity(64 + entries.count * 96)
        for e in entries {
            out += Self.hex(e.id.uuid)
            out += "\t" + Self.escape(e.name)
            out += "\t" + (e.ssid.map { "=" + Self.escape($0) } ?? "")
            out += "\t" + e.security.rawValue + "\t" + e.method.rawValue + "\t" + (e.inner?.rawValue ?? "")
            out += e.insecure ? "\t1\n" : "\t0\n"
        }
        return Array(out.utf8)
    }

    /// Parses file bytes; nil when they are not a well-formed index of the current version.
    static func decode(_ bytes: [UInt8]) -> Self? {
        bytes.withUnsafeBufferPointer { buffer -> Self? in
            var lines = buffer.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            guard lines.count >= 2, lines.last?.isEmpty == true else { return nil }  // ends with a newline
            lines.removeLast()
            let header = String(decoding: lines[0], as: UTF8.self).split(separator: " ")
            guard header.count == 4, header[0] == magic, header[1] == "\(currentVersion)",
                  let mtime = Int64(header[2]), let count = Int(header[3]), count == lines.count - 1 else { return nil }
            var index = Self(directoryMTime: mtime)
            index.entries.reserveCapacity(lines.count - 1)
            for line in lines.dropFirst() {
                guard let entry = parseEntry(line) else { return nil }
                index.entries.append(entry)
            }
            return index
        }
    }

    private static func parseEntry(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> ProfileSummary? {
        let f = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
        guard f.count == 7, let uuid = uuid(f[0]), let name = unescape(f[1]),
              let security = SecurityType(rawValue: String(decoding: f[3], as: UTF8.self)),
              let method = EAPMethod(rawValue: String(decoding: f[4], as: UTF8.self)),
              f[6].count == 1, let flag = f[6].first, flag == UInt8(ascii: "0") || flag == UInt8(ascii: "1")
        else { return nil }
        var ssid: String?
        if let marker = f[2].first {
            guard marker == UInt8(ascii: "="), let text = unescape(f[2].dropFirst()) else { return nil }
            ssid = text
        }
        var inner: InnerMethod?
        if !f[5].isEmpty {
            guard let value = InnerMethod(rawValue: String(decoding: f[5], as: UTF8.self)) else { return nil }
            inner = value
        }
        return ProfileSummary(id: ProfileID(uuid), name: name, ssid: ssid, security: security, method: method,
                              inner: inner, insecure: flag == UInt8(ascii: "1"))
    }

    // MARK: IDs

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    static func hex(_ uuid: UUID) -> String {
        var chars = [UInt8]()
        chars.reserveCapacity(32)
        withUnsafeBytes(of: uuid.uuid) { raw in
            for b in raw {
                chars.append(hexDigits[Int(b >> 4)])
                chars.append(hexDigits[Int(b & 0x0F)])
            }
        }
        return String(decoding: chars, as: UTF8.self)
    }

    static func uuid(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> UUID? {
        guard field.count == 32 else { return nil }
        var bytes = [UInt8](repeating: 0, count: 16)
        var i = field.startIndex
        for n in 0..<16 {
            guard let hi = nibble(field[i]), let lo = nibble(field[i + 1]) else { return nil }
            bytes[n] = hi << 4 | lo
            i += 2
        }
        return bytes.withUnsafeBytes { raw in UUID(uuid: raw.loadUnaligned(as: uuid_t.self)) }
    }

    private static func nibble(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        default: nil
        }
    }

    // MARK: Text fields

    static func escape(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func unescape(_ field: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
        guard field.contains(0x5C) else { return String(decoding: field, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(field.count)
        var escaping = false
        for b in field {
            if escaping {
                switch b {
                case UInt8(ascii: "\\"): out.append(0x5C)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: return nil
                }
                escaping = false
            } else if b == 0x5C {
                escaping = true
            } else {
                out.append(b)
            }
        }
        return escaping ? nil : String(decoding: out, as: UTF8.self)
    }
}
