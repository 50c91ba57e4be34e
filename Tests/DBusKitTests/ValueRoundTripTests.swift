import Foundation
import Testing
@testable import DBusKit

@Suite("Values round trip through a private bus and the echo service")
struct ValueRoundTripTests {
    static let basics: [DBusValue] = [
        .byte(0), .byte(255), .bool(true), .bool(false),
        .int16(.min), .int16(.max), .uint16(.max), .int32(.min), .int32(-1), .uint32(.max),
        .int64(.min), .int64(.max), .uint64(.max), .double(-1.5e300), .double(0.1),
        .string(""), .string("héllo wörld ✓ 🚀"), .objectPath("/"), .objectPath("/a/b_c/D9"),
        .signature(""), .signature("a{sv}(iu)aay"),
    ]

    @Test("every basic type survives a round trip, alone and all in one message")
    func basicTypes() async throws {
        try await withEcho { _, client, _ in
            for value in Self.basics {
                let reply = try await client.call(Echo.call("Echo", [value]))
                #expect(reply == [value], "\(value.signature)")
                #expect(reply.first?.signature == value.signature)
            }
            let all = try await client.call(Echo.call("Echo", Self.basics))
            #expect(all == Self.basics)
        }
    }

    @Test("a unix fd can be sent, but a reply carrying fds is refused and no descriptor is kept")
    func unixFD() async throws {
        try await withEcho { _, client, _ in
            // Outgoing: the echo service (DBusKit too) refuses fd-carrying calls, but the fd did travel.
            var fds: [Int32] = [0, 0]
            #expect(pipe(&fds) == 0)
            defer { close(fds[0]); close(fds[1]) }
            await expectDBusError(.remoteError) { try await client.call(Echo.call("Echo", [.unixFD(fds[1])])) }
            // Incoming: a reply with an fd fails the call; libdbus closes the received descriptor.
            _ = try? await client.call(Echo.call("OpenFD"))
            let before = SignalSpoofingTests.openDescriptorCount()
            for _ in 0..<50 {
                let error = await expectDBusError(.unexpectedReplyType) { try await client.call(Echo.call("OpenFD")) }
                #expect(error?.message.contains("file descriptors") == true)
            }
            #expect(SignalSpoofingTests.openDescriptorCount() <= before)
        }
    }

    @Test("nested containers: variant in variant in dict in struct in array")
    func nested() async throws {
        let inner: DBusValue = .variant(.variant(.structure([.int32(1), .stringArray(["a", "b"])])))
        let dict: DBusValue = .dictionary(keySignature: "s", valueSignature: "v", [
            .init(key: .string("deep"), value: .variant(inner)),
            .init(key: .string("bytes"), value: .variant(.bytes([1, 2, 3]))),
            .init(key: .string("empty"), value: .variant(.array(elementSignature: "(ii)", []))),
        ])
        let value: DBusValue = .array(elementSignature: "(ta{sv}ad)", [
            .structure([.uint64(9), dict, .array(elementSignature: "d", [.double(1), .double(2)])]),
            .structure([.uint64(0), .dictionary(keySignature: "s", valueSignature: "v", []),
                        .array(elementSignature: "d", [])]),
        ])
        let intKeys: DBusValue = .dictionary(keySignature: "u", valueSignature: "ao", [
            .init(key: .uint32(1), value: .objectPathArray(["/x", "/y"])),
        ])
        try await withEcho { _, client, _ in
            let reply = try await client.call(Echo.call("Echo", [value, intKeys]), expecting: "a(ta{sv}ad)a{uao}")
            #expect(reply == [value, intKeys])
            let deep = reply[0].arrayValue?[0].structureValue?[1].dictionaryValue?["deep"]
            #expect(deep?.unwrapped.structureValue?[1].stringArrayValue == ["a", "b"])
        }
    }

    @Test("a 1 MiB byte array goes through the bus intact")
    func largeByteArray() async throws {
        var bytes = [UInt8](repeating: 0, count: 1 << 20)
        for i in bytes.indices { bytes[i] = UInt8(truncatingIfNeeded: i &* 31 &+ i >> 8) }
        try await withEcho { _, client, _ in
            let reply = try await client.call(Echo.call("Echo", [.bytes(bytes)]), timeout: .seconds(10))
            #expect(reply.first?.bytesValue == bytes)
        }
    }

    @Test("a{sv} dictionaries: builder, wire order and typed accessor")
    func stringVariantDictionary() async throws {
        let options = DBusValue.stringVariantDictionary([
            "Ifname": .string("veth0"), "Driver": .string("wired"), "Count": .uint32(3), "SSID": .bytes([0xff, 0]),
        ])
        #expect(options.signature == "a{sv}")
        try await withEcho { _, client, _ in
            let reply = try await client.call(Echo.call("Echo", [options]), expecting: "a{sv}")
            #expect(reply[0] == options)
            let dict = try #require(reply[0].dictionaryValue)
            #expect(dict["Ifname"]?.stringValue == "veth0")
            #expect(dict["Count"]?.uint32Value == 3)
            #expect(dict["SSID"]?.bytesValue == [0xff, 0])
            #expect(reply[0].dictionaryEntries?.map(\.key.stringValue) == ["Count", "Driver", "Ifname", "SSID"])
        }
    }

    @Test("properties: Get, GetAll and Set through org.freedesktop.DBus.Properties")
    func properties() async throws {
        try await withEcho { _, client, _ in
            let name = try await client.getProperty(destination: Echo.name, path: Echo.path,
                                                    interface: Echo.interface, name: "Name")
            #expect(name == .string("echo"))
            try await client.setProperty(destination: Echo.name, path: Echo.path, interface: Echo.interface,
                                         name: "Count", value: .uint32(8))
            let all = try await client.getAllProperties(destination: Echo.name, path: Echo.path,
                                                        interface: Echo.interface)
            #expect(all == ["Name": .string("echo"), "Count": .uint32(8)])
            let error = await expectDBusError(.remoteError) {
                try await client.getProperty(destination: Echo.name, path: Echo.path,
                                             interface: Echo.interface, name: "Missing")
            }
            #expect(error?.remoteErrorName == "org.freedesktop.DBus.Error.UnknownProperty")
        }
    }
}
