import DBusKit
import Testing
@testable import SupplicantClient

@Test func onlyRootOrTheSameUserIsTrustedWithSecrets() {
    #expect(SupplicantPeer.isTrusted(uid: 0, ownUID: 0))
    #expect(!SupplicantPeer.isTrusted(uid: 65534, ownUID: 0))
    #expect(!SupplicantPeer.isTrusted(uid: 1000, ownUID: 0))
    #expect(SupplicantPeer.isTrusted(uid: 0, ownUID: 1000))
    #expect(SupplicantPeer.isTrusted(uid: 1000, ownUID: 1000))
    #expect(!SupplicantPeer.isTrusted(uid: 1001, ownUID: 1000))
}

@Test func anUntrustedOwnerIsNamedByUidAndPid() throws {
    let peer = SupplicantPeer(uniqueName: ":1.9", uid: 65534, pid: 4242, busAddress: "unix:path=/run/dbus/system_bus_socket",
                              busSource: .system)
    do {
        try peer.checkTrusted(ownUID: 0)
        Issue.record("a supplicant of uid 65534 was trusted by root")
    } catch {
        #expect(error.code == .untrustedPeer)
        #expect(error.message.contains("uid 65534"))
        #expect(error.message.contains("pid 4242"))
        #expect(error.hint.contains("ps -o user,pid,cmd -p 4242"))
        #expect(error.details["uid"] == .int(65534))
        #expect(error.details["pid"] == .int(4242))
    }
    try SupplicantPeer(uniqueName: ":1.2", uid: 0, pid: nil, busAddress: "x", busSource: .option).checkTrusted(ownUID: 0)
}
