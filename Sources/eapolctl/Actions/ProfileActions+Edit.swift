import CredentialStore
import ProfileModel
import Provisioning

extension ProfileActions {
    /// What `profile edit --json` prints.
    struct Edited: Encodable {
        let id: String
        let changed: [ProfileChange]
        let movedSecrets: [String]
        let profile: ProfileView
    }

    /// Applies `edit` to `profile` and stores the result (``EditTransaction``), then prints what changed.
    static func edit(_ profile: Profile, with edit: ProfileEdit, context: CommandContext) throws {
        let result = try TransactionRunner.edit(profile, with: edit, context: context)
        if result.profile.isInsecure, !result.changes.isEmpty {
            context.output.warn(Profile.insecureWarning + " (profile \(result.profile.name))")
        }
        let report = Edited(id: result.profile.id.description, changed: result.changes, movedSecrets: result.movedSecrets,
                            profile: ProfileView(result.profile))
        if context.output.json {
            context.output.result(report) { "" }
        } else {
            // Every piece is escaped here, line breaks included, so a value can never start a line of its own.
            Output.writeStdout(editText(report) + "\n")
        }
    }

    /// The human report: one `field: old -> new` line per change, each untrusted value escaped (``TerminalText``).
    static func editText(_ report: Edited) -> String {
        let title = "profile \(TerminalText.escaped(report.profile.name)) (\(report.id))"
        guard !report.changed.isEmpty else { return "Unchanged \(title): it already holds what the edit asks for" }
        var lines = ["Edited \(title):"]
        for change in report.changed {
            let old = change.old.map(TerminalText.escaped)
            let new = change.new.map(TerminalText.escaped)
            switch (old, new) {
            case (nil, let new?) where change.field == "trust.caCertificates":
                lines.append("  \(change.field): added \(new)")
            case (let old?, nil) where change.field == "trust.caCertificates":
                lines.append("  \(change.field): removed \(old)")
            default:
                lines.append("  \(change.field): \(old ?? "(none)") -> \(new ?? "(none)")")
            }
        }
        lines += report.movedSecrets.map { "  moved \(TerminalText.escaped($0))" }
        return lines.joined(separator: "\n")
    }
}
