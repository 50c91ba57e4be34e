import Foundation
import ProfileModel
import ProfileStore
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
        if profile.isInsecure { context.output.warn(Profile.insecureWarning + " (profile \(profile.name))") }
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

    /// Removes the profile and the secrets that belong to it (unlike eapolcfg, which leaves them behind).
    static func remove(_ profile: Profile, context: CommandContext) throws {
        try context.profiles.remove(profile.id)
        let removedSecrets = try SecretActions.removeSecrets(of: profile, context: context)
        struct Removed: Encodable { let removed: String; let name: String; let removedSecrets: [String] }
        context.output.result(Removed(removed: profile.id.description, name: profile.name, removedSecrets: removedSecrets)) {
            "Removed profile \(profile.name) (\(profile.id))"
                + (removedSecrets.isEmpty ? "" : " and its \(removedSecrets.joined(separator: ", "))")
        }
    }

    static func importFile(_ path: String, replace: Bool, context: CommandContext) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SystemError(.fileNotFound, "cannot read profile file \(path)", details: ["path": .string(path)])
        }
        let profile = try ProfileJSON.decode(Array(data), source: path).validated()
        let replaced = try context.profiles.save(profile, replace: replace)
        struct Imported: Encodable { let profile: ProfileView; let replaced: [String] }
        if profile.isInsecure { context.output.warn(Profile.insecureWarning + " (profile \(profile.name))") }
        context.output.result(Imported(profile: ProfileView(profile), replaced: replaced.map(\.description))) {
            "Imported profile \(profile.name) (\(profile.id))"
                + (replaced.isEmpty ? "" : ", replacing \(replaced.map(\.description).joined(separator: ", "))")
        }
    }

    static func export(_ profile: Profile, to outputPath: String?, context: CommandContext) throws {
        let bytes = ProfileJSON.encode(profile)
        if let outputPath {
            guard FileManager.default.createFile(atPath: outputPath, contents: Data(bytes)) else {
                throw SystemError(.ioFailure, "cannot write \(outputPath)", details: ["path": .string(outputPath)])
            }
            context.output.result(["exported": outputPath]) { "Exported profile \(profile.name) to \(outputPath)" }
        } else {
            // The export is itself JSON, so it is printed as is, with or without --json.
            Output.writeStdout(String(decoding: bytes, as: UTF8.self))
        }
    }
}
