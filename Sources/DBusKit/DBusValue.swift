/// A D-Bus value of any type, nested arbitrarily; each value knows its own signature.
///
/// Received `ay` arrays always come back as ``bytes(_:)``; received `a{..}` arrays always come back as
/// ``dictionary(keySignature:valueSignature:_:)`` with the entries in wire order.
/// A received ``unixFD(_:)`` is a new descriptor (duplicated by libdbus) that the receiver owns and must close.
public indirect enum DBusValue: Sendable, Hashable {
    /// `y`
    case byte(UInt8)
    /// `b`
    case bool(Bool)
    /// `n`
    case int16(Int16)
    /// `q`
    case uint16(UInt16)
    /// `i`
    case int32(Int32)
    /// `u`
    case uint32(UInt32)
    /// `x`
    case int64(Int64)
    /// `t`
    case uint64(UInt64)
    /// `d`
    case double(Double)
    /// `s`: must not contain NUL characters.
    case string(String)
    /// `o`: `/` or `/element/element` with elements of `[A-Za-z0-9_]`.
    case objectPath(String)
    /// `g`: a valid D-Bus signature.
    case signature(String)
    /// `h`: a file descriptor; libdbus duplicates it when sending, so the caller keeps ownership of its own.
    case unixFD(Int32)
    /// `a<element>`: every element must have signature `elementSignature`.
    case array(elementSignature: String, [DBusValue])
    /// `ay`: the fast path for byte arrays.
    case bytes([UInt8])
    /// `a{kv}`: an ordered list of entries; `keySignature` must be a basic type.
    case dictionary(keySignature: String, valueSignature: String, [Entry])
    /// `v`: a value of any type, tagged with its signature on the wire.
    case variant(DBusValue)
    /// `(…)`: a non-empty sequence of values.
    case structure([DBusValue])

    /// One key-value pair of a ``DBusValue/dictionary(keySignature:valueSignature:_:)``.
    public struct Entry: Sendable, Hashable {
        /// The key; a basic type.
        public var key: DBusValue
        /// The value.
        public var value: DBusValue

        /// Creates an entry.
        public init(key: DBusValue, value: DBusValue) {
            self.key = key
            self.value = value
        }
    }
}
