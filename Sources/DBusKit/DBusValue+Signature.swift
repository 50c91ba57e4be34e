extension DBusValue {
    /// The D-Bus signature of this value, for example `a{sv}` or `(ius)`.
    public var signature: String {
        switch self {
        case .byte: "y"
        case .bool: "b"
        case .int16: "n"
        case .uint16: "q"
        case .int32: "i"
        case .uint32: "u"
        case .int64: "x"
        case .uint64: "t"
        case .double: "d"
        case .string: "s"
        case .objectPath: "o"
        case .signature: "g"
        case .unixFD: "h"
        case .array(let element, _): "a" + element
        case .bytes: "ay"
        case .dictionary(let key, let value, _): "a{" + key + value + "}"
        case .variant: "v"
        case .structure(let fields): "(" + fields.map(\.signature).joined() + ")"
        }
    }

    /// Checks that this value can be marshalled without libdbus aborting the process.
    /// - Throws: ``DBusErrorCode/invalidArgument`` naming the offending part.
    public func validate() throws(DBusError) {
        try DBusNames.checkSingleCompleteType(signature, what: "value signature")
        try validate(depth: 0)
    }

    private func validate(depth: Int) throws(DBusError) {
        if depth > 64 {
            throw DBusError(.invalidArgument, "D-Bus value is nested more than 64 levels deep")
        }
        switch self {
        case .byte, .bool, .int16, .uint16, .int32, .uint32, .int64, .uint64, .double, .bytes:
            return
        case .unixFD(let fd):
            if fd < 0 { throw DBusError(.invalidArgument, "file descriptor \(fd) is negative") }
        case .string(let text):
            try DBusNames.checkString(text)
        case .objectPath(let path):
            try DBusNames.checkObjectPath(path)
        case .signature(let sig):
            try DBusNames.checkSignature(sig)
        case .array(let element, let values):
            try DBusNames.checkSingleCompleteType(element, what: "array element signature")
            for value in values {
                if value.signature != element {
                    throw DBusError(.invalidArgument,
                                    "array of '\(element)' holds an element of signature '\(value.signature)'")
                }
                try value.validate(depth: depth + 1)
            }
        case .dictionary(let keySig, let valueSig, let entries):
            guard keySig.utf8.count == 1, let k = keySig.utf8.first, DBusNames.basicTypeCodes.contains(k) else {
                throw DBusError(.invalidArgument, "dictionary key signature '\(keySig)' is not a basic type")
            }
            try DBusNames.checkSingleCompleteType(valueSig, what: "dictionary value signature")
            for entry in entries {
                if entry.key.signature != keySig || entry.value.signature != valueSig {
                    throw DBusError(.invalidArgument,
                                    "dictionary a{\(keySig)\(valueSig)} holds an entry of types '\(entry.key.signature)' and '\(entry.value.signature)'")
                }
                try entry.key.validate(depth: depth + 1)
                try entry.value.validate(depth: depth + 1)
            }
        case .variant(let inner):
            try DBusNames.checkSingleCompleteType(inner.signature, what: "variant content signature")
            try inner.validate(depth: depth + 1)
        case .structure(let fields):
            if fields.isEmpty { throw DBusError(.invalidArgument, "D-Bus structures must have at least one field") }
            for field in fields { try field.validate(depth: depth + 1) }
        }
    }
}
