import Synchronization

/// Resumes one continuation exactly once, whichever comes first: the reply, the deadline, or cancellation.
///
/// The result may arrive before the continuation is installed (a task cancelled before it suspended); it is then
/// kept and handed over on installation.
final class ReplyBox<Value: Sendable>: Sendable {
    private enum State {
        case idle
        case waiting(CheckedContinuation<Value, any Error>)
        case early(Result<Value, any Error>)
        case done
    }

    private let state = Mutex<State>(.idle)

    func install(_ continuation: CheckedContinuation<Value, any Error>) {
        let early: Result<Value, any Error>? = state.withLock { state in
            switch state {
            case .idle:
                state = .waiting(continuation)
                return nil
            case .early(let result):
                state = .done
                return result
            case .waiting, .done:
                preconditionFailure("ReplyBox installed twice")
            }
        }
        if let early { continuation.resume(with: early) }
    }

    /// Delivers the result; later calls are ignored. Returns whether this call delivered it.
    @discardableResult
    func finish(_ result: Result<Value, any Error>) -> Bool {
        let continuation: CheckedContinuation<Value, any Error>? = state.withLock { state in
            switch state {
            case .idle:
                state = .early(result)
                return nil
            case .waiting(let continuation):
                state = .done
                return continuation
            case .early, .done:
                return nil
            }
        }
        continuation?.resume(with: result)
        return continuation != nil
    }

    /// Whether a result was already delivered (or is waiting to be handed over).
    var isFinished: Bool {
        state.withLock { state in
            switch state {
            case .idle, .waiting: false
            case .early, .done: true
            }
        }
    }
}
