extension Duration {
    /// The duration in milliseconds (reports and JSON events show durations this way).
    public var milliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
