import Foundation
import ProfileModel
import StateFiles
import StructuredErrors

/// The files under `STATE/system` that ``SystemProfiles`` and ``LoginWindowProfiles`` keep: one JSON record each,
/// written atomically (0600), read back whole, one per interface in a directory (`DIR/IF.json`).
///
/// Synchronous and blocking (file I/O).
enum SystemRecordFiles {
    /// Writes `record` as sorted, pretty JSON (dates ISO 8601), atomically, mode 0600.
    static func write(_ record: some Encodable, to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        try AtomicFile.write(Array(try encoder.encode(record)) + [0x0A], to: path, mode: 0o600)
    }

    /// The bytes at `path` decoded, or nil when there is no file.
    /// - Throws: the decoder's error for bytes that are not a `T` (callers turn it into their own error), or a
    ///   `SystemError` when the file cannot be read.
    static func read<T: Decodable>(_ type: T.Type, at path: String) throws -> T? {
        guard let bytes = try PosixIO.readFileIfPresent(path) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(bytes))
    }

    /// Removes `path` (and makes the removal durable); false when there was no file.
    static func remove(_ path: String) throws -> Bool {
        if unlink(path) == 0 {
            try AtomicFile.syncDirectory(StatePaths.parent(of: path))
            return true
        }
        if errno == ENOENT { return false }
        throw SystemError.fromErrno(errno, operation: "remove", path: path)
    }

    /// The interfaces that have a record in `directory` (`IF.json` for a valid interface name), sorted; none when the
    /// directory does not exist. Other files are ignored (nothing eapolctl wrote).
    /// - Throws: `system.io-failure` naming the directory when it exists but cannot be listed.
    static func interfaces(in directory: String) throws -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            if !FileManager.default.fileExists(atPath: directory) { return [] }
            throw SystemError(.ioFailure, "cannot list \(directory): \(error.localizedDescription)",
                              hint: "Check that \(directory) is a directory that root can read (eapolctl keeps it mode 0700); "
                                  + "`eapolctl getSystemInterfaces` lists the configuration once it can.",
                              details: ["path": .string(directory)])
        }
        return names.sorted().compactMap { name -> String? in
            guard name.hasSuffix(".json") else { return nil }
            let interface = String(name.dropLast(5))
            return (try? SystemProfiles.checkInterface(interface)) != nil ? interface : nil
        }
    }
}
