import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// SIGINT and SIGTERM as an async stream, through DispatchSource signal sources (handlers run on a Dispatch queue,
/// never in signal context).
///
/// The signals' default action (terminate) is replaced by `SIG_IGN` so the sources see them; `restore()` puts the
/// previous dispositions back. Nothing else is changed. Not Sendable: owned by the command that created it.
final class TerminationSignals {
    /// One element per SIGINT/SIGTERM received.
    let stream: AsyncStream<Void>
    private let sources: [any DispatchSourceSignal]
    private let previous: [(Int32, sighandler_t?)]

    init() {
        let (stream, continuation) = AsyncStream.makeStream(of: Void.self)
        self.stream = stream
        var sources: [any DispatchSourceSignal] = []
        var previous: [(Int32, sighandler_t?)] = []
        for sig in [SIGINT, SIGTERM] {
            previous.append((sig, signal(sig, SIG_IGN)))
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { continuation.yield() }
            source.resume()
            sources.append(source)
        }
        self.sources = sources
        self.previous = previous
    }

    /// Cancels the sources and restores the previous dispositions.
    func restore() {
        for s in sources { s.cancel() }
        for (sig, handler) in previous { signal(sig, handler) }
    }
}
