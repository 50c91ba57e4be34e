import Foundation
import Logging
import Testing
@testable import DHCPClient
import HostOS

/// LinkMonitor's reader trace goes to the Logger it is given (debug level), not to stderr behind an environment
/// variable.
@Suite("LinkMonitor logging", .serialized,
       .enabled(if: TestNetwork.shouldRun, "skipped: \(TestNetwork.missingPrerequisite ?? "") (set CI=true to make this a failure)"))
struct LinkMonitorLoggingTests {
    /// The first state LinkMonitor reports for the client interface; the stream is released on return.
    func firstState(_ net: TestNetwork, _ logger: Logger) async throws -> LinkState? {
        let states = try await LinkMonitor.states(of: TestNetwork.clientInterface, networkNamespace: net.clientNamespacePath,
                                            logger: logger)
        return await withTimeout(.seconds(20)) { () async -> LinkState? in
            for await s in states { return s }
            return nil
        }
    }

    @Test("datagrams and the end of the reader are logged at debug level through the given logger",
          .timeLimit(.minutes(1)))
    func traceGoesToLogger() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let (logger, store) = CapturingLogHandler.logger(level: .debug)
        // The stream ends (and the reader thread stops) once nothing holds the stream any more.
        let first = try await firstState(net, logger)
        #expect(first?.interface == TestNetwork.clientInterface)
        #expect(first?.adminUp == true)
        let datagram = store.all.first { $0.message == "rtnetlink datagram" }
        #expect(datagram?.level == .debug)
        #expect(datagram?.metadata["link.interface"] == "\(TestNetwork.clientInterface)")
        // The reader thread notices the end within one 100 ms poll slice; allow far more on a loaded machine.
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline, !store.all.contains(where: { $0.message == "rtnetlink reader ends" }) {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(store.all.contains { $0.message == "rtnetlink stream terminated" })
        #expect(store.all.contains { $0.message == "rtnetlink reader ends" && $0.metadata["cancelled"] == "true" })
        #expect(store.all.allSatisfy { $0.level == .debug })
    }

    @Test("at the default info level nothing is logged")
    func quietByDefault() async throws {
        let net = try TestNetwork()
        defer { net.tearDown() }
        let (logger, store) = CapturingLogHandler.logger(level: .info)
        #expect(try await firstState(net, logger) != nil)
        #expect(store.all.isEmpty)
    }
}
