#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Secrets
import StateFiles
import StructuredErrors

/// Reads secrets from where the user put them — standard input, a file, a terminal prompt — never from a place
/// other users can see, and strips one trailing newline (as `echo secret |` adds one).
enum SecretInput {
    /// Reads a secret given by an option value (`-` means stdin or a prompt), a file, or a prompt when neither is
    /// given and a terminal is attached.
    static func read(value: String?, file: String?, optionName: String, prompt: String, output: Output) throws -> SecretBytes {
        if value != nil && file != nil {
            throw UsageError(.conflictingArguments, "both \(optionName) and \(optionName)-file were given")
        }
        if let file { return try fromFile(file) }
        switch value {
        case "-"?:
            return isatty(STDIN_FILENO) == 1 ? try promptTerminal(prompt) : try fromStandardInput(what: optionName)
        case let literal?:
            output.warn("a secret given on the command line is visible to other users (ps, /proc): use \(optionName) - or \(optionName)-file")
            return SecretBytes(utf8: literal)
        case nil:
            guard isatty(STDIN_FILENO) == 1 else {
                throw UsageError(.missingArgument, "no secret given: \(optionName) is required",
                                 hint: "Pipe it on stdin with \(optionName) -, or use \(optionName)-file FILE.")
            }
            return try promptTerminal(prompt)
        }
    }

    static func fromFile(_ path: String, trimNewline: Bool = true) throws -> SecretBytes {
        var bytes = try readUserFile(path, what: "secret file")
        if !trimNewline { return SecretBytes(consumingAndZeroing: &bytes) }
        return trimmed(&bytes)
    }

    static func fromStandardInput(what: String) throws -> SecretBytes {
        var bytes = try PosixIO.readToEnd(fileDescriptor: STDIN_FILENO, name: "standard input")
        if bytes.isEmpty {
            throw UsageError(.inputUnavailable, "standard input was empty, but \(what) - asked to read the secret from it")
        }
        return trimmed(&bytes)
    }

    /// Prompts on the controlling terminal with echo off.
    static func promptTerminal(_ prompt: String) throws -> SecretBytes {
        let fd = open("/dev/tty", O_RDWR | O_CLOEXEC)
        guard fd >= 0 else {
            throw UsageError(.inputUnavailable, "no terminal to prompt on for: \(prompt)")
        }
        defer { close(fd) }
        _ = prompt.withCString { write(fd, $0, strlen($0)) }
        var saved = termios()
        tcgetattr(fd, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(fd, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(fd, TCSAFLUSH, &saved)
            _ = write(fd, "\n", 1)
        }
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while Glibc.read(fd, &byte, 1) == 1, byte != 0x0A { bytes.append(byte) }
        return trimmed(&bytes)
    }

    private static func trimmed(_ bytes: inout [UInt8]) -> SecretBytes {
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0A { end -= 1 }
        if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        let secret = SecretBytes(bytes[0..<end])
        bytes.withUnsafeMutableBytes { SecretBytes.zero($0) }
        return secret
    }
}
