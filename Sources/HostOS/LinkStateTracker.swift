/// What one rtnetlink reader has reported, and what it must report next: the dedup of repeated states and the
/// resynchronisation after an overrun (`ENOBUFS`: the kernel dropped messages, so links may have changed or gone
/// without a word). Pure; ``LinkMonitor`` feeds it the decoded messages of its socket.
struct LinkStateTracker: Sendable {
    /// One decoded netlink message that matters here.
    enum Message: Sendable, Equatable {
        /// `RTM_NEWLINK` / `RTM_DELLINK` of a followed interface.
        case link(LinkState)
        /// `NLMSG_DONE`: the end of a dump.
        case dumpDone
        /// `NLMSG_ERROR` with a non-zero error (a dump request refused, e.g. `EBUSY` while another runs).
        case dumpFailed
    }

    /// The interface followed; nil: every interface.
    let interface: String?
    /// The last state reported per interface (interfaces reported removed are dropped).
    private(set) var last: [String: LinkState] = [:]
    /// While resynchronising: the interfaces the dump has listed so far.
    private var listed: Set<String>?
    /// Whether a dump must be asked for (again): after an overrun, or when the kernel refused the request.
    private(set) var needsDump = false

    init(interface: String?) { self.interface = interface }

    /// The kernel dropped messages: ask for a dump and, when it ends, report as removed every interface it no longer
    /// lists.
    mutating func overrun() {
        listed = []
        needsDump = true
    }

    /// A dump was asked for.
    mutating func dumpRequested() { needsDump = false }

    /// The states to report for `messages`, in order.
    mutating func receive(_ messages: [Message]) -> [LinkState] {
        var out: [LinkState] = []
        for message in messages {
            switch message {
            case .link(let state):
                guard interface == nil || state.interface == interface else { continue }
                if !state.removed { listed?.insert(state.interface) }
                if last[state.interface] != state {
                    last[state.interface] = state.removed ? nil : state
                    out.append(state)
                }
            case .dumpDone:
                guard let seen = listed else { continue }
                listed = nil
                for name in last.keys.sorted() where !seen.contains(name) {
                    let gone = last[name]!
                    last[name] = nil
                    out.append(LinkState(interface: name, adminUp: gone.adminUp, carrier: false, operstate: "notpresent",
                                         removed: true))
                }
            case .dumpFailed:
                if listed != nil { needsDump = true }
            }
        }
        return out
    }
}
