import CredentialStore

/// A credential store file (Docs/store-format.md) as read from disk: the header is parsed before the MAC is
/// checked; the records and identity fields are parsed as if the MAC had matched (see `StoreFileInspection`).
enum StoreFileFuzz {
    static func run(_ bytes: [UInt8]) {
        do {
            let summary = try StoreFileInspection.inspect(bytes)
            precondition(summary.fieldLayouts <= summary.recordCount)
        } catch {
            requireStructured(error, "store file parse")
        }
    }
}
