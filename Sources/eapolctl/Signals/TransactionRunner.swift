import CredentialStore
import Foundation
import ProfileFormats
import ProfileModel
import Provisioning
#if canImport(Glibc)
import Glibc
#endif

/// Runs the transactions of the Provisioning module for a command: `profile import`, eapolcfg `importProfile`,
/// `onboard` (``ImportTransaction``), `profile remove`, eapolcfg `removeProfile` (``RemoveTransaction``), `profile edit`
/// (``EditTransaction``).
///
/// A SIGINT or SIGTERM that arrives once the transaction has started does not kill the process mid-way: the
/// transaction stops at its next step, puts everything back, the error is reported, and the process then ends by
/// that same signal (the usual status: 130 or 143 in a shell). A signal after the commit point leaves the
/// committed changes and ends the process the same way.
enum TransactionRunner {
    static func importProfiles(_ imported: [ImportedProfile], replace: Bool, context: CommandContext) throws -> [ImportTransaction.Entry] {
        try run(context) { control in
            try ImportTransaction.commit(imported, replace: replace, profiles: context.profiles,
                                         openStore: { try context.openStore(creatingIfMissing: true) }, control: control)
        }
    }

    static func remove(_ profile: Profile, context: CommandContext) throws -> [String] {
        try run(context) { control in
            try RemoveTransaction.remove(profile, profiles: context.profiles, openStore: context.openStoreIfPresent,
                                         control: control)
        }
    }

    static func edit(_ profile: Profile, with edit: ProfileEdit, context: CommandContext) throws -> EditTransaction.Result {
        try run(context) { control in
            try EditTransaction.commit(edit, to: profile, profiles: context.profiles, openStore: context.openStoreIfPresent,
                                       control: control)
        }
    }

    private static func run<T>(_ context: CommandContext, _ body: (CommandTransactionControl) throws -> T) throws -> T {
        let control = CommandTransactionControl(environment: context.environment)
        let result = Result(catching: { try body(control) })
        let signal = control.finish()
        if let signal {
            switch result {
            case .success:
                context.output.warn("\(CommandTransactionControl.name(of: signal)) arrived after the changes were committed; they stay")
            case .failure(let error):
                _ = ErrorReporter.report(error, json: context.output.json)
            }
            CommandTransactionControl.die(by: signal)
        }
        return try result.get()
    }
}
