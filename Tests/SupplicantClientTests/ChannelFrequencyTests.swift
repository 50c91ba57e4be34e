import ProfileModel
import SupplicantClient
import Testing

@Test func channelCentresOfEachBand() {
    for mhz in [2412, 2437, 2462, 2472, 2484, 5180, 5240, 5320, 5500, 5720, 5745, 5825, 5885, 5935, 5955, 6115, 7115] {
        #expect(ChannelFrequency.isChannelCentre(mhz), "\(mhz)")
    }
    for mhz in [0, 2400, 2411, 2413, 2477, 2483, 5170, 5182, 5340, 5600 + 1, 5725, 5890, 5950, 5960, 7135, -2412, Int.max] {
        #expect(!ChannelFrequency.isChannelCentre(mhz), "\(mhz)")
    }
}

@Test func frequencyListParsing() {
    #expect(ChannelFrequency.parseList("2412") == .success([2412]))
    #expect(ChannelFrequency.parseList("2412, 5180,2412") == .success([2412, 5180]))
    for bad in ["", "2412,", ",2412", "abc", "2412x", "+2412", "-2412", "24120000000000000000", "2413", "2412;5180"] {
        guard case .failure = ChannelFrequency.parseList(bad) else { Issue.record("accepted '\(bad)'"); continue }
    }
    var many: [String] = []
    for channel in 1...13 { many.append(String(2407 + 5 * channel)) }
    for step in 0...7 { many.append(String(5180 + 20 * step)) }
    guard case .failure(let f) = ChannelFrequency.parseList(many.joined(separator: ",")) else { Issue.record("too many accepted"); return }
    #expect(f.message.contains("at most 16"))
}

@Test func roamingModesMapToKeyManagement() throws {
    var spec = NetworkSpec(binding: .wifi(ssidBytes: Array("corp".utf8), security: .wpa2, hidden: false), outer: .peap,
                           inner: .mschapv2, identity: Array("a".utf8), serverPins: [String(repeating: "ab", count: 32)])
    func keyMgmt() throws -> (String?, Bool) {
        let plan = try NetworkConfiguration.make(from: spec, blobPrefix: "eapolctl")
        let km = plan.properties.first { $0.key == "key_mgmt" }.flatMap { if case .string(let s) = $0.value { s } else { nil } }
        return (km, plan.properties.contains { $0.key == "proactive_key_caching" && $0.value == .int32(1) })
    }
    #expect(try keyMgmt() == ("WPA-EAP", false))          // not set: as before the setting existed
    spec.roaming = RoamingMode.none
    #expect(try keyMgmt() == ("WPA-EAP", false))
    spec.roaming = .okc
    #expect(try keyMgmt() == ("WPA-EAP", true))
    spec.roaming = .auto
    #expect(try keyMgmt() == ("WPA-EAP FT-EAP", true))
    spec.roaming = .ft
    #expect(try keyMgmt() == ("FT-EAP", false))
    spec.binding = .wifi(ssidBytes: Array("corp".utf8), security: .wpa3, hidden: false)
    spec.roaming = .auto
    #expect(try keyMgmt() == ("WPA-EAP-SHA256 FT-EAP", true))
    // A wired port has no AKM to extend.
    spec.binding = .wired
    #expect(try keyMgmt() == ("IEEE8021X", false))
}
