import Foundation
import StateFiles
import StructuredErrors

/// Replacing a key file without ever destroying a key.
///
/// A key file can unlock more than one store (a key file path shared by two state directories, or
/// `store init --reuse-key-file`), and nothing in one state directory says which other stores use it. So a key
/// file's content is never overwritten or unlinked: before a rekey replaces it, it is hard-linked to a kept name
/// (`<key file>.old`, else `<key file>.old.2`, `.old.3`, …), and any leftover `<key file>.new` (the pending key of
/// an interrupted rekey, perhaps of another store) is kept the same way before a new one is written.
enum KeyFileRotation {
    /// The pending key of a rekey in progress next to `keyFile`.
    static func pendingPath(_ keyFile: String) -> String { keyFile + ".new" }

    /// Keeps the current content of `path` under a name no other key occupies; returns that name, or nil when
    /// `path` does not exist. Idempotent: a kept name that already holds the same bytes is reused.
    static func keep(_ path: String) throws -> String? {
        guard let bytes = try PosixIO.readFileIfPresent(path) else { return nil }
        for n in 1...1000 {
            let candidate = n == 1 ? path + ".old" : path + ".old.\(n)"
            if link(path, candidate) == 0 {
                try AtomicFile.syncDirectory(StatePaths.parent(of: path))
                return candidate
            }
            guard errno == EEXIST else { throw SystemError.fromErrno(errno, operation: "link", path: candidate) }
            if try PosixIO.readFileIfPresent(candidate) == bytes { return candidate }
        }
        throw StoreError(.keyFileInUse, "key file \(path) already has 1000 kept copies (\(path).old, \(path).old.2, …); eapolctl will not replace it",
                         hint: "Move the kept copies that no store needs any more out of \(StatePaths.parent(of: path)).",
                         details: ["path": .string(path)])
    }

    /// Finishes a rekey: keeps the key in `keyFile` (see ``keep(_:)``), then renames `pending` over it.
    /// - Returns: where the previous key was kept.
    static func complete(pending: String, into keyFile: String) throws -> String? {
        let kept = try keep(keyFile)
        if rename(pending, keyFile) != 0 { throw SystemError.fromErrno(errno, operation: "rename", path: keyFile) }
        try AtomicFile.syncDirectory(StatePaths.parent(of: keyFile))
        return kept
    }

    /// Files next to `keyFile` that a rekey or an older eapolctl may have left a key in (`<name>.old`,
    /// `<name>.old.N`, `<name>.new`, `<name>.new.old`, …), in name order.
    static func siblings(of keyFile: String) -> [String] {
        let dir = StatePaths.parent(of: keyFile)
        let prefix = (keyFile.split(separator: "/").last.map(String.init) ?? keyFile) + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { $0.hasPrefix(prefix) && !$0.contains(".tmp") }.sorted().prefix(64).map { dir == "/" ? "/" + $0 : dir + "/" + $0 }
    }

    /// The first sibling of `keyFile` whose key passes `matches` (used to name the file that holds a store's key).
    static func sibling(of keyFile: String, where matches: (StoreKeys) -> Bool) -> String? {
        siblings(of: keyFile).first { path in
            guard let key = try? MasterKey.read(keyFile: path) else { return false }
            return matches(StoreKeys(master: key))
        }
    }
}
