import Testing
@testable import DBusKit

@Suite("Invalid input is rejected in Swift before libdbus could abort the process")
struct ValidationTests {
    @Test("invalid object paths, names, strings and signatures throw invalid-argument", arguments: [
        MethodCall(destination: "org.example.Echo", path: "no/slash", interface: "a.b", member: "M"),
        MethodCall(destination: "org.example.Echo", path: "/trailing/", interface: "a.b", member: "M"),
        MethodCall(destination: "org.example.Echo", path: "/a//b", interface: "a.b", member: "M"),
        MethodCall(destination: "org.example.Echo", path: "/a-b", interface: "a.b", member: "M"),
        MethodCall(destination: "not a name", path: "/a", interface: "a.b", member: "M"),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "nodots", member: "M"),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "a.b", member: "1M"),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "a.b", member: "M",
                   arguments: [.string("nul\u{0}inside")]),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "a.b", member: "M",
                   arguments: [.objectPath("bad path")]),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "a.b", member: "M",
                   arguments: [.signature("a{vs}")]),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "a.b", member: "M",
                   arguments: [.array(elementSignature: "s", [.int32(1)])]),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "a.b", member: "M",
                   arguments: [.array(elementSignature: "ss", [])]),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "a.b", member: "M",
                   arguments: [.dictionary(keySignature: "v", valueSignature: "s", [])]),
        MethodCall(destination: "org.example.Echo", path: "/a", interface: "a.b", member: "M",
                   arguments: [.structure([])]),
    ])
    func rejectsInvalid(call: MethodCall) async throws {
        #expect(throws: DBusError(.invalidArgument, "")) { try call.validate() }
        // And through a live connection: the process must survive.
        let bus = try await TestBus.start()
        let client = try await bus.connect()
        await expectDBusError(.invalidArgument) { try await client.call(call, timeout: .seconds(2)) }
        client.close()
        await bus.stop()
    }

    @Test("valid names and signatures are accepted")
    func acceptsValid() throws {
        try DBusNames.checkObjectPath("/fi/w1/wpa_supplicant1/Interfaces/0")
        try DBusNames.checkBusName(":1.42")
        try DBusNames.checkBusName("fi.w1.wpa_supplicant1")
        try DBusNames.checkSignature("a{sv}a(uu)aayoh")
        try DBusValue.stringVariantDictionary(["SSIDs": .array(elementSignature: "ay", [.bytes([1])])]).validate()
    }

    @Test("match rules quote values")
    func matchRuleString() {
        let rule = MatchRule(sender: "org.example.Echo", path: "/p", interface: "a.b", member: "M",
                             arguments: [0: "it's"])
        #expect(rule.ruleString
                == "type='signal',sender='org.example.Echo',path='/p',interface='a.b',member='M',arg0='it'\\''s'")
    }

    @Test("error codes are numbered 601 and up, with names and hints")
    func errorCodes() {
        let numbers = DBusErrorCode.allCodes.map(\.number)
        #expect(numbers == Array(601...610))
        #expect(Set(DBusErrorCode.allCodes.map(\.name)).count == 10)
        // The transport knows none of its clients: the supplicant's hints (the netdev group, its unit) are
        // SupplicantClient's (SupplicantBusHintsTests).
        for info in DBusErrorCode.allCodes.map(\.info) {
            #expect(!info.hint.isEmpty && !info.summary.isEmpty)
            #expect(!info.hint.contains("wpa_supplicant") && !info.hint.contains("netdev"), "\(info.name): \(info.hint)")
        }
    }
}
