import Foundation

/// The `eapolctl …` command lines a piece of user-facing text names, and what is wrong with them.
enum CommandMentions {
    /// Each backticked span that starts with `eapolctl`, as its words after `eapolctl`.
    static func backticked(in text: String) -> [[String]] {
        spans(of: text).inside.compactMap { span in
            let words = span.split(whereSeparator: \.isWhitespace).map(String.init)
            return words.first == "eapolctl" ? Array(words.dropFirst()) : nil
        }
    }

    /// Each bare "eapolctl" (outside backticks, as a word of its own) with the words that follow it.
    static func bare(in text: String) -> [[String]] {
        var mentions: [[String]] = []
        for segment in spans(of: text).outside {
            let words = segment.split(whereSeparator: \.isWhitespace).map(String.init)
            for (index, word) in words.enumerated() {
                // "(eapolctl" or "eapolctl" open a mention; "eapolctl's", "eapolctl-watch@.service" do not.
                let stripped = word.drop { "(\"'[".contains($0) }
                if stripped == "eapolctl" {
                    mentions.append(Array(words[(index + 1)...]))
                }
            }
        }
        return mentions
    }

    /// Every false command `text` names: backticked ones always, bare ones when `includeBare` (hints).
    static func problems(in text: String, includeBare: Bool, tree: CommandTree = .eapolctl) -> [String] {
        var found: [String] = []
        if includeBare && spans(of: text).unbalanced {
            found.append("unbalanced backticks")
        }
        for words in backticked(in: text) {
            if let problem = tree.problem(words: words, bare: false) {
                found.append("`\((["eapolctl"] + words).joined(separator: " "))`: \(problem)")
            }
        }
        if includeBare {
            // "Run the command again with --verbose": an option named without its command must exist on some command.
            let known = tree.allOptionNames
            for segment in spans(of: text).outside {
                // "--wired-interface/--no-wired-interface" names two; "--\(option)" (an interpolated name) none.
                for word in segment.split(whereSeparator: { $0.isWhitespace || $0 == "/" }) where !word.contains("<value>") {
                    let option = CommandTree.trimTrailingPunctuation(String(word.drop { "(\"'[".contains($0) }))
                        .split(separator: "=").first.map(String.init) ?? ""
                    if option.hasPrefix("--") && option.count > 2 && !known.contains(option) {
                        found.append("\(option) is an option of no eapolctl command")
                    }
                }
            }
            for words in bare(in: text) {
                if let problem = tree.problem(words: words, bare: true) {
                    found.append("eapolctl \(words.prefix(6).joined(separator: " ")): \(problem)")
                }
            }
        }
        return found
    }

    private static func spans(of text: String) -> (inside: [Substring], outside: [Substring], unbalanced: Bool) {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        var inside: [Substring] = [], outside: [Substring] = []
        for (index, part) in parts.enumerated() {
            if index % 2 == 1 { inside.append(part) } else { outside.append(part) }
        }
        return (inside, outside, parts.count % 2 == 0)
    }
}
