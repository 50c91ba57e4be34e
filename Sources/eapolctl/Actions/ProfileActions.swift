import Foundation
import Orchestration
import ProfileFormats
import ProfileModel
import ProfileStore
import Provisioning
import StateFiles
import StructuredErrors

/// The profile operations behind both CLI forms (noun-verb and eapolcfg).
enum ProfileActions {
    struct Created: Encodable {
        let profile: ProfileView
    }

    /// A profile as JSON output shows it: the profile itself plus what was derived from it.
    struct ProfileView: Encodable {
        let id: String
        let name: String
        let insecure: Bool
        let profile: Profile
        let certificates: [CertificateSummary]
        let problems: [ValidationProblem]

        init(_ profile: Profile) {
            id = profile.id.description
            name = profile.name
            insecure = profile.isInsecure
            self.profile = profile
            certificates = profile.trust.caCertificates.map(\.summary)
            problems = ProfileValidator.problems(in: profile)
        }
    }

    static func create(_ draft: ProfileDraft, context: CommandContext) throws -> Profile {
        let profile = try draft.makeProfile()
        try context.profiles.save(profile, replace: false)
        return profile
    }

    static func printCreated(_ profile: Profile, context: CommandContext) {
        for warning in profile.insecurityWarnings { context.output.warn(warning + " (profile \(profile.name))") }
        context.output.result(Created(profile: ProfileView(profile))) { profile.id.description }
    }

    static func list(details: Bool, context: CommandContext) throws {
        let summaries = try context.profiles.list()
        if details {
            let profiles = try summaries.map { try context.profiles.load($0.id) }
            context.output.result(["profiles": profiles.map(ProfileView.init)]) {
                profiles.map { $0.rendered() }.joined(separator: "\n\n")
            }
        } else {
            context.output.result(["profiles": summaries]) {
                summaries.isEmpty ? "No profiles." : summaries.map(\.line).joined(separator: "\n")
            }
        }
    }

    static func show(_ profile: Profile, context: CommandContext) {
        context.output.result(["profile": ProfileView(profile)]) { profile.rendered() }
    }

    /// Removes the profile and the secrets keyed by its ID and SSID (unlike eapolcfg, which leaves them behind),
    /// all or nothing (``RemoveTransaction``).
    static func remove(_ profile: Profile, context: CommandContext) throws {
        let removedSecrets = try TransactionRunner.remove(profile, context: context)
        // Where it last associated (the scan hint's source; no secret) goes with it. Best effort, like its trust hint.
        AssociationMemory(stateDirectory: context.paths.stateDirectory).forget(profile)
        struct Removed: Encodable { let removed: String; let name: String; let removedSecrets: [String] }
        context.output.result(Removed(removed: profile.id.description, name: profile.name, removedSecrets: removedSecrets)) {
            "Removed profile \(profile.name) (\(profile.id))"
                + (removedSecrets.isEmpty ? "" : " and its \(removedSecrets.joined(separator: ", "))")
        }
    }

    /// What `profile import` reports.
    struct ImportReport: Encodable {
        let file: String
        let format: String
        let profiles: [ImportTransaction.Entry]
        let notes: [String]
        let provider: ProviderInfo?
        let signature: SignatureInfo?
    }

    /// Reads a file of any importable format and saves every profile in it (all or nothing), its passwords and
    /// identities going to the encrypted store.
    static func importFile(_ path: String, replace: Bool, format: ProfileFormat? = nil,
                           signaturePolicy: SignaturePolicy = SignaturePolicy(), context: CommandContext) async throws {
        let bytes = try readProfileFile(path)
        let result = try await ProfileImporter.parseVerifyingSignature(bytes, source: path, format: format, policy: signaturePolicy)
        warnAboutSignature(result.signature, context: context)
        let entries = try TransactionRunner.importProfiles(result.profiles, replace: replace, context: context)
        for item in result.profiles where item.profile.isInsecure {
            context.output.warn(Profile.insecureWarning + " (profile \(item.profile.name))")
        }
        let report = ImportReport(file: path, format: result.format.rawValue, profiles: entries, notes: result.notes,
                                  provider: result.provider, signature: result.signature)
        context.output.result(report) { importText(report) }
    }

    static func readProfileFile(_ path: String) throws -> [UInt8] {
        try readUserFile(path, what: "profile file")
    }

    static func warnAboutSignature(_ signature: SignatureInfo?, context: CommandContext) {
        guard let signature else { return }
        switch signature.status {
        case .signedInvalid:
            context.output.warn("--allow-invalid-signature: the profile's signature does NOT verify (\(signature.detail ?? "unknown reason")): it may have been altered after signing")
        case .signedUntrusted:
            context.output.warn("the profile is signed by an unknown signer (signed-untrusted, not verified): \(signature.detail ?? "no detail")")
        case .signedTrusted, .unsigned:
            break
        }
    }

    static func importText(_ report: ImportReport) -> String {
        var lines: [String] = []
        for entry in report.profiles {
            let verb = switch entry.status {
            case .unchanged: "Unchanged"
            case .replaced: "Replaced"
            case .created: "Imported"
            }
            var line = "\(verb) profile \(entry.name) (\(entry.id)): \(entry.network), \(entry.method)"
            var stored: [String] = []
            if entry.storedPassword { stored.append("password") }
            if entry.storedIdentity { stored.append("client identity") }
            if !stored.isEmpty { line += "; stored its \(stored.joined(separator: " and ")) in the encrypted store" }
            lines.append(line)
            if entry.needsIdentity {
                lines.append("  needs a client identity: eapolctl identity set --profile \(entry.id) --pkcs12 FILE")
            }
        }
        if let signature = report.signature {
            lines.append("Signature: \(signature.status.rawValue)" + (signature.signer.map { " (signer: \($0))" } ?? "")
                         + (signature.anchor.map { ", chains to \($0)" } ?? ""))
        }
        if let provider = report.provider, let name = provider.displayName { lines.append("Provider: \(name)") }
        lines += report.notes.map { "Note: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Writes a profile in an export format, with its secrets only when asked.
    static func export(_ profile: Profile, format: ProfileFormat = .json, includeSecrets: Bool = false,
                       to outputPath: String?, context: CommandContext) throws {
        var secrets: ExportSecrets?
        if includeSecrets {
            let stored = try ExportSecrets.stored(for: profile, in: context.openStoreIfPresent())
            for note in stored.notes { context.output.warn(note) }
            secrets = stored.secrets
        }
        let output = try ProfileExporter.export(profile, as: format, secrets: secrets)
        for note in output.notes { context.output.warn(note) }
        if output.containsSecrets {
            context.output.warn("the exported \(format) file holds secrets in clear: keep it private (mode 0600) and delete it after use")
        } else if includeSecrets {
            context.output.warn("--include-secrets: no stored secret was found for profile \(profile.name)")
        }
        if let outputPath {
            // Created 0600 from the start (O_EXCL temp file, fsync, rename): it may hold secrets.
            try AtomicFile.write(output.bytes, to: outputPath, mode: 0o600)
            struct Exported: Encodable { let exported: String; let format: String; let suggestedFileName: String; let containsSecrets: Bool }
            context.output.result(Exported(exported: outputPath, format: format.rawValue, suggestedFileName: output.suggestedFileName,
                                           containsSecrets: output.containsSecrets)) {
                "Exported profile \(profile.name) as \(format) to \(outputPath)"
            }
        } else {
            // The export is the output, printed as is, with or without --json.
            Output.writeStdout(output.text)
        }
    }
}
