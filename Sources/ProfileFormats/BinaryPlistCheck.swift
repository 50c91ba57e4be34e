import ProfileModel
import StructuredErrors

/// Checks a binary property list's structure before Foundation parses it.
///
/// Foundation's binary-plist reader on Linux accepts object kinds no profile uses (sets, ordered sets, UIDs) and then
/// crashes bridging some of them to Swift (a set holding a dictionary dereferences a null metadata pointer; found by
/// the mobileconfig fuzzer). So a hostile `.mobileconfig` or eapolcfg plist could kill the process. This check reads
/// only the trailer and the offset table (every object a binary plist holds is listed there, and references are
/// indices into it) and refuses a file unless every object is one of the kinds a profile can contain: null/bool,
/// integer, real, date, data, ASCII or UTF-16 string, array, dictionary.
enum BinaryPlistCheck {
    static let magic: [UInt8] = Array("bplist0".utf8)

    static func isBinary(_ bytes: [UInt8]) -> Bool { bytes.starts(with: magic) }

    /// The object kinds (a marker byte's high nibble) a profile's plist may hold.
    static let allowedKinds: Set<UInt8> = [0x0, 0x1, 0x2, 0x3, 0x4, 0x5, 0x6, 0xA, 0xD]

    static func kindName(_ kind: UInt8) -> String {
        switch kind {
        case 0x7: return "a UTF-8 string"
        case 0x8: return "a UID (keyed archive)"
        case 0xB: return "an ordered set"
        case 0xC: return "a set"
        default: return "an object of unknown kind 0x\(String(kind, radix: 16, uppercase: true))"
        }
    }

    /// - Throws: `ImportError.malformedFile` for a trailer or offset table that does not fit the file;
    ///   `ImportError.unexpectedElement` for an object of a kind no profile uses.
    static func validate(_ bytes: [UInt8], source: String) throws {
        let trailerSize = 32
        func malformed(_ why: String) -> ImportError {
            ImportError(.malformedFile, "\(source): not a valid binary property list (\(why))", details: ["file": .string(source)])
        }
        guard bytes.count >= magic.count + 1 + trailerSize else { throw malformed("too short for a trailer") }
        let trailer = bytes.count - trailerSize
        func integer(at offset: Int, size: Int) -> UInt64 {
            var value: UInt64 = 0
            for index in offset..<(offset + size) { value = value << 8 | UInt64(bytes[index]) }
            return value
        }
        let offsetSize = Int(bytes[trailer + 6]), referenceSize = Int(bytes[trailer + 7])
        guard (1...8).contains(offsetSize), (1...8).contains(referenceSize) else {
            throw malformed("offset size \(offsetSize), reference size \(referenceSize)")
        }
        let count = integer(at: trailer + 8, size: 8), top = integer(at: trailer + 16, size: 8)
        let tableStart = integer(at: trailer + 24, size: 8)
        // Every object takes at least one byte between the header and the offset table.
        guard count >= 1, top < count, tableStart >= UInt64(magic.count + 1), tableStart < UInt64(trailer),
              count <= tableStart - UInt64(magic.count + 1),
              count.multipliedReportingOverflow(by: UInt64(offsetSize)).partialValue <= UInt64(trailer) - tableStart,
              count <= UInt64(trailer) / UInt64(offsetSize) else {
            throw malformed("\(count) objects, top object \(top), offset table at \(tableStart)")
        }
        let table = Int(tableStart)
        for index in 0..<Int(count) {
            let offset = integer(at: table + index * offsetSize, size: offsetSize)
            guard offset >= UInt64(magic.count + 1), offset < tableStart else {
                throw malformed("object \(index) at offset \(offset), outside the object area")
            }
            let kind = bytes[Int(offset)] >> 4
            guard allowedKinds.contains(kind) else {
                throw ImportError(.unexpectedElement,
                                  "\(source): the binary property list holds \(kindName(kind)) (object \(index) at offset \(offset)), which no profile uses",
                                  details: ["file": .string(source), "offset": .int(Int(offset))])
            }
        }
    }
}
