internal import CDBus
import Synchronization
internal import StructuredErrors
#if canImport(Glibc)
import Glibc
#endif
internal import Foundation

/// The engine behind a ``DBusConnection``: one dedicated I/O thread that owns the libdbus connection.
///
/// Every libdbus call on the connection happens on that thread. Other threads hand it work as closures through
/// ``enqueue(_:)``, which appends to a locked queue and writes to an eventfd; the thread `poll()`s the eventfd and the
/// connection's socket, runs queued jobs, lets libdbus read and write without blocking
/// (`dbus_connection_read_write(conn, 0)`), dispatches every complete message to its filter, and enforces call
/// deadlines itself (libdbus's own timeouts would need watch/timeout callbacks).
///
/// Calls out (`ConnectionCore+Calls.swift`), signal subscriptions (`+Signals`) and exported objects (`+Exports`) are
/// extensions in files of their own, under the same confinement.
///
/// `@unchecked Sendable` is sound because of thread confinement: `connection`, `pending`, `callBySerial`,
/// `waiting`, `router`, `exports`, `handlerTasks` and `open` are read and written only on the I/O thread (in
/// `threadMain`, the filter callback it triggers, and the jobs it runs). The only state shared with other threads is
/// `queue` (a `Mutex`, which also guards writes to and the closing of `wakeFD`), `connected` (an `Atomic`), and
/// immutable `let`s.
final class ConnectionCore: @unchecked Sendable {
    typealias Job = @Sendable (ConnectionCore) -> Void
    typealias Completion = (Result<[DBusValue], DBusError>) -> Void

    struct Queue {
        var jobs: [Job] = []
        var closed = false
    }

    struct Pending {
        let deadline: ContinuousClock.Instant?
        let description: String
        let completion: Completion
    }

    /// A call held back because `maxInFlight` calls are already waiting for replies.
    struct Waiting {
        let call: MethodCall
        let id: UInt64
        let deadline: ContinuousClock.Instant?
        let completion: Completion
    }

    /// dbus-daemon refuses more than `max_replies_per_connection` outstanding calls per connection (128 with the
    /// default system bus configuration) with `LimitsExceeded`; calls beyond this many wait here instead.
    static let maxInFlight = 100

    /// What the connection was opened to, for messages: an address or "the system bus".
    let target: String
    let isSystemBus: Bool
    private let wakeFD: Int32
    private let queue = Mutex(Queue())
    let connected = Atomic<Bool>(false)
    let nextID = Atomic<UInt64>(1)

    // I/O-thread state.
    var connection: OpaquePointer?
    var open = false
    var pending: [UInt64: Pending] = [:]
    var callBySerial: [UInt32: UInt64] = [:]
    var waiting: [Waiting] = []
    var router = SignalRouter()
    var exports: [String: @Sendable (DBusMethodInvocation) async throws -> [DBusValue]] = [:]
    var handlerTasks: [UInt64: Task<Void, Never>] = [:]

    private init(target: String, isSystemBus: Bool, wakeFD: Int32) {
        self.target = target
        self.isSystemBus = isSystemBus
        self.wakeFD = wakeFD
    }

    func makeID() -> UInt64 { nextID.wrappingAdd(1, ordering: .relaxed).oldValue }

    // MARK: Opening

    /// Starts the I/O thread, connects on it (the blocking handshake never runs on the cooperative pool), and
    /// returns once the bus assigned a unique name.
    static func open(address: String?) async throws -> (ConnectionCore, String) {
        let fd = cdbus_wakeup_fd()
        guard fd >= 0 else {
            throw DBusError(.busUnreachable, "cannot create an eventfd for a D-Bus connection: errno \(errno)")
        }
        let core = ConnectionCore(target: address ?? Self.systemBusAddress, isSystemBus: address == nil, wakeFD: fd)
        let name: String = try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { core.threadMain(address: address, opened: continuation) }
            thread.name = "DBusKit I/O"
            thread.start()
        }
        return (core, name)
    }

    static var systemBusAddress: String {
        if let env = getenv("DBUS_SYSTEM_BUS_ADDRESS") { return String(cString: env) }
        return "unix:path=/run/dbus/system_bus_socket"
    }

    private func connectError(_ error: inout CDBus.DBusError) -> DBusError {
        let name = error.name.map { String(cString: $0) } ?? "org.freedesktop.DBus.Error.Failed"
        let text = error.message.map { String(cString: $0) } ?? "unknown error"
        dbus_error_free(&error)
        let what = isSystemBus ? "the D-Bus system bus at \(target)" : "the D-Bus bus at \(target)"
        let details: [String: ErrorDetail] = ["dbus.address": .string(target), "dbus.error": .string(name),
                                              "dbus.message": .string(text)]
        if name == "org.freedesktop.DBus.Error.AccessDenied" || name == "org.freedesktop.DBus.Error.AuthFailed" {
            return DBusError(.accessDenied, "access to \(what) was denied: \(text)",
                             hint: "Run as root, or as a user the bus policy allows.",
                             details: details)
        }
        let hint = isSystemBus
            ? "Is the system bus running (systemctl status dbus)?"
            : "Is a bus listening at \(target)? Check the address and the socket's permissions."
        return DBusError(.busUnreachable, "cannot connect to \(what): \(text)", hint: hint, details: details)
    }

    private func threadMain(address: String?, opened: CheckedContinuation<String, any Error>) {
        var error = CDBus.DBusError()
        dbus_error_init(&error)
        var conn: OpaquePointer?
        if let address {
            conn = dbus_connection_open_private(address, &error)
            if let c = conn, dbus_bus_register(c, &error) == 0 {
                dbus_connection_close(c)
                dbus_connection_unref(c)
                conn = nil
            }
        } else {
            conn = dbus_bus_get_private(DBUS_BUS_SYSTEM, &error)
        }
        guard let conn else {
            if dbus_error_is_set(&error) == 0 { dbus_set_error_const(&error, "org.freedesktop.DBus.Error.Failed", "no connection") }
            let failure = connectError(&error)
            closeQueue()
            opened.resume(throwing: failure)
            return
        }
        dbus_connection_set_exit_on_disconnect(conn, 0)
        var socket: Int32 = -1
        dbus_connection_get_unix_fd(conn, &socket)
        let filterData = Unmanaged.passUnretained(self).toOpaque()
        dbus_connection_add_filter(conn, connectionFilter, filterData, nil)
        connection = conn
        open = true
        connected.store(true, ordering: .releasing)
        let unique = dbus_bus_get_unique_name(conn).map { String(cString: $0) } ?? ""
        opened.resume(returning: unique)
        run(socket: socket)
        teardown()
    }

    // MARK: The loop

    private func run(socket: Int32) {
        var fds = [pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0), pollfd(fd: socket, events: 0, revents: 0)]
        while open, let conn = connection {
            runJobs()
            guard open else { break }
            pump(conn)
            guard dbus_connection_get_is_connected(conn) != 0 else {
                lost(DBusError(.disconnected, "the connection to \(describedTarget) was lost",
                               hint: "Check that the bus is still running, then run the command again.",
                               details: ["dbus.address": .string(target)]))
                break
            }
            let now = ContinuousClock.now
            expire(now: now)
            sendWaiting()
            if queue.withLock({ !$0.jobs.isEmpty }) { continue }
            var timeout: Int32 = -1
            if let next = (pending.values.compactMap(\.deadline) + waiting.compactMap(\.deadline)).min() {
                let remaining = now.duration(to: next)
                let ms = remaining.components.seconds * 1000 + (remaining.components.attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                timeout = Int32(clamping: max(0, ms))
            }
            fds[1].events = Int16(POLLIN) | (dbus_connection_has_messages_to_send(conn) != 0 ? Int16(POLLOUT) : 0)
            fds[0].revents = 0
            fds[1].revents = 0
            let ready = poll(&fds, 2, timeout)
            if ready > 0, fds[0].revents != 0 {
                var counter: UInt64 = 0
                _ = read(wakeFD, &counter, 8)
            }
        }
    }

    private var describedTarget: String { isSystemBus ? "the D-Bus system bus at \(target)" : "the D-Bus bus at \(target)" }

    /// Reads and writes what the socket allows without blocking, then dispatches every complete message.
    private func pump(_ conn: OpaquePointer) {
        _ = dbus_connection_read_write(conn, 0)
        while dbus_connection_dispatch(conn) == DBUS_DISPATCH_DATA_REMAINS {}
    }

    private func runJobs() {
        let jobs = queue.withLock { queue in
            let jobs = queue.jobs
            queue.jobs.removeAll(keepingCapacity: true)
            return jobs
        }
        for job in jobs { job(self) }
    }

    private func expire(now: ContinuousClock.Instant) {
        for (id, entry) in pending {
            guard let deadline = entry.deadline, deadline <= now else { continue }
            pending[id] = nil
            entry.completion(.failure(DBusError(.timeout, "no reply to \(entry.description) before the deadline",
                                                details: ["dbus.call": .string(entry.description)])))
        }
        if pending.isEmpty { callBySerial.removeAll() }
        if waiting.contains(where: { $0.deadline.map { $0 <= now } ?? false }) {
            let expired = waiting.filter { $0.deadline.map { $0 <= now } ?? false }
            waiting.removeAll { $0.deadline.map { $0 <= now } ?? false }
            for entry in expired {
                entry.completion(.failure(DBusError(.timeout, "no reply to \(entry.call) before the deadline",
                                                    details: ["dbus.call": .string(entry.call.description)])))
            }
        }
    }

    /// Sends held-back calls while fewer than `maxInFlight` are outstanding.
    private func sendWaiting() {
        while !waiting.isEmpty, pending.count < Self.maxInFlight, open {
            let next = waiting.removeFirst()
            startCall(next.call, id: next.id, deadline: next.deadline, completion: next.completion)
        }
    }

    /// Marks the queue closed so no job is accepted any more; closes the eventfd under the same lock.
    private func closeQueue() {
        queue.withLock { queue in
            if !queue.closed {
                queue.closed = true
                close(wakeFD)
            }
        }
    }

    private func lost(_ error: DBusError) {
        failEverything(error, streamsThrow: true)
    }

    /// Marks the connection closed and fails everything that waits on it: pending and held calls with `error`,
    /// signal streams (with `error`, or finished normally after a deliberate close), exports and handler tasks.
    private func failEverything(_ error: DBusError, streamsThrow: Bool) {
        open = false
        connected.store(false, ordering: .releasing)
        let entries = pending.values
        pending.removeAll()
        callBySerial.removeAll()
        for entry in entries { entry.completion(.failure(error)) }
        let held = waiting
        waiting.removeAll()
        for entry in held { entry.completion(.failure(error)) }
        for sub in router.removeAll() {
            if streamsThrow { sub.continuation.finish(throwing: error) } else { sub.continuation.finish() }
        }
        exports.removeAll()
        for task in handlerTasks.values { task.cancel() }
        handlerTasks.removeAll()
    }

    private func teardown() {
        if open {
            lost(DBusError(.disconnected, "the connection to \(describedTarget) was closed"))
        }
        closeQueue()
        // Jobs that raced with closing still hold continuations: run them, they see `open == false` and fail.
        runJobs()
        if let conn = connection {
            dbus_connection_remove_filter(conn, connectionFilter, Unmanaged.passUnretained(self).toOpaque())
            dbus_connection_close(conn)
            dbus_connection_unref(conn)
            connection = nil
        }
    }

    // MARK: Entry points for other threads

    /// Hands a job to the I/O thread; returns false when the connection is already closed (the job will not run).
    @discardableResult
    func enqueue(_ job: @escaping Job) -> Bool {
        queue.withLock { queue in
            guard !queue.closed else { return false }
            let wasEmpty = queue.jobs.isEmpty
            queue.jobs.append(job)
            if wasEmpty {
                var one: UInt64 = 1
                _ = write(wakeFD, &one, 8)
            }
            return true
        }
    }

    /// Closes the connection: flushes what is queued for sending, fails pending calls, ends signal streams.
    func shutdown() {
        enqueue { core in core.closeFromJob() }
    }

    var closedError: DBusError {
        DBusError(.disconnected, "the connection to \(describedTarget) is closed",
                  hint: "Open a new connection.", details: ["dbus.address": .string(target)])
    }

    // MARK: Jobs (I/O thread)

    private func closeFromJob() {
        guard open, let conn = connection else { return }
        // Give queued messages (replies, signals) a bounded chance to leave.
        var rounds = 0
        while dbus_connection_has_messages_to_send(conn) != 0, dbus_connection_get_is_connected(conn) != 0, rounds < 50 {
            _ = dbus_connection_read_write(conn, 10)
            rounds += 1
        }
        failEverything(closedError, streamsThrow: false)
    }



    // MARK: Incoming messages (I/O thread, called by libdbus from dbus_connection_dispatch)

    fileprivate func handle(_ raw: OpaquePointer) -> DBusHandlerResult {
        let message = Message(retaining: raw)
        switch message.type {
        case DBUS_MESSAGE_TYPE_METHOD_RETURN, DBUS_MESSAGE_TYPE_ERROR:
            guard let id = callBySerial.removeValue(forKey: message.replySerial) else {
                return DBUS_HANDLER_RESULT_HANDLED
            }
            guard let entry = pending.removeValue(forKey: id) else { return DBUS_HANDLER_RESULT_HANDLED }
            if Self.carriesFileDescriptors(message) {
                entry.completion(.failure(DBusError(.unexpectedReplyType,
                                                    "the reply to \(entry.description) carries file descriptors, which eapolctl never accepts",
                                                    details: ["dbus.call": .string(entry.description),
                                                              "dbus.signature": .string(message.signature)])))
            } else if message.type == DBUS_MESSAGE_TYPE_ERROR {
                let text = (try? message.readArguments())?.first?.stringValue ?? ""
                entry.completion(.failure(DBusError.fromRemote(name: message.errorName, message: text,
                                                               call: entry.description)))
            } else {
                entry.completion(Result { () throws(DBusError) in try message.readArguments() })
            }
            return DBUS_HANDLER_RESULT_HANDLED
        case DBUS_MESSAGE_TYPE_SIGNAL:
            if message.path == "/org/freedesktop/DBus/Local", message.member == "Disconnected" {
                return DBUS_HANDLER_RESULT_HANDLED
            }
            route(signal: raw, message)
            return DBUS_HANDLER_RESULT_HANDLED
        case DBUS_MESSAGE_TYPE_METHOD_CALL:
            return handleMethodCall(message)
        default:
            return DBUS_HANDLER_RESULT_NOT_YET_HANDLED
        }
    }
}

/// The libdbus filter: a C function pointer, so it finds its `ConnectionCore` through `userData`
/// (unretained: the core outlives its connection, which is closed and released on the I/O thread first).
private let connectionFilter: DBusHandleMessageFunction = { _, message, userData in
    guard let message, let userData else { return DBUS_HANDLER_RESULT_NOT_YET_HANDLED }
    let core = Unmanaged<ConnectionCore>.fromOpaque(userData).takeUnretainedValue()
    return core.handle(message)
}
