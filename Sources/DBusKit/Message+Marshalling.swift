internal import CDBus

/// Marshalling between ``DBusValue`` and libdbus message iterators.
///
/// Iterators live in heap memory allocated here, so libdbus never sees a Swift temporary's address change.
extension Message {
    /// Appends values after validating them (libdbus aborts the process on invalid strings, paths or signatures).
    func append(_ values: [DBusValue]) throws(DBusError) {
        for value in values { try value.validate() }
        let iter = UnsafeMutablePointer<DBusMessageIter>.allocate(capacity: 1)
        defer { iter.deallocate() }
        dbus_message_iter_init_append(raw, iter)
        for value in values { try Self.append(value, to: iter) }
    }

    /// Reads every argument of the message.
    func readArguments() throws(DBusError) -> [DBusValue] {
        let iter = UnsafeMutablePointer<DBusMessageIter>.allocate(capacity: 1)
        defer { iter.deallocate() }
        guard dbus_message_iter_init(raw, iter) != 0 else { return [] }
        return try Self.readAll(iter)
    }

    private static func outOfMemory() -> DBusError {
        DBusError(.invalidArgument, "libdbus ran out of memory while building a message")
    }

    private static func check(_ ok: dbus_bool_t) throws(DBusError) {
        if ok == 0 { throw outOfMemory() }
    }

    private static func withContainer(
        _ iter: UnsafeMutablePointer<DBusMessageIter>, _ type: Int32, _ signature: String?,
        _ body: (UnsafeMutablePointer<DBusMessageIter>) throws(DBusError) -> Void
    ) throws(DBusError) {
        let sub = UnsafeMutablePointer<DBusMessageIter>.allocate(capacity: 1)
        defer { sub.deallocate() }
        let opened: dbus_bool_t
        if let signature {
            opened = dbus_message_iter_open_container(iter, type, signature, sub)
        } else {
            opened = dbus_message_iter_open_container(iter, type, nil, sub)
        }
        try check(opened)
        do {
            try body(sub)
        } catch {
            dbus_message_iter_abandon_container(iter, sub)
            throw error
        }
        try check(dbus_message_iter_close_container(iter, sub))
    }

    private static func appendBasic<T: BitwiseCopyable>(_ iter: UnsafeMutablePointer<DBusMessageIter>, _ type: Int32, _ value: T)
        throws(DBusError)
    {
        var copy = value
        try check(dbus_message_iter_append_basic(iter, type, &copy))
    }

    private static func appendString(_ iter: UnsafeMutablePointer<DBusMessageIter>, _ type: Int32, _ text: String)
        throws(DBusError)
    {
        try check(text.withCString { cdbus_iter_append_string(iter, type, $0) })
    }

    static func append(_ value: DBusValue, to iter: UnsafeMutablePointer<DBusMessageIter>) throws(DBusError) {
        switch value {
        case .byte(let v): try appendBasic(iter, CDBUS_TYPE_BYTE, v)
        case .bool(let v): try appendBasic(iter, CDBUS_TYPE_BOOLEAN, dbus_bool_t(v ? 1 : 0))
        case .int16(let v): try appendBasic(iter, CDBUS_TYPE_INT16, v)
        case .uint16(let v): try appendBasic(iter, CDBUS_TYPE_UINT16, v)
        case .int32(let v): try appendBasic(iter, CDBUS_TYPE_INT32, v)
        case .uint32(let v): try appendBasic(iter, CDBUS_TYPE_UINT32, v)
        case .int64(let v): try appendBasic(iter, CDBUS_TYPE_INT64, v)
        case .uint64(let v): try appendBasic(iter, CDBUS_TYPE_UINT64, v)
        case .double(let v): try appendBasic(iter, CDBUS_TYPE_DOUBLE, v)
        case .unixFD(let v): try appendBasic(iter, CDBUS_TYPE_UNIX_FD, v)
        case .string(let v): try appendString(iter, CDBUS_TYPE_STRING, v)
        case .objectPath(let v): try appendString(iter, CDBUS_TYPE_OBJECT_PATH, v)
        case .signature(let v): try appendString(iter, CDBUS_TYPE_SIGNATURE, v)
        case .bytes(let bytes):
            try withContainer(iter, CDBUS_TYPE_ARRAY, "y") { sub throws(DBusError) in
                guard !bytes.isEmpty else { return }
                let ok = bytes.withUnsafeBufferPointer { cdbus_iter_append_bytes(sub, $0.baseAddress, Int32($0.count)) }
                try check(ok)
            }
        case .array(let element, let values):
            try withContainer(iter, CDBUS_TYPE_ARRAY, element) { sub throws(DBusError) in
                for v in values { try append(v, to: sub) }
            }
        case .dictionary(let key, let valueSig, let entries):
            try withContainer(iter, CDBUS_TYPE_ARRAY, "{" + key + valueSig + "}") { sub throws(DBusError) in
                for entry in entries {
                    try withContainer(sub, CDBUS_TYPE_DICT_ENTRY, nil) { pair throws(DBusError) in
                        try append(entry.key, to: pair)
                        try append(entry.value, to: pair)
                    }
                }
            }
        case .variant(let inner):
            try withContainer(iter, CDBUS_TYPE_VARIANT, inner.signature) { sub throws(DBusError) in
                try append(inner, to: sub)
            }
        case .structure(let fields):
            try withContainer(iter, CDBUS_TYPE_STRUCT, nil) { sub throws(DBusError) in
                for f in fields { try append(f, to: sub) }
            }
        }
    }

    private static func readAll(_ iter: UnsafeMutablePointer<DBusMessageIter>) throws(DBusError) -> [DBusValue] {
        var values: [DBusValue] = []
        while dbus_message_iter_get_arg_type(iter) != CDBUS_TYPE_INVALID {
            values.append(try read(iter))
            dbus_message_iter_next(iter)
        }
        return values
    }

    private static func getBasic<T: BitwiseCopyable>(_ iter: UnsafeMutablePointer<DBusMessageIter>, _ initial: T) -> T {
        var value = initial
        dbus_message_iter_get_basic(iter, &value)
        return value
    }

    private static func currentSignature(_ iter: UnsafeMutablePointer<DBusMessageIter>) -> String {
        guard let raw = dbus_message_iter_get_signature(iter) else { return "" }
        defer { dbus_free(raw) }
        return String(cString: raw)
    }

    private static func read(_ iter: UnsafeMutablePointer<DBusMessageIter>) throws(DBusError) -> DBusValue {
        let type = dbus_message_iter_get_arg_type(iter)
        switch type {
        case CDBUS_TYPE_BYTE: return .byte(getBasic(iter, UInt8(0)))
        case CDBUS_TYPE_BOOLEAN: return .bool(getBasic(iter, dbus_bool_t(0)) != 0)
        case CDBUS_TYPE_INT16: return .int16(getBasic(iter, Int16(0)))
        case CDBUS_TYPE_UINT16: return .uint16(getBasic(iter, UInt16(0)))
        case CDBUS_TYPE_INT32: return .int32(getBasic(iter, Int32(0)))
        case CDBUS_TYPE_UINT32: return .uint32(getBasic(iter, UInt32(0)))
        case CDBUS_TYPE_INT64: return .int64(getBasic(iter, Int64(0)))
        case CDBUS_TYPE_UINT64: return .uint64(getBasic(iter, UInt64(0)))
        case CDBUS_TYPE_DOUBLE: return .double(getBasic(iter, Double(0)))
        case CDBUS_TYPE_UNIX_FD: return .unixFD(getBasic(iter, Int32(-1)))
        case CDBUS_TYPE_STRING: return .string(cdbus_iter_get_string(iter).map { String(cString: $0) } ?? "")
        case CDBUS_TYPE_OBJECT_PATH: return .objectPath(cdbus_iter_get_string(iter).map { String(cString: $0) } ?? "/")
        case CDBUS_TYPE_SIGNATURE: return .signature(cdbus_iter_get_string(iter).map { String(cString: $0) } ?? "")
        case CDBUS_TYPE_VARIANT:
            let sub = UnsafeMutablePointer<DBusMessageIter>.allocate(capacity: 1)
            defer { sub.deallocate() }
            dbus_message_iter_recurse(iter, sub)
            return .variant(try read(sub))
        case CDBUS_TYPE_STRUCT:
            let sub = UnsafeMutablePointer<DBusMessageIter>.allocate(capacity: 1)
            defer { sub.deallocate() }
            dbus_message_iter_recurse(iter, sub)
            return .structure(try readAll(sub))
        case CDBUS_TYPE_ARRAY:
            let elementType = dbus_message_iter_get_element_type(iter)
            let sub = UnsafeMutablePointer<DBusMessageIter>.allocate(capacity: 1)
            defer { sub.deallocate() }
            dbus_message_iter_recurse(iter, sub)
            if elementType == CDBUS_TYPE_BYTE {
                var count: Int32 = 0
                guard let bytes = cdbus_iter_get_bytes(sub, &count), count > 0 else { return .bytes([]) }
                return .bytes(Array(UnsafeBufferPointer(start: bytes, count: Int(count))))
            }
            let elementSignature = String(currentSignature(iter).dropFirst())
            if elementType == CDBUS_TYPE_DICT_ENTRY {
                // "{kv}": the key is one basic type code, the value the rest.
                let inner = elementSignature.dropFirst().dropLast()
                let keySignature = String(inner.prefix(1))
                let valueSignature = String(inner.dropFirst())
                var entries: [DBusValue.Entry] = []
                let pair = UnsafeMutablePointer<DBusMessageIter>.allocate(capacity: 1)
                defer { pair.deallocate() }
                while dbus_message_iter_get_arg_type(sub) == CDBUS_TYPE_DICT_ENTRY {
                    dbus_message_iter_recurse(sub, pair)
                    let key = try read(pair)
                    dbus_message_iter_next(pair)
                    let value = try read(pair)
                    entries.append(DBusValue.Entry(key: key, value: value))
                    dbus_message_iter_next(sub)
                }
                return .dictionary(keySignature: keySignature, valueSignature: valueSignature, entries)
            }
            return .array(elementSignature: elementSignature, try readAll(sub))
        default:
            throw DBusError(.unexpectedReplyType, "a D-Bus message holds an argument of unknown type code \(type)")
        }
    }
}
