import Foundation
import ProfileFormats
import ProfileModel

/// What every profile-import target checks: parsing fails only with a structured error, and whatever it accepts
/// exports to every export format (or is refused with a structured error) and re-imports from its JSON export.
enum ImportFuzzSupport {
    /// One clock for the whole run, so a certificate's validity cannot change between import and re-import.
    static let now = Date()
    static let source = "fuzz-input"

    static func parse(_ bytes: [UInt8], as format: ProfileFormat) {
        let result: ImportResult
        do {
            result = try ProfileImporter.parse(bytes, source: source, format: format, now: now)
        } catch {
            requireStructured(error, "import as \(format)")
            return
        }
        checkAccepted(result)
    }

    static func checkAccepted(_ result: ImportResult) {
        for imported in result.profiles {
            let secrets = ExportSecrets(password: imported.password, identity: imported.identity)
            for format in ProfileFormat.exportable {
                do {
                    _ = try ProfileExporter.export(imported.profile, as: format, secrets: secrets)
                } catch {
                    requireStructured(error, "export as \(format) of an imported profile")
                }
            }
            do {
                let json = try ProfileExporter.export(imported.profile, as: .json).bytes
                let again = try ProfileImporter.parse(json, source: "fuzz-reexport.json", format: .json, now: now)
                precondition(again.profiles.map(\.profile) == [imported.profile], "the JSON export re-imports as a different profile")
            } catch {
                fatalError("an imported profile does not re-import from its own JSON export: \(error)")
            }
        }
    }
}
