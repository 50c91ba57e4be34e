import Foundation
import ProfileModel

/// The EAP-FAST keys of Apple's EAP client configuration (eapolcfg `AuthenticationProperties`, mobileconfig
/// `EAPClientConfiguration`): `EAPFASTUsePAC`, `EAPFASTProvisionPAC`, `EAPFASTProvisionPACAnonymously`, booleans
/// that are false when absent.
extension AuthenticationProperties {
    static let fastKeys = ["EAPFASTUsePAC", "EAPFASTProvisionPAC", "EAPFASTProvisionPACAnonymously"]

    /// The PAC settings of an EAP-FAST profile as the file states them (validation refuses a FAST profile that uses
    /// no PAC); nil for another method, whose file's EAP-FAST keys (an `AcceptEAPTypes` list's fallback) are noted
    /// and dropped.
    static func fastSettings(_ auth: [String: Any], method: EAPMethod, field: String, source: String,
                             notes: inout [String]) throws -> FASTSettings? {
        func flag(_ key: String) throws -> Bool {
            try auth[key].map { try PlistSupport.bool($0, field: "\(field).\(key)", source: source) } ?? false
        }
        guard method == .fast else {
            let present = fastKeys.filter { auth[$0] != nil }
            if !present.isEmpty {
                notes.append("the EAP-FAST keys \(present.joined(separator: ", ")) do not apply to \(method.displayName) and were not imported")
            }
            return nil
        }
        let provisioning = PACProvisioning(provisionPAC: try flag("EAPFASTProvisionPAC"),
                                           anonymously: try flag("EAPFASTProvisionPACAnonymously"))
        if provisioning.allowsAnonymous {
            notes.append("the file allows anonymous EAP-FAST PAC provisioning (EAPFASTProvisionPACAnonymously): the server "
                + "is not authenticated while a PAC is provisioned")
        }
        return FASTSettings(usePAC: try flag("EAPFASTUsePAC"), provisioning: provisioning)
    }

    /// The EAP-FAST keys written for `eap` (none for another method).
    static func fastKeys(for eap: EAPSettings) -> [String: Any] {
        guard eap.outer == .fast else { return [:] }
        let fast = eap.fast ?? FASTSettings()
        return ["EAPFASTUsePAC": fast.usePAC, "EAPFASTProvisionPAC": fast.provisioning.allowsAuthenticated,
                "EAPFASTProvisionPACAnonymously": fast.provisioning.allowsAnonymous]
    }
}
