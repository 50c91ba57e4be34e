#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Failures of the operating system underneath: files, permissions, processes (exit status 71).
public typealias SystemError = DomainError<SystemErrorCode>

public struct SystemErrorCode: StructuredErrorCode {
    private enum Backing: Int, CaseIterable {
        case fileNotFound = 501
        case permissionDenied = 502
        case ioFailure = 503
        case notRoot = 504
        case commandFailed = 505
        case commandMissing = 506
        case interrupted = 507
        case internalError = 508
    }

    private let backing: Backing
    private init(_ backing: Backing) { self.backing = backing }

    public static let fileNotFound = Self(.fileNotFound)
    public static let permissionDenied = Self(.permissionDenied)
    public static let ioFailure = Self(.ioFailure)
    public static let notRoot = Self(.notRoot)
    public static let commandFailed = Self(.commandFailed)
    public static let commandMissing = Self(.commandMissing)
    public static let interrupted = Self(.interrupted)
    public static let internalError = Self(.internalError)

    public static let domain = ErrorDomain.system
    public static var allCodes: [Self] { Backing.allCases.map(Self.init) }

    public var info: ErrorCodeInfo {
        switch backing {
        case .fileNotFound:
            info("file-not-found", "A file or directory named on the command line or in the configuration does not exist.",
                 "Check the path.")
        case .permissionDenied:
            info("permission-denied", "The operating system refused access to a file, directory or socket.",
                 "Run as root, or give your user access to the path named in the message.")
        case .ioFailure:
            info("io-failure", "Reading or writing a file failed.",
                 "Check free disk space and the file system named in the message.")
        case .notRoot:
            info("not-root", "The operation needs root privileges.", "Run it with sudo.")
        case .commandFailed:
            info("command-failed", "A helper program exited with an error.",
                 "Read the program's output included in the details.")
        case .commandMissing:
            info("command-missing", "A helper program is not installed.",
                 "Install the Debian package named in the message.")
        case .interrupted:
            info("interrupted", "The operation was interrupted by a signal.", "Run the command again.")
        case .internalError:
            info("internal-error", "An unexpected error occurred inside eapolctl.",
                 "This is a bug: report it with the command line and the full message.")
        }
    }

    private func info(_ name: String, _ summary: String, _ hint: String) -> ErrorCodeInfo {
        Self.describe(backing.rawValue, name, summary, hint)
    }
}

extension SystemError {
    /// Builds an error from a failed system call's `errno`, naming the path concerned.
    public static func fromErrno(
        _ err: Int32, operation: String, path: String, file: String = #fileID, line: UInt = #line
    ) -> SystemError {
        let text = String(cString: strerror(err))
        let code: SystemErrorCode
        switch err {
        case ENOENT, ENOTDIR: code = .fileNotFound
        case EACCES, EPERM, EROFS: code = .permissionDenied
        case EINTR: code = .interrupted
        default: code = .ioFailure
        }
        return SystemError(code, "\(operation) \(path): \(text)", details: ["path": .string(path), "errno": .int(Int(err))],
                           file: file, line: line)
    }
}
