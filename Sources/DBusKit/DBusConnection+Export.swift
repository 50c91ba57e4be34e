extension DBusConnection {
    /// Answers method calls to an object path with `handler`.
    ///
    /// The handler runs in its own task for each call. Its return values become the method return; a ``DBusError``
    /// built with ``DBusError/remote(name:message:file:line:)`` becomes a D-Bus error reply with that name and
    /// message; any other error becomes `org.freedesktop.DBus.Error.Failed`. Calls to paths without a handler get
    /// `org.freedesktop.DBus.Error.UnknownMethod` from libdbus. Handler tasks are cancelled when the connection closes.
    /// - Parameters:
    ///   - path: the object path to serve (exact match).
    ///   - handler: the method implementation; switch on `invocation.interface` and `invocation.member`.
    /// - Throws: ``DBusErrorCode/invalidArgument`` for an invalid path, ``DBusErrorCode/disconnected`` when closed.
    public func exportObject(
        at path: String, handler: @escaping @Sendable (DBusMethodInvocation) async throws -> [DBusValue]
    ) throws {
        try DBusNames.checkObjectPath(path)
        guard core.enqueue({ core in core.export(path: path, handler: handler) }) else { throw core.closedError }
    }

    /// Stops answering calls to `path`.
    public func unexportObject(at path: String) {
        core.enqueue { core in core.unexport(path: path) }
    }
}
