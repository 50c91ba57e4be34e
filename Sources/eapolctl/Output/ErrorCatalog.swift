import CredentialStore
import DHCPClient
import DBusKit
import ProfileModel
import StructuredErrors
import SupplicantClient

/// Every error code of every domain, in number order: what `eapolctl errors` prints and Docs/errors.md lists.
enum ErrorCatalog {
    static var all: [ErrorCodeInfo] {
        let infos: [ErrorCodeInfo] =
            UsageErrorCode.allCodes.map(\.info)
            + SystemErrorCode.allCodes.map(\.info)
            + ProfileErrorCode.allCodes.map(\.info)
            + ImportErrorCode.allCodes.map(\.info)
            + StoreErrorCode.allCodes.map(\.info)
            + SupplicantErrorCode.allCodes.map(\.info)
            + EAPErrorCode.allCodes.map(\.info)
            + DHCPErrorCode.allCodes.map(\.info)
            + DBusErrorCode.allCodes.map(\.info)
        return infos.sorted { $0.number < $1.number }
    }

    /// The generated part of Docs/errors.md.
    static func markdown() -> String {
        var out = ["| domain | exit status | code | name | meaning | what to do |", "|---|---|---|---|---|---|"]
        for info in all {
            out.append("| \(info.domain.rawValue) | \(info.domain.exitStatus) | \(info.number) | `\(info.name)` | "
                + "\(escape(info.summary)) | \(escape(info.hint)) |")
        }
        return out.joined(separator: "\n")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
