/// A change of the owner of a bus name, from `org.freedesktop.DBus.NameOwnerChanged`.
public struct NameOwnerChange: Sendable, Hashable {
    /// The name whose owner changed.
    public var name: String
    /// The previous owner's unique name, or nil when the name had no owner.
    public var oldOwner: String?
    /// The new owner's unique name, or nil when the name now has no owner (the peer left or released it).
    public var newOwner: String?

    /// Creates a change record.
    public init(name: String, oldOwner: String?, newOwner: String?) {
        self.name = name
        self.oldOwner = oldOwner
        self.newOwner = newOwner
    }
}
