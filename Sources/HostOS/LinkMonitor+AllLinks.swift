import Foundation
public import Logging
#if canImport(Glibc)
import Glibc
#endif

extension LinkMonitor {
    /// Every interface's link state as the kernel announces it (rtnetlink `RTMGRP_LINK`), starting with a dump of the
    /// interfaces present, then additions, changes and removals (`removed`). A state equal to the last one of the same
    /// interface is dropped; after an overrun the links gone meanwhile are reported removed (``LinkStateTracker``).
    /// Read on a dedicated thread as ``states(of:networkNamespace:logger:)`` is; the stream ends when it is released
    /// or the consuming task is cancelled.
    /// - Parameter networkNamespace: a `/run/netns/NAME` path to watch from, or nil for the current namespace.
    /// - Throws: `HostFailure` (`permissionDenied` or `failed`) when the netlink socket cannot be opened.
    public static func allStates(networkNamespace: String? = nil, logger: Logger = Logger(label: "eapolctl.link"))
        async throws -> AsyncStream<LinkState> {
        try await start(interface: nil, networkNamespace: networkNamespace, buffering: 256,
                        threadName: "eapolctl-rtnetlink-all", logger: logger)
    }
}
