import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Maps errors of plumbing system calls.
enum SystemCall {
    static func error(_ e: Int32, _ op: String) -> DHCPError {
        DHCPError(.backendFailed, "\(op) failed: \(String(cString: strerror(e))).", details: ["errno": .int(Int(e))])
    }
}
