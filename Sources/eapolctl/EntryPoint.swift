import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// Parses the command line, runs the command, and maps any failure to a structured report and an exit status.
@main
enum EntryPoint {
    static func main() async {
        // A closed pipe must surface as a write error (handled in Output), not kill the process mid-update.
        signal(SIGPIPE, SIG_IGN)
        let arguments = EapolcfgCommandNames.normalize(Array(CommandLine.arguments.dropFirst()))
        let options = arguments.prefix { $0 != "--" }
        let json = options.contains("--json")
        if options.contains("--version") {
            print("eapolctl \(Eapolctl.version)")
            exit(0)
        }
        do {
            var command = try Eapolctl.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch {
            exit(ErrorReporter.report(error, json: json))
        }
    }
}
