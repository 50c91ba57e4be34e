internal import CDBus

/// An owned reference to a libdbus `DBusMessage`; `deinit` drops the reference.
///
/// A `DBusMessage` must not be used from two threads at once, so this type is neither copyable nor `Sendable`:
/// messages are built, sent and read on the connection's I/O thread only.
struct Message: ~Copyable {
    let raw: OpaquePointer

    /// Adopts a reference the caller owns (for example from `dbus_message_new_*`).
    init(takingOwnership raw: OpaquePointer) { self.raw = raw }

    /// Takes a new reference to a message owned elsewhere (for example one passed to a filter function).
    init(retaining raw: OpaquePointer) {
        dbus_message_ref(raw)
        self.raw = raw
    }

    deinit { dbus_message_unref(raw) }

    // MARK: Construction

    static func methodCall(_ call: MethodCall) throws(DBusError) -> Message {
        guard let raw = dbus_message_new_method_call(call.destination, call.path, call.interface, call.member) else {
            throw DBusError(.invalidArgument, "libdbus could not build the call \(call) (out of memory)")
        }
        let message = Message(takingOwnership: raw)
        try message.append(call.arguments)
        return message
    }

    static func signal(_ signal: DBusSignal, destination: String?) throws(DBusError) -> Message {
        guard let raw = dbus_message_new_signal(signal.path, signal.interface, signal.member) else {
            throw DBusError(.invalidArgument, "libdbus could not build the signal \(signal.interface).\(signal.member)")
        }
        let message = Message(takingOwnership: raw)
        if let destination { dbus_message_set_destination(raw, destination) }
        try message.append(signal.arguments)
        return message
    }

    /// A method return to `serial` from `destination`, built without the original message.
    static func methodReturn(replySerial: UInt32, destination: String) -> Message? {
        guard let raw = dbus_message_new(DBUS_MESSAGE_TYPE_METHOD_RETURN) else { return nil }
        let message = Message(takingOwnership: raw)
        dbus_message_set_no_reply(raw, 1)
        guard dbus_message_set_reply_serial(raw, replySerial) != 0 else { return nil }
        if !destination.isEmpty { dbus_message_set_destination(raw, destination) }
        return message
    }

    static func errorReply(replySerial: UInt32, destination: String, name: String, text: String) -> Message? {
        guard let raw = dbus_message_new(DBUS_MESSAGE_TYPE_ERROR) else { return nil }
        let message = Message(takingOwnership: raw)
        dbus_message_set_no_reply(raw, 1)
        guard dbus_message_set_error_name(raw, name) != 0,
              dbus_message_set_reply_serial(raw, replySerial) != 0 else { return nil }
        if !destination.isEmpty { dbus_message_set_destination(raw, destination) }
        let safeText = String(text.unicodeScalars.filter { $0 != "\0" }.map(Character.init))
        guard (try? message.append([.string(safeText)])) != nil else { return nil }
        return message
    }

    // MARK: Header

    var type: Int32 { dbus_message_get_type(raw) }
    var serial: UInt32 { dbus_message_get_serial(raw) }
    var replySerial: UInt32 { dbus_message_get_reply_serial(raw) }
    var noReplyExpected: Bool { dbus_message_get_no_reply(raw) != 0 }
    var sender: String { dbus_message_get_sender(raw).map { String(cString: $0) } ?? "" }
    var path: String { dbus_message_get_path(raw).map { String(cString: $0) } ?? "" }
    var interface: String { dbus_message_get_interface(raw).map { String(cString: $0) } ?? "" }
    var member: String { dbus_message_get_member(raw).map { String(cString: $0) } ?? "" }
    var errorName: String { dbus_message_get_error_name(raw).map { String(cString: $0) } ?? "" }
    var signature: String { dbus_message_get_signature(raw).map { String(cString: $0) } ?? "" }
}

@available(*, unavailable)
extension Message: Sendable {}
