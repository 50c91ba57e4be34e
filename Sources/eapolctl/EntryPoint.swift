import ArgumentParser
import Secrets
import StructuredErrors
#if canImport(Glibc)
import Glibc
#endif

/// Parses the command line, runs the command, and maps any failure to a structured report and an exit status.
@main
enum EntryPoint {
    static func main() async {
        // First of all, before any secret can be in memory: no core file, not dumpable (Secrets.ProcessHardening).
        // A process that cannot be hardened refuses to run: it would keep store keys and passwords in memory that
        // a crash could write to disk.
        let hardening = Result { () throws(ProcessHardening.Failure) in try ProcessHardening.apply() }
        // A closed pipe must surface as a write error (handled in Output), not kill the process mid-update.
        signal(SIGPIPE, SIG_IGN)
        let arguments = EapolcfgCommandNames.normalize(Array(CommandLine.arguments.dropFirst()))
        let options = arguments.prefix { $0 != "--" }
        let json = options.contains("--json")
        if case .failure(let failure) = hardening {
            exit(ErrorReporter.report(SystemError(.internalError, failure.description,
                                                  details: ["step": .string(failure.step), "errno": .int(Int(failure.errno))]),
                                      json: json))
        }
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
