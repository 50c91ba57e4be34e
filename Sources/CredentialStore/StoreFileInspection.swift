import Foundation

/// The parsing a store file goes through before and after its MAC is checked, without keys, locks or files.
/// Package-visible for the fuzz harness (Sources/eapolctl-fuzz): `StoreHeader.parse` runs on unauthenticated
/// bytes, and `RecordRef.parseAll` and `FieldReader` are run here as if the MAC had matched (a fuzzer cannot
/// forge one), so a key holder's or a bug's malformed file is covered too.
package enum StoreFileInspection {
    /// What a parsed file holds.
    package struct Summary: Sendable, Equatable {
        package var version: UInt16
        package var recordCount: Int
        /// The secret parts that read as length-prefixed fields to the end (the layout of a decrypted identity).
        package var fieldLayouts: Int
    }

    /// Parses the header and the records of `bytes`, then reads each record's secret part as identity fields.
    /// - Throws: `StoreError` (bad magic, truncated, newer format, tampered), as `CredentialStore.open` would.
    package static func inspect(_ bytes: [UInt8]) throws -> Summary {
        let path = "fuzz.store"
        let header = try StoreHeader.parse(bytes, path: path)
        let records = try RecordRef.parseAll(bytes, header: header, path: path)
        var layouts = 0
        for record in records {
            _ = CredentialKey(kind: record.kind, bytes: bytes[record.keyRange])?.description
            var reader = FieldReader(data: Data(bytes[record.secretRange]))
            var fields = 0
            while !reader.atEnd, reader.field() != nil { fields += 1 }
            if reader.atEnd && fields > 0 { layouts += 1 }
        }
        return Summary(version: header.version, recordCount: records.count, fieldLayouts: layouts)
    }
}
