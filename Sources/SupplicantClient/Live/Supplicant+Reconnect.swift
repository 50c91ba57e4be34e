extension Supplicant {
    /// Asks wpa_supplicant to connect the interface again with its current network (`Reassociate`).
    ///
    /// On a wired port this restarts the EAPOL state machine, which the wired driver does not do by itself after a
    /// link flap (see Docs/watch.md).
    /// - Throws: ``SupplicantError`` `vanished`, or a DBus error (e.g. `InterfaceDisabled`).
    public func reassociate(_ interface: SupplicantInterface) async throws {
        _ = try await interfaceCall(interface, "Reassociate")
    }

    /// Whether wpa_supplicant owns its bus name, as it changes: `false` when it leaves (stopped, crashed), `true`
    /// when it comes back. The stream ends when the consuming task is cancelled.
    public func presenceChanges() -> AsyncThrowingStream<Bool, any Error> {
        let owners = connection.nameOwnerChanges(of: SupplicantNames.service)
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Bool.self, throwing: (any Error).self)
        let task = Task {
            do {
                for try await change in owners { continuation.yield(change.newOwner != nil) }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        continuation.onTermination = { _ in task.cancel() }
        return stream
    }
}
