/// The string literals of a Swift source file, as the user will read them, and which of them are hints.
///
/// A small lexer, enough for this code base: comments are skipped, `"…"`, `"""…"""` and `#"…"#` literals are
/// unescaped, an interpolation reads as `<value>` (a placeholder), and literals joined with `+` (directly or around a
/// value: `"… --interface " + name + "`."`) read as one text. A literal is a hint when it is (part of) the value of
/// a `hint:` argument, a `"hint":` entry, a `hint = …` assignment, or the third argument of a code's `info(…)`.
enum SwiftStringLiterals {
    struct Text {
        let text: String
        let line: Int
        let isHint: Bool
        /// The hint of an error code, from its `info(name, summary, hint)` entry.
        let isCatalogueHint: Bool
    }

    static func texts(in source: String) -> [Text] {
        var lexer = Lexer(Array(source.unicodeScalars))
        return group(classify(lexer.tokens()))
    }

    // MARK: - Tokens

    enum Token: Equatable {
        case literal(String, line: Int)
        case identifier(String)
        case punct(Unicode.Scalar)
        case newline
    }

    struct Lexer {
        let s: [Unicode.Scalar]
        var i = 0
        var line = 1

        init(_ scalars: [Unicode.Scalar]) { s = scalars }

        func at(_ k: Int) -> Unicode.Scalar? { k < s.count ? s[k] : nil }

        mutating func tokens() -> [Token] {
            var out: [Token] = []
            while let c = at(i) {
                if c == "\n" { out.append(.newline); line += 1; i += 1 }
                else if c == " " || c == "\t" || c == "\r" { i += 1 }
                else if c == "/" && at(i + 1) == "/" { while let d = at(i), d != "\n" { i += 1 } }
                else if c == "/" && at(i + 1) == "*" { skipBlockComment() }
                else if c == "\"" || (c == "#" && startsString(at: i)) {
                    let startLine = line
                    out.append(.literal(readString(), line: startLine))
                } else if c == "_" || c.properties.isAlphabetic {
                    var name = ""
                    while let d = at(i), d == "_" || d.properties.isAlphabetic || d.properties.numericType != nil {
                        name.unicodeScalars.append(d); i += 1
                    }
                    out.append(.identifier(name))
                } else if c == "`" {
                    var name = ""
                    i += 1
                    while let d = at(i), d != "`", d != "\n" { name.unicodeScalars.append(d); i += 1 }
                    i += 1
                    out.append(.identifier(name))
                } else if c.properties.numericType != nil {
                    while let d = at(i), d.properties.isAlphabetic || d.properties.numericType != nil || d == "_" || d == "." {
                        i += 1
                    }
                } else { out.append(.punct(c)); i += 1 }
            }
            return out
        }

        func startsString(at k: Int) -> Bool {
            var j = k
            while at(j) == "#" { j += 1 }
            return at(j) == "\""
        }

        mutating func skipBlockComment() {
            var depth = 0
            repeat {
                if at(i) == "/" && at(i + 1) == "*" { depth += 1; i += 2 }
                else if at(i) == "*" && at(i + 1) == "/" { depth -= 1; i += 2 }
                else { if at(i) == "\n" { line += 1 }; i += 1 }
            } while depth > 0 && i < s.count
        }

        /// Reads one string literal starting at `i` (its `#`s or quote) and returns its text.
        mutating func readString() -> String {
            var hashes = 0
            while at(i) == "#" { hashes += 1; i += 1 }
            let multiline = at(i + 1) == "\"" && at(i + 2) == "\""
            i += multiline ? 3 : 1
            var text = ""
            func hashesFollow(_ k: Int) -> Bool { (0..<hashes).allSatisfy { at(k + $0) == "#" } }
            while let c = at(i) {
                if c == "\"" && (!multiline || (at(i + 1) == "\"" && at(i + 2) == "\"")) && hashesFollow(i + (multiline ? 3 : 1)) {
                    i += (multiline ? 3 : 1) + hashes
                    return text
                }
                if c == "\\" && hashesFollow(i + 1) {
                    let k = i + 1 + hashes
                    switch at(k) {
                    case "(": i = k + 1; skipInterpolation(); text += "<value>"
                    case "n": text += "\n"; i = k + 1
                    case "t": text += "\t"; i = k + 1
                    case "r", "0": i = k + 1
                    case "u":
                        var j = k + 2, hex = ""
                        while let d = at(j), d != "}" { hex.unicodeScalars.append(d); j += 1 }
                        if let value = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
                        i = j + 1
                    case "\n": line += 1; i = k + 1  // line continuation in a multi-line literal
                    case let escaped?: text.unicodeScalars.append(escaped); i = k + 1
                    case nil: i = k
                    }
                    continue
                }
                if c == "\n" { line += 1 }
                text.unicodeScalars.append(c)
                i += 1
            }
            return text
        }

        /// Skips an interpolation's expression up to its closing parenthesis, strings and parentheses inside included.
        mutating func skipInterpolation() {
            var depth = 1
            while let c = at(i) {
                if c == "(" { depth += 1; i += 1 }
                else if c == ")" { depth -= 1; i += 1; if depth == 0 { return } }
                else if c == "\"" || (c == "#" && startsString(at: i)) { _ = readString() }
                else { if c == "\n" { line += 1 }; i += 1 }
            }
        }
    }

    // MARK: - Hint contexts

    private struct Context {
        enum Kind { case labeled, infoCall }
        let kind: Kind
        let depth: Int
        var argument = 0
    }

    /// Marks each literal token with whether it is a hint (and a catalogue hint).
    static func classify(_ tokens: [Token]) -> [(token: Token, isHint: Bool, isCatalogue: Bool)] {
        var out: [(token: Token, isHint: Bool, isCatalogue: Bool)] = []
        var depth = 0
        var contexts: [Context] = []
        func significant(from k: Int, step: Int) -> Token? {
            var j = k
            while j >= 0 && j < tokens.count {
                if tokens[j] != .newline { return tokens[j] }
                j += step
            }
            return nil
        }
        for (k, token) in tokens.enumerated() {
            let catalogue = contexts.contains { $0.kind == .infoCall && $0.depth == depth && $0.argument == 2 }
            let hint = catalogue || contexts.contains { $0.kind == .labeled && depth >= $0.depth }
            out.append((token, hint, catalogue))
            switch token {
            case .identifier(let name) where name == "hint",
                 .literal(let name, _) where name == "hint":
                let next = k + 1 < tokens.count ? tokens[k + 1] : nil
                let after = k + 2 < tokens.count ? tokens[k + 2] : nil
                if (next == .punct(":") && after != .punct(":")) || (next == .punct("=") && after != .punct("=")) {
                    contexts.append(Context(kind: .labeled, depth: depth))
                }
            case .identifier("info") where k + 1 < tokens.count && tokens[k + 1] == .punct("("):
                contexts.append(Context(kind: .infoCall, depth: depth + 1))
            case .punct(let c) where "([{".unicodeScalars.contains(c):
                depth += 1
            case .punct(let c) where ")]}".unicodeScalars.contains(c):
                depth -= 1
                contexts.removeAll { $0.depth > depth }
            case .punct(","):
                contexts.removeAll { $0.kind == .labeled && $0.depth == depth }
                for index in contexts.indices where contexts[index].kind == .infoCall && contexts[index].depth == depth {
                    contexts[index].argument += 1
                }
            case .newline:
                // A labeled value goes on past a line break only when the expression visibly continues.
                let previous = significant(from: k - 1, step: -1)
                let next = significant(from: k + 1, step: 1)
                let continues = [previous, next].contains { token in
                    if case .punct(let c)? = token { return "+?:=(&|".unicodeScalars.contains(c) }
                    return false
                } || next == .punct(".")
                if !continues { contexts.removeAll { $0.kind == .labeled && $0.depth == depth } }
            default:
                break
            }
        }
        return out
    }

    /// Joins literals chained with `+` into one text each.
    static func group(_ tokens: [(token: Token, isHint: Bool, isCatalogue: Bool)]) -> [Text] {
        var texts: [Text] = []
        var current: Text?
        var between: [Token] = []
        for entry in tokens {
            guard case .literal(let text, let line) = entry.token else {
                if entry.token != .newline { between.append(entry.token) }
                continue
            }
            let separators: Set<Unicode.Scalar> = [",", "?", ":", ";", "{", "}", "="]
            let joins = between.first == .punct("+") && between.last == .punct("+")
                && !between.contains { if case .punct(let c) = $0 { return separators.contains(c) } else { return false } }
            if let open = current, joins {
                current = Text(text: open.text + (between.count > 1 ? "<value>" : "") + text, line: open.line,
                               isHint: open.isHint || entry.isHint, isCatalogueHint: open.isCatalogueHint || entry.isCatalogue)
            } else {
                if let open = current { texts.append(open) }
                current = Text(text: text, line: line, isHint: entry.isHint, isCatalogueHint: entry.isCatalogue)
            }
            between = []
        }
        if let open = current { texts.append(open) }
        return texts
    }
}
