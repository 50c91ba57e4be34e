/// A connection to a D-Bus message bus, safe to share between tasks.
///
/// All libdbus work happens on one dedicated I/O thread per connection; `async` methods suspend without holding a
/// thread of Swift's cooperative pool. Closing (explicitly with ``close()`` or by releasing the last reference)
/// fails pending calls with ``DBusErrorCode/disconnected`` and ends signal streams.
public final class DBusConnection: Sendable {
    let core: ConnectionCore

    /// The unique name the bus gave this connection, for example `:1.42`.
    public let uniqueName: String

    private init(core: ConnectionCore, uniqueName: String) {
        self.core = core
        self.uniqueName = uniqueName
    }

    deinit { core.shutdown() }

    /// Connects to the system bus (`DBUS_SYSTEM_BUS_ADDRESS` if set, else the standard socket).
    /// - Throws: ``DBusErrorCode/busUnreachable`` or ``DBusErrorCode/accessDenied``, naming the address.
    public static func system() async throws -> DBusConnection {
        let (core, name) = try await ConnectionCore.open(address: nil)
        return DBusConnection(core: core, uniqueName: name)
    }

    /// Connects to the bus at a D-Bus address such as `unix:path=/tmp/bus.sock` and registers with it.
    /// - Throws: ``DBusErrorCode/busUnreachable`` or ``DBusErrorCode/accessDenied``, naming the address.
    public static func connect(address: String) async throws -> DBusConnection {
        guard !address.isEmpty, !address.utf8.contains(0) else {
            throw DBusError(.invalidArgument, "'\(address)' is not a D-Bus address")
        }
        let (core, name) = try await ConnectionCore.open(address: address)
        return DBusConnection(core: core, uniqueName: name)
    }

    /// The address this connection was opened to.
    public var address: String { core.target }

    /// Whether the connection is still open (false after ``close()`` or when the bus went away).
    public var isConnected: Bool { core.connected.load(ordering: .acquiring) }

    /// Closes the connection; pending calls fail with ``DBusErrorCode/disconnected`` and signal streams finish.
    /// Calling it again does nothing.
    public func close() {
        core.shutdown()
    }

    /// Calls a method and waits for its reply.
    /// - Parameters:
    ///   - call: the method call; every name and argument is validated first.
    ///   - timeout: when to give up; the call then fails with ``DBusErrorCode/timeout`` (the deadline is enforced
    ///     by the I/O thread, so it holds even when the peer never answers).
    /// - Returns: the reply's arguments.
    /// - Throws: a ``DBusError`` (`remote-error` carries the D-Bus error name and message; `service-unknown`,
    ///   `access-denied`, `timeout`, `peer-vanished`, `disconnected`, `invalid-argument`), or `CancellationError`
    ///   when the awaiting task is cancelled (the reply, if any, is then dropped).
    public func call(_ call: MethodCall, timeout: Duration = .seconds(25)) async throws -> [DBusValue] {
        try call.validate()
        let core = self.core
        let id = core.makeID()
        let box = ReplyBox<[DBusValue]>()
        let deadline: ContinuousClock.Instant? = timeout < .seconds(86_400 * 365) ? .now + max(timeout, .zero) : nil
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                box.install(continuation)
                let queued = core.enqueue { core in
                    guard !box.isFinished else { return }
                    core.startCall(call, id: id, deadline: deadline) { result in box.finish(result.mapError { $0 }) }
                }
                if !queued { box.finish(.failure(core.closedError)) }
            }
        } onCancel: {
            box.finish(.failure(CancellationError()))
            core.enqueue { core in core.forget(id: id) }
        }
    }

    /// Calls a method and checks the reply's signature.
    /// - Parameters:
    ///   - signature: the expected signature of the reply's arguments, concatenated (for example `o` or `a{sv}`;
    ///     empty for no arguments).
    /// - Throws: ``DBusErrorCode/unexpectedReplyType`` when the reply has another signature, else as ``call(_:timeout:)``.
    public func call(_ call: MethodCall, expecting signature: String, timeout: Duration = .seconds(25))
        async throws -> [DBusValue]
    {
        let reply = try await self.call(call, timeout: timeout)
        let actual = reply.map(\.signature).joined()
        guard actual == signature else {
            throw DBusError(.unexpectedReplyType,
                            "\(call) replied with signature '\(actual)', expected '\(signature)'",
                            details: ["dbus.call": .string(call.description), "dbus.signature": .string(actual),
                                      "dbus.expected": .string(signature)])
        }
        return reply
    }

    /// Sends a method call without waiting for (or asking for) a reply.
    /// - Throws: ``DBusErrorCode/invalidArgument`` or ``DBusErrorCode/disconnected``.
    public func send(_ call: MethodCall) async throws {
        try call.validate()
        try await runOnLoop { core, id, finish in
            core.startCall(call, id: id, deadline: nil, noReply: true, completion: finish)
        }
    }

    /// Emits a signal from this connection.
    /// - Parameters:
    ///   - signal: path, interface, member and arguments (its `sender` is ignored; the bus sets it).
    ///   - destination: a unicast destination, or nil to broadcast to every matching subscriber.
    public func emitSignal(_ signal: DBusSignal, destination: String? = nil) async throws {
        try DBusNames.checkObjectPath(signal.path)
        try DBusNames.checkInterfaceName(signal.interface)
        try DBusNames.checkMemberName(signal.member)
        if let destination { try DBusNames.checkBusName(destination) }
        for argument in signal.arguments { try argument.validate() }
        try await runOnLoop { core, _, finish in core.emit(signal, destination: destination, completion: finish) }
    }

    /// Runs `body` on the I/O thread and waits for it to call `finish`.
    private func runOnLoop(
        _ body: @escaping @Sendable (ConnectionCore, UInt64, @escaping ConnectionCore.Completion) -> Void
    ) async throws {
        let core = self.core
        let id = core.makeID()
        let box = ReplyBox<[DBusValue]>()
        _ = try await withCheckedThrowingContinuation { continuation in
            box.install(continuation)
            let queued = core.enqueue { core in body(core, id) { result in box.finish(result.mapError { $0 }) } }
            if !queued { box.finish(.failure(core.closedError)) }
        }
    }
}
