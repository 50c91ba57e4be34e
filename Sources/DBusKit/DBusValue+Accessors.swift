extension DBusValue {
    /// The value inside any number of nested variants, or the value itself.
    public var unwrapped: DBusValue {
        var value = self
        while case .variant(let inner) = value { value = inner }
        return value
    }

    /// The string of a `s` value (looking through variants), else nil.
    public var stringValue: String? {
        if case .string(let s) = unwrapped { return s }
        return nil
    }

    /// The path of an `o` value (looking through variants), else nil.
    public var objectPathValue: String? {
        if case .objectPath(let p) = unwrapped { return p }
        return nil
    }

    /// The text of a `g` value (looking through variants), else nil.
    public var signatureValue: String? {
        if case .signature(let g) = unwrapped { return g }
        return nil
    }

    /// The value of a `b` (looking through variants), else nil.
    public var boolValue: Bool? {
        if case .bool(let b) = unwrapped { return b }
        return nil
    }

    /// The value of a `y` (looking through variants), else nil.
    public var byteValue: UInt8? {
        if case .byte(let v) = unwrapped { return v }
        return nil
    }

    /// The value of a `d` (looking through variants), else nil.
    public var doubleValue: Double? {
        if case .double(let v) = unwrapped { return v }
        return nil
    }

    /// The value of any integer type (`y n q i u x t`) that fits in an `Int64`, looking through variants.
    public var int64Value: Int64? {
        switch unwrapped {
        case .byte(let v): Int64(v)
        case .int16(let v): Int64(v)
        case .uint16(let v): Int64(v)
        case .int32(let v): Int64(v)
        case .uint32(let v): Int64(v)
        case .int64(let v): v
        case .uint64(let v): Int64(exactly: v)
        default: nil
        }
    }

    /// The value of any integer type that fits in an `Int32`, looking through variants.
    public var int32Value: Int32? { int64Value.flatMap { Int32(exactly: $0) } }

    /// The value of any integer type that fits in a `UInt32`, looking through variants.
    public var uint32Value: UInt32? { int64Value.flatMap { UInt32(exactly: $0) } }

    /// The value of any non-negative integer type as a `UInt64`, looking through variants.
    public var uint64Value: UInt64? {
        if case .uint64(let v) = unwrapped { return v }
        return int64Value.flatMap { UInt64(exactly: $0) }
    }

    /// The bytes of an `ay` value, whether built as ``bytes(_:)`` or as an array of ``byte(_:)``.
    public var bytesValue: [UInt8]? {
        switch unwrapped {
        case .bytes(let b): return b
        case .array("y", let values):
            var out: [UInt8] = []
            out.reserveCapacity(values.count)
            for value in values {
                guard case .byte(let b) = value else { return nil }
                out.append(b)
            }
            return out
        default: return nil
        }
    }

    /// The elements of any array (`a…`); `ay` gives ``byte(_:)`` elements, `a{..}` gives two-field structures.
    public var arrayValue: [DBusValue]? {
        switch unwrapped {
        case .array(_, let values): values
        case .bytes(let b): b.map(DBusValue.byte)
        case .dictionary(_, _, let entries): entries.map { .structure([$0.key, $0.value]) }
        default: nil
        }
    }

    /// The strings of an `as` or `ao` array, else nil.
    public var stringArrayValue: [String]? {
        guard case .array(let sig, let values) = unwrapped, sig == "s" || sig == "o" || sig == "g" else { return nil }
        return values.compactMap { $0.stringValue ?? $0.objectPathValue ?? $0.signatureValue }
    }

    /// The paths of an `ao` array, else nil.
    public var objectPathArrayValue: [String]? {
        guard case .array("o", let values) = unwrapped else { return nil }
        return values.compactMap(\.objectPathValue)
    }

    /// The entries of a dictionary with string keys (`a{s…}`), variant values unwrapped one level.
    ///
    /// For `a{sv}` the result maps each key to the variant's content. Later duplicate keys win.
    public var dictionaryValue: [String: DBusValue]? {
        guard case .dictionary("s", let valueSig, let entries) = unwrapped else { return nil }
        var out: [String: DBusValue] = [:]
        for entry in entries {
            guard case .string(let key) = entry.key else { return nil }
            if valueSig == "v", case .variant(let inner) = entry.value {
                out[key] = inner
            } else {
                out[key] = entry.value
            }
        }
        return out
    }

    /// The entries of any dictionary in wire order, else nil.
    public var dictionaryEntries: [Entry]? {
        if case .dictionary(_, _, let entries) = unwrapped { return entries }
        return nil
    }

    /// The fields of a structure, else nil.
    public var structureValue: [DBusValue]? {
        if case .structure(let fields) = unwrapped { return fields }
        return nil
    }

    /// The content of a variant (one level), else nil.
    public var variantValue: DBusValue? {
        if case .variant(let inner) = self { return inner }
        return nil
    }
}

extension DBusValue {
    /// Builds an `a{sv}` dictionary, the usual D-Bus "options" argument; keys are sorted for a stable wire order.
    /// - Parameter values: each key's value, wrapped in a variant by this builder.
    public static func stringVariantDictionary(_ values: [String: DBusValue]) -> DBusValue {
        .dictionary(keySignature: "s", valueSignature: "v",
                    values.sorted { $0.key < $1.key }.map { Entry(key: .string($0.key), value: .variant($0.value)) })
    }

    /// Builds an `a{sv}` dictionary keeping the given order of entries.
    public static func stringVariantDictionary(ordered pairs: [(String, DBusValue)]) -> DBusValue {
        .dictionary(keySignature: "s", valueSignature: "v",
                    pairs.map { Entry(key: .string($0.0), value: .variant($0.1)) })
    }

    /// Builds an `as` array.
    public static func stringArray(_ strings: [String]) -> DBusValue {
        .array(elementSignature: "s", strings.map(DBusValue.string))
    }

    /// Builds an `ao` array.
    public static func objectPathArray(_ paths: [String]) -> DBusValue {
        .array(elementSignature: "o", paths.map(DBusValue.objectPath))
    }
}

extension DBusValue: CustomStringConvertible {
    /// A compact, gdbus-like rendering for logs and test failures; byte arrays show only their length.
    public var description: String {
        switch self {
        case .byte(let v): "byte \(v)"
        case .bool(let v): "\(v)"
        case .int16(let v): "int16 \(v)"
        case .uint16(let v): "uint16 \(v)"
        case .int32(let v): "\(v)"
        case .uint32(let v): "uint32 \(v)"
        case .int64(let v): "int64 \(v)"
        case .uint64(let v): "uint64 \(v)"
        case .double(let v): "\(v)"
        case .string(let v): "'\(v)'"
        case .objectPath(let v): "objectpath '\(v)'"
        case .signature(let v): "signature '\(v)'"
        case .unixFD(let v): "handle \(v)"
        case .array(let sig, let values): "@a\(sig) [" + values.map(\.description).joined(separator: ", ") + "]"
        case .bytes(let b): "bytes(\(b.count))"
        case .dictionary(_, _, let entries):
            "{" + entries.map { "\($0.key.description): \($0.value.description)" }.joined(separator: ", ") + "}"
        case .variant(let inner): "<\(inner.description)>"
        case .structure(let fields): "(" + fields.map(\.description).joined(separator: ", ") + ")"
        }
    }
}
