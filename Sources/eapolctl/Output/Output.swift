import Foundation
import StructuredErrors

/// Writes results for people or, with `--json`, as JSON: one object per result or event, one per line.
///
/// Every human line goes through ``TerminalText`` here (the single point where human output is written, with
/// ``ErrorReporter``): strings from the network or from files can never reach the terminal as control sequences.
/// A result keeps the line breaks and tabs of its text (results are multi-line, tab-separated lists); an event and a
/// warning are one line each, so a line break inside one is escaped too. JSON output is written unchanged.
struct Output: Sendable {
    let json: Bool

    /// Prints the final result of a command.
    func result<Value: Encodable>(_ value: Value, human: () -> String) {
        if json {
            Self.writeStdout(Self.encode(value) + "\n")
        } else {
            let text = Self.humanResult(human())
            if !text.isEmpty { Self.writeStdout(text + "\n") }
        }
    }

    /// Prints one progress event: a JSON line with `--json`, a human line otherwise (when there is one).
    func event<Value: Encodable>(_ value: Value, human: () -> String?) {
        if json {
            Self.writeStdout(Self.encode(value) + "\n")
        } else if let text = human() {
            Self.writeStdout(Self.humanLine(text) + "\n")
        }
    }

    /// Prints a warning on stderr (as `{"warning": ...}` with `--json`).
    func warn(_ text: String) {
        if json {
            Self.writeStderr(Self.encode(["warning": text]) + "\n")
        } else {
            Self.writeStderr("eapolctl: warning: \(Self.humanLine(text))\n")
        }
    }

    /// A result's human text as it is written: escaped for the terminal, its line breaks and tabs kept.
    static func humanResult(_ text: String) -> String {
        TerminalText.escapedKeepingLayout(text)
    }

    /// An event's or warning's human line as it is written: escaped for the terminal, line breaks included.
    static func humanLine(_ text: String) -> String {
        TerminalText.escaped(text)
    }

    static func encode<Value: Encodable>(_ value: Value) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        do {
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        } catch {
            return #"{"error":{"domain":"system","message":"could not encode output"}}"#
        }
    }

    /// Unbuffered, so progress lines reach a pipe as they happen.
    static func writeStdout(_ text: String) {
        do {
            try FileHandle.standardOutput.write(contentsOf: Data(text.utf8))
        } catch {
            // The reader went away (EPIPE: SIGPIPE is ignored, see EntryPoint): nobody is listening any more, so a
            // long-running command ends here instead of running on unheard.
            exit(ErrorDomain.system.exitStatus)
        }
    }

    static func writeStderr(_ text: String) {
        try? FileHandle.standardError.write(contentsOf: Data(text.utf8))
    }
}
