import SupplicantClient

/// One attempt's inputs: the interface's supplicant signals and the deadline merged into a single stream, so the
/// attempt's loop reads one `for await` (shared by ``Attempt`` and ``ProbeWatch``). Other inputs (repeat ticks,
/// wake-ups) are yielded on ``continuation``. ``stop()`` cancels both feeders and ends the stream.
struct SignalPump<Input: Sendable>: Sendable {
    let inputs: AsyncStream<Input>
    let continuation: AsyncStream<Input>.Continuation
    private let forward: Task<Void, Never>
    private let timer: Task<Void, Never>

    /// - Parameters:
    ///   - event: wraps a signal; `ended` is yielded once the signal stream ends (the supplicant vanished);
    ///     `deadlineReached` once at `deadline`.
    init(events: AsyncThrowingStream<AuthenticationEvent, any Error>, clock: ContinuousClock,
         deadline: ContinuousClock.Instant, event: @escaping @Sendable (AuthenticationEvent) -> Input,
         ended: Input, deadlineReached: Input) {
        let (inputs, continuation) = AsyncStream.makeStream(of: Input.self)
        self.inputs = inputs
        self.continuation = continuation
        forward = Task {
            do {
                for try await signal in events { continuation.yield(event(signal)) }
            } catch {}
            continuation.yield(ended)
        }
        timer = Task {
            try? await Task.sleep(until: deadline, clock: clock)
            if !Task.isCancelled { continuation.yield(deadlineReached) }
        }
    }

    func stop() {
        forward.cancel()
        timer.cancel()
        continuation.finish()
    }
}
