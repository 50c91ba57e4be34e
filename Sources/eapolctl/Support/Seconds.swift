import StructuredErrors

/// Reads a `--timeout`-style option given in seconds: 0 < seconds ≤ `maximum`.
func seconds(_ value: Double, option: String, maximum: Double = 3600) throws -> Duration {
    guard value > 0, value <= maximum, value.isFinite else {
        throw UsageError(.invalidArgument, "\(option) \(value): give a number of seconds above 0 and at most \(Int(maximum))",
                         hint: "For example \(option) 30.")
    }
    return .milliseconds(Int64(value * 1000))
}
