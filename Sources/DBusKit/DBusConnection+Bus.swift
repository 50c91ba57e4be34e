extension DBusConnection {
    private static func busCall(_ member: String, _ arguments: [DBusValue]) -> MethodCall {
        MethodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                   interface: "org.freedesktop.DBus", member: member, arguments: arguments)
    }

    /// Asks the bus for a well-known name.
    /// - Returns: whether this connection now owns the name, is queued, or was refused.
    /// - Throws: ``DBusErrorCode/accessDenied`` when the bus policy forbids owning it, else as ``call(_:timeout:)``.
    public func requestName(
        _ name: String, options: RequestNameOptions = [.doNotQueue], timeout: Duration = .seconds(25)
    ) async throws -> RequestNameReply {
        try DBusNames.checkBusName(name)
        let reply = try await call(Self.busCall("RequestName", [.string(name), .uint32(options.rawValue)]),
                                   expecting: "u", timeout: timeout)
        guard let code = reply[0].uint32Value, let result = RequestNameReply(rawValue: code) else {
            throw DBusError(.unexpectedReplyType, "RequestName(\(name)) replied with unknown code \(reply[0])")
        }
        return result
    }

    /// Gives a well-known name back to the bus.
    public func releaseName(_ name: String, timeout: Duration = .seconds(25)) async throws {
        try DBusNames.checkBusName(name)
        _ = try await call(Self.busCall("ReleaseName", [.string(name)]), expecting: "u", timeout: timeout)
    }

    /// The unique name of the connection that owns `name`, or nil when nobody owns it.
    public func nameOwner(of name: String, timeout: Duration = .seconds(25)) async throws -> String? {
        try DBusNames.checkBusName(name)
        do {
            let reply = try await call(Self.busCall("GetNameOwner", [.string(name)]), expecting: "s", timeout: timeout)
            return reply[0].stringValue
        } catch let error as DBusError where error.remoteErrorName == "org.freedesktop.DBus.Error.NameHasNoOwner" {
            return nil
        }
    }

    /// Changes of the owner of `name`, from the bus's `NameOwnerChanged` signal.
    ///
    /// A change with `newOwner == nil` means the owner left the bus or released the name: a client of a service
    /// notices at once when the service dies. Same termination rules as ``signals(_:)``.
    public func nameOwnerChanges(of name: String) -> AsyncThrowingStream<NameOwnerChange, any Error> {
        let rule = MatchRule(sender: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                             interface: "org.freedesktop.DBus", member: "NameOwnerChanged", arguments: [0: name])
        let signals = self.signals(rule)
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: NameOwnerChange.self, throwing: (any Error).self)
        let task = Task {
            do {
                for try await signal in signals {
                    let args = signal.arguments
                    guard args.count == 3, let changed = args[0].stringValue, let old = args[1].stringValue,
                          let new = args[2].stringValue else { continue }
                    continuation.yield(NameOwnerChange(name: changed, oldOwner: old.isEmpty ? nil : old,
                                                       newOwner: new.isEmpty ? nil : new))
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}

extension DBusConnection {
    /// The Unix user id of the process behind the unique name `owner`, as the bus daemon saw it when that process
    /// connected (`GetConnectionUnixUser`): a fact a peer cannot forge.
    public func unixUser(of owner: String, timeout: Duration = .seconds(25)) async throws -> UInt32 {
        try DBusNames.checkBusName(owner)
        let reply = try await call(MethodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                                              interface: "org.freedesktop.DBus", member: "GetConnectionUnixUser",
                                              arguments: [.string(owner)]), expecting: "u", timeout: timeout)
        guard let uid = reply[0].uint32Value else {
            throw DBusError(.unexpectedReplyType, "GetConnectionUnixUser(\(owner)) replied with \(reply[0])")
        }
        return uid
    }

    /// The process id behind the unique name `owner` (`GetConnectionUnixProcessID`), nil when the bus cannot tell.
    public func unixProcessID(of owner: String, timeout: Duration = .seconds(25)) async throws -> UInt32? {
        try DBusNames.checkBusName(owner)
        do {
            let reply = try await call(MethodCall(destination: "org.freedesktop.DBus", path: "/org/freedesktop/DBus",
                                                  interface: "org.freedesktop.DBus", member: "GetConnectionUnixProcessID",
                                                  arguments: [.string(owner)]), expecting: "u", timeout: timeout)
            return reply[0].uint32Value
        } catch let error as DBusError where error.code == .remoteError {
            return nil
        }
    }
}
