import ArgumentParser
import Orchestration
import StructuredErrors

/// What `auth start` does on a wired port where no 802.1X authenticator answers.
struct PortPolicyOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Unanswered EAPOL-Starts (one a second) after which a wired port counts as without 802.1X; 0 waits for --timeout.",
        valueName: "count"))
    var maxStart: Int = 3

    @Flag(help: "A wired port without 802.1X (open, or MAC authentication bypass) is not an error: go on to DHCP, unauthenticated.")
    var acceptOpenPort = false

    func validate() throws {
        guard (0...600).contains(maxStart) else {
            throw UsageError(.invalidArgument, "--max-start \(maxStart): give 0 (wait for --timeout) to 600",
                             hint: "IEEE 802.1X's maxStart is 3: `eapolctl auth start --interface IF --profile P --max-start 3`.")
        }
    }

    /// The parsed values.
    var policy: PortPolicy { PortPolicy(maxStart: maxStart == 0 ? nil : maxStart, acceptOpenPort: acceptOpenPort) }
}
