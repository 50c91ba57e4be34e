import ArgumentParser

/// Options every command accepts after its name.
struct GlobalOptions: ParsableArguments {
    @Flag(help: "Print results as JSON on stdout and failures as {\"error\": {...}} on stderr.")
    var json = false

    @Option(help: ArgumentHelp("State directory holding profiles and the encrypted store (env: EAPOLCTL_STATE_DIR).",
                               valueName: "dir"))
    var stateDir: String?

    @Option(help: ArgumentHelp("Key file that unlocks the encrypted store (env: EAPOLCTL_KEY_FILE).",
                               valueName: "file"))
    var keyFile: String?

    /// The output channel these options ask for.
    var output: Output { Output(json: json) }
}
