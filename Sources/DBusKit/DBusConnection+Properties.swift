extension DBusConnection {
    private static let propertiesInterface = "org.freedesktop.DBus.Properties"

    /// Reads one property through `org.freedesktop.DBus.Properties.Get`.
    /// - Returns: the property's value, unwrapped from its variant.
    /// - Throws: as ``call(_:timeout:)``; ``DBusErrorCode/unexpectedReplyType`` when the reply is not a variant.
    public func getProperty(
        destination: String, path: String, interface: String, name: String, timeout: Duration = .seconds(25)
    ) async throws -> DBusValue {
        let reply = try await call(
            MethodCall(destination: destination, path: path, interface: Self.propertiesInterface, member: "Get",
                       arguments: [.string(interface), .string(name)]),
            expecting: "v", timeout: timeout)
        guard case .variant(let value) = reply[0] else { preconditionFailure("signature checked") }
        return value
    }

    /// Reads every property of an interface through `org.freedesktop.DBus.Properties.GetAll`.
    /// - Returns: the properties by name, values unwrapped from their variants.
    public func getAllProperties(
        destination: String, path: String, interface: String, timeout: Duration = .seconds(25)
    ) async throws -> [String: DBusValue] {
        let reply = try await call(
            MethodCall(destination: destination, path: path, interface: Self.propertiesInterface, member: "GetAll",
                       arguments: [.string(interface)]),
            expecting: "a{sv}", timeout: timeout)
        return reply[0].dictionaryValue ?? [:]
    }

    /// Writes one property through `org.freedesktop.DBus.Properties.Set`.
    /// - Parameter value: the new value; this method wraps it in a variant.
    public func setProperty(
        destination: String, path: String, interface: String, name: String, value: DBusValue,
        timeout: Duration = .seconds(25)
    ) async throws {
        _ = try await call(
            MethodCall(destination: destination, path: path, interface: Self.propertiesInterface, member: "Set",
                       arguments: [.string(interface), .string(name), .variant(value)]),
            timeout: timeout)
    }
}
