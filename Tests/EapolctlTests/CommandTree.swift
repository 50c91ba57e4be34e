import ArgumentParser
import Foundation
@testable import eapolctl

/// The real command tree of `eapolctl`, read from ArgumentParser's own configuration: subcommands from
/// `configuration.subcommands` (recursively, grouped ones included), each command's names and arguments from the
/// description ArgumentParser generates for it (`_dumpHelp`, the data behind `--experimental-dump-help`).
struct CommandTree: Sendable {
    struct Argument: Sendable {
        enum Kind: String, Sendable { case positional, option, flag }
        let kind: Kind
        /// Spelled as on the command line: `--profile`, `-h`, `-SSID`.
        let names: [String]
        let isRepeating: Bool
    }

    final class Node: Sendable {
        let name: String
        let aliases: [String]
        let arguments: [Argument]
        let children: [Node]
        let hasDefaultSubcommand: Bool

        init(name: String, aliases: [String], arguments: [Argument], children: [Node], hasDefaultSubcommand: Bool) {
            self.name = name
            self.aliases = aliases
            self.arguments = arguments
            self.children = children
            self.hasDefaultSubcommand = hasDefaultSubcommand
        }

        /// The subcommand called `word`; eapolcfg's names are matched case-insensitively at the top (as EntryPoint does).
        func child(_ word: String, caseInsensitive: Bool) -> Node? {
            children.first { $0.name == word || $0.aliases.contains(word) }
                ?? (caseInsensitive ? children.first { $0.name.lowercased() == word.lowercased() } : nil)
        }

        func argument(named name: String) -> Argument? {
            arguments.first { $0.kind != .positional && $0.names.contains(name) }
        }

        /// How many positional values the command takes (`Int.max` when one of them repeats).
        var positionalCapacity: Int {
            let positionals = arguments.filter { $0.kind == .positional }
            return positionals.contains(where: \.isRepeating) ? Int.max : positionals.count
        }
    }

    let root: Node

    /// The tree of the real `eapolctl` command.
    static let eapolctl = CommandTree(root: node(Eapolctl.self))

    static func node(_ type: any ParsableCommand.Type) -> Node {
        let dump = try! JSONDecoder().decode(Dump.self, from: Data(type._dumpHelp().utf8)).command
        let arguments = (dump.arguments ?? []).compactMap { info -> Argument? in
            guard let kind = Argument.Kind(rawValue: info.kind) else { return nil }
            let names = (info.names ?? []).map { name in
                switch name.kind {
                case "long": "--" + name.name
                case "short": "-" + name.name
                default: "-" + name.name  // longWithSingleDash
                }
            }
            return Argument(kind: kind, names: names, isRepeating: info.isRepeating)
        }
        return Node(name: dump.commandName, aliases: type.configuration.aliases, arguments: arguments,
                    children: type.configuration.subcommands.map { node($0) },
                    hasDefaultSubcommand: type.configuration.defaultSubcommand != nil)
    }

    private struct Dump: Decodable {
        struct Command: Decodable {
            let commandName: String
            let arguments: [ArgumentInfo]?
        }
        struct ArgumentInfo: Decodable {
            struct Name: Decodable { let kind: String; let name: String }
            let kind: String
            let names: [Name]?
            let isRepeating: Bool
        }
        let command: Command
    }

    /// Every option and flag name of every command, and the universal ones.
    var allOptionNames: Set<String> {
        var names = Self.universalFlags
        var pending = [root]
        while let node = pending.popLast() {
            for argument in node.arguments where argument.kind != .positional { names.formUnion(argument.names) }
            pending += node.children
        }
        return names
    }

    // MARK: - Checking a command line

    /// Accepted after every command: EntryPoint answers `--version` anywhere, ArgumentParser `--help` and `-h`.
    static let universalFlags: Set<String> = ["--help", "-h", "--version"]

    /// Checks the words after `eapolctl` against the tree; nil when they name a real command with real options.
    ///
    /// A `bare` mention (prose such as "eapolctl profile list shows the IDs") ends at the first ordinary word that is
    /// neither a subcommand nor an option's value, or at a word carrying punctuation; a backticked one is a whole
    /// command line and must name a runnable command (not a group). Placeholders (`PROFILE`, `<file>`, `-`) are values.
    func problem(words rawWords: [String], bare: Bool) -> String? {
        var node = root
        var path = ["eapolctl"]
        var descending = true
        var positionals = 0
        var askedForHelp = false
        var words = rawWords[...]
        func here() -> String { "`" + path.joined(separator: " ") + "`" }
        while let raw = words.popFirst() {
            var word = raw
            var last = false
            if bare {
                let trimmed = Self.trimTrailingPunctuation(word)
                if trimmed != word { last = true; word = trimmed }
                if word.isEmpty || (!Self.startsLikeAnArgument(word)) { break }
            }
            if Self.stopWords.contains(word) || word.hasPrefix(">") || word.hasPrefix("2>") { break }
            if word.hasPrefix("[") && word.hasSuffix("]") { word = String(word.dropFirst().dropLast()) }
            if word.hasPrefix("-") && word != "-" {
                descending = false
                var name = word
                var inlineValue: String?
                if let equals = word.firstIndex(of: "=") {
                    name = String(word[..<equals])
                    inlineValue = String(word[word.index(after: equals)...])
                }
                if Self.universalFlags.contains(name) {
                    askedForHelp = true
                    if last { break } else { continue }
                }
                guard let argument = node.argument(named: name) else {
                    return "\(here()) has no option \(name)"
                }
                if argument.kind == .option && inlineValue == nil && !last {
                    guard let next = words.first, !next.hasPrefix("--") || next == "-" else {
                        if bare { break }
                        return "\(here()) \(name) needs a value"
                    }
                    inlineValue = bare ? Self.trimTrailingPunctuation(next) : next
                    if bare && inlineValue != next { last = true }
                    words = words.dropFirst()
                } else if argument.kind == .option && inlineValue == nil && !bare {
                    return "\(here()) \(name) needs a value"
                } else if argument.kind == .flag && inlineValue != nil {
                    return "\(here()) \(name) is a flag and takes no value"
                }
            } else if descending, let child = node.child(word, caseInsensitive: path.count == 1) {
                node = child
                path.append(child.name)
            } else if bare && path.count == 1 && !Self.proseWords.contains(word.lowercased()) {
                return "`eapolctl \(word)` is no command (write prose as prose, or add the word to CommandTree.proseWords)"
            } else if bare && !Self.isPlaceholder(word) {
                break
            } else {
                descending = false
                positionals += 1
                if positionals > node.positionalCapacity {
                    if !node.children.isEmpty && positionals == 1 {
                        return "\(here()) has no subcommand \(word) (it has \(node.children.map(\.name).joined(separator: ", ")))"
                    }
                    return node.positionalCapacity == 0
                        ? "\(here()) takes no argument, but is given \(word)"
                        : "\(here()) takes \(node.positionalCapacity) argument(s), but is given \(word) too"
                }
            }
            if last { break }
        }
        if !bare && !askedForHelp && !node.children.isEmpty && !node.hasDefaultSubcommand && positionals == 0 {
            return "\(here()) needs a subcommand (\(node.children.map(\.name).joined(separator: ", ")))"
        }
        return nil
    }

    /// Words that may follow a bare "eapolctl" in a sentence without naming a command ("Another eapolctl process").
    static let proseWords: Set<String> = [
        "process", "processes", "with", "as", "is", "does", "did", "will", "would", "can", "cannot", "never", "only",
        "reads", "writes", "recreates", "found", "identified", "supports", "understands", "computes", "needs", "uses",
        "keeps", "accepts", "itself", "and", "or", "to", "from", "in", "on", "for", "of", "run", "runs",
        "credential", "json", "network", "version", "state",
    ]

    /// Words that end a command line: the rest is another command or left out.
    static let stopWords: Set<String> = ["…", "...", "|", "||", "&&", ";", "<", "2>&1"]

    /// A value standing for what the user supplies: `PROFILE`, `SHA256`, `<file>`, an interpolation, `-` (stdin).
    static func isPlaceholder(_ word: String) -> Bool {
        if word == "-" || (word.hasPrefix("<") && word.hasSuffix(">") && word.count > 2) { return true }
        guard let first = word.unicodeScalars.first, CharacterSet.uppercaseLetters.contains(first) else { return false }
        return word.unicodeScalars.allSatisfy {
            CharacterSet.uppercaseLetters.contains($0) || CharacterSet.decimalDigits.contains($0) || "_-.".unicodeScalars.contains($0)
        }
    }

    private static func startsLikeAnArgument(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        return CharacterSet.alphanumerics.contains(first) || first == "-" || first == "<" || first == "["
    }

    /// `--replace),` → `--replace`; a placeholder's closing `>` and an option's `]` stay.
    static func trimTrailingPunctuation(_ word: String) -> String {
        var result = Substring(word)
        while let last = result.last, ".,;:)!?\"'`".contains(last) {
            result = result.dropLast()
        }
        return String(result)
    }
}
