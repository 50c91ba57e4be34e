import StructuredErrors

/// A `--timeout`-style option in seconds, checked when the command line is parsed (`@Option(transform:
/// Seconds.parser(...))`): a number above 0 and at most `maximum`, else `usage.invalid-argument` naming the option.
struct Seconds: Sendable, Equatable, CustomStringConvertible {
    let value: Double

    init(_ value: Double) {
        self.value = value
    }

    /// The budget (millisecond resolution).
    var duration: Duration { .milliseconds(Int64(value * 1000)) }

    /// As help shows the default: `30.0`.
    var description: String { "\(value)" }

    /// The parser of `option`, for `@Option(transform:)`.
    static func parser(_ option: String, maximum: Double = 3600) -> @Sendable (String) throws -> Seconds {
        { text in try parse(text, option: option, maximum: maximum) }
    }

    /// `text` as seconds for `option`: 0 < seconds ≤ `maximum`.
    static func parse(_ text: String, option: String, maximum: Double = 3600) throws(UsageError) -> Seconds {
        guard let value = Double(text), value > 0, value <= maximum, value.isFinite else {
            let shown = Double(text).map { "\($0)" } ?? text
            throw UsageError(.invalidArgument, "\(option) \(shown): give a number of seconds above 0 and at most \(Int(maximum))",
                             hint: "For example \(option) 30.")
        }
        return Seconds(value)
    }
}

/// `text (default: value)`: the help of an `@Option(transform:)`, which argument-parser prints without its default,
/// worded as it prints the default of a plain option.
func helpText(_ text: String, default value: some CustomStringConvertible) -> String {
    "\(text) (default: \(value))"
}
