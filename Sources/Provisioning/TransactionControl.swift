/// The named points of a transaction (``ImportTransaction``, ``RemoveTransaction``) at which its caller may stop it.
///
/// `start`: everything is checked and the store is open, nothing is written yet. `profiles-written`: the profile
/// files and index are written, the secrets not yet. `secrets-written`: both are written; after this point the
/// transaction is committed.
public enum TransactionStep: String, Sendable, CaseIterable {
    case start
    case profilesWritten = "profiles-written"
    case secretsWritten = "secrets-written"
}

/// What a transaction asks its caller at each step: the command line checks there for SIGINT/SIGTERM (and, in
/// tests, injects a failure or pauses). Throwing stops the transaction, which then puts back everything it changed
/// and rethrows.
public protocol TransactionControl {
    func checkpoint(_ step: TransactionStep) throws
}

/// A control that never stops a transaction.
public struct UninterruptedTransaction: TransactionControl {
    public init() {}
    public func checkpoint(_ step: TransactionStep) throws {}
}
