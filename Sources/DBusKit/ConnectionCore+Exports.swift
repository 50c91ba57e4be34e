internal import CDBus
internal import StructuredErrors

/// Exported objects: method calls to a registered path run the handler in a task; the reply goes back through the
/// queue. I/O thread only (see ``ConnectionCore``).
extension ConnectionCore {
    func export(path: String, handler: @escaping @Sendable (DBusMethodInvocation) async throws -> [DBusValue]) {
        guard open else { return }
        exports[path] = handler
    }

    func unexport(path: String) {
        exports[path] = nil
    }

    /// A method call from a peer: refused with InvalidArgs when its arguments cannot be read or carry fds.
    func handleMethodCall(_ message: borrowing Message) -> DBusHandlerResult {
        guard let handler = exports[message.path] else { return DBUS_HANDLER_RESULT_NOT_YET_HANDLED }
        let serial = message.serial
        let noReply = message.noReplyExpected
        let sender = message.sender
        guard !Self.carriesFileDescriptors(message), let arguments = try? message.readArguments() else {
            if !noReply, let conn = connection,
               let reply = Message.errorReply(replySerial: serial, destination: sender,
                                              name: "org.freedesktop.DBus.Error.InvalidArgs",
                                              text: "arguments could not be read (file descriptors are not accepted)") {
                _ = dbus_connection_send(conn, reply.raw, nil)
            }
            return DBUS_HANDLER_RESULT_HANDLED
        }
        let invocation = DBusMethodInvocation(sender: sender, path: message.path, interface: message.interface,
                                              member: message.member, arguments: arguments)
        let id = makeID()
        handlerTasks[id] = Task { [self] in
            let result: Result<[DBusValue], any Error>
            do {
                result = .success(try await handler(invocation))
            } catch {
                result = .failure(error)
            }
            enqueue { core in
                core.finishHandler(id: id, invocation: invocation, serial: serial, noReply: noReply, result: result)
            }
        }
        return DBUS_HANDLER_RESULT_HANDLED
    }

    func finishHandler(id: UInt64, invocation: DBusMethodInvocation, serial: UInt32, noReply: Bool,
                               result: Result<[DBusValue], any Error>) {
        handlerTasks[id] = nil
        guard open, let conn = connection, !noReply else { return }
        var reply: Message?
        switch result {
        case .success(let values):
            do throws(DBusError) {
                for value in values { try value.validate() }
                reply = Message.methodReturn(replySerial: serial, destination: invocation.sender)
                try reply?.append(values)
            } catch {
                reply = Message.errorReply(replySerial: serial, destination: invocation.sender,
                                           name: "org.freedesktop.DBus.Error.Failed",
                                           text: "the service built an invalid reply: \(error.message)")
            }
        case .failure(let error):
            var name = "org.freedesktop.DBus.Error.Failed"
            var text = "\(error)"
            if let dbusError = error as? DBusError, let remote = dbusError.remoteErrorName,
               (try? DBusNames.checkErrorName(remote)) != nil {
                name = remote
                text = dbusError.remoteErrorMessage ?? dbusError.message
            }
            reply = Message.errorReply(replySerial: serial, destination: invocation.sender, name: name, text: text)
        }
        if let reply { _ = dbus_connection_send(conn, reply.raw, nil) }
    }
}
