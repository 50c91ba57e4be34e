import Foundation
import Testing
@testable import DBusKit
#if canImport(Glibc)
import Glibc
#endif

/// ``DBusConnection/owner(of:timeout:)`` and the trust rule every service eapolctl talks to is held to
/// (wpa_supplicant's `SupplicantPeer`, NetworkManager's `NetworkManagerPeer`).
@Suite("Name owners: identity from the bus daemon, the trust rule")
struct BusNameOwnerTests {
    @Test("an owned name yields the owner's unique name, uid and pid from the bus daemon; an unowned one nil")
    func ownerIsIdentifiedByTheBus() async throws {
        try await withEcho { _, client, echo in
            let owner = try #require(try await client.owner(of: Echo.name))
            #expect(owner == BusNameOwner(uniqueName: echo.uniqueName, uid: geteuid(), pid: UInt32(getpid())))
            #expect(try await client.owner(of: "org.example.Nobody") == nil)
        }
    }

    @Test("root's peer and the same user's are believed; anyone else's is not")
    func trustRule() {
        #expect(BusNameOwner.isTrusted(uid: 0, ownUID: 0))
        #expect(!BusNameOwner.isTrusted(uid: 1000, ownUID: 0))
        #expect(!BusNameOwner.isTrusted(uid: 65534, ownUID: 0))
        #expect(BusNameOwner.isTrusted(uid: 0, ownUID: 1000))
        #expect(BusNameOwner.isTrusted(uid: 1000, ownUID: 1000))
        #expect(!BusNameOwner.isTrusted(uid: 1001, ownUID: 1000))
        #expect(BusNameOwner(uniqueName: ":1.9", uid: geteuid(), pid: nil).isTrusted())
    }
}
