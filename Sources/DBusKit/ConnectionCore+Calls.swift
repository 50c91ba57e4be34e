internal import CDBus
internal import StructuredErrors

/// Outgoing messages: method calls (held back beyond `maxInFlight`), and signals. I/O thread only.
extension ConnectionCore {
    /// Sends a method call and registers its completion; the completion runs on the I/O thread.
    func startCall(_ call: MethodCall, id: UInt64, deadline: ContinuousClock.Instant?, noReply: Bool = false,
                   completion: @escaping Completion) {
        guard open, let conn = connection else { return completion(.failure(closedError)) }
        if !noReply, pending.count >= Self.maxInFlight {
            waiting.append(Waiting(call: call, id: id, deadline: deadline, completion: completion))
            return
        }
        let message: Message
        do {
            message = try Message.methodCall(call)
        } catch {
            return completion(.failure(error))
        }
        if noReply { dbus_message_set_no_reply(message.raw, 1) }
        if call.arguments.contains(where: { $0.signature.contains("h") }),
           dbus_connection_can_send_type(conn, CDBUS_TYPE_UNIX_FD) == 0 {
            return completion(.failure(DBusError(.invalidArgument,
                                                 "\(call) carries a file descriptor, but this connection cannot pass them")))
        }
        var serial: UInt32 = 0
        guard dbus_connection_send(conn, message.raw, &serial) != 0 else {
            return completion(.failure(DBusError(.disconnected, "cannot send \(call): out of memory or disconnected")))
        }
        if noReply { return completion(.success([])) }
        pending[id] = Pending(deadline: deadline, description: call.description, completion: completion)
        callBySerial[serial] = id
    }

    /// Forgets a call whose awaiting task was cancelled.
    func forget(id: UInt64) {
        pending[id] = nil
        waiting.removeAll { $0.id == id }
    }

    func emit(_ signal: DBusSignal, destination: String?, completion: Completion) {
        guard open, let conn = connection else { return completion(.failure(closedError)) }
        do {
            let message = try Message.signal(signal, destination: destination)
            guard dbus_connection_send(conn, message.raw, nil) != 0 else {
                return completion(.failure(closedError))
            }
            completion(.success([]))
        } catch {
            completion(.failure(error))
        }
    }
}
