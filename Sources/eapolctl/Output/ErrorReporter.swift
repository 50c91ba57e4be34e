import ArgumentParser
import StructuredErrors

/// Turns any error into a structured report on stderr and returns the exit status for it (the one place where
/// domains map to exit statuses).
enum ErrorReporter {
    static func report(_ error: any Error, json: Bool) -> Int32 {
        // `password check` / `identity check` printed their answer already: "different" is not an error.
        if error is CredentialMismatch { return CredentialMismatch.exitStatus }
        // --help and friends arrive as errors; argument-parser knows how to print them.
        if Eapolctl.exitCode(for: error) == .success {
            print(Eapolctl.fullMessage(for: error))
            return 0
        }
        let structured = structuredError(for: error)
        if json {
            Output.writeStderr(Output.encode(ErrorEnvelope(error: ErrorPayload(structured))) + "\n")
        } else {
            Output.writeStderr(humanText(structured, usage: usageText(for: error)))
        }
        return structured.domain.exitStatus
    }

    static func structuredError(for error: any Error) -> any StructuredError {
        switch error {
        case let structured as any StructuredError:
            return structured
        case _ where wrappedStructuredError(in: error) != nil:
            return wrappedStructuredError(in: error)!
        case is CancellationError:
            return SystemError(.interrupted, "the operation was cancelled")
        default:
            let message = Eapolctl.message(for: error)
            if Eapolctl.exitCode(for: error) == .validationFailure {
                return UsageError(.invalidArgument, message.isEmpty ? "invalid command line" : message)
            }
            return SystemError(.internalError, message.isEmpty ? String(describing: error) : message,
                               details: ["type": .string(String(describing: type(of: error)))])
        }
    }

    /// argument-parser wraps an error thrown from `validate()` in its own (internal) error type; find ours inside.
    static func wrappedStructuredError(in value: Any, depth: Int = 0) -> (any StructuredError)? {
        guard depth < 4 else { return nil }
        for child in Mirror(reflecting: value).children {
            if let structured = child.value as? any StructuredError { return structured }
            if let found = wrappedStructuredError(in: child.value, depth: depth + 1) { return found }
        }
        return nil
    }

    private static func usageText(for error: any Error) -> String? {
        guard !(error is any StructuredError), Eapolctl.exitCode(for: error) == .validationFailure else { return nil }
        let full = Eapolctl.fullMessage(for: error)
        guard let range = full.range(of: "Usage:") else { return nil }
        return String(full[range.lowerBound...])
    }

    /// The report for people. Message, hint and details often embed strings from the network or from files (a
    /// profile name, a certificate subject, a DHCP server's message), so each is escaped for the terminal as one
    /// line (``TerminalText``); argument-parser's usage text keeps its line breaks.
    static func humanText(_ error: any StructuredError, usage: String?) -> String {
        let line = TerminalText.escaped
        var lines = ["eapolctl: error: \(line(error.message))"]
        lines.append("  hint: \(line(error.hint))")
        lines.append("  code: \(error.domain.rawValue).\(error.codeInfo.name) (\(error.codeInfo.number))")
        for key in error.details.keys.sorted() {
            lines.append("  \(line(key)): \(line(error.details[key]!.description))")
        }
        if let usage { lines.append(TerminalText.escapedKeepingLayout(usage)) }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// `{"error": {...}}` — the JSON shape of every failure.
struct ErrorEnvelope: Encodable {
    let error: ErrorPayload
}

struct ErrorPayload: Encodable {
    let domain: String
    let code: Int
    let name: String
    let message: String
    let hint: String
    let details: [String: ErrorDetail]

    init(_ error: any StructuredError) {
        domain = error.domain.rawValue
        code = error.codeInfo.number
        name = error.codeInfo.name
        message = error.message
        hint = error.hint
        details = error.details
    }
}
