import Testing
@testable import HostOS

/// The rtnetlink reader's bookkeeping: repeated states dropped, and after an overrun (ENOBUFS) the links that went
/// away while messages were lost are reported removed once the new dump ends.
struct LinkStateTrackerTests {
    func up(_ name: String) -> LinkState { LinkState(interface: name, adminUp: true, carrier: true, operstate: "up") }
    func down(_ name: String) -> LinkState { LinkState(interface: name, adminUp: true, carrier: false, operstate: "down") }
    func gone(_ name: String) -> LinkState { LinkState(interface: name, adminUp: false, carrier: false, operstate: "notpresent", removed: true) }

    @Test("a state equal to the last one of its interface is not reported again")
    func dropsRepeats() {
        var t = LinkStateTracker(interface: nil)
        #expect(t.receive([.link(up("eth0")), .link(up("eth1")), .dumpDone]) == [up("eth0"), up("eth1")])
        #expect(t.receive([.link(up("eth0"))]).isEmpty)
        #expect(t.receive([.link(down("eth0"))]) == [down("eth0")])
    }

    @Test("after an overrun, links missing from the new dump are reported removed (every link)")
    func overrunReportsLostRemovals() {
        var t = LinkStateTracker(interface: nil)
        _ = t.receive([.link(up("eth0")), .link(up("eth7")), .link(up("usb0")), .dumpDone])
        t.overrun()
        #expect(t.needsDump)
        t.dumpRequested()
        #expect(!t.needsDump)
        // eth7 was unplugged and usb0 went down while messages were dropped; the dump lists eth0 and usb0 only.
        let reported = t.receive([.link(up("eth0")), .link(down("usb0")), .dumpDone])
        #expect(reported.contains(down("usb0")))
        #expect(reported.contains { $0.interface == "eth7" && $0.removed }, "eth7's removal was lost in the overrun")
        #expect(!reported.contains { $0.interface == "eth0" }, "eth0 did not change")
        #expect(t.last.keys.sorted() == ["eth0", "usb0"])
        // A later dump end without an overrun removes nothing.
        #expect(t.receive([.dumpDone]).isEmpty)
    }

    @Test("without an overrun, a dump end reports nothing removed (the first dump, or one asked for elsewhere)")
    func plainDumpEndRemovesNothing() {
        var t = LinkStateTracker(interface: nil)
        _ = t.receive([.link(up("eth0")), .dumpDone])
        #expect(t.receive([.link(up("eth1")), .dumpDone]) == [up("eth1")])
        #expect(t.last.count == 2)
    }

    @Test("one interface: its removal during an overrun is reported; other interfaces never are")
    func singleInterface() {
        var t = LinkStateTracker(interface: "eth0")
        #expect(t.receive([.link(up("eth1")), .link(up("eth0")), .dumpDone]) == [up("eth0")])
        t.overrun()
        t.dumpRequested()
        let reported = t.receive([.link(up("eth1")), .dumpDone])
        #expect(reported.count == 1)
        #expect(reported.first?.interface == "eth0")
        #expect(reported.first?.removed == true)
    }

    @Test("a refused dump request during resynchronisation is asked again")
    func refusedDumpIsRetried() {
        var t = LinkStateTracker(interface: nil)
        _ = t.receive([.link(up("eth0")), .dumpDone])
        t.overrun()
        t.dumpRequested()
        _ = t.receive([.dumpFailed])
        #expect(t.needsDump)
        // Outside a resynchronisation a refused request changes nothing.
        var u = LinkStateTracker(interface: nil)
        _ = u.receive([.dumpFailed])
        #expect(!u.needsDump)
    }

    @Test("a removal announced during the resynchronisation is reported once")
    func removalDuringResync() {
        var t = LinkStateTracker(interface: nil)
        _ = t.receive([.link(up("eth0")), .link(up("eth7")), .dumpDone])
        t.overrun()
        t.dumpRequested()
        let reported = t.receive([.link(gone("eth7")), .link(up("eth0")), .dumpDone])
        #expect(reported.filter { $0.interface == "eth7" }.count == 1)
    }

    @Test("parse reads NLMSG_DONE and a non-zero NLMSG_ERROR, and ignores an ACK")
    func parsesControlMessages() {
        func header(type: UInt16, length: UInt32, error: Int32? = nil) -> [UInt8] {
            var b = withUnsafeBytes(of: length.littleEndian, Array.init) + withUnsafeBytes(of: type.littleEndian, Array.init)
            b += [0, 0] + [UInt8](repeating: 0, count: 8)
            if let error { b += withUnsafeBytes(of: error.littleEndian, Array.init) + [UInt8](repeating: 0, count: 16) }
            return b
        }
        let done = header(type: 3, length: 20) + [0, 0, 0, 0]
        let ack = header(type: 2, length: 36, error: 0)
        let busy = header(type: 2, length: 36, error: -16)
        #expect(LinkMonitor.parse(done, interface: nil) == [.dumpDone])
        #expect(LinkMonitor.parse(ack, interface: nil).isEmpty)
        #expect(LinkMonitor.parse(busy + done, interface: nil) == [.dumpFailed, .dumpDone])
    }
}
