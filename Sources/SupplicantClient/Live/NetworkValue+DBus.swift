import DBusKit

extension NetworkValue {
    /// The D-Bus value sent in AddNetwork: `s`, `ay` or `i`. Secret bytes are copied into the message only.
    var dbusValue: DBusValue {
        switch self {
        case .string(let s): .string(s)
        case .bytes(let b): .bytes(b)
        case .int32(let i): .int32(i)
        case .secretBytes(let secret): .bytes(secret.copyBytes())
        }
    }
}

extension NetworkBlob.Content {
    /// The blob's bytes as `ay`.
    var dbusValue: DBusValue {
        switch self {
        case .bytes(let b): .bytes(b)
        case .secret(let s): .bytes(s.copyBytes())
        }
    }
}
