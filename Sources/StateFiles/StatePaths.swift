#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where eapolctl keeps its state: the state directory (stores, lock files) and the store key file.
///
/// Resolution order, for each of the two paths: the explicit override (the CLI maps `--state-dir` / `--key-file`
/// to it), then `EAPOLCTL_STATE_DIR` / `EAPOLCTL_KEY_FILE` in the given environment, then the defaults:
///
/// - root (`geteuid() == 0`): state `/var/lib/eapolctl`, key `/etc/eapolctl/store.key`;
/// - other users: state `$XDG_STATE_HOME/eapolctl` (default `~/.local/state/eapolctl`) and key
///   `$XDG_CONFIG_HOME/eapolctl/store.key` (default `~/.config/eapolctl/store.key`).
///
/// By default the key file never lives inside the state directory, so a copy of the state directory alone does
/// not reveal the store's contents.
public struct StatePaths: Sendable, Hashable, CustomStringConvertible {
    /// The directory holding store files and their lock files.
    public let stateDirectory: String
    /// The file holding the store's master key (key-file mode).
    public let keyFile: String

    /// Creates paths from explicit values, without any resolution.
    public init(stateDirectory: String, keyFile: String) {
        self.stateDirectory = Self.normalize(stateDirectory)
        self.keyFile = Self.normalize(keyFile)
    }

    /// Resolves the paths from overrides, an environment dictionary and the user's identity.
    /// - Parameters:
    ///   - stateDirectory: explicit override (e.g. `--state-dir`); wins over everything.
    ///   - keyFile: explicit override (e.g. `--key-file`); wins over everything.
    ///   - environment: the environment to read (pass `ProcessInfo.processInfo.environment` in the CLI; tests pass
    ///     their own dictionary so the real environment is never consulted).
    ///   - isRoot: whether to use the system-wide defaults; nil means `geteuid() == 0`.
    public static func resolve(
        stateDirectory: String? = nil, keyFile: String? = nil, environment: [String: String],
        isRoot: Bool? = nil
    ) -> StatePaths {
        let isRoot = isRoot ?? (geteuid() == 0)
        let state: String
        let key: String
        if let s = nonEmpty(stateDirectory) ?? nonEmpty(environment["EAPOLCTL_STATE_DIR"]) {
            state = s
        } else if isRoot {
            state = "/var/lib/eapolctl"
        } else if let xdg = absolute(environment["XDG_STATE_HOME"]) {
            state = xdg + "/eapolctl"
        } else {
            state = home(environment) + "/.local/state/eapolctl"
        }
        if let k = nonEmpty(keyFile) ?? nonEmpty(environment["EAPOLCTL_KEY_FILE"]) {
            key = k
        } else if isRoot {
            key = "/etc/eapolctl/store.key"
        } else if let xdg = absolute(environment["XDG_CONFIG_HOME"]) {
            key = xdg + "/eapolctl/store.key"
        } else {
            key = home(environment) + "/.config/eapolctl/store.key"
        }
        return StatePaths(stateDirectory: state, keyFile: key)
    }

    /// The path of a file named `name` inside the state directory.
    public func file(_ name: String) -> String { stateDirectory + "/" + name }

    /// The directory holding the key file.
    public var keyDirectory: String { Self.parent(of: keyFile) }

    /// Whether the key file lies inside the state directory (allowed only when both were given explicitly).
    public var keyFileIsInsideStateDirectory: Bool { keyFile.hasPrefix(stateDirectory + "/") }

    public var description: String { "state directory \(stateDirectory), key file \(keyFile)" }

    /// The parent directory of `path` ("." for a bare name).
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    private static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.isEmpty else { return nil }
        return s
    }

    /// XDG base directory variables count only when absolute (XDG Base Directory Specification).
    private static func absolute(_ s: String?) -> String? {
        guard let s, s.hasPrefix("/") else { return nil }
        return normalize(s)
    }

    private static func home(_ environment: [String: String]) -> String {
        if let h = environment["HOME"], h.hasPrefix("/") { return normalize(h) }
        if let pw = getpwuid(geteuid()), let dir = pw.pointee.pw_dir { return normalize(String(cString: dir)) }
        return "/"
    }

    private static func normalize(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
}
